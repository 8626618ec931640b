package io.newsroom.cms.reliability.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A valid request for any endpoint, aimed at the fixtures: path parameters filled in, required query parameters set,
 * a body that passes validation. The matrix sends these as they are; the fuzzer mutates them. Changes carry a stale
 * If-Match, so whoever may make them gets a 412 and nothing changes.
 */
public final class Requests {
    public static final String STALE = "\"999999\"";

    private Requests() {
    }

    public static String path(Endpoint endpoint, Fixtures f) {
        return endpoint.path()
                .replace("/articles/published/{slug}", "/articles/published/" + f.publishedSlug)
                .replace("/articles/{id}", "/articles/" + f.draftId)
                // a link nobody made: whoever may revoke gets a 404, nothing changes
                .replace("{previewId}", UUID.randomUUID().toString())
                .replace("/preview/{token}", "/preview/" + f.previewToken)
                // nobody's notification: whoever may mark one read gets a 404
                .replace("/notifications/{id}", "/notifications/" + UUID.randomUUID())
                .replace("/sections/published/{slug}", "/sections/published/" + Fixtures.SECTION_SLUG)
                .replace("/public/v1/sections/{slug}", "/public/v1/sections/" + Fixtures.SECTION_SLUG)
                .replace("/sections/{id}", "/sections/" + Fixtures.SECTION_ID)
                // the published fixture's tag
                .replace("/tags/published/{slug}", "/tags/published/trust")
                .replace("/public/v1/tags/{slug}", "/public/v1/tags/trust")
                .replace("/tags/{slug}", "/tags/trust")
                // a tab's session id: a fresh one per call (each call is its own tab)
                .replace("{session}", UUID.randomUUID().toString())
                .replace("{n}", "1").replace("{a}", "1").replace("{b}", "1").replace("{page}", "1")
                .replace("{tag}", "trust")
                .replace("/authors/byline-claims/{id}", "/authors/byline-claims/" + UUID.randomUUID())
                .replace("/authors/public/by-slug/{slug}", "/authors/public/by-slug/" + f.authorSlug)
                .replace("/authors/{id}", "/authors/" + f.authorId)
                .replace("/public/v1/articles/{slug}", "/public/v1/articles/" + f.publishedSlug)
                .replace("/public/v1/authors/{slug}", "/public/v1/authors/" + f.authorSlug)
                .replace("/public/v1/lists/{slug}", "/public/v1/lists/" + f.listSlug)
                .replace("/lists/public/{slug}", "/lists/public/" + f.listSlug)
                .replace("/webhooks/{id}", "/webhooks/" + f.webhookId)
                .replace("{deliveryId}", f.deliveryId)
                .replace("/media/renditions/{hash}/{name}", "/media/renditions/" + f.mediaHash + "/original-320-50-50.webp")
                .replace("/public/v1/media/{hash}/{name}", "/public/v1/media/" + f.mediaHash + "/original-320-50-50.webp")
                .replace("/media/{id}", "/media/" + f.mediaId)
                .replace("{kind}", "article").replace("{ref}", "trust-ref")
                .replace("{slug}", f.listSlug)
                .replace("{articleId}", f.publishedId);
    }

    public static Map<String, String> requiredQuery(Endpoint endpoint, Fixtures f) {
        Map<String, String> query = new LinkedHashMap<>();
        for (String required : endpoint.requiredQuery()) {
            query.put(required, switch (required) {
                case "q" -> "published";
                case "since" -> "2020-01-01T00:00:00Z";
                case "ids" -> f.publishedId;
                // a planning window (GET /articles/schedule, /lists/schedule): a week
                case "from" -> "2030-01-07T00:00:00Z";
                case "to" -> "2030-01-14T00:00:00Z";
                default -> throw new IllegalStateException("no value for required query parameter " + required + " of " + endpoint);
            });
        }
        return query;
    }

    /** Who passes the role check of an endpoint (the fuzzer's caller): the articles service, alice for "me", else an admin. */
    public static String caller(Endpoint endpoint) {
        if (endpoint.path().startsWith("/authors/byline-claims")) {
            return "articles-service";
        }
        return endpoint.path().equals("/authors/me") ? "alice" : "root";
    }

