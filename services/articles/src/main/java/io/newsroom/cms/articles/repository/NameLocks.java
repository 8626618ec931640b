package io.newsroom.cms.articles.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Serializes the transactions that check and take one name (a slug, an account link) until they commit. A unique
 * index alone turns the loser of a race into a constraint violation after the fact; a current slug and an old one
 * (an alias) live in two tables, which no index spans. With this, the second of two concurrent creates of "jane-doe"
 * waits, then sees the first one's row: a 409 for a slug asked for, "jane-doe-2" for one derived from the name.
 */
@ApplicationScoped
public class NameLocks {
    @Inject
    EntityManager em;

    /** Holds a transaction-scoped advisory lock on {@code kind:name} (released at commit or rollback). */
    public void lock(String kind, String name) {
        em.createNativeQuery("select 1 from pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .setParameter("key", kind + ":" + name).getSingleResult();
    }
}
