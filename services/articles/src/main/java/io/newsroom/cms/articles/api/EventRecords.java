package io.newsroom.cms.articles.api;

import java.util.UUID;

/**
 * What this service tells other systems through Kafka (besides the published article itself, which is the public
 * document readers get, {@link PublishedRecords.PublicArticle}).
 */
public final class EventRecords {
    private EventRecords() {
    }

    /**
     * One editorial transition, on the workflow topic (key: the article id). The review comment is left out: it stays
     * inside the newsroom.
     */
    public record WorkflowChange(UUID id, UUID articleId, String slug, String action, String from, String to, String actor,
                                 String at, Integer revision) {
    }
}
