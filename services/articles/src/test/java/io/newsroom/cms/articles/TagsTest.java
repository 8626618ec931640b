package io.newsroom.cms.articles;

import io.newsroom.cms.articles.service.TagRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.newsroom.cms.articles.ArticleApi.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Managed tags: every tag an article is saved with is in the registry; editors rename, describe, merge and delete tags
 * (writers read them); a new name or a merge reaches every article, published documents and their read model included,
 * in one go; an old slug keeps leading to the tag; every refusal is a problem at its field and writes nothing.
 */
@QuarkusTest
class TagsTest {
    private static final String PROBLEM = "application/problem+json";
    private static String jane;

    @Inject
    EntityManager em;

    @Inject
    TagRegistry registry;

    @BeforeAll
    static void authors() {
        jane = author("Tag Writer", true);
    }

    private static Response put(String user, String slug, Map<String, Object> body) {
        String etag = as("erin").get("/tags/" + slug).then().statusCode(200).extract().header("ETag");
        return as(user).header("If-Match", etag).body(body).put("/tags/" + slug);
    }

    private static Response merge(String user, String slug, String into) {
        String etag = as("erin").get("/tags/" + slug).then().statusCode(200).extract().header("ETag");
        return as(user).header("If-Match", etag).body(Map.of("into", into)).post("/tags/" + slug + "/merge");
    }

    private static String tagged(List<String> tags, boolean publish) {
        Map<String, Object> body = article(unique("Tagged"), List.of(jane));
        body.put("tags", tags);
        String id = create("alice", body).then().statusCode(201).extract().path("id");
        if (publish) {
            transition("alice", id, "submit", null).then().statusCode(200);
            transition("erin", id, "approve", null).then().statusCode(200);
            transition("erin", id, "publish", null).then().statusCode(200);
        }
        return id;
    }

