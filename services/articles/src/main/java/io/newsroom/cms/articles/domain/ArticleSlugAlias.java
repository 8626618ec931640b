package io.newsroom.cms.articles.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** A slug an article had before a rename; it keeps resolving (the public API redirects). */
@Entity
@Table(name = "article_slug_alias")
public class ArticleSlugAlias extends PanacheEntityBase {
    @Id
    public String slug;
    @Column(name = "article_id")
    public UUID articleId;
}
