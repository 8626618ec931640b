package io.newsroom.cms.articles.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One in-app notification for one person: type, article, actor and a short text (the headline), read or not. */
@Entity
@Table(name = "notification")
public class Notification extends PanacheEntityBase {
    @Id
    public UUID id;
    public String recipient;
    @Enumerated(EnumType.STRING)
    public NotificationType type;
    @Column(name = "article_id")
    public UUID articleId;
    public String actor;
    public String text;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "read_at")
    public Instant readAt;
}