    /** A valid body per endpoint that takes one (null: none). */
    public static Map<String, Object> body(Endpoint endpoint, Fixtures f) {
        return switch (endpoint.key()) {
            case "POST /articles" -> Map.of("headline", "Attack " + UUID.randomUUID(), "dek", "A standfirst", "body", "Some **body**.",
                    "tags", List.of("trust"), "heroImage", Map.of("url", "https://img.example/x.jpg", "alt", "An image"),
                    "byline", List.of(f.authorId), "related", List.of(f.publishedId));
            case "POST /articles/preview" -> Map.of("body", "**Preview**");
            case "PUT /articles/{id}" -> Map.of("headline", "Attack edit", "byline", List.of(f.authorId), "tags", List.of("trust"),
                    "related", List.of(f.publishedId));
            case "POST /articles/{id}/transitions" -> Map.of("action", "submit", "comment", "a comment");
            case "POST /articles/{id}/comments" -> Map.of("body", "A comment");
            case "PUT /articles/{id}/presence/{session}" -> Map.of("mode", "VIEWING");
            case "POST /articles/{id}/previews" -> Map.of("label", "Trust suite", "expiresAt",
                    java.time.Instant.now().plus(java.time.Duration.ofDays(2)).toString());
            case "POST /previews/open" -> Map.of("token", f.previewToken);
            case "PUT /articles/{id}/assignee" -> Map.of("assignee", "erin", "note", "Please review");
            case "PUT /articles/{id}/embargo" -> Map.of("until", java.time.Instant.now().plus(java.time.Duration.ofDays(1)).toString(),
                    "access", Map.of("users", List.of("bob"), "roles", List.of("editor")), "comment", "Held for the trust suite");
            case "POST /articles/published/batch" -> Map.of("ids", List.of(f.publishedId));
            case "POST /sections" -> Map.of("name", "Attack " + UUID.randomUUID(), "description", "A section");
            case "PUT /sections/{id}" -> Map.of("name", "News", "slug", Fixtures.SECTION_SLUG);
            case "POST /tags" -> Map.of("name", "attack " + UUID.randomUUID(), "description", "A tag");
            case "PUT /tags/{slug}" -> Map.of("name", "trust", "description", "The trust suite's tag");
            case "PATCH /tags/{slug}" -> Map.of("description", "The trust suite's tag");
            case "POST /tags/{slug}/merge" -> Map.of("into", "trust");
            case "POST /authors" -> Map.of("displayName", "Attack Author", "jobTitle", "Reporter",
                    "social", Map.of("x", "@attack", "website", "https://attack.example"));
            case "PUT /authors/{id}" -> Map.of("displayName", "Alice Archer", "username", "alice", "email", f.email);
            case "PUT /authors/me" -> Map.of("displayName", "Alice Archer", "bio", "A bio",
                    "avatar", Map.of("url", "https://img.example/a.jpg", "alt", "Alice"));
            case "POST /authors/byline-claims" -> Map.of("articleId", UUID.randomUUID().toString(), "ids", List.of(UUID.randomUUID().toString()));
            case "POST /lists" -> Map.of("slug", "attack-" + UUID.randomUUID().toString().substring(0, 8), "title", "Attack", "maxItems", 5);
            case "PUT /lists/{slug}" -> Map.of("title", "Attack", "maxItems", 6);
            case "PUT /lists/{slug}/draft" -> Map.of("items", List.of(Map.of("articleId", f.publishedId)));
            case "POST /lists/{slug}/draft/items" -> Map.of("articleId", f.publishedId, "position", 0,
                    "overrides", Map.of("headline", "H", "summary", "S", "image", Map.of("url", "https://img.example/i.jpg", "alt", "I")),
                    "window", Map.of("from", "2026-01-01T00:00:00Z", "until", "2036-01-01T00:00:00Z"));
            case "PUT /lists/{slug}/draft/items/{articleId}" -> Map.of("overrides", Map.of("headline", "Attack headline"),
                    "window", Map.of("until", "2036-01-01T00:00:00Z"));
            case "POST /lists/{slug}/draft/move" -> Map.of("articleId", f.publishedId, "position", 0);
            case "POST /lists/{slug}/publish" -> Map.of("at", "2030-01-01T00:00:00Z");
            case "POST /lists/{slug}/rollback" -> Map.of("revision", 1);
            // a receiver nobody listens on: the deliveries these calls make fail and are retried, which is fine
            case "POST /webhooks", "PUT /webhooks/{id}" -> Map.of("url", "http://127.0.0.1:9/attack", "description", "Attack",
                    "events", List.of("article.published"), "kind", "standard");
            // a source nobody listens on (the discard port): a 400 at url for whoever may import, whether the stack allows
            // private sources (the connection is refused) or not (a loopback address); nothing is stored
            case "POST /media/imports" -> Map.of("url", "http://127.0.0.1:9/attack.jpg", "altText", "Attack");
            case "PUT /media/{id}" -> Map.of("altText", "Attack alt", "caption", "Attack", "focalPoint", Map.of("x", 0.5, "y", 0.5),
                    "tags", List.of("trust"));
            case "PUT /media/{id}/usages" -> Map.of("kind", "article", "ref", "trust-ref", "label", "Attack");
            default -> null;
        };
    }

    /** The request as the matrix sends it: {@code user} calling, through {@code base} (a service, or the gateway's /api). */
    public static Http.Call valid(Endpoint endpoint, Fixtures f, String user, String base) {
        StringBuilder url = new StringBuilder(base).append(path(endpoint, f));
        requiredQuery(endpoint, f).forEach((k, v) -> url.append(url.indexOf("?") < 0 ? '?' : '&').append(k).append('=').append(v));
        Map<String, String> headers = new LinkedHashMap<>();
        if (user != null) {
            headers.put("Authorization", TrustStack.bearer(user));
        }
        headers.put("If-Match", STALE);
        Map<String, Object> body = body(endpoint, f);
        if (body != null) {
            headers.put("Content-Type", "application/json");
        }
        return new Http.Call(endpoint.method(), url.toString(), headers, body == null ? null : Http.json(body));
    }
}
