package io.newsroom.cms.reliability;

import io.newsroom.cms.reliability.support.Endpoint;
import io.newsroom.cms.reliability.support.Figures;
import io.newsroom.cms.reliability.support.Fixtures;
import io.newsroom.cms.reliability.support.Http;
import io.newsroom.cms.reliability.support.StackLogs;
import io.newsroom.cms.reliability.support.Requests;
import io.newsroom.cms.reliability.support.TrustStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static io.newsroom.cms.reliability.Callers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every endpoint of every part, enumerated from its OpenAPI document, called by everyone who could call it, directly
 * on the service's port and through the gateway. Who may call what is the table below, as data; an endpoint without
 * an expectation, or an expectation without an endpoint, fails the build. Calls that are allowed must not change the
 * fixtures: changes carry a stale If-Match (412 for whoever may), creates make new things. A caller is "denied" when
 * answered 401 or 403; every answer is also checked for private author fields that caller must not get.
 */
@Order(1)
class AuthorizationMatrixTest {
    /** Who may call what ({@code "METHOD /path"} as the OpenAPI documents name them). */
    static final Map<String, Set<Callers>> MAY = new LinkedHashMap<>();

    static {
        // articles: editorial
        MAY.put("POST /articles", WRITERS_EDITORS_ADMINS);
        MAY.put("GET /articles", PEOPLE);
        MAY.put("POST /articles/preview", PEOPLE);
        // the planning calendar: everyone in the newsroom reads the scheduled publishes and expiries (moving one is a
        // transition, editors and admins)
        MAY.put("GET /articles/schedule", PEOPLE);
        MAY.put("GET /articles/{id}", PEOPLE);
        MAY.put("PUT /articles/{id}", OWNER_EDITORS_ADMINS);
        MAY.put("DELETE /articles/{id}", ADMINS);
        MAY.put("POST /articles/{id}/transitions", OWNER_EDITORS_ADMINS);
        MAY.put("GET /articles/{id}/history", PEOPLE);
        MAY.put("GET /articles/{id}/comments", PEOPLE);
        MAY.put("POST /articles/{id}/comments", WRITERS_EDITORS_ADMINS);
        MAY.put("GET /articles/{id}/revisions", PEOPLE);
        MAY.put("GET /articles/{id}/revisions/{n}", PEOPLE);
        MAY.put("GET /articles/{id}/revisions/{a}/diff/{b}", PEOPLE);
        MAY.put("POST /articles/{id}/revisions/{n}/restore", OWNER_EDITORS_ADMINS);
        // articles: presence and soft locks (who has the draft open: whoever reads every article, and its writer; the
        // stream is read up to its first event, see Http); taking over the lock needs the right to edit it
        MAY.put("GET /articles/{id}/presence", ARTICLE_WATCHERS);
        MAY.put("GET /articles/{id}/presence/stream", ARTICLE_WATCHERS);
        MAY.put("PUT /articles/{id}/presence/{session}", ARTICLE_WATCHERS);
        MAY.put("DELETE /articles/{id}/presence/{session}", ARTICLE_WATCHERS);
        MAY.put("POST /articles/{id}/presence/{session}/take-over", OWNER_EDITORS_ADMINS);
        // articles: preview links (editors and admins on any article, a writer on their own); opening one is anonymous
        MAY.put("POST /articles/{id}/previews", OWNER_EDITORS_ADMINS);
        MAY.put("GET /articles/{id}/previews", OWNER_EDITORS_ADMINS);
        MAY.put("DELETE /articles/{id}/previews/{previewId}", OWNER_EDITORS_ADMINS);
        MAY.put("POST /previews/open", EVERYONE);
        // articles: assignments (editors and admins assign any article; a writer asks for review of their own draft)
        MAY.put("PUT /articles/{id}/assignee", OWNER_EDITORS_ADMINS);
        MAY.put("DELETE /articles/{id}/assignee", OWNER_EDITORS_ADMINS);
        MAY.put("GET /articles/assignees", WRITERS_EDITORS_ADMINS);
        // articles: each person's own notifications (another person's id is a 404, never theirs to read)
        MAY.put("GET /notifications", PEOPLE);
        MAY.put("GET /notifications/unread-count", PEOPLE);
        MAY.put("POST /notifications/{id}/read", PEOPLE);
        MAY.put("POST /notifications/read-all", PEOPLE);
        // an embargo: set, changed and lifted by editors and admins (who may open the article)
        MAY.put("PUT /articles/{id}/embargo", EDITORS_ADMINS);
        MAY.put("DELETE /articles/{id}/embargo", EDITORS_ADMINS);
        // articles: published views (anonymous reads for the gateway and curation)
        MAY.put("GET /articles/published", EVERYONE);
        MAY.put("GET /articles/published/{slug}", EVERYONE);
        MAY.put("GET /articles/published/{slug}/related", EVERYONE);
        MAY.put("POST /articles/published/batch", EVERYONE);
        MAY.put("GET /articles/published/search", EVERYONE);
        MAY.put("GET /articles/published/sitemap/pages", EVERYONE);
        MAY.put("GET /articles/published/sitemap/pages/{page}", EVERYONE);
        MAY.put("GET /articles/published/sitemap/news", EVERYONE);
        MAY.put("GET /articles/published/documents/by-ids", EVERYONE);
        // articles: sections (writers read them to pick one; editors and admins keep the tree)
        MAY.put("GET /sections", PEOPLE);
        MAY.put("POST /sections", EDITORS_ADMINS);
        MAY.put("GET /sections/{id}", PEOPLE);
        MAY.put("PUT /sections/{id}", EDITORS_ADMINS);
        MAY.put("DELETE /sections/{id}", EDITORS_ADMINS);
        MAY.put("GET /sections/published", EVERYONE);
        MAY.put("GET /sections/published/{slug}", EVERYONE);
        // articles: tags (writers read them to complete a tag; editors and admins rename, describe, merge and delete)
        MAY.put("GET /tags", PEOPLE);
        MAY.put("POST /tags", EDITORS_ADMINS);
        MAY.put("GET /tags/{slug}", PEOPLE);
        MAY.put("PUT /tags/{slug}", EDITORS_ADMINS);
        MAY.put("PATCH /tags/{slug}", EDITORS_ADMINS);
        MAY.put("DELETE /tags/{slug}", EDITORS_ADMINS);
        MAY.put("POST /tags/{slug}/merge", EDITORS_ADMINS);
        MAY.put("GET /tags/published", EVERYONE);
        MAY.put("GET /tags/published/{slug}", EVERYONE);
        // authors
        MAY.put("POST /authors", ADMINS);
        MAY.put("GET /authors", PEOPLE);
        MAY.put("GET /authors/{id}", PEOPLE);
        MAY.put("PUT /authors/{id}", ADMINS);
        MAY.put("DELETE /authors/{id}", ADMINS);
        MAY.put("GET /authors/me", PEOPLE);
        MAY.put("PUT /authors/me", PEOPLE);
        MAY.put("POST /authors/byline-claims", ARTICLES_SERVICE);
        MAY.put("DELETE /authors/byline-claims/{id}", ARTICLES_SERVICE);
        MAY.put("GET /authors/public/by-slug/{slug}", EVERYONE);
        MAY.put("GET /authors/public/changes", EVERYONE);
        MAY.put("GET /authors/public/active", EVERYONE);
        // curation
        MAY.put("POST /lists", CURATORS_ADMINS);
        MAY.put("GET /lists", LIST_READERS);
        MAY.put("GET /lists/{slug}", LIST_READERS);
        MAY.put("PUT /lists/{slug}", CURATORS_ADMINS);
        MAY.put("DELETE /lists/{slug}", ADMINS);
        MAY.put("GET /lists/{slug}/draft", LIST_READERS);
        MAY.put("GET /lists/{slug}/live", LIST_READERS);
        MAY.put("PUT /lists/{slug}/draft", CURATORS_ADMINS);
        MAY.put("POST /lists/{slug}/draft/items", CURATORS_ADMINS);
        MAY.put("PUT /lists/{slug}/draft/items/{articleId}", CURATORS_ADMINS);
        MAY.put("DELETE /lists/{slug}/draft/items/{articleId}", CURATORS_ADMINS);
        MAY.put("POST /lists/{slug}/draft/move", CURATORS_ADMINS);
        MAY.put("POST /lists/{slug}/draft/discard", CURATORS_ADMINS);
        MAY.put("POST /lists/{slug}/publish", CURATORS_ADMINS);
        MAY.put("POST /lists/{slug}/rollback", CURATORS_ADMINS);
        MAY.put("DELETE /lists/{slug}/schedule", CURATORS_ADMINS);
        // the planning calendar's lists: whoever reads lists
        MAY.put("GET /lists/schedule", LIST_READERS);
        MAY.put("GET /lists/{slug}/preview", LIST_READERS);
        MAY.put("GET /lists/{slug}/audit", LIST_READERS);
        MAY.put("GET /lists/public/{slug}", EVERYONE);
        // webhooks: admins only (endpoints for outside systems, their secrets and delivery logs)
        MAY.put("GET /webhooks/event-types", ADMINS);
        MAY.put("POST /webhooks", ADMINS);
        MAY.put("GET /webhooks", ADMINS);
        MAY.put("GET /webhooks/{id}", ADMINS);
        MAY.put("PUT /webhooks/{id}", ADMINS);
        MAY.put("DELETE /webhooks/{id}", ADMINS);
        MAY.put("POST /webhooks/{id}/secret", ADMINS);
        MAY.put("POST /webhooks/{id}/ping", ADMINS);
        MAY.put("GET /webhooks/{id}/deliveries", ADMINS);
        MAY.put("POST /webhooks/{id}/deliveries/{deliveryId}/redeliver", ADMINS);
        // media: the newsroom's picture library (deleting is for editors and admins); renditions are public
        MAY.put("POST /media", PEOPLE);
        MAY.put("POST /media/imports", PEOPLE);
        MAY.put("GET /media", PEOPLE);
        MAY.put("GET /media/{id}", PEOPLE);
        MAY.put("PUT /media/{id}", PEOPLE);
        MAY.put("DELETE /media/{id}", EDITORS_ADMINS);
        MAY.put("GET /media/{id}/usages", PEOPLE);
        // usage is reported by the services that show pictures, each its own kind only (the SERVICE caller is the articles
        // service: hero images; media's module test checks that authors and curation report only avatars and list items),
        // never by a person
        MAY.put("PUT /media/{id}/usages", ARTICLES_SERVICE);
        MAY.put("DELETE /media/{id}/usages/{kind}/{ref}", ARTICLES_SERVICE);
        MAY.put("GET /media/renditions/{hash}/{name}", EVERYONE);
        // gateway: the public content API and the editor app's settings
        MAY.put("GET /public/v1/articles", EVERYONE);
        MAY.put("GET /public/v1/articles/{slug}", EVERYONE);
        MAY.put("GET /public/v1/articles/{slug}/related", EVERYONE);
        MAY.put("GET /public/v1/media/{hash}/{name}", EVERYONE);
        MAY.put("GET /public/v1/authors/{slug}", EVERYONE);
        MAY.put("GET /public/v1/lists/{slug}", EVERYONE);
        MAY.put("GET /public/v1/search", EVERYONE);
        MAY.put("GET /public/v1/sections", EVERYONE);
        MAY.put("GET /public/v1/sections/{slug}", EVERYONE);
        MAY.put("GET /public/v1/tags", EVERYONE);
        MAY.put("GET /public/v1/tags/{slug}", EVERYONE);
        MAY.put("GET /public/v1/feed.xml", EVERYONE);
        MAY.put("GET /public/v1/sitemap.xml", EVERYONE);
        MAY.put("GET /public/v1/feed.atom", EVERYONE);
        MAY.put("GET /public/v1/feed.json", EVERYONE);
        MAY.put("GET /public/v1/tags/{tag}/feed.xml", EVERYONE);
        MAY.put("GET /public/v1/tags/{tag}/feed.atom", EVERYONE);
        MAY.put("GET /public/v1/tags/{tag}/feed.json", EVERYONE);
        MAY.put("GET /public/v1/sections/{slug}/feed.xml", EVERYONE);
        MAY.put("GET /public/v1/sections/{slug}/feed.atom", EVERYONE);
        MAY.put("GET /public/v1/sections/{slug}/feed.json", EVERYONE);
        MAY.put("GET /public/v1/sitemaps/articles-{n}.xml", EVERYONE);
        MAY.put("GET /public/v1/sitemap-news.xml", EVERYONE);
        MAY.put("GET /public/v1/authors", EVERYONE);
        MAY.put("GET /public/v1/openapi.json", EVERYONE);
        MAY.put("GET /config.json", EVERYONE);
        // gateway: a preview link's page (the fixtures' draft, shared by an editor)
        MAY.put("GET /preview/{token}", EVERYONE);
    }

