package io.newsroom.cms.articles.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * Who reviews an article next ({@code assignee} null: nobody). Changed only under the article's row lock, which is why
 * {@code version} is counted by hand: it goes up on every change, also the first one and an unassignment.
 */
@Entity
@Table(name = "article_assignment")
public class ArticleAssignment extends PanacheEntityBase {
    @Id
    @Column(name = "article_id")
    public UUID articleId;
    public String assignee;
    public String note;
    @Column(name = "assigned_by")
    public String assignedBy;
    @Column(name = "assigned_at")
    public Instant assignedAt;
    public long version;
}
