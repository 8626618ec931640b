package io.newsroom.cms.authors.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** A slug an author had before a rename; it keeps resolving to the author. */
@Entity
@Table(name = "author_slug_alias")
public class AuthorSlugAlias extends PanacheEntityBase {
    @Id
    public String slug;
    @Column(name = "author_id")
    public UUID authorId;
}
