package io.newsroom.cms.articles.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/**
 * A managed tag: {@code name} is the word articles carry in their tags (lowercased), {@code slug} its address for
 * readers, {@code description} what editors say it is about.
 */
@Entity
@Table(name = "tag")
public class Tag extends PanacheEntityBase {
    @Id
    public UUID id;
    public String slug;
    public String name;
    public String description;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public long version;
}
