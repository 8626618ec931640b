package io.newsroom.cms.articles;

import io.newsroom.cms.articles.published.BylineAuthors;
import io.newsroom.cms.articles.published.PublishedViews;
import io.newsroom.cms.articles.service.ScheduledTransitions;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.eclipse.microprofile.config.ConfigProvider;

import java.time.Instant;
import java.util.HashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.newsroom.cms.articles.ArticleApi.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class ArticleWorkflowTest {
    private static final String PROBLEM = "application/problem+json";
    private static String jane;

    @Inject
    ScheduledTransitions scheduler;

    @Inject
    PublishedViews views;

    @Inject
    EntityManager em;

    @BeforeAll
    static void authors() {
        jane = author("Jane Doe", true);
    }

    private String draft(String owner) {
        return create(owner, article(unique("Budget talks"), List.of(jane))).then().statusCode(201).extract().path("id");
    }

    private String published() {
        String id = draft("alice");
        transition("alice", id, "submit", null).then().statusCode(200);
        transition("erin", id, "approve", null).then().statusCode(200);
        transition("erin", id, "publish", null).then().statusCode(200);
        return id;
    }

    @Test
    void fullPathFromDraftToPublishedWithReviewRoundTrip() {
        String id = draft("alice");
        given().header("Authorization", io.newsroom.cms.devstack.testing.TestTokens.bearer("alice")).get("/articles/" + id)
                .then().statusCode(200).body("status", is("DRAFT"), "live", is(false), "allowedActions", hasItems("submit"));
        transition("alice", id, "submit", null).then().statusCode(200).body("status", is("IN_REVIEW"));
        transition("erin", id, "request_changes", null).then().statusCode(400).contentType(PROBLEM).body("errors[0].field", is("comment"));
        transition("erin", id, "request_changes", "Please attribute the second quote").then().statusCode(200).body("status", is("DRAFT"));
        Response current = as("alice").get("/articles/" + id);
        Map<String, Object> fixed = article(current.path("headline"), List.of(jane));
        fixed.put("body", "First paragraph.\n\n> \"A quoted statement,\" said the finance minister.\n\nLast paragraph.");
        as("alice").header("If-Match", current.header("ETag")).body(fixed).put("/articles/" + id).then().statusCode(200);
        transition("alice", id, "submit", null).then().statusCode(200);
        transition("alice", id, "approve", null).then().statusCode(403).contentType(PROBLEM).body("allowedActions", empty());
        transition("erin", id, "approve", null).then().statusCode(200).body("status", is("APPROVED"));
        transition("erin", id, "publish", null).then().statusCode(200).body("status", is("PUBLISHED"), "live", is(true));

        as("erin").get("/articles/" + id + "/history").then().statusCode(200)
                .body("items.action", hasItems("create", "submit", "request_changes", "approve", "publish"))
                .body("items.find { it.action == 'request_changes' }.comment", is("Please attribute the second quote"))
                .body("items.find { it.action == 'publish' }.actor", is("erin"));
    }

    @Test
    void forbiddenAndIllegalMovesAreProblemsListingTheAllowedActions() {
        String id = draft("alice");
        transition("erin", id, "publish", null).then().statusCode(409).contentType(PROBLEM)
                .body("status", is(409), "currentStatus", is("DRAFT"), "allowedActions", hasItems("submit", "archive"));
        transition("bob", id, "submit", null).then().statusCode(403).contentType(PROBLEM);
        transition("carl", id, "submit", null).then().statusCode(403);
        transition("erin", id, "schedule", null).then().statusCode(409);
        transition("alice", id, "submit", null).then().statusCode(200);
        as("erin").header("If-Match", etag(id)).body(Map.of("action", "approve")).post("/articles/" + id + "/transitions").then().statusCode(200);
        as("erin").header("If-Match", etag(id)).body(Map.of("action", "schedule", "at", Instant.now().minusSeconds(60).toString()))
                .post("/articles/" + id + "/transitions").then().statusCode(400).body("errors[0].field", is("at"));
        as("erin").header("If-Match", etag(id)).body(Map.of("action", "fly")).post("/articles/" + id + "/transitions").then().statusCode(400).contentType(PROBLEM);
        // writers edit only their own drafts
        Response current = as("alice").get("/articles/" + id);
        as("alice").header("If-Match", current.header("ETag")).body(article("Changed", List.of(jane)))
                .put("/articles/" + id).then().statusCode(403).contentType(PROBLEM);
        String other = draft("alice");
        Response otherCurrent = as("bob").get("/articles/" + other);
        as("bob").header("If-Match", otherCurrent.header("ETag")).body(article("Hijack", List.of(jane)))
                .put("/articles/" + other).then().statusCode(403);
        // no byline, no submission
        String empty = create("bob", article(unique("No byline"), List.of())).then().statusCode(201).extract().path("id");
        transition("bob", empty, "submit", null).then().statusCode(400).body("errors[0].field", is("byline"));
    }

    @Test
    void editingAPublishedArticleKeepsTheLiveRevisionUntilPublishedAgain() {
        String id = published();
        Response live = publishedView(id);
        live.then().statusCode(200);
        String slug = live.path("slug");
        String headline = live.path("headline");

        Response current = as("erin").get("/articles/" + id);
        Map<String, Object> change = article(headline + " (updated)", List.of(jane));
        change.put("slug", slug);
        as("erin").header("If-Match", current.header("ETag")).body(change).put("/articles/" + id)
                .then().statusCode(200).body("status", is("DRAFT"), "live", is(true), "allowedActions", hasItem("publish"));
        given().get("/articles/published/" + slug).then().statusCode(200).body("headline", is(headline));
        as("erin").get("/articles?status=DRAFT&size=100").then().body("items.find { it.id == '" + id + "' }.live", is(true));

        transition("erin", id, "publish", null).then().statusCode(200).body("status", is("PUBLISHED"));
        given().get("/articles/published/" + slug).then().statusCode(200).body("headline", is(headline + " (updated)"));

        transition("erin", id, "unpublish", null).then().statusCode(200).body("status", is("UNPUBLISHED"), "live", is(false));
        given().get("/articles/published/" + slug).then().statusCode(404).contentType(PROBLEM);
        transition("erin", id, "publish", null).then().statusCode(200);
        given().get("/articles/published/" + slug).then().statusCode(200);
    }

    @Test
    void revisionsCanBeListedDiffedAndRestored() {
        String id = draft("alice");
        Response v1 = as("alice").get("/articles/" + id);
        Map<String, Object> second = article(v1.path("headline"), List.of(jane));
        second.put("body", "First paragraph.\n\nA new middle.\n\nLast paragraph.");
        second.put("slug", v1.path("slug"));
        String etag = as("alice").header("If-Match", v1.header("ETag")).body(second).put("/articles/" + id)
                .then().statusCode(200).body("workingRevision", is(2)).extract().header("ETag");
        as("alice").get("/articles/" + id + "/revisions").then().statusCode(200).body("items.number", contains(2, 1));
        as("alice").get("/articles/" + id + "/revisions/1/diff/2").then().statusCode(200)
                .body("changes.field", contains("body"))
                .body("body[0].removed", hasItem(containsString("quoted statement")))
                .body("body[0].added", hasItem("A new middle."));
        as("alice").header("If-Match", etag).post("/articles/" + id + "/revisions/1/restore").then().statusCode(200)
                .body("workingRevision", is(3), "body", containsString("quoted statement"));
        as("alice").get("/articles/" + id + "/revisions/3").then().statusCode(200).body("note", is("restored from revision 1"));
        as("alice").get("/articles/" + id + "/revisions/9").then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void concurrentSavesWithTheSameEtagLetExactlyOneWin() throws Exception {
        String id = draft("alice");
        Response current = as("alice").get("/articles/" + id);
        String etag = current.header("ETag");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Map<String, Object> change = article("Edit " + i, List.of(jane));
            change.put("slug", current.path("slug"));
            var request = as("alice").header("If-Match", etag).body(change);
            results.add(pool.submit(() -> request.put("/articles/" + id).statusCode()));
        }
        int ok = 0;
        int stale = 0;
        for (Future<Integer> result : results) {
            int status = result.get();
            ok += status == 200 ? 1 : 0;
            stale += status == 412 ? 1 : 0;
        }
        pool.shutdown();
        assertEquals(1, ok);
        assertEquals(7, stale);
        as("alice").get("/articles/" + id + "/revisions").then().body("items", hasSize(2));
    }

    @Test
    void twoSchedulerInstancesPublishAScheduledArticleExactlyOnce() throws Exception {
        String id = draft("alice");
        transition("alice", id, "submit", null).then().statusCode(200);
        transition("erin", id, "approve", null).then().statusCode(200);
        as("erin").header("If-Match", etag(id)).body(Map.of("action", "schedule", "at", Instant.now().plusMillis(1500).toString()))
                .post("/articles/" + id + "/transitions").then().statusCode(200).body("status", is("SCHEDULED"));
        publishedView(id).then().statusCode(404);
        Thread.sleep(1700);
        ExecutorService replicas = Executors.newFixedThreadPool(2);
        List<Future<Integer>> runs = List.of(replicas.submit(scheduler::runDue), replicas.submit(scheduler::runDue));
        for (Future<Integer> run : runs) {
            run.get();
        }
        replicas.shutdown();
        publishedView(id).then().statusCode(200);
        as("erin").get("/articles/" + id + "/history").then()
                .body("items.findAll { it.action == 'scheduled_publish' }", hasSize(1))
                .body("items.find { it.action == 'scheduled_publish' }.toStatus", is("PUBLISHED"));
        assertEquals(0, scheduler.runDue(), "nothing is due any more");
    }

    @Test
    void xssPayloadsAreNeutralizedInThePublishedHtml() {
        String[] payloads = {
                "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "[click](javascript:alert(1))",
                "<a href=\"javascript:alert(1)\">x</a>", "<svg onload=alert(1)>", "<iframe src=\"https://evil.example\"></iframe>",
                "<p style=\"background:url(javascript:alert(1))\">x</p>", "![x](javascript:alert(1))",
                "<div onclick=\"alert(1)\">x</div>", "[x](data:text/html;base64,PHNjcmlwdD4=)", "<math><mtext><script>alert(1)</script>",
                "<a href=\"jav&#x09;ascript:alert(1)\">x</a>", "<object data=\"x\"></object>", "<form action=\"https://evil.example\"><button>x</button></form>"};
        Map<String, Object> body = article(unique("Security"), List.of(jane));
        body.put("body", String.join("\n\n", payloads) + "\n\n**Bold** and [a link](https://example.com).");
        String id = create("alice", body).then().statusCode(201).extract().path("id");
        transition("alice", id, "submit", null);
        transition("erin", id, "approve", null);
        transition("erin", id, "publish", null).then().statusCode(200);
        String html = publishedView(id).then().statusCode(200).extract().path("bodyHtml");
        // Raw HTML in Markdown is shown as text (escaped), so look at what a browser would build, not at substrings.
        org.jsoup.nodes.Document dom = org.jsoup.Jsoup.parseBodyFragment(html);
        assertEquals(0, dom.select("script, iframe, svg, math, object, embed, form, style, button").size(), html);
        for (org.jsoup.nodes.Element element : dom.getAllElements()) {
            for (org.jsoup.nodes.Attribute attribute : element.attributes()) {
                String name = attribute.getKey().toLowerCase();
                String value = attribute.getValue().toLowerCase().replaceAll("\\s", "");
                org.junit.jupiter.api.Assertions.assertFalse(name.startsWith("on") || name.equals("style"), name + " in " + html);
                org.junit.jupiter.api.Assertions.assertFalse(value.startsWith("javascript:") || value.startsWith("data:"), value + " in " + html);
            }
        }
        // the editor's live preview renders exactly what readers get
        String preview = as("alice").body(Map.of("body", body.get("body"))).post("/articles/preview")
                .then().statusCode(200).extract().path("html");
        assertEquals(html, preview);
        given().contentType("application/json").body(Map.of("body", "x")).post("/articles/preview").then().statusCode(401);
        org.junit.jupiter.api.Assertions.assertTrue(html.contains("<strong>Bold</strong>") && html.contains("href=\"https://example.com\""), html);
    }

    @Test
    void publishedViewsListSearchAndBatchOnlyLiveContent() {
        String tag = unique("tag");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Map<String, Object> body = article(unique("Quantum harbour " + i), List.of(jane));
            body.put("tags", List.of(tag));
            String id = create("alice", body).then().statusCode(201).extract().path("id");
            transition("alice", id, "submit", null);
            transition("erin", id, "approve", null);
            transition("erin", id, "publish", null).then().statusCode(200);
            ids.add(id);
        }
        String draftId = create("alice", article(unique("Quantum harbour draft"), List.of(jane))).then().extract().path("id");
        Response first = given().get("/articles/published?limit=2&tag=" + tag);
        first.then().statusCode(200).body("items", hasSize(2)).body("items[0].id", is(ids.get(2))).body("nextCursor", notNullValue());
        given().get("/articles/published?limit=2&tag=" + tag + "&cursor=" + first.path("nextCursor"))
                .then().statusCode(200).body("items.id", contains(ids.get(0))).body("nextCursor", nullValue());
        given().get("/articles/published?cursor=bogus").then().statusCode(400).body("errors[0].field", is("cursor"));
        given().get("/articles/published/search?q=quantum harbour").then().statusCode(200)
                .body("items.id", hasItems(ids.toArray())).body("items.id", not(hasItem(draftId)));
        given().contentType("application/json").body(Map.of("ids", List.of(ids.get(0), draftId))).post("/articles/published/batch")
                .then().statusCode(200).body("items.id", contains(ids.get(0)));
        as("erin").get("/articles?q=quantum&tag=" + tag + "&size=50").then().statusCode(200).body("total", is(3));
        as("alice").get("/articles?mine=true&size=1").then().statusCode(200).body("total", greaterThan(0));
    }

    @Test
    void publishedViewsAreReconciledWithTheLiveRevisions() {
        String id = published();
        String slug = as("erin").get("/articles/" + id).path("slug");
        String served = given().get("/articles/published/" + slug).then().statusCode(200).extract().asString();
        // a working copy edited after publishing must not leak into the rebuilt view
        Response current = as("erin").get("/articles/" + id);
        Map<String, Object> edit = article("Not yet public", List.of(jane));
        edit.put("slug", slug);
        as("erin").header("If-Match", current.header("ETag")).body(edit).put("/articles/" + id).then().statusCode(200);

        String unpublished = published();
        String goneSlug = as("erin").get("/articles/" + unpublished).path("slug");
        String lagging = published();
        String laggingSlug = as("erin").get("/articles/" + lagging).path("slug");
        String laggingServed = given().get("/articles/published/" + laggingSlug).then().statusCode(200).extract().asString();
        QuarkusTransaction.requiringNew().run(() -> {
            // as if a replica of the version before the read model had republished it: the row lags the live revision
            em.createNativeQuery("update published_article set document = '{\"headline\":\"old\"}', revision = revision - 1"
                    + " where article_id = cast(:id as uuid)").setParameter("id", lagging).executeUpdate();
            em.createNativeQuery("delete from published_article where article_id = cast(:id as uuid)").setParameter("id", id).executeUpdate();
            em.createNativeQuery("update published_article set format = 0, document = '{}' where article_id = cast(:id as uuid)")
                    .setParameter("id", unpublished).executeUpdate();
            // as if the article had been taken down while the row stayed behind
            em.createNativeQuery("update article set live_revision = null where id = cast(:id as uuid)")
                    .setParameter("id", unpublished).executeUpdate();
        });
        given().get("/articles/published/" + slug).then().statusCode(404);

        given().get("/articles/published/" + laggingSlug).then().statusCode(200).body("headline", is("old"));

        views.catchUp();
        assertEquals(served, given().get("/articles/published/" + slug).then().statusCode(200).extract().asString());
        given().get("/articles/published/" + goneSlug).then().statusCode(404);
        assertEquals(laggingServed, given().get("/articles/published/" + laggingSlug).then().statusCode(200).extract().asString());
    }

    @Inject
    BylineAuthors bylineAuthors;

    @Test
    void publishedReadsCarryTheirAuthorsAndFollowTheirEdits() {
        String rita = author("Rita Reporter", true);
        String headline = unique("Harbour names");
        String id = create("alice", article(headline, List.of(rita, jane))).then().statusCode(201).extract().path("id");
        transition("alice", id, "submit", null).then().statusCode(200);
        transition("erin", id, "approve", null).then().statusCode(200);
        transition("erin", id, "publish", null).then().statusCode(200);
        String item = "items.find { it.id == '" + id + "' }";
        // the names come with the byline claim's answer, before any sync
        given().get("/articles/published?limit=50").then().statusCode(200)
                .body(item + ".authors.displayName", contains("Rita Reporter", "Jane Doe"))
                .body(item + ".authors.id", contains(rita, jane))
                .body(item, not(hasKey("byline"))).body(item, not(hasKey("body")));
        given().get("/articles/published?author=" + rita).then().statusCode(200).body("items[0].authors[0].id", is(rita));
        String slug = as("erin").get("/articles/" + id).path("slug");
        given().get("/articles/published/" + slug).then().statusCode(200)
                .body("authors.id", contains(rita, jane)).body("authors[0].displayName", is("Rita Reporter"))
                .body("authors[0].active", is(true)).body("authors[0]", not(hasKey("email")));

        String authorsUrl = ConfigProvider.getConfig().getValue("cms.test.sibling.authors.url", String.class);
        Response profile = as("root").baseUri(authorsUrl).get("/authors/" + rita);
        Map<String, Object> renamed = new HashMap<>(Map.of("displayName", "Rita Q. Reporter", "slug", unique("rita-q")));
        as("root").baseUri(authorsUrl).header("If-Match", profile.header("ETag")).body(renamed).put("/authors/" + rita)
                .then().statusCode(200);
        // the profile event (AuthorProfileEvents) may have copied it already; the changes feed must bring it either way
        bylineAuthors.sync();
        given().get("/articles/published?limit=50").then().statusCode(200)
                .body(item + ".authors[0].displayName", is("Rita Q. Reporter"))
                .body(item + ".authors[0].slug", is(renamed.get("slug")))
                .body(item + ".authors[1].displayName", is("Jane Doe"));
        given().get("/articles/published/search?q=" + headline).then().statusCode(200)
                .body("items[0].id", is(id)).body("items[0].authors.displayName", contains("Rita Q. Reporter", "Jane Doe"));
        given().get("/articles/published/" + slug).then().statusCode(200)
                .body("authors.displayName", contains("Rita Q. Reporter", "Jane Doe"));
        publishedView(id).then().statusCode(200).body("authors[0].slug", is(renamed.get("slug")));
        // nothing changed since: the overlap re-reads the last minute's changes and writes nothing
        assertEquals(0, bylineAuthors.sync());
        // the curation service's batch keeps its shape
        given().contentType("application/json").body(Map.of("ids", List.of(id))).post("/articles/published/batch").then()
                .statusCode(200).body("items[0]", not(hasKey("authors"))).body("items[0].byline", contains(rita, jane));

        // as right after the upgrade that adds the copy: no names known, the published articles written without them
        // (readers are told: authorsDegraded); the first sync starts from the beginning of the authors' changes, names
        // them all and rewrites the stored JSON
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("delete from byline_author").executeUpdate();
            em.createNativeQuery("update published_article set format = 0").executeUpdate();
        });
        views.catchUp();
        given().get("/articles/published?limit=50").then().body(item + ".authors", empty());
        given().get("/articles/published/" + slug).then().statusCode(200).body("authors", empty())
                .body("authorsDegraded", is(true)).header("Warning", startsWith("110 "));
        bylineAuthors.sync();
        given().get("/articles/published/" + slug).then().statusCode(200).body("authorsDegraded", is(false))
                .header("Warning", nullValue());
        given().get("/articles/published?limit=50").then().body(item + ".authors.displayName", contains("Rita Q. Reporter", "Jane Doe"));
        given().get("/articles/published/" + slug).then().statusCode(200).body("authors.displayName", contains("Rita Q. Reporter", "Jane Doe"));
    }

    @Test
    void badInputIsA4xxProblemWithFieldErrorsAndNothingIsWritten() {
        int before = as("erin").get("/articles?size=1").path("total");
        Map<String, Object> bad = article("x".repeat(201), List.of(jane));
        bad.put("slug", "Not A Slug");
        bad.put("heroImage", Map.of("url", "javascript:alert(1)"));
        create("alice", bad).then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItems("headline", "slug", "heroImage.url", "heroImage.alt"));
        Map<String, Object> unknownAuthor = article(unique("Ghost"), List.of(java.util.UUID.randomUUID().toString()));
        create("alice", unknownAuthor).then().statusCode(400).contentType(PROBLEM).body("errors[0].field", is("byline[0]"));
        String inactive = author("Ian Inactive", false);
        create("alice", article(unique("Inactive"), List.of(jane, inactive))).then().statusCode(400).body("errors[0].field", is("byline[1]"));
        create("alice", article(unique("Twice"), List.of(jane, jane))).then().statusCode(400).body("errors[0].field", is("byline[1]"));
        as("alice").body("{\"headline\": 5, \"tags\": \"no\"}").post("/articles").then().statusCode(400).contentType(PROBLEM);
        as("alice").body("{\"headline\": \"x\", \"colour\": \"red\"}").post("/articles").then().statusCode(400).body("errors[0].field", is("colour"));
        as("alice").body("{\"headline\": \"x\", \"byline\": [\"not-a-uuid\"]}").post("/articles").then().statusCode(400);
        Map<String, Object> huge = article(unique("Huge"), List.of(jane));
        huge.put("body", "x".repeat(200_001));
        create("alice", huge).then().statusCode(anyOf(is(400), is(413)));
        as("alice").get("/articles?status=NOPE").then().statusCode(anyOf(is(400), is(404)));
        as("alice").get("/articles?sort=sideways").then().statusCode(400).body("errors[0].field", is("sort"));
        int after = as("erin").get("/articles?size=1").path("total");
        assertEquals(before, after, "no article was written by any refused request");
    }

    @Test
    void onlyAdminsDeleteAndOnlyNeverPublishedOrArchived() {
        String draft = draft("alice");
        as("erin").header("If-Match", etag(draft)).delete("/articles/" + draft).then().statusCode(403);
        as("root").header("If-Match", etag(draft)).delete("/articles/" + draft).then().statusCode(204);
        String live = published();
        as("root").header("If-Match", etag(live)).delete("/articles/" + live).then().statusCode(409).contentType(PROBLEM);
        transition("erin", live, "archive", null).then().statusCode(200).body("status", is("ARCHIVED"), "live", is(false));
        as("root").header("If-Match", etag(live)).delete("/articles/" + live).then().statusCode(204);
    }

    @Test
    void commentsAppearWithTheHistory() {
        String id = draft("alice");
        as("erin").body(Map.of("body", "Check the figures in para 3")).post("/articles/" + id + "/comments").then().statusCode(201);
        as("erin").body(Map.of("body", "")).post("/articles/" + id + "/comments").then().statusCode(400);
        as("alice").get("/articles/" + id + "/history").then().statusCode(200)
                .body("items.kind", hasItems("transition", "comment"))
                .body("items.find { it.kind == 'comment' }.comment", is("Check the figures in para 3"));
        given().get("/articles/" + id + "/comments").then().statusCode(401);
    }
}
