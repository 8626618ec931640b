package io.newsroom.cms.articles;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.newsroom.cms.articles.ArticleApi.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Related articles: the editor's picks are content (validated at {@code related[i]}, versioned, restored), and readers
 * get the published picks first, in the editor's order, then ones sharing the article's section and tags.
 */
@QuarkusTest
class RelatedArticlesTest {
    private static final String PROBLEM = "application/problem+json";
    private static String writer;

    @BeforeAll
    static void anAuthor() {
        writer = author("Related Writer", true);
    }

    private static Map<String, Object> body(String headline, List<String> tags, String sectionId, List<String> related) {
        Map<String, Object> body = article(unique(headline), List.of(writer));
        body.put("tags", tags);
        if (sectionId != null) {
            body.put("primarySectionId", sectionId);
        }
        if (related != null) {
            body.put("related", related);
        }
        return body;
    }

    private static String draft(Map<String, Object> body) {
        return create("alice", body).then().statusCode(201).extract().path("id");
    }

    private static String publish(Map<String, Object> body) {
        String id = draft(body);
        transition("alice", id, "submit", null).then().statusCode(200);
        transition("erin", id, "approve", null).then().statusCode(200);
        transition("erin", id, "publish", null).then().statusCode(200);
        return id;
    }

    private static String slug(String id) {
        return as("erin").get("/articles/" + id).path("slug");
    }

    private static Response related(String slug, String query) {
        return given().redirects().follow(false).get("/articles/published/" + slug + "/related" + query);
    }

