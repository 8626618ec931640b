package io.newsroom.cms.articles.domain;

/**
 * What a notification says happened. Stored by name: a new kind is one more constant here and a sentence in the editor
 * app ({@code frontend/src/lib/notifications.ts}). {@link #LOCK_TAKEN_OVER} goes to the person whose
 * edit lock someone took over (service/LockTakeOverNotices).
 */
public enum NotificationType {
    REVIEW_REQUESTED,
    CHANGES_REQUESTED,
    APPROVED,
    PUBLISHED,
    MENTIONED,
    ASSIGNED,
    LOCK_TAKEN_OVER
}
