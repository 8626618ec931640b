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

/** One recorded transition: who did what, when, from which status to which, with an optional comment. */
@Entity
@Table(name = "workflow_event")
public class WorkflowEvent extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "article_id")
    public UUID articleId;
    public String action;
    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public ArticleStatus fromStatus;
    @Enumerated(EnumType.STRING)
    @Column(name = "to_status")
    public ArticleStatus toStatus;
    public String actor;
    public Instant at;
    public String comment;
    public Integer revision;
}
