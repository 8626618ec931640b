package io.newsroom.cms.articles;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.newsroom.cms.articles.ArticleApi.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Search and social fields of an article and its correction and update notes: saved and versioned like the rest of
 * its content, validated at their field paths, and given to readers (with fallbacks) in the public article; an
 * article asking not to be indexed stays out of the sitemaps.
 */
@QuarkusTest
class SeoFieldsTest {
    private static final String PROBLEM = "application/problem+json";

    @Inject
    EntityManager em;

    private static Map<String, Object> seo(String title, String description, String canonicalUrl, boolean noindex) {
        Map<String, Object> seo = new HashMap<>();
        seo.put("title", title);
        seo.put("description", description);
        seo.put("canonicalUrl", canonicalUrl);
        seo.put("noindex", noindex);
        return seo;
    }

    private long articlesHeadlined(String headline) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from article where headline = :h").setParameter("h", headline).getSingleResult()).longValue());
    }

    @Test
    void theFieldsAreSavedVersionedAndRestored() {
        String writer = author("Seo Writer", true);
        Map<String, Object> body = article(unique("Seo round trip"), List.of(writer));
        body.put("seo", seo("  Harbour tolls rise  ", "What the new tolls cost.", "https://origin.example/harbour", false));
        Response created = create("alice", body);
        created.then().statusCode(201).body("seo.title", is("Harbour tolls rise")).body("seo.description", is("What the new tolls cost."))
                .body("seo.canonicalUrl", is("https://origin.example/harbour")).body("seo.noindex", is(false))
                .body("correction", nullValue()).body("corrections", hasSize(0));
        String id = created.path("id");
        String firstTag = created.header("ETag");

        as("alice").header("If-Match", firstTag).body(body).put("/articles/" + id).then().statusCode(200)
                .header("ETag", is(firstTag)); // unchanged: same version
        body.put("seo", seo(null, " ", null, true));
        Response changed = as("alice").header("If-Match", firstTag).body(body).put("/articles/" + id);
        changed.then().statusCode(200).body("seo.title", nullValue()).body("seo.description", nullValue())
                .body("seo.canonicalUrl", nullValue()).body("seo.noindex", is(true));
        assertNotEquals(firstTag, changed.header("ETag"));
        as("alice").header("If-Match", firstTag).body(body).put("/articles/" + id).then().statusCode(412);

        int latest = as("alice").get("/articles/" + id).path("workingRevision");
        as("alice").get("/articles/" + id + "/revisions/1").then().statusCode(200).body("seo.title", is("Harbour tolls rise"))
                .body("seo.noindex", is(false));
        as("alice").get("/articles/" + id + "/revisions/1/diff/" + latest).then().statusCode(200)
                .body("changes.field", hasItems("seo.title", "seo.description", "seo.canonicalUrl", "seo.noindex"));
        as("alice").header("If-Match", etag(id)).post("/articles/" + id + "/revisions/1/restore").then().statusCode(200)
                .body("seo.title", is("Harbour tolls rise")).body("seo.canonicalUrl", is("https://origin.example/harbour"))
                .body("seo.noindex", is(false));
    }

    @Test
    void badFieldsAre400sAtTheirPathsAndWriteNothing() {
        String writer = author("Seo Validation Writer", true);
        String headline = unique("Seo invalid");
        Map<String, Object> body = article(headline, List.of(writer));
        body.put("seo", seo("t".repeat(121), "d".repeat(301), "javascript:alert(1)", false));
        create("alice", body).then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItems("seo.title", "seo.description", "seo.canonicalUrl"));
        body.put("seo", seo("Fine", "Fine", "/relative/path", false));
        create("alice", body).then().statusCode(400).contentType(PROBLEM).body("errors.field", contains("seo.canonicalUrl"));
        body.put("seo", Map.of("noindex", "yes"));
        create("alice", body).then().statusCode(400).contentType(PROBLEM).body("errors[0].field", is("seo.noindex"));
        body.put("seo", seo("Fine", null, null, false));
        body.put("correction", Map.of("kind", "correction", "note", "Nothing to correct yet."));
        create("alice", body).then().statusCode(400).contentType(PROBLEM).body("errors[0].field", is("correction"));
        assertEquals(0, articlesHeadlined(headline), "nothing written");

        body.remove("correction");
        String id = create("alice", body).then().statusCode(201).extract().path("id");
        String tag = etag(id);
        body.put("correction", Map.of("kind", "correction", "note", "Never published, nothing to correct."));
        as("alice").header("If-Match", tag).body(body).put("/articles/" + id).then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", is("correction"));
        body.put("correction", Map.of("kind", "erratum", "note", " "));
        as("alice").header("If-Match", tag).body(body).put("/articles/" + id).then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItems("correction.kind", "correction.note"));
        as("alice").get("/articles/" + id).then().statusCode(200).header("ETag", is(tag)).body("workingRevision", is(1));
    }

    @Test
    void readersGetTheSeoFieldsWithFallbacksAndEveryNoteNewestFirst() {
        String writer = author("Correction Writer", true);
        String headline = unique("Bridge reopens");
        Map<String, Object> body = article(headline, List.of(writer));
        String id = publish(body);
        Response page = publishedView(id);
        page.then().statusCode(200).body("seo.title", is(headline)).body("seo.description", is(body.get("dek")))
                .body("seo.canonicalUrl", nullValue()).body("seo.noindex", is(false))
                .body("seo.image.url", is("https://img.example/hero.jpg")).body("seo.image.alt", is("A newsroom at night"))
                .body("corrections", hasSize(0));

        body.put("seo", seo("Bridge reopens after repairs", "Traffic flows again.", "https://origin.example/bridge", false));
        body.put("correction", Map.of("kind", "correction", "note", "An earlier version gave the wrong date."));
        editAndPublish(id, body);
        Response corrected = publishedView(id);
        corrected.then().statusCode(200).body("seo.title", is("Bridge reopens after repairs"))
                .body("seo.description", is("Traffic flows again.")).body("seo.canonicalUrl", is("https://origin.example/bridge"))
                .body("corrections", hasSize(1)).body("corrections[0].kind", is("correction"))
                .body("corrections[0].note", is("An earlier version gave the wrong date."));
        assertEquals(corrected.<String>path("updatedAt"), corrected.<String>path("corrections[0].at"), "the time of that publish");
        as("erin").get("/articles/" + id).then().body("correction", nullValue()).body("corrections", hasSize(1));
        int carrying = as("erin").get("/articles/" + id).path("liveRevision");
        as("erin").get("/articles/" + id + "/revisions/" + carrying).then().body("correction.kind", is("correction"));

        body.remove("correction");
        body.put("headline", headline + " again");
        editAndPublish(id, body);
        publishedView(id).then().body("corrections", hasSize(1)); // a publish without a note adds none

        body.put("correction", Map.of("kind", "update", "note", "Adds the mayor's statement."));
        body.put("body", "New paragraph.");
        editAndPublish(id, body);
        Response updated = publishedView(id);
        updated.then().body("corrections.kind", contains("update", "correction"))
                .body("corrections[0].note", is("Adds the mayor's statement."));
        assertEquals(updated.<String>path("updatedAt"), updated.<String>path("corrections[0].at"));
        assertEquals(corrected.<String>path("corrections[0].at"), updated.<String>path("corrections[1].at"), "kept as given");

        // unpublished and published again: the notes stay, none repeated
        transition("erin", id, "unpublish", null).then().statusCode(200);
        transition("erin", id, "publish", null).then().statusCode(200);
        publishedView(id).then().statusCode(200).body("corrections", hasSize(2));

        // the revision that carried the first note, restored: its content comes back, its note does not
        as("erin").header("If-Match", etag(id)).post("/articles/" + id + "/revisions/" + carrying + "/restore").then()
                .statusCode(200).body("correction", nullValue()).body("seo.title", is("Bridge reopens after repairs"));
        transition("erin", id, "publish", null).then().statusCode(200);
        publishedView(id).then().statusCode(200).body("corrections", hasSize(2)).body("headline", is(headline));
    }

    @Test
    void anArticleAskingNotToBeIndexedStaysOutOfTheSitemaps() {
        Instant before = Instant.now().minusSeconds(1);
        String writer = author("Noindex Writer", true);
        Map<String, Object> body = article(unique("Noindex"), List.of(writer));
        body.put("seo", seo(null, null, null, true));
        String id = publish(body);
        String slug = as("erin").get("/articles/" + id).path("slug");
        publishedView(id).then().statusCode(200).body("seo.noindex", is(true));
        given().get("/articles/published/sitemap/pages/1").then().statusCode(200).body("items.slug", not(hasItem(slug)));
        given().get("/articles/published/sitemap/news?since=" + before).then().statusCode(200).body("items.slug", not(hasItem(slug)));
        Response pages = given().get("/articles/published/sitemap/pages");
        long counted = pages.<List<Integer>>path("pages.count").stream().mapToLong(Integer::longValue).sum();

        body.put("seo", seo(null, null, null, false));
        editAndPublish(id, body);
        given().get("/articles/published/sitemap/pages/1").then().statusCode(200).body("items.slug", hasItem(slug));
        given().get("/articles/published/sitemap/news?since=" + before).then().statusCode(200).body("items.slug", hasItem(slug));
        given().get("/articles/published/sitemap/pages").then().statusCode(200)
                .body("pages[0].lastModified", notNullValue());
        assertEquals(counted + 1, given().get("/articles/published/sitemap/pages").<List<Integer>>path("pages.count").stream()
                .mapToLong(Integer::longValue).sum());
    }
}
