package io.newsroom.cms.webhooks.repository;

import io.newsroom.cms.webhooks.domain.Endpoint;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

/** The registered endpoints (Panache). */
@ApplicationScoped
public class Endpoints implements PanacheRepositoryBase<Endpoint, UUID> {
    /** Every endpoint, oldest first (an installation has a handful). */
    public List<Endpoint> all() {
        return listAll(Sort.ascending("createdAt").and("id"));
    }
}
