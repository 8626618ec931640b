package io.newsroom.cms.gateway;

import java.util.UUID;

/** What the services answer the gateway, in their current shape (the articles service sends the public JSON itself). */
final class PublicJson {
    static final String AUTHOR_ID = "5c1e0000-0000-4000-8000-000000000001";

    private PublicJson() {
    }

    static String profile(String slug, String name) {
        return "{\"id\":\"" + AUTHOR_ID + "\",\"slug\":\"" + slug + "\",\"displayName\":\"" + name + "\",\"jobTitle\":\"Correspondent\","
                + "\"organization\":null,\"bio\":\"Writes about **things**.\",\"bioHtml\":\"<p>Writes about <strong>things</strong>.</p>\","
                + "\"avatar\":{\"url\":\"https://img.example/a.jpg\",\"alt\":\"Portrait of " + name + "\"},"
                + "\"social\":{\"x\":\"@Jane\",\"website\":null,\"linkedin\":null,\"mastodon\":null},\"active\":true}";
    }

    /** An article as the articles service stores and sends it: spacing and escapes of its own, which must reach readers as they are. */
    static String article(String slug, boolean degraded) {
        return "{\"id\":\"" + UUID.nameUUIDFromBytes(slug.getBytes()) + "\", \"slug\":\"" + slug + "\",\"headline\":\"Caf\\u00e9 \\\"quotes\\\" \u2014 " + slug + "\","
                + "\"dek\":\"A dek\",\"bodyHtml\":\"<p>Body</p>\",\"heroImage\":{\"url\":\"https://img.example/h.jpg\",\"alt\":\"Hero\",\"caption\":null,\"credit\":null},"
                + "\"tags\":[\"cloud\"],\"publishedAt\":\"2026-01-01T09:00:00Z\",\"updatedAt\":\"2026-01-02T09:00:00Z\",\"revision\":2,"
                + "\"authors\":[" + (degraded ? "" : profile("jane-doe", "Jane Doe")) + "],\"authorsDegraded\":" + degraded + ","
                + "\"seo\":{\"title\":\"Caf\u00e9 " + slug + "\",\"description\":\"A dek\",\"canonicalUrl\":null,\"noindex\":false,"
                + "\"image\":{\"url\":\"https://img.example/h.jpg\",\"width\":null,\"height\":null,\"alt\":\"Hero\"}},"
                + "\"corrections\":[{\"kind\":\"correction\",\"note\":\"The date was wrong.\",\"at\":\"2026-01-02T09:00:00Z\"}]}";
    }

    static String summary(String slug, String dek) {
        return "{\"id\":\"" + UUID.nameUUIDFromBytes(slug.getBytes()) + "\",\"slug\":\"" + slug + "\",\"headline\":\"Headline " + slug + "\","
                + "\"dek\":" + (dek == null ? "null" : "\"" + dek + "\"") + ",\"heroImage\":null,\"tags\":[\"cloud\"],"
                + "\"publishedAt\":\"2026-01-01T09:00:00Z\",\"updatedAt\":\"2026-01-02T09:00:00Z\","
                + "\"authors\":[{\"id\":\"" + AUTHOR_ID + "\",\"slug\":\"jane-doe\",\"displayName\":\"Jane Doe\"}]}";
    }

    static String page(String nextCursor, String... summaries) {
        return "{\"items\":[" + String.join(",", summaries) + "],\"nextCursor\":" + (nextCursor == null ? "null" : "\"" + nextCursor + "\"") + "}";
    }

    static String search(String... summaries) {
        return "{\"items\":[" + String.join(",", summaries) + "]}";
    }

    static String list(String slug) {
        return "{\"slug\":\"" + slug + "\",\"title\":\"Featured\",\"description\":null,\"revision\":3,\"publishedAt\":\"2026-01-01T09:00:00Z\","
                + "\"items\":[{\"position\":0,\"articleId\":\"" + UUID.randomUUID() + "\",\"slug\":\"chips\",\"headline\":\"Chips\","
                + "\"summary\":\"Supply is back.\",\"image\":{\"url\":\"https://img.example/c.jpg\",\"alt\":\"Wafers\"},\"publishedAt\":\"2026-01-01T09:00:00Z\"}]}";
    }
}
