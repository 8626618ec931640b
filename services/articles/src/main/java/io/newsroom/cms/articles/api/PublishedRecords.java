package io.newsroom.cms.articles.api;

import io.newsroom.cms.pictures.PublicImage;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What the published views answer, exactly as sent: the article page and the list item readers get through the
 * gateway's public API (no Markdown body, no internal byline), and the summary the curation service asks for.
 * The first two are written once into the read model and then passed through as stored ({@link Raw}).
 */
public final class PublishedRecords {
    private PublishedRecords() {
    }

    /**
     * A published article as readers get it: the sanitized HTML only, and its authors' public profiles ("About the
     * Author") in byline order. {@code authorsDegraded}: some author on the byline is not known here (yet), so
     * {@code authors} has fewer entries than the byline.
     */
    public record PublicArticle(UUID id, String slug, String headline, String dek, String bodyHtml, PublicImage heroImage,
                                List<String> tags, Instant publishedAt, Instant updatedAt, int revision,
                                List<Raw> authors, boolean authorsDegraded) {
    }

    /** An author on a byline, as list items name them. */
    public record AuthorLink(UUID id, String slug, String displayName) {
    }

    /** A published article in the newest-first list, in search and on author pages, as readers get it. */
    public record PublicSummary(UUID id, String slug, String headline, String dek, PublicImage heroImage, List<String> tags,
                                Instant publishedAt, Instant updatedAt, List<Raw> authors) {
    }

    /** A published article as the curation service resolves list items with it (service-internal: with the byline). */
    public record CurationSummary(UUID id, String slug, String headline, String dek, PublicImage heroImage,
                                  List<String> tags, List<UUID> byline, Instant publishedAt, Instant updatedAt) {
    }

    /** A page of the newest-first list: stored list items, and the cursor of the next page (null on the last). */
    public record PublishedPage(List<Raw> items, String nextCursor) {
    }

    /** Stored items, in order: search results, the curation batch. */
    public record Items(List<Raw> items) {
    }
}
