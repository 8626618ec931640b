package io.newsroom.cms.curation.domain;

import java.util.Map;

/**
 * An event about what readers see of a list, written with the change that causes it (the lists' outbox) and relayed to
 * the compacted topic {@code cms.curation.lists} under the list's slug: {@code value} is the live list as JSON, or
 * null for a tombstone (the list is off the site).
 */
public record ListEvent(String type, String slug, String value, Map<String, String> headers) {
    /** What readers see of the list changed: published, rolled back, a scheduled publish, a new title or description. */
    public static final String PUBLISHED = "list.published";
    /** The list is off the site (deleted): a tombstone. */
    public static final String UNPUBLISHED = "list.unpublished";
}