    @Test
    void picksAreValidatedAtTheirPlaces() {
        String other = draft(body("Related other", List.of("rel"), null, null));
        List<String> eleven = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            eleven.add(UUID.randomUUID().toString());
        }
        create("alice", body("Too many", List.of("rel"), null, eleven)).then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("related"));
        String unknown = UUID.randomUUID().toString();
        create("alice", body("Bad picks", List.of("rel"), null, List.of(other, other, unknown))).then().statusCode(400)
                .contentType(PROBLEM).body("errors.field", contains("related[1]", "related[2]"))
                .body("errors.message", contains("names the same article twice", "no such article"));

        Map<String, Object> self = body("Self pick", List.of("rel"), null, List.of(other));
        String id = draft(self);
        self.put("related", List.of(id));
        as("alice").header("If-Match", etag(id)).body(self).put("/articles/" + id).then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", is("related[0]")).body("errors[0].message", is("is this article itself"));
        as("alice").get("/articles/" + id).then().statusCode(200).body("related", contains(other)).body("workingRevision", is(1));
    }

    @Test
    void picksAreVersionedRestoredAndADeletedOneDropsOut() {
        String a = draft(body("Pick a", List.of("rel"), null, null));
        String b = draft(body("Pick b", List.of("rel"), null, null));
        Map<String, Object> body = body("Picker", List.of("rel"), null, List.of(a));
        String id = draft(body);
        as("alice").get("/articles/" + id).then().body("related", contains(a));

        body.put("related", List.of(b, a));
        as("alice").header("If-Match", etag(id)).body(body).put("/articles/" + id).then().statusCode(200).body("related", contains(b, a));
        // left out: kept (clients from before related articles)
        body.remove("related");
        body.put("dek", "A changed dek.");
        as("alice").header("If-Match", etag(id)).body(body).put("/articles/" + id).then().statusCode(200).body("related", contains(b, a));

        int latest = as("alice").get("/articles/" + id).path("workingRevision");
        as("alice").get("/articles/" + id + "/revisions/1").then().statusCode(200).body("related", contains(a));
        as("alice").get("/articles/" + id + "/revisions/1/diff/" + latest).then().statusCode(200)
                .body("changes.field", hasItem("related"));
        as("alice").header("If-Match", etag(id)).post("/articles/" + id + "/revisions/1/restore").then().statusCode(200)
                .body("related", contains(a));

        as("root").header("If-Match", etag(a)).delete("/articles/" + a).then().statusCode(204);
        as("alice").get("/articles/" + id).then().statusCode(200).body("related", hasSize(0));
        as("alice").get("/articles/" + id + "/revisions/1").then().statusCode(200).body("related", contains(a));
    }

    @Test
    void readersGetThePublishedPicksThenArticlesSharingSectionAndTags() {
        String section = as("erin").body(Map.of("slug", unique("related-desk"), "name", "Related desk")).post("/sections")
                .then().statusCode(201).extract().path("id");
        String other = as("erin").body(Map.of("slug", unique("related-other"), "name", "Other desk")).post("/sections")
                .then().statusCode(201).extract().path("id");
        String ta = unique("harbour"), tb = unique("tolls"), tc = unique("weather");
        // oldest first: the newest of equal rank come first
        String both = publish(body("Both tags and section", List.of(ta, tb), section, null));        // 3
        String pick1 = publish(body("Pick one", List.of(ta), other, null));                          // picked
        String twoTags = publish(body("Two tags", List.of(ta, tb), other, null));                   // 2
        String oneTag = publish(body("One tag", List.of(tb, tc), other, null));                     // 1, older
        String sectionOnly = publish(body("Section only", List.of(tc), section, null));             // 1, newer
        String pick2 = publish(body("Pick two", List.of(tc), other, null));                          // picked
        publish(body("Nothing shared", List.of(tc), other, null));
        String unpublished = draft(body("Unpublished pick", List.of(ta), section, null));

        String id = publish(body("Harbour tolls rise", List.of(ta, tb), section, List.of(pick2, unpublished, pick1)));
        String slug = slug(id);

        related(slug, "?limit=20").then().statusCode(200)
                .body("items.id", contains(pick2, pick1, both, twoTags, sectionOnly, oneTag))
                .body("items.reason", contains("editor", "editor", "automatic", "automatic", "automatic", "automatic"))
                .body("items[0].headline", is(as("erin").get("/articles/" + pick2).path("headline").toString()))
                .body("items[0].slug", is(slug(pick2)));
        related(slug, "").then().statusCode(200).body("items.id", contains(pick2, pick1, both, twoTags, sectionOnly));
        related(slug, "?limit=3").then().statusCode(200).body("items.id", contains(pick2, pick1, both));
        related(slug, "?limit=1").then().statusCode(200).body("items.id", contains(pick2));

        // a pick unpublished drops out of readers' list, and may come back as an automatic one only if it is published
        as("erin").header("If-Match", etag(pick2)).body(Map.of("action", "unpublish")).post("/articles/" + pick2 + "/transitions")
                .then().statusCode(200);
        related(slug, "?limit=20").then().statusCode(200).body("items.id", contains(pick1, both, twoTags, sectionOnly, oneTag));

        // an article of the fallback is never the article itself; the list of a pick shows the article (automatic)
        related(slug(both), "?limit=20").then().statusCode(200).body("items.id", hasItem(id));

        for (String bad : List.of("?limit=0", "?limit=21")) {
            related(slug, bad).then().statusCode(400).contentType(PROBLEM);
        }
        related(unique("no-such-article"), "").then().statusCode(404).contentType(PROBLEM);
        // a draft's slug is not published
        related(slug(unpublished), "").then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void aFormerSlugRedirectsToTheCurrentOnesRelatedArticles() {
        Map<String, Object> body = body("Renamed related", List.of(unique("renamed")), null, null);
        String id = publish(body);
        String before = slug(id);
        body.put("slug", unique("renamed-related"));
        as("erin").header("If-Match", etag(id)).body(body).put("/articles/" + id).then().statusCode(200);
        transition("erin", id, "publish", null).then().statusCode(200);
        String after = slug(id);
        related(before, "?limit=7").then().statusCode(301)
                .header("Location", endsWith("/articles/published/" + after + "/related?limit=7"));
        related(after, "?limit=7").then().statusCode(200);
        assertEquals(404, RestAssured.given().get("/articles/published/" + unique("gone") + "/related").statusCode());
    }
}
