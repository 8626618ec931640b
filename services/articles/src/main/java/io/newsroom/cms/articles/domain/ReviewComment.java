package io.newsroom.cms.articles.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "review_comment")
public class ReviewComment extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "article_id")
    public UUID articleId;
    public String author;
    public String body;
    @Column(name = "created_at")
    public Instant createdAt;
}
