package io.newsroom.cms.articles;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.newsroom.cms.articles.ArticleApi.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Preview links: who may make, list and revoke them (editors and admins on any article, a writer on their own), what
 * a link opens (exactly its revision, even after later saves), how long (7 days by default, 30 at most), that a
 * revoked, expired, altered or unknown token is one and the same 404, and that a shared draft never reaches a
 * published read.
 */
@QuarkusTest
class PreviewLinksTest {
    private static final String PROBLEM = "application/problem+json";
    private static String jane;

    @Inject
    EntityManager em;

    @BeforeAll
    static void authors() {
        jane = author("Jane Preview", true);
    }

    private static String draft(String owner, String headline) {
        Map<String, Object> body = article(headline, List.of(jane));
        body.put("body", "First paragraph with **bold** words.\n\n> \"A quoted statement,\" said a source.");
        return create(owner, body).then().statusCode(201).extract().path("id");
    }

    private static Response share(String user, String id, Map<String, Object> request) {
        return as(user).body(request).post("/articles/" + id + "/previews");
    }

    private static Response open(String token) {
        return given().contentType("application/json").body(Map.of("token", token)).post("/previews/open");
    }

    private static String tokenOf(Response created) {
        return created.then().statusCode(201).extract().path("token");
    }

    @Test
    void anEditorSharesAWritersDraftAndAnyoneWithTheLinkReadsItAsReadersWould() {
        String headline = unique("Harbour tolls preview");
        String id = draft("alice", headline);
        String etag = etag(id);
        Instant before = Instant.now();
        Response created = share("erin", id, Map.of("label", "  Dr Ames, for the quotes  "));
        created.then().statusCode(201).header("Cache-Control", "no-store")
                .body("revision", is(1), "label", is("Dr Ames, for the quotes"), "createdBy", is("erin"), "state", is("active"),
                        "revokedAt", nullValue(), "url", matchesPattern("/preview/[A-Za-z0-9_-]{43}"),
                        "token", matchesPattern("[A-Za-z0-9_-]{43}"));
        String token = created.path("token");
        assertEquals("/preview/" + token, created.path("url"));
        Instant expires = Instant.parse(created.path("expiresAt"));
        assertTrue(!expires.isBefore(before.plus(Duration.ofDays(7)).minusSeconds(5))
                && expires.isBefore(Instant.now().plus(Duration.ofDays(7)).plusSeconds(5)), "7 days by default: " + expires);
        // sharing is not an edit: the article's version (the editor's If-Match) is the same
        assertEquals(etag, etag(id));

        Response preview = open(token);
        preview.then().statusCode(200).header("Cache-Control", "private, no-store").header("X-Robots-Tag", "noindex, nofollow")
                .header("Referrer-Policy", "no-referrer")
                .body("headline", is(headline), "dek", containsString("standfirst"),
                        "bodyHtml", containsString("<strong>bold</strong>"), "bodyHtml", containsString("<blockquote>"),
                        "heroImage.url", is("https://img.example/hero.jpg"), "heroImage.alt", is("A newsroom at night"),
                        "byline.displayName", contains("Jane Preview"), "tags", contains("cloud", "policy"),
                        "section.slug", is("news"), "revision", is(1), "savedAt", notNullValue(),
                        "expiresAt", notNullValue())
                // a link opens the revision and nothing else: nothing that leads to the article or the newsroom
                .body("$", not(hasKey("id"))).body("$", not(hasKey("slug"))).body("$", not(hasKey("body")))
                .body("$", not(hasKey("owner"))).body("$", not(hasKey("status")));

        // listed on the article, without the token
        Response list = as("erin").get("/articles/" + id + "/previews");
        list.then().statusCode(200).body("items", hasSize(1)).body("items[0].createdBy", is("erin"))
                .body("items[0].revision", is(1)).body("items[0].state", is("active"))
                .body("items[0].label", is("Dr Ames, for the quotes"));
        assertFalse(list.asString().contains(token), "the list names no token");
        assertFalse(list.asString().contains("\"token\""));

        // only the hash is kept
        String stored = QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "select token_hash from preview_link where article_id = :id").setParameter("id", UUID.fromString(id)).getSingleResult());
        assertNotEquals(token, stored);
        assertTrue(stored.matches("[0-9a-f]{64}"));
    }

    @Test
    void editorsAndAdminsShareAnyArticleAWriterOnlyTheirOwn() {
        String id = draft("alice", unique("Who shares"));
        share("alice", id, Map.of()).then().statusCode(201).body("createdBy", is("alice"));
        share("root", id, Map.of()).then().statusCode(201);
        share("bob", id, Map.of()).then().statusCode(403).contentType(PROBLEM);
        share("carl", id, Map.of()).then().statusCode(403).contentType(PROBLEM);
        given().contentType("application/json").body(Map.of()).post("/articles/" + id + "/previews").then().statusCode(401)
                .contentType(PROBLEM);
        as("alice").get("/articles/" + id + "/previews").then().statusCode(200).body("items", hasSize(2));
        as("bob").get("/articles/" + id + "/previews").then().statusCode(403).contentType(PROBLEM);
        as("carl").get("/articles/" + id + "/previews").then().statusCode(403).contentType(PROBLEM);
        String previewId = as("alice").get("/articles/" + id + "/previews").path("items[0].id");
        as("bob").delete("/articles/" + id + "/previews/" + previewId).then().statusCode(403).contentType(PROBLEM);
        as("carl").delete("/articles/" + id + "/previews/" + previewId).then().statusCode(403).contentType(PROBLEM);
        // a writer may share their own article whatever its state, and an editor's link on it is theirs to revoke too
        transition("alice", id, "submit", null).then().statusCode(200);
        share("alice", id, Map.of()).then().statusCode(201);
        as("alice").delete("/articles/" + id + "/previews/" + previewId).then().statusCode(204);
        // an unknown link, or one of another article, is a 404
        as("erin").delete("/articles/" + id + "/previews/" + UUID.randomUUID()).then().statusCode(404).contentType(PROBLEM);
        String other = draft("bob", unique("Another"));
        as("erin").delete("/articles/" + other + "/previews/" + previewId).then().statusCode(404).contentType(PROBLEM);
        as("erin").body(Map.of()).post("/articles/" + UUID.randomUUID() + "/previews").then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void aLinkShowsItsRevisionEvenAfterLaterSaves() {
        String first = unique("First words");
        String id = draft("alice", first);
        String token = tokenOf(share("alice", id, Map.of()));
        // alice keeps typing at once: without the link her save would fold into revision 1 (her open session)
        Map<String, Object> edit = article(unique("Second words"), List.of(jane));
        as("alice").header("If-Match", etag(id)).body(edit).put("/articles/" + id).then().statusCode(200)
                .body("workingRevision", is(2));
        open(token).then().statusCode(200).body("headline", is(first)).body("revision", is(1));
        // and an older revision may be shared after later ones
        Map<String, Object> third = article(unique("Third words"), List.of(jane));
        as("erin").header("If-Match", etag(id)).body(third).put("/articles/" + id).then().statusCode(200);
        String older = tokenOf(share("erin", id, Map.of("revision", 2)));
        open(older).then().statusCode(200).body("headline", is(edit.get("headline"))).body("revision", is(2));
        String current = tokenOf(share("erin", id, Map.of()));
        open(current).then().statusCode(200).body("headline", is(third.get("headline"))).body("revision", is(3));
    }

    @Test
    void expiryIsChosenWithinThirtyDaysAndRevisionsMustExist() {
        String id = draft("alice", unique("Expiry"));
        Instant in30 = Instant.now().plus(Duration.ofDays(30));
        share("erin", id, Map.of("expiresAt", in30.toString())).then().statusCode(201).body("expiresAt", notNullValue());
        Instant tomorrow = Instant.now().plus(Duration.ofDays(1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        share("erin", id, Map.of("expiresAt", tomorrow.toString())).then().statusCode(201)
                .body("expiresAt", is(tomorrow.toString()));
        share("erin", id, Map.of("expiresAt", Instant.now().plus(Duration.ofDays(31)).toString())).then().statusCode(400)
                .contentType(PROBLEM).body("errors[0].field", is("expiresAt")).body("errors[0].message", containsString("30 days"));
        share("erin", id, Map.of("expiresAt", Instant.now().minusSeconds(60).toString())).then().statusCode(400)
                .contentType(PROBLEM).body("errors[0].field", is("expiresAt"))
                .body("errors[0].message", containsString("must be a time in the future"));
        share("erin", id, Map.of("revision", 9)).then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", is("revision")).body("errors[0].message", containsString("no such revision"));
        share("erin", id, Map.of("revision", 0)).then().statusCode(400).contentType(PROBLEM).body("errors[0].field", is("revision"));
        share("erin", id, Map.of("expiresAt", "next week")).then().statusCode(400).contentType(PROBLEM);
        share("erin", id, Map.of("label", "x".repeat(101))).then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", is("label"));
        share("erin", id, Map.of("unexpected", true)).then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void revokedExpiredAlteredAndUnknownTokensAreOneAndTheSame404() {
        String id = draft("alice", unique("Not found alike"));
        String revoked = tokenOf(share("erin", id, Map.of()));
        String expired = tokenOf(share("erin", id, Map.of()));
        String live = tokenOf(share("erin", id, Map.of()));
        // listed newest first: the oldest is the first made
        List<String> ids = as("erin").get("/articles/" + id + "/previews").path("items.id");
        String oldest = ids.get(ids.size() - 1);
        as("erin").delete("/articles/" + id + "/previews/" + oldest).then().statusCode(204);
        as("erin").delete("/articles/" + id + "/previews/" + oldest).then().statusCode(204); // again: nothing changes
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update preview_link set expires_at = created_at + interval '1 millisecond'"
                        + " where token_hash = :hash")
                .setParameter("hash", io.newsroom.cms.articles.domain.PreviewTokens.hash(expired)).executeUpdate());

        open(live).then().statusCode(200);
        char last = live.charAt(42);
        String altered = live.substring(0, 42) + (last == 'A' ? 'B' : 'A');
        String unknown = io.newsroom.cms.articles.domain.PreviewTokens.generate();
        String expected = null;
        for (String token : List.of(revoked, expired, altered, unknown, live.substring(1), live + "x", "", "../" + live,
                live.toLowerCase().equals(live) ? live.toUpperCase() : live.toLowerCase(), "<script>", "x".repeat(5000))) {
            Response answer = open(token);
            answer.then().statusCode(404).contentType(PROBLEM);
            String body = answer.jsonPath().getString("detail");
            if (expected == null) {
                expected = body;
            }
            assertEquals(expected, body, "every 404 says the same: " + token);
            assertFalse(answer.asString().contains(id), "no hint of the article");
        }
        assertEquals("No preview at this address", expected);
        given().contentType("application/json").body(Map.of()).post("/previews/open").then().statusCode(400).contentType(PROBLEM);

        List<String> states = as("erin").get("/articles/" + id + "/previews").path("items.state");
        assertEquals(List.of("active", "expired", "revoked"), states);
        as("erin").get("/articles/" + id + "/previews").then().body("items[2].revokedBy", is("erin"))
                .body("items[2].revokedAt", notNullValue());
    }

    @Test
    void aSharedDraftNeverReachesAPublishedRead() {
        String word = "zephyrpreview" + Long.toString(System.nanoTime(), 36);
        Map<String, Object> body = article("Secret plans " + word, List.of(jane));
        body.put("tags", List.of(word));
        String id = create("alice", body).then().statusCode(201).extract().path("id");
        String slug = as("alice").get("/articles/" + id).path("slug");
        String token = tokenOf(share("erin", id, Map.of()));
        open(token).then().statusCode(200).body("headline", containsString(word));

        given().get("/articles/published?limit=50").then().statusCode(200).body(not(containsString(word)));
        given().get("/articles/published/search?q=" + word).then().statusCode(200).body("items", hasSize(0));
        given().redirects().follow(false).get("/articles/published/" + slug).then().statusCode(404);
        given().get("/articles/published/sitemap/news?since=2020-01-01T00:00:00Z&limit=1000").then().statusCode(200)
                .body(not(containsString(word)));
        given().get("/articles/published/documents/by-ids?ids=" + id).then().statusCode(200).body(not(containsString(word)));
        long rows = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from published_article where article_id = :id").setParameter("id", UUID.fromString(id))
                .getSingleResult()).longValue());
        assertEquals(0, rows, "no row of the read model");
        as("erin").get("/articles/" + id).then().body("live", is(false)).body("status", is("DRAFT"));
    }

    @Test
    void tooManyOpenLinksOnOneArticleAreRefusedUntilOneIsRevoked() {
        String id = draft("alice", unique("Many links"));
        for (int i = 0; i < 20; i++) {
            share("erin", id, Map.of()).then().statusCode(201);
        }
        share("erin", id, Map.of()).then().statusCode(409).contentType(PROBLEM).body("detail", containsString("revoke one"));
        String newest = as("erin").get("/articles/" + id + "/previews").path("items[0].id");
        as("erin").delete("/articles/" + id + "/previews/" + newest).then().statusCode(204);
        share("erin", id, Map.of()).then().statusCode(201);
    }

    @Test
    void deletingTheArticleEndsItsLinks() {
        String id = draft("alice", unique("Deleted"));
        String token = tokenOf(share("erin", id, Map.of()));
        open(token).then().statusCode(200);
        as("root").header("If-Match", etag(id)).delete("/articles/" + id).then().statusCode(204);
        open(token).then().statusCode(404).contentType(PROBLEM);
    }
}
