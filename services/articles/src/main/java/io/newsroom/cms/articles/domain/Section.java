package io.newsroom.cms.articles.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** A section of the site (News, News › Cloud, Opinion): a node of the hierarchy, ordered among its siblings by {@code position}. */
@Entity
@Table(name = "section")
public class Section extends PanacheEntityBase {
    @Id
    public UUID id;
    public String slug;
    public String name;
    public String description;
    /** The parent section, or null for a top-level one. */
    @Column(name = "parent_id")
    public UUID parentId;
    /** Place among its siblings, from 0. */
    public int position;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public long version;
}
