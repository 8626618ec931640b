package io.newsroom.cms.articles;

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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sections: editors keep the hierarchy (writers read it), every refusal is a problem at its field and writes nothing,
 * an old slug keeps working, and published articles carry their sections to readers, listed by section.
 */
@QuarkusTest
class SectionsTest {
    private static final String PROBLEM = "application/problem+json";
    private static String jane;

    @Inject
    EntityManager em;

    @BeforeAll
    static void authors() {
        jane = author("Section Writer", true);
    }

    static Response createSection(String user, String slug, String name, String parentId) {
        Map<String, Object> body = new HashMap<>();
        body.put("slug", slug);
        body.put("name", name);
        body.put("parentId", parentId);
        return as(user).body(body).post("/sections");
    }

    private static String section(String slug, String name, String parentId) {
        return createSection("erin", slug, name, parentId).then().statusCode(201).extract().path("id");
    }

    private static Response update(String user, String id, Map<String, Object> body) {
        String etag = as("erin").get("/sections/" + id).then().statusCode(200).extract().header("ETag");
        return as(user).header("If-Match", etag).body(body).put("/sections/" + id);
    }

    private static int count() {
        return as("alice").get("/sections").then().statusCode(200).extract().path("total");
    }

    private String publishedIn(String primary, List<String> secondary, String headline) {
        Map<String, Object> body = article(unique(headline), List.of(jane));
        body.put("primarySectionId", primary);
        body.put("secondarySectionIds", secondary);
        String id = create("alice", body).then().statusCode(201).extract().path("id");
        transition("alice", id, "submit", null).then().statusCode(200);
        transition("erin", id, "approve", null).then().statusCode(200);
        transition("erin", id, "publish", null).then().statusCode(200);
        return id;
    }

    @Test
    void editorsKeepTheTreeWritersReadIt() {
        String top = unique("world");
        String id = section(top, "World", null);
        String child = section(unique("europe"), "Europe", id);
        as("alice").get("/sections").then().statusCode(200).body("items.id", hasItem(child));
        as("carl").get("/sections/" + child).then().statusCode(200).body("path", contains(top, as("carl").get("/sections/" + child).path("slug")))
                .body("depth", is(1)).body("parentId", is(id));
        createSection("alice", unique("nope"), "Nope", null).then().statusCode(403);
        createSection("carl", unique("nope"), "Nope", null).then().statusCode(403);
        update("alice", child, Map.of("name", "Renamed")).then().statusCode(403);
        String etag = as("erin").get("/sections/" + child).header("ETag");
        as("alice").header("If-Match", etag).delete("/sections/" + child).then().statusCode(403);
        given().get("/sections").then().statusCode(401);
        // a slug is derived from the name when left out
        as("root").body(Map.of("name", "Science & Tech " + top)).post("/sections").then().statusCode(201)
                .body("slug", is("science-tech-" + top));
    }

    @Test
    void siblingsAreOrderedAndReordered() {
        String parent = section(unique("desk"), "Desk", null);
        String a = section(unique("a"), "A", parent);
        String b = section(unique("b"), "B", parent);
        String c = section(unique("c"), "C", parent);
        update("erin", c, Map.of("name", "C", "parentId", parent, "position", 0)).then().statusCode(200).body("position", is(0));
        List<String> order = as("erin").get("/sections").then().extract().path("items.findAll { it.parentId == '" + parent + "' }.id");
        assertEquals(List.of(c, a, b), order);
        // moved to the top level: last there, and its old siblings close the gap
        update("erin", c, Map.of("name", "C")).then().statusCode(200).body("parentId", nullValue());
        List<Integer> positions = as("erin").get("/sections").then().extract().path("items.findAll { it.parentId == '" + parent + "' }.position");
        assertEquals(List.of(0, 1), positions);
    }

