package io.newsroom.cms.articles.domain;

/** Workflow status of an article's working copy. Whether a live revision exists is separate. */
public enum ArticleStatus {
    DRAFT, IN_REVIEW, APPROVED, SCHEDULED, PUBLISHED, UNPUBLISHED, ARCHIVED
}
