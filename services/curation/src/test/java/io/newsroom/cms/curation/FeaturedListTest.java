package io.newsroom.cms.curation;

import io.newsroom.cms.curation.service.ScheduledListPublisher;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.newsroom.cms.curation.Newsroom.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class FeaturedListTest {
    private static final String PROBLEM = "application/problem+json";

    @Inject
    ScheduledListPublisher scheduler;

    private static String newList(int max) {
        String slug = unique("featured");
        as("carl").body(Map.of("slug", slug, "title", "Featured", "maxItems", max)).post("/lists").then().statusCode(201);
        return slug;
    }

    private static String draftEtag(String slug) {
        return as("carl").get("/lists/" + slug + "/draft").then().statusCode(200).extract().header("ETag");
    }

    private static String listEtag(String slug) {
        return as("carl").get("/lists/" + slug).then().statusCode(200).extract().header("ETag");
    }

    private static io.restassured.specification.RequestSpecification publishing(String slug) {
        return as("carl").header("If-Match", draftEtag(slug));
    }

    private static Response add(String slug, String articleId, Map<String, Object> extra) {
        Map<String, Object> body = new java.util.HashMap<>(extra);
        body.put("articleId", articleId);
        return as("carl").header("If-Match", draftEtag(slug)).body(body).post("/lists/" + slug + "/draft/items");
    }

    @Test
    void rolesDecideWhoCuratesAndWhoReads() {
        given().get("/lists").then().statusCode(401).contentType(PROBLEM);
        as("alice").get("/lists").then().statusCode(403).contentType(PROBLEM);
        as("erin").body(Map.of("slug", unique("x"), "title", "X", "maxItems", 5)).post("/lists").then().statusCode(403);
        String slug = newList(5);
        as("erin").get("/lists/" + slug).then().statusCode(200).body("title", is("Featured"));
        as("erin").get("/lists/" + slug + "/audit").then().statusCode(200).body("items[0].action", is("create"));
        as("erin").header("If-Match", draftEtag(slug)).post("/lists/" + slug + "/draft/discard").then().statusCode(403);
        as("carl").header("If-Match", listEtag(slug)).delete("/lists/" + slug).then().statusCode(403);
        as("root").delete("/lists/" + slug).then().statusCode(428).contentType(PROBLEM);
        as("root").header("If-Match", "\"99\"").delete("/lists/" + slug).then().statusCode(412).contentType(PROBLEM);
        as("root").header("If-Match", listEtag(slug)).delete("/lists/" + slug).then().statusCode(204);
        as("carl").body(Map.of("slug", "Bad Slug", "title", "", "maxItems", 99)).post("/lists").then().statusCode(400)
                .body("errors.field", hasItems("slug", "title", "maxItems"));
    }

    @Test
    void curatorAddsMovesOverridesRemovesPublishesAndRollsBack() {
        String a = publishedArticle(unique("Alpha"));
        String b = publishedArticle(unique("Bravo"));
        String c = publishedArticle(unique("Charlie"));
        String slug = newList(5);
        add(slug, a, Map.of()).then().statusCode(200).body("items.articleId", contains(a));
        add(slug, b, Map.of()).then().statusCode(200);
        add(slug, c, Map.of("position", 0)).then().statusCode(200).body("items.articleId", contains(c, a, b));
        as("carl").header("If-Match", draftEtag(slug)).body(Map.of("articleId", b, "position", 0))
                .post("/lists/" + slug + "/draft/move").then().statusCode(200).body("items.articleId", contains(b, c, a));
        as("carl").header("If-Match", draftEtag(slug))
                .body(Map.of("overrides", Map.of("headline", "Curated headline", "summary", "Curated summary",
                        "image", Map.of("url", "https://img.example/curated.jpg", "alt", "A curated picture"))))
                .put("/lists/" + slug + "/draft/items/" + c).then().statusCode(200)
                .body("items[1].overrides.headline", is("Curated headline"));
        as("carl").header("If-Match", draftEtag(slug)).body(Map.of("overrides", Map.of("image", Map.of("url", "https://img.example/x.jpg"))))
                .put("/lists/" + slug + "/draft/items/" + c).then().statusCode(400).body("errors[0].field", is("overrides.image.alt"));

        given().get("/lists/public/" + slug).then().statusCode(404);
        publishing(slug).body(Map.of()).post("/lists/" + slug + "/publish").then().statusCode(200).body("liveRevision", is(1));
        given().get("/lists/public/" + slug).then().statusCode(200)
                .body("items.articleId", contains(b, c, a))
                .body("items[1].headline", is("Curated headline"))
                .body("items[1].summary", is("Curated summary"))
                .body("items[1].image.alt", is("A curated picture"))
                .body("items[0].summary", startsWith("Summary of"))
                .body("items[0].image.alt", startsWith("Photo for"))
                .body("items[0].slug", notNullValue());

        as("carl").header("If-Match", draftEtag(slug)).delete("/lists/" + slug + "/draft/items/" + a).then().statusCode(200)
                .body("items", hasSize(2));
        given().get("/lists/public/" + slug).then().body("items", hasSize(3)); // the draft is not live yet
        publishing(slug).body(Map.of()).post("/lists/" + slug + "/publish").then().statusCode(200).body("liveRevision", is(2));
        given().get("/lists/public/" + slug).then().body("items", hasSize(2));
        as("carl").body(Map.of("revision", 1)).post("/lists/" + slug + "/rollback").then().statusCode(428).contentType(PROBLEM);
        String beforeRollback = listEtag(slug);
        as("carl").header("If-Match", beforeRollback).body(Map.of("revision", 1)).post("/lists/" + slug + "/rollback").then()
                .statusCode(200).body("liveRevision", is(3));
        given().get("/lists/public/" + slug).then().body("items.articleId", contains(b, c, a));
        // the rollback changed the list: a second one based on what was read before it is refused
        as("carl").header("If-Match", beforeRollback).body(Map.of("revision", 2)).post("/lists/" + slug + "/rollback").then()
                .statusCode(412).contentType(PROBLEM);
        as("carl").header("If-Match", listEtag(slug)).body(Map.of("revision", 42)).post("/lists/" + slug + "/rollback").then().statusCode(400);

        as("carl").header("If-Match", draftEtag(slug)).post("/lists/" + slug + "/draft/discard").then().statusCode(200)
                .body("items.articleId", contains(b, c, a));
        as("erin").get("/lists/" + slug + "/audit").then().statusCode(200)
                .body("items.action", hasItems("create", "add", "move", "override", "remove", "publish", "rollback", "discard"))
                .body("items.find { it.action == 'move' }.actor", is("carl"));
    }

    @Test
    void onlyPublishedArticlesNoDuplicatesAndTheMaximumHolds() {
        String slug = newList(2);
        String draft = draftArticle(unique("Unpublished"));
        add(slug, draft, Map.of()).then().statusCode(400).contentType(PROBLEM).body("errors[0].field", is("articleId"));
        String a = publishedArticle(unique("One"));
        String b = publishedArticle(unique("Two"));
        String c = publishedArticle(unique("Three"));
        add(slug, a, Map.of()).then().statusCode(200);
        add(slug, a, Map.of()).then().statusCode(409).contentType(PROBLEM);
        add(slug, b, Map.of()).then().statusCode(200);
        add(slug, c, Map.of()).then().statusCode(409).body("detail", containsString("full"));
        as("carl").header("If-Match", draftEtag(slug)).body(Map.of("items", List.of(Map.of("articleId", a), Map.of("articleId", a))))
                .put("/lists/" + slug + "/draft").then().statusCode(400).body("errors[0].field", is("items[1].articleId"));
        as("carl").body(Map.of("articleId", c)).post("/lists/" + slug + "/draft/items").then().statusCode(428);
        as("carl").get("/lists/" + slug + "/draft").then().body("items.articleId", contains(a, b));
    }

    @Test
    void concurrentEditsWithTheSameVersionLetExactlyOneWin() throws Exception {
        String slug = newList(10);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ids.add(publishedArticle(unique("Race " + i)));
        }
        String etag = draftEtag(slug);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Integer>> results = new ArrayList<>();
        for (String id : ids) {
            var request = as("carl").header("If-Match", etag).body(Map.of("articleId", id));
            results.add(pool.submit(() -> request.post("/lists/" + slug + "/draft/items").statusCode()));
        }
        int ok = 0;
        int stale = 0;
        for (Future<Integer> r : results) {
            int status = r.get();
            ok += status == 200 ? 1 : 0;
            stale += status == 412 ? 1 : 0;
        }
        pool.shutdown();
        assertEquals(1, ok);
        assertEquals(3, stale);
        as("carl").get("/lists/" + slug + "/draft").then().body("items", hasSize(1));
    }

    @Test
    void scheduledPublishRunsExactlyOnceWithTwoSchedulerInstances() throws Exception {
        String slug = newList(5);
        add(slug, publishedArticle(unique("Scheduled")), Map.of()).then().statusCode(200);
        Instant at = Instant.now().plusMillis(2000); // ahead of the request on a slow machine: a past time is a 400
        publishing(slug).body(Map.of("at", at.toString())).post("/lists/" + slug + "/publish")
                .then().statusCode(200).body("scheduledPublishAt", notNullValue()).body("liveRevision", nullValue());
        as("carl").get("/lists/" + slug + "/preview?at=" + Instant.now().plusSeconds(60)).then().statusCode(200).body("items", hasSize(1));
        given().get("/lists/public/" + slug).then().statusCode(404);
        Thread.sleep(java.time.Duration.between(Instant.now(), at).toMillis() + 200);
        ExecutorService replicas = Executors.newFixedThreadPool(2);
        List<Future<Integer>> runs = List.of(replicas.submit(scheduler::runDue), replicas.submit(scheduler::runDue));
        int published = 0;
        for (Future<Integer> run : runs) {
            published += run.get();
        }
        replicas.shutdown();
        given().get("/lists/public/" + slug).then().statusCode(200).body("revision", is(1)).body("items", hasSize(1));
        as("carl").get("/lists/" + slug + "/audit").then().body("items.findAll { it.action == 'scheduled_publish' }", hasSize(1));
        as("carl").get("/lists/" + slug).then().body("liveRevision", is(1)).body("scheduledPublishAt", nullValue());
        org.junit.jupiter.api.Assertions.assertTrue(published <= 1, "published " + published + " times");
    }

    @Test
    void resolvedListDropsUnpublishedArticlesAndEndedWindowsByItself() throws Exception {
        String slug = newList(5);
        String stays = publishedArticle(unique("Stays"));
        String unpublished = publishedArticle(unique("Pulled"));
        String expiring = publishedArticle(unique("Expiring"));
        String upcoming = publishedArticle(unique("Upcoming"));
        Instant soon = Instant.now().plusSeconds(2);
        add(slug, stays, Map.of()).then().statusCode(200);
        add(slug, unpublished, Map.of()).then().statusCode(200);
        add(slug, expiring, Map.of("window", Map.of("until", soon.toString()))).then().statusCode(200);
        add(slug, upcoming, Map.of("window", Map.of("from", Instant.now().plusSeconds(3600).toString()))).then().statusCode(200);
        publishing(slug).body(Map.of()).post("/lists/" + slug + "/publish").then().statusCode(200);
        given().get("/lists/public/" + slug).then().body("items.articleId", contains(stays, unpublished, expiring));
        as("carl").get("/lists/" + slug + "/preview?at=" + Instant.now().plusSeconds(7200)).then()
                .body("items.articleId", contains(stays, unpublished, upcoming));
        as("carl").get("/lists/" + slug + "/preview?at=yesterday").then().statusCode(400).body("errors[0].field", is("at"));

        transition("erin", unpublished, "unpublish");
        // from the published-articles topic (or from the articles service until this service followed the topic to its end)
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(5).toNanos();
        while (given().get("/lists/public/" + slug).then().extract().jsonPath().getList("items.articleId").contains(unpublished)
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        given().get("/lists/public/" + slug).then().body("items.articleId", not(hasItem(unpublished))).body("items[0].articleId", is(stays));
        Thread.sleep(java.time.Duration.between(Instant.now(), soon).toMillis() + 200);
        given().get("/lists/public/" + slug).then().body("items.articleId", contains(stays));
    }

    @Test
    void publishNeedsTheDraftVersionAndTimesAreBounded() {
        String slug = newList(5);
        add(slug, publishedArticle(unique("Bounded")), Map.of()).then().statusCode(200);
        as("carl").body(Map.of()).post("/lists/" + slug + "/publish").then().statusCode(428).contentType(PROBLEM);
        as("carl").header("If-Match", "\"1\"").body(Map.of()).post("/lists/" + slug + "/publish").then().statusCode(412).contentType(PROBLEM);
        publishing(slug).body(Map.of("at", "+1000000000-01-01T00:00:00Z")).post("/lists/" + slug + "/publish").then().statusCode(400)
                .contentType(PROBLEM).body("errors[0].field", is("at"));
        // a time already past is not "now": a 400 at the field, and nothing goes live
        publishing(slug).body(Map.of("at", Instant.now().minusSeconds(60).toString())).post("/lists/" + slug + "/publish").then()
                .statusCode(400).contentType(PROBLEM).body("errors[0].field", is("at")).body("errors[0].message", containsString("future"));
        given().get("/lists/public/" + slug).then().statusCode(404);
        as("carl").header("If-Match", draftEtag(slug)).body(Map.of("window", Map.of("from", "-999999999-01-01T00:00:00Z")))
                .put("/lists/" + slug + "/draft/items/" + as("carl").get("/lists/" + slug + "/draft").path("items[0].articleId"))
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", is("window.from"));
        as("carl").get("/lists/" + slug + "/preview?at=%2B1000000000-01-01T00:00:00Z").then().statusCode(400).contentType(PROBLEM);
        as("carl").body(Map.of("slug", 123, "title", "Numbers are not slugs", "maxItems", 5)).post("/lists").then().statusCode(400)
                .contentType(PROBLEM).body("errors[0].field", is("slug"));
        as("carl").body(Map.of("slug", unique("coerced"), "title", "X", "maxItems", "5")).post("/lists").then().statusCode(400)
                .contentType(PROBLEM).body("errors[0].field", is("maxItems"));
    }

    @Test
    void theReadersListCarriesContentOnlySoEqualContentIsEqualBytes() throws Exception {
        String slug = newList(5);
        add(slug, publishedArticle(unique("Steady")), Map.of()).then().statusCode(200);
        publishing(slug).body(Map.of()).post("/lists/" + slug + "/publish").then().statusCode(200);
        String first = given().get("/lists/public/" + slug).then().statusCode(200).header("Warning", nullValue())
                .body("$", not(hasKey("asOf")), "$", not(hasKey("stale"))).extract().asString();
        Thread.sleep(20);
        assertEquals(first, given().get("/lists/public/" + slug).then().statusCode(200).extract().asString());
    }

    @Inject
    com.mongodb.client.MongoClient mongo;

    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "quarkus.mongodb.database")
    String database;

    @Test
    void anUnreadableDueListDoesNotHoldBackTheOthers() throws Exception {
        String slug = newList(5);
        add(slug, publishedArticle(unique("Healthy")), Map.of()).then().statusCode(200);
        Instant at = Instant.now().plusMillis(2000);
        publishing(slug).body(Map.of("at", at.toString())).post("/lists/" + slug + "/publish").then().statusCode(200);
        // a document a bug or a hand edit left unreadable, due before the healthy one
        String broken = unique("broken");
        mongo.getDatabase(database).getCollection("lists").insertOne(new org.bson.Document("_id", broken).append("slug", broken)
                .append("draft", "not a draft").append("scheduledPublishAt", java.util.Date.from(Instant.now().minusSeconds(60)))
                .append("docRevision", 1));
        try {
            Thread.sleep(java.time.Duration.between(Instant.now(), at).toMillis() + 200);
            assertEquals(1, scheduler.runDue(), "the healthy list is published");
            given().get("/lists/public/" + slug).then().statusCode(200).body("revision", is(1));
            org.bson.Document after = mongo.getDatabase(database).getCollection("lists").find(com.mongodb.client.model.Filters.eq("_id", broken)).first();
            assertEquals(1, after.getInteger("scheduleFailures"));
            org.junit.jupiter.api.Assertions.assertTrue(after.getDate("scheduleRetryAt").toInstant().isAfter(Instant.now()), "it waits before the next try");
            assertEquals(0, scheduler.runDue(), "the broken one backs off");
            given().get("/q/metrics").then().body(containsString("cms_curation_scheduled_failures_total"));
        } finally {
            mongo.getDatabase(database).getCollection("lists").deleteOne(com.mongodb.client.model.Filters.eq("_id", broken));
        }
    }
}
