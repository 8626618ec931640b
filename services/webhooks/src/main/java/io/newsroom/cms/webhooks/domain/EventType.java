package io.newsroom.cms.webhooks.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The catalogue of events an endpoint subscribes to, by the name it is known to receivers (the payload's {@code type}).
 * Each comes from one Kafka topic of the system; {@code service.EventIntake} maps a record to one of these.
 */
public enum EventType {
    ARTICLE_PUBLISHED("article.published",
            "An article was published or republished; data is the public article document readers get"),
    ARTICLE_UNPUBLISHED("article.unpublished", "An article was taken off the site; data is {\"id\": article id}"),
    ARTICLE_WORKFLOW("article.workflow",
            "Any editorial transition of an article (create, submit, approve, publish, ...); data is the transition"),
    AUTHOR_UPDATED("author.updated", "An author's public profile changed; data is the public profile"),
    AUTHOR_DELETED("author.deleted", "An author's public profile is gone; data is {\"id\": author id}"),
    LIST_PUBLISHED("list.published", "What readers see of a curated list changed (published, rolled back, renamed); data is"
            + " the live list as curated: slug, title, description, revision, publishedAt, items (articleId, position,"
            + " overrides, window)"),
    LIST_UNPUBLISHED("list.unpublished", "A curated list was taken off the site; data is {\"slug\": list slug}");

    /** Not subscribable: sent to one endpoint on request ({@code POST /webhooks/{id}/ping}). */
    public static final String PING = "webhook.ping";

    private final String type;
    private final String description;

    EventType(String type, String description) {
        this.type = type;
        this.description = description;
    }

    public String type() {
        return type;
    }

    public String description() {
        return description;
    }

    public static Optional<EventType> of(String type) {
        return Arrays.stream(values()).filter(t -> t.type.equals(type)).findFirst();
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(EventType::type).toList();
    }
}