    @Test
    void refusalsAreProblemsAtTheirFieldAndWriteNothing() {
        String taken = unique("taken");
        String top = section(taken, "Taken", null);
        String under = section(unique("under"), "Under", top);
        String deeper = section(unique("deeper"), "Deeper", under);
        int before = count();
        createSection("erin", taken, "Again", null).then().statusCode(409).contentType(PROBLEM).body("errors[0].field", is("slug"));
        createSection("erin", unique("orphan"), "Orphan", "00000000-0000-4000-8000-000000000001").then().statusCode(400)
                .contentType(PROBLEM).body("errors[0].field", is("parentId"));
        createSection("erin", "Not A Slug", "Bad", null).then().statusCode(400).body("errors[0].field", is("slug"));
        createSection("erin", unique("blank"), " ", null).then().statusCode(400).body("errors[0].field", is("name"));
        assertEquals(before, count());
        // a cycle: under its own descendant, or under itself
        Map<String, Object> cycle = new HashMap<>(Map.of("name", "Taken", "parentId", deeper));
        update("erin", top, cycle).then().statusCode(400).contentType(PROBLEM).body("errors[0].field", is("parentId"));
        update("erin", top, Map.of("name", "Taken", "parentId", top)).then().statusCode(400).body("errors[0].field", is("parentId"));
        as("erin").get("/sections/" + top).then().body("parentId", nullValue());
        // a rename onto another section's slug, current or former
        update("erin", under, Map.of("slug", taken, "name", "Under", "parentId", top)).then().statusCode(409).body("errors[0].field", is("slug"));
        // deleting a section with subsections
        String etag = as("erin").get("/sections/" + under).header("ETag");
        as("erin").header("If-Match", etag).delete("/sections/" + under).then().statusCode(409).contentType(PROBLEM);
        // versions: none is 428, a stale one 412
        as("erin").body(Map.of("name", "X")).put("/sections/" + under).then().statusCode(428);
        as("erin").header("If-Match", "\"999\"").body(Map.of("name", "X", "parentId", top)).put("/sections/" + under).then().statusCode(412);
        as("erin").get("/sections/" + under).then().body("name", is("Under"));
        // a leaf without articles goes
        String leafEtag = as("erin").get("/sections/" + deeper).header("ETag");
        as("erin").header("If-Match", leafEtag).delete("/sections/" + deeper).then().statusCode(204);
        as("erin").get("/sections/" + deeper).then().statusCode(404);
    }