    private static Fixtures fixtures;
    private static List<Endpoint> endpoints;

    @BeforeAll
    static void setUp() {
        TrustStack.get();
        fixtures = Fixtures.make();
        endpoints = new ArrayList<>();
        for (String part : List.of("articles", "authors", "curation", "webhooks", "media")) {
            endpoints.addAll(Endpoint.of(part, TrustStack.service(part)));
        }
        endpoints.addAll(Endpoint.of("gateway", TrustStack.gateway()));
    }

    /**
     * An embargoed article (alice's, open to the editors) through every editorial read of one article, directly and through
     * the gateway: its writer, the editor and the admin get it; the other writer and the curator get the 404 of an
     * article that does not exist, and lists and search leave it out for them. No answer to them names its marker.
     */
    @Test
    void anEmbargoedArticleIsOpenOnlyToThoseItNames() {
        String marker = "embargo" + fixtures.marker;
        Http.Answer created = Fixtures.expectRetrying(201, () -> Fixtures.call("alice", "POST", "/api/articles", null,
                Map.of("headline", "Embargoed " + marker, "body", "Held back " + marker, "byline", List.of(fixtures.authorId))));
        String id = created.json().path("id").asText();
        Fixtures.expect(200, Fixtures.call("erin", "PUT", "/api/articles/" + id + "/embargo", created.header("etag"),
                Map.of("until", java.time.Instant.now().plus(java.time.Duration.ofHours(2)).toString(),
                        "access", Map.of("users", List.of(), "roles", List.of("editor")))));
        Set<Callers> open = java.util.EnumSet.of(OWNER, EDITOR, ADMIN);
        List<String> wrong = new ArrayList<>();
        List<Http.Call> calls = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            boolean read = endpoint.part().equals("articles") && endpoint.method().equals("GET")
                    && (endpoint.path().startsWith("/articles/{id}") || endpoint.path().equals("/articles"));
            if (!read) {
                continue;
            }
            String path = endpoint.path().equals("/articles") ? "/articles?q=" + marker
                    : Requests.path(endpoint, fixtures).replace(fixtures.draftId, id);
            for (Callers caller : PEOPLE) {
                for (String base : List.of(TrustStack.service("articles"), TrustStack.gateway() + "/api")) {
                    calls.add(new Http.Call("GET", base + path, TrustStack.auth(caller.user), null));
                    labels.add(caller + " GET " + path + (base.endsWith("/api") ? " (gateway)" : ""));
                }
            }
        }
        List<Http.Answer> answers = Http.sendAll(calls, 8);
        for (int i = 0; i < calls.size(); i++) {
            Http.Answer answer = answers.get(i);
            Callers caller = Callers.valueOf(labels.get(i).substring(0, labels.get(i).indexOf(' ')));
            boolean list = labels.get(i).contains("?q=");
            if (answer.status() == 403 && answer.body().contains("Your role does not allow this")) {
                continue; // the caller's role may not make this read on any article (a preview link list for a curator): nothing told
            }
            boolean sees = list ? answer.status() == 200 && answer.body().contains(id) : answer.status() == 200;
            if (sees != open.contains(caller) || !list && !open.contains(caller) && answer.status() != 404
                    || !open.contains(caller) && answer.body().contains(marker)) {
                wrong.add(labels.get(i) + " → " + answer);
            }
        }
        Figures.add("embargo: editorial reads checked", calls.size());
        System.out.printf("[trust] embargo: %d editorial reads of an embargoed article, %d answered wrongly%n", calls.size(), wrong.size());
        assertEquals(List.of(), wrong, "an embargoed article is open only to its writer, the roles it names and admins");
    }

    @Test
    void everyEndpointHasAnExpectationAndEveryExpectationAnEndpoint() {
        Set<String> listed = new TreeSet<>();
        endpoints.forEach(e -> listed.add(e.key()));
        Set<String> missing = new TreeSet<>(listed);
        missing.removeAll(MAY.keySet());
        Set<String> stale = new TreeSet<>(MAY.keySet());
        stale.removeAll(listed);
        assertEquals(Set.of(), missing, "endpoints without an expectation in the matrix: add them to MAY");
        assertEquals(Set.of(), stale, "expectations for endpoints that no OpenAPI document lists");
    }

    /** One call of the matrix: who, which endpoint, which route (directly or through the gateway). */
    private record MatrixCall(Endpoint endpoint, Callers caller, String route, Http.Call call) {
    }

    @Test
    void everyoneGetsExactlyWhatTheirRoleAllowsDirectlyAndThroughTheGateway() {
        List<String> unexpectedAllows = new ArrayList<>();
        List<String> unexpectedDenials = new ArrayList<>();
        List<String> leaks = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        Map<String, String> before = fixtures.etags();
        List<MatrixCall> calls = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            if (!MAY.containsKey(endpoint.key())) {
                continue; // reported by the test above
            }
            for (Callers caller : Callers.values()) {
                if (endpoint.part().equals("gateway")) {
                    calls.add(new MatrixCall(endpoint, caller, "direct", Requests.valid(endpoint, fixtures, caller.user, TrustStack.gateway())));
                } else {
                    calls.add(new MatrixCall(endpoint, caller, "direct",
                            Requests.valid(endpoint, fixtures, caller.user, TrustStack.service(endpoint.part()))));
                    calls.add(new MatrixCall(endpoint, caller, "gateway",
                            Requests.valid(endpoint, fixtures, caller.user, TrustStack.gateway() + "/api")));
                }
            }
        }
        List<Http.Answer> answers = Http.sendAll(calls.stream().map(MatrixCall::call).toList(), 16);
        for (int i = 0; i < calls.size(); i++) {
            MatrixCall c = calls.get(i);
            Http.Answer answer = answers.get(i);
            Set<Callers> may = MAY.get(c.endpoint().key());
            String where = c.route() + " " + c.endpoint().key() + " as " + c.caller();
            boolean denied = answer.status() == 401 || answer.status() == 403;
            if (answer.status() >= 500 || answer.status() < 0) {
                failures.add(where + " → " + answer + StackLogs.entryFor(answer.body()));
            } else if (c.route().equals("gateway") && c.endpoint().internal()) {
                if (answer.status() != 404) {
                    unexpectedAllows.add(where + " → " + answer.status() + " (internal: the editor API does not forward it)");
                }
            } else if (may.contains(c.caller()) && denied) {
                unexpectedDenials.add(where + " → " + answer);
            } else if (!may.contains(c.caller()) && !denied) {
                unexpectedAllows.add(where + " → " + answer);
            }
            if (answer.status() >= 400 && !answer.isProblem()) {
                failures.add(where + " → not a problem+json: " + answer);
            }
            boolean mayReadPrivate = c.caller() == OWNER || c.caller() == ADMIN;
            if (!mayReadPrivate && (answer.body().contains(fixtures.email)
                    || c.endpoint().path().startsWith("/authors") && !c.endpoint().internal() && answer.body().contains("\"username\""))) {
                leaks.add(where + " → " + answer);
            }
        }
        int sent = calls.size();
        Figures.add("matrix: requests", sent);
        Figures.add("matrix: endpoints", endpoints.size());
        Figures.add("matrix: unexpected allows", unexpectedAllows.size());
        Figures.add("matrix: unexpected denials", unexpectedDenials.size());
        Figures.add("matrix: private fields to the wrong reader", leaks.size());
        System.out.printf("[trust] authorization matrix: %d endpoints × %d callers, %d requests; unexpected allows %d, unexpected denials %d,"
                        + " private fields to the wrong reader %d, 5xx or non-problem errors %d%n", endpoints.size(), Callers.values().length,
                sent, unexpectedAllows.size(), unexpectedDenials.size(), leaks.size(), failures.size());
        assertEquals(List.of(), unexpectedAllows, "unexpected allows");
        assertEquals(List.of(), unexpectedDenials, "unexpected denials");
        assertEquals(List.of(), leaks, "private fields to the wrong reader");
        assertEquals(List.of(), failures, "errors that are not 4xx problems");
        assertEquals(before, fixtures.etags(), "a call of the matrix changed a fixture");
    }

}
