package io.newsroom.cms.articles.api;

import io.newsroom.cms.articles.domain.NotificationType;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The notifications API: what happened to which article, who did it, and whether the recipient has read it. */
public final class NotificationRecords {
    private NotificationRecords() {
    }

    /**
     * {@code actor}: who did it (a username, or {@code scheduler}); {@code actorName}: the name they go by, as presence
     * shows it (null when the service has not seen their name: show the username); {@code text}: the article's
     * headline when it happened.
     */
    public record NotificationView(UUID id, NotificationType type, UUID articleId, String actor, String actorName, String text,
                                   Instant createdAt, Instant readAt) {
    }

    public record NotificationPage(List<NotificationView> items, String nextCursor) {
    }

    public record UnreadCount(long count) {
    }

    public record Marked(long marked) {
    }
}