    @Test
    void anArticleNeedsItsSectionBeforeSubmittingAndSectionsMustExist() {
        Map<String, Object> body = article(unique("Sectionless"), List.of(jane));
        body.put("primarySectionId", "00000000-0000-4000-8000-000000000002");
        create("alice", body).then().statusCode(400).contentType(PROBLEM).body("errors[0].field", is("primarySectionId"));
        String section = section(unique("metro"), "Metro", null);
        body.put("primarySectionId", section);
        body.put("secondarySectionIds", List.of(section));
        create("alice", body).then().statusCode(400).body("errors[0].field", is("secondarySectionIds[0]"));
        body.remove("primarySectionId");
        body.remove("secondarySectionIds");
        // none named: the default section
        String id = create("alice", body).then().statusCode(201).body("primarySectionId", is("00000000-0000-4000-8000-00000000000a"))
                .extract().path("id");
        // a draft without one (as none is configured) cannot be submitted, published or scheduled
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update article set primary_section_id = null where id = cast(:id as uuid)")
                .setParameter("id", id).executeUpdate());
        transition("alice", id, "submit", null).then().statusCode(400).contentType(PROBLEM).body("errors[0].field", is("primarySectionId"));
        // a save that leaves the sections out keeps them; one that names them sets them
        Map<String, Object> edit = new HashMap<>(body);
        edit.put("primarySectionId", section);
        as("alice").header("If-Match", etag(id)).body(edit).put("/articles/" + id).then().statusCode(200).body("primarySectionId", is(section));
        edit.remove("primarySectionId");
        edit.put("headline", "Sectioned now");
        as("alice").header("If-Match", etag(id)).body(edit).put("/articles/" + id).then().statusCode(200).body("primarySectionId", is(section));
        transition("alice", id, "submit", null).then().statusCode(200);
        // a section with articles cannot be deleted
        String etag = as("erin").get("/sections/" + section).header("ETag");
        as("erin").header("If-Match", etag).delete("/sections/" + section).then().statusCode(409).contentType(PROBLEM);
    }

    @Test
    void theEditorsListFiltersBySectionWithOrWithoutSubsections() {
        String deskSlug = unique("desk");
        String desk = section(deskSlug, "Desk", null);
        String beatSlug = unique("beat");
        String beat = section(beatSlug, "Beat", desk);
        String other = section(unique("elsewhere"), "Elsewhere", null);
        Map<String, Object> body = article(unique("Desk draft"), List.of(jane));
        body.put("primarySectionId", desk);
        String onDesk = create("alice", body).then().statusCode(201).extract().path("id");
        body = article(unique("Beat draft"), List.of(jane));
        body.put("primarySectionId", beat);
        String onBeat = create("alice", body).then().statusCode(201).extract().path("id");
        body = article(unique("Also on the desk"), List.of(jane));
        body.put("primarySectionId", other);
        body.put("secondarySectionIds", List.of(desk));
        String secondary = create("alice", body).then().statusCode(201).extract().path("id");

        as("alice").get("/articles?section=" + deskSlug + "&sort=created&size=100").then().statusCode(200)
                .body("items.id", contains(onDesk, onBeat, secondary)).body("total", is(3));
        as("alice").get("/articles?section=" + deskSlug + "&includeChildren=false&sort=created").then().statusCode(200)
                .body("items.id", contains(onDesk, secondary));
        as("alice").get("/articles?section=" + beatSlug.toUpperCase() + "&status=DRAFT").then().statusCode(200)
                .body("items.id", contains(onBeat));
        // a renamed section's former slug still filters
        String renamed = unique("beat-renamed");
        update("erin", beat, Map.of("slug", renamed, "name", "Beat", "parentId", desk)).then().statusCode(200);
        as("alice").get("/articles?section=" + beatSlug).then().statusCode(200).body("items.id", contains(onBeat));
        // an unknown section is a problem at the field, never the unfiltered list
        as("alice").get("/articles?section=no-such-desk-anywhere").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", is("section"));
        as("alice").get("/articles?section=" + deskSlug + "&includeChildren=perhaps").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", is("includeChildren"));
        as("alice").get("/articles?status=SHIPPED").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", is("status"));
    }

    @Test
    void publishedArticlesCarryTheirSectionsAndAreListedBySection() {
        String newsSlug = unique("news");
        String news = section(newsSlug, "Newsdesk", null);
        String cloudSlug = unique("cloud");
        String cloud = section(cloudSlug, "Cloud", news);
        String opinion = section(unique("opinion"), "Opinion", null);
        String inCloud = publishedIn(cloud, List.of(opinion), "Cloud outage");
        String inNews = publishedIn(news, List.of(), "Council vote");

        Response page = publishedView(inCloud);
        page.then().statusCode(200).body("section.slug", is(cloudSlug)).body("section.name", is("Cloud"))
                .body("section.path", contains(newsSlug, cloudSlug)).body("sections[0].name", is("Opinion"));

        given().get("/articles/published?section=" + newsSlug).then().statusCode(200)
                .body("items.id", contains(inNews, inCloud)).body("items[1].section.slug", is(cloudSlug));
        given().get("/articles/published?section=" + newsSlug + "&includeChildren=false").then().statusCode(200)
                .body("items.id", contains(inNews));
        given().get("/articles/published?section=" + as("erin").get("/sections/" + opinion).path("slug")).then().statusCode(200)
                .body("items.id", contains(inCloud));
        given().get("/articles/published?section=" + cloudSlug + "&tag=policy&limit=1").then().statusCode(200)
                .body("items.id", contains(inCloud));
        given().get("/articles/published?section=" + newsSlug + "&includeChildren=false&tag=policy")
                .then().statusCode(200).body("items.id", contains(inNews));
        given().get("/articles/published?section=" + cloudSlug + "&tag=nothing-here").then().statusCode(404).contentType(PROBLEM);
        given().get("/articles/published?section=no-such-section-anywhere").then().statusCode(404).contentType(PROBLEM);
        given().get("/articles/published?section=" + newsSlug + "&includeChildren=maybe").then().statusCode(400);
        // cursor paging within a section
        String next = given().get("/articles/published?section=" + newsSlug + "&limit=1").then().statusCode(200)
                .body("items.id", contains(inNews)).extract().path("nextCursor");
        given().get("/articles/published?section=" + newsSlug + "&limit=1&cursor=" + next).then().statusCode(200)
                .body("items.id", contains(inCloud));

        // renamed and moved: the documents show the new name and path at once, the old slug keeps working
        String renamed = unique("cloud-computing");
        update("erin", cloud, Map.of("slug", renamed, "name", "Cloud computing", "parentId", opinion)).then().statusCode(200)
                .body("path", contains(as("erin").get("/sections/" + opinion).path("slug"), renamed));
        publishedView(inCloud).then().statusCode(200).body("section.slug", is(renamed)).body("section.name", is("Cloud computing"))
                .body("section.path[1]", is(renamed));
        given().get("/articles/published?section=" + cloudSlug).then().statusCode(200).body("items.id", contains(inCloud));
        given().get("/articles/published?section=" + newsSlug).then().statusCode(200).body("items.id", not(hasItem(inCloud)));
        given().redirects().follow(false).get("/sections/published/" + cloudSlug).then().statusCode(301)
                .header("Location", org.hamcrest.Matchers.endsWith("/sections/published/" + renamed));
        given().get("/sections/published/" + renamed).then().statusCode(200).body("name", is("Cloud computing"))
                .body("urlPath", is("/" + as("erin").get("/sections/" + opinion).path("slug") + "/" + renamed));
        given().get("/sections/published").then().statusCode(200).body("items.slug", hasItem(newsSlug));
        given().get("/sections/published/nothing-by-this-slug").then().statusCode(404);
        // the tree's top level starts with the default section
        List<String> top = given().get("/sections/published").then().extract().path("items.slug");
        assertTrue(top.contains("news"), top.toString());
    }
}