    private long tagRows(String tag) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from published_article_tag where tag = :tag").setParameter("tag", tag).getSingleResult()).longValue());
    }

    private long count(String table) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("select count(*) from " + table)
                .getSingleResult()).longValue());
    }

    @Test
    void savedTagsAreRegisteredAndCompletedByPrefix() {
        String word = unique("zeta");
        String id = tagged(List.of("Cloud", word.toUpperCase() + " Rollout"), false);
        as("alice").get("/articles/" + id).then().body("tags", contains("cloud", word + " rollout"));
        as("alice").get("/tags?q=" + word.substring(0, 8).toUpperCase()).then().statusCode(200)
                .body("items.name", contains(word + " rollout")).body("items[0].slug", is(word + "-rollout"))
                .body("items[0].articles", is(1)).body("total", is(1));
        as("carl").get("/tags/" + word + "-rollout").then().statusCode(200).header("ETag", is("\"0\""))
                .body("name", is(word + " rollout")).body("description", nullValue());
        as("alice").get("/tags?limit=1").then().statusCode(200).body("items.size()", is(1));
        as("alice").get("/tags?limit=0").then().statusCode(400).contentType(PROBLEM);
        given().get("/tags").then().statusCode(401);
        // a name typed with another spelling of a tag's slug is that tag
        String other = tagged(List.of(word + "-rollout", "cloud"), false);
        as("alice").get("/articles/" + other).then().body("tags", contains(word + " rollout", "cloud"));
    }

    @Test
    void editorsDescribeAndRenameWritersCannot() {
        String word = unique("eta");
        String published = tagged(List.of(word, "policy"), true);
        String draft = tagged(List.of("policy", word), false);
        put("alice", word, Map.of("name", word, "description", "Nope")).then().statusCode(403);
        merge("alice", word, "policy").then().statusCode(403);
        as("alice").body(Map.of("name", unique("new"))).post("/tags").then().statusCode(403);
        String etag = as("erin").get("/tags/" + word).header("ETag");
        as("carl").header("If-Match", etag).delete("/tags/" + word).then().statusCode(403);
        as("erin").get("/tags/" + word).then().body("description", nullValue()).body("version", is(0));

        put("erin", word, Map.of("name", word, "description", "Stories about " + word)).then().statusCode(200)
                .body("description", is("Stories about " + word)).header("ETag", is("\"1\""));
        String renamed = word + " renamed";
        String slug = unique("renamed");
        put("erin", word, Map.of("name", renamed.toUpperCase(), "slug", slug, "description", "Now renamed")).then().statusCode(200)
                .body("slug", is(slug)).body("name", is(renamed)).body("aliases", contains(word));
        // the old slug leads to the tag; every article carries the new name, the published one to readers too
        as("alice").get("/tags/" + word).then().statusCode(200).body("slug", is(slug));
        as("alice").get("/articles/" + draft).then().body("tags", contains("policy", renamed));
        as("alice").get("/articles/" + published).then().body("tags", contains(renamed, "policy"));
        publishedView(published).then().statusCode(200).body("tags", contains(renamed, "policy"));
        assertEquals(0, tagRows(word));
        assertEquals(1, tagRows(renamed));
        given().get("/articles/published?tag=" + renamed).then().statusCode(200).body("items.id", contains(published));
    }

    @Test
    void mergeMovesEveryArticleAndPublishedDocumentToTheOtherTag() {
        String from = unique("k8s");
        String into = unique("kubernetes");
        String both = tagged(List.of(from, "cloud", into), true);
        String published = tagged(List.of(from), true);
        String draft = tagged(List.of("policy", from), false);
        as("erin").body(Map.of("name", into, "description", "Container orchestration")).post("/tags").then().statusCode(409)
                .contentType(PROBLEM).body("errors[0].field", is("name"));
        merge("erin", from, into).then().statusCode(200).body("slug", is(into)).body("aliases", hasItem(from))
                .body("articles", is(3));
        as("alice").get("/articles/" + both).then().body("tags", contains(into, "cloud"));
        as("alice").get("/articles/" + draft).then().body("tags", contains("policy", into));
        publishedView(published).then().statusCode(200).body("tags", contains(into));
        publishedView(both).then().statusCode(200).body("tags", contains(into, "cloud"));
        assertEquals(0, tagRows(from));
        assertEquals(2, tagRows(into));
        // the merged tag's slug leads to the other; a save with the old word gets the other tag
        as("alice").get("/tags/" + from).then().statusCode(200).body("name", is(into));
        as("alice").get("/tags?q=" + from).then().body("total", is(0));
        String later = tagged(List.of(from), false);
        as("alice").get("/articles/" + later).then().body("tags", contains(into));
        // an old revision restored carries the other tag too
        as("alice").get("/articles/" + draft + "/revisions/1").then().statusCode(200).body("tags", contains("policy", into));
    }

    @Test
    void refusalsAreProblemsAtTheirFieldAndWriteNothing() {
        String word = unique("theta");
        String other = unique("iota");
        String id = tagged(List.of(word, other), false);
        long tags = count("tag");
        long aliases = count("tag_slug_alias");
        merge("erin", word, word).then().statusCode(400).contentType(PROBLEM).body("errors[0].field", is("into"));
        merge("erin", word, "no-such-tag-anywhere").then().statusCode(400).contentType(PROBLEM).body("errors[0].field", is("into"));
        merge("erin", word, "Not A Slug").then().statusCode(400).body("errors[0].field", is("into"));
        put("erin", word, Map.of("name", other)).then().statusCode(409).contentType(PROBLEM).body("errors[0].field", is("name"));
        put("erin", word, Map.of("name", word, "slug", other)).then().statusCode(409).body("errors[0].field", is("slug"));
        put("erin", word, Map.of("name", word, "slug", "published")).then().statusCode(400).body("errors[0].field", is("slug"));
        put("erin", word, Map.of("name", " ")).then().statusCode(400).body("errors[0].field", is("name"));
        put("erin", word, Map.of("name", "<b>")).then().statusCode(400).body("errors[0].field", is("name"));
        as("erin").body(Map.of("name", word)).put("/tags/" + word).then().statusCode(428);
        as("erin").header("If-Match", "\"999\"").body(Map.of("name", "x")).put("/tags/" + word).then().statusCode(412);
        as("erin").header("If-Match", "\"999\"").body(Map.of("into", other)).post("/tags/" + word + "/merge").then().statusCode(412);
        as("erin").get("/tags/no-such-tag-anywhere").then().statusCode(404).contentType(PROBLEM);
        String etag = as("erin").get("/tags/" + word).header("ETag");
        as("erin").header("If-Match", etag).delete("/tags/" + word).then().statusCode(409).contentType(PROBLEM);
        assertEquals(tags, count("tag"));
        assertEquals(aliases, count("tag_slug_alias"));
        as("alice").get("/articles/" + id).then().body("tags", contains(word, other));
        as("erin").get("/tags/" + word).then().body("version", is(0)).body("name", is(word));
        // unused, it goes (with its former slugs)
        String spare = unique("spare");
        as("erin").body(Map.of("name", spare, "description", "Not yet used")).post("/tags").then().statusCode(201)
                .body("slug", is(spare)).body("articles", is(0));
        put("erin", spare, Map.of("name", spare, "slug", spare + "-x")).then().statusCode(200);
        String spareTag = as("erin").get("/tags/" + spare + "-x").header("ETag");
        as("erin").header("If-Match", spareTag).delete("/tags/" + spare + "-x").then().statusCode(204);
        as("erin").get("/tags/" + spare).then().statusCode(404);
        as("erin").get("/tags/" + spare + "-x").then().statusCode(404);
    }

    @Test
    void theTagIndexPagesWithACursorInTheOrderOfTheWholeIndex() {
        String busy = unique("mu");
        String quiet = unique("nu");
        tagged(List.of(busy, quiet), true);
        tagged(List.of(busy), true);
        List<String> whole = given().get("/tags/published?limit=500").then().statusCode(200)
                .body("nextCursor", nullValue()).extract().path("items.slug");
        // the most used first, then by name: the busier tag comes before the quieter one
        org.junit.jupiter.api.Assertions.assertTrue(whole.indexOf(busy) >= 0 && whole.indexOf(busy) < whole.indexOf(quiet), whole.toString());
        List<String> paged = new java.util.ArrayList<>();
        String cursor = null;
        for (int page = 0; page < whole.size() + 1; page++) {
            Response answer = cursor == null ? given().get("/tags/published?limit=2")
                    : given().queryParam("cursor", cursor).get("/tags/published?limit=2");
            answer.then().statusCode(200);
            List<String> items = answer.path("items.slug");
            org.junit.jupiter.api.Assertions.assertTrue(items.size() <= 2);
            paged.addAll(items);
            cursor = answer.path("nextCursor");
            if (cursor == null) {
                break;
            }
        }
        assertEquals(whole, paged);

        for (String bad : List.of("bm9wZQ", "!!!", "c2VhcmNofDEw", "dGFnc3x4fHk")) {
            given().queryParam("cursor", bad).get("/tags/published").then().statusCode(400).contentType(PROBLEM)
                    .body("errors.field", hasItem("cursor"));
        }
        given().get("/tags/published?limit=0").then().statusCode(400).contentType(PROBLEM);
        given().get("/tags/published?limit=501").then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void readersSeeTheTagsOfPublishedArticlesAndFormerSlugsLeadOn() {
        String word = unique("kappa");
        String secret = unique("embargoed");
        String published = tagged(List.of(word, "cloud"), true);
        tagged(List.of(word, secret), false);
        put("erin", word, Map.of("name", word, "description", "About " + word)).then().statusCode(200);
        given().get("/tags/published").then().statusCode(200).body("items.slug", hasItem(word))
                .body("items.find { it.slug == '" + word + "' }.articles", is(1))
                .body("items.find { it.slug == '" + word + "' }.description", is("About " + word))
                .body("items.slug", not(hasItem(secret)));
        given().get("/tags/published/" + word).then().statusCode(200).body("name", is(word)).body("articles", is(1));
        // a tag only drafts carry is not shown to readers, nor followed by a filter
        given().get("/tags/published/" + secret).then().statusCode(404).contentType(PROBLEM);
        given().get("/articles/published?tag=" + secret).then().statusCode(404).contentType(PROBLEM);
        given().get("/articles/published?tag=no-such-tag-anywhere").then().statusCode(404).contentType(PROBLEM);
        given().get("/tags/published/Not_A_Slug").then().statusCode(400);

        // renamed: the old slug redirects, and as a filter it is followed
        String slug = unique("lambda");
        put("erin", word, Map.of("name", word, "slug", slug, "description", "About " + word)).then().statusCode(200);
        given().redirects().follow(false).get("/tags/published/" + word).then().statusCode(301)
                .header("Location", org.hamcrest.Matchers.endsWith("/tags/published/" + slug));
        given().get("/articles/published?tag=" + word).then().statusCode(200).body("items.id", contains(published));
        given().get("/articles/published?tag=" + slug).then().statusCode(200).body("items.id", contains(published));
        given().get("/articles/published?tag=" + word.toUpperCase() + "&sort=updated").then().statusCode(200)
                .body("items.id", contains(published));
    }

    @Test
    void aPatchChangesWhatItNamesOnly() {
        String word = unique("mu");
        String id = tagged(List.of(word), false);
        String etag = as("erin").get("/tags/" + word).header("ETag");
        as("alice").header("If-Match", etag).body(Map.of("description", "Nope")).patch("/tags/" + word).then().statusCode(403);
        as("erin").body(Map.of("description", "Nope")).patch("/tags/" + word).then().statusCode(428);
        as("erin").header("If-Match", etag).body(Map.of("description", "About " + word)).patch("/tags/" + word).then().statusCode(200)
                .body("name", is(word)).body("slug", is(word)).body("description", is("About " + word));
        String next = as("erin").get("/tags/" + word).header("ETag");
        as("erin").header("If-Match", next).body(Map.of("name", word + " two")).patch("/tags/" + word).then().statusCode(200)
                .body("name", is(word + " two")).body("description", is("About " + word));
        as("alice").get("/articles/" + id).then().body("tags", contains(word + " two"));
        String last = as("erin").get("/tags/" + word).header("ETag");
        as("erin").header("If-Match", last).body(Map.of("description", "")).patch("/tags/" + word).then().statusCode(200)
                .body("description", nullValue());
    }

    @Test
    void tagsArticlesCarriedBeforeTheRegistryAreRegistered() {
        String word = unique("nu");
        String id = tagged(List.of("policy"), false);
        // as data from before the registry: names no tag has, two of them with one slug
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update article set tags = cast(:tags as jsonb) where id = cast(:id as uuid)")
                .setParameter("tags", "[\"" + word + " one\", \"" + word + "-one\"]").setParameter("id", id).executeUpdate());
        assertEquals(2, registry.backfill());
        assertEquals(0, registry.backfill());
        as("alice").get("/tags/" + word + "-one").then().statusCode(200).body("name", is(word + " one")).body("articles", is(1));
        as("alice").get("/tags/" + word + "-one-2").then().statusCode(200).body("name", is(word + "-one")).body("articles", is(1));
    }
}
