package io.newsroom.cms.articles.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** A slug a tag had before a rename, or that of a tag merged into it; it keeps resolving to the tag. */
@Entity
@Table(name = "tag_slug_alias")
public class TagSlugAlias extends PanacheEntityBase {
    @Id
    public String slug;
    @Column(name = "tag_id")
    public UUID tagId;
}
