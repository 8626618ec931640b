package io.newsroom.cms.curation;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.newsroom.cms.curation.Newsroom.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;

/** Overrides as curators set them (alt text alone included), and the live version the editor compares the draft with. */
@QuarkusTest
class ItemOverridesTest {

    private static String newList() {
        String slug = unique("overrides");
        as("carl").body(Map.of("slug", slug, "title", "Overrides", "maxItems", 5)).post("/lists").then().statusCode(201);
        return slug;
    }

    private static String draftEtag(String slug) {
        return as("carl").get("/lists/" + slug + "/draft").then().statusCode(200).extract().header("ETag");
    }

    private static void add(String slug, String articleId) {
        as("carl").header("If-Match", draftEtag(slug)).body(Map.of("articleId", articleId)).post("/lists/" + slug + "/draft/items")
                .then().statusCode(200);
    }

    private static void publish(String slug) {
        as("carl").header("If-Match", draftEtag(slug)).body(Map.of()).post("/lists/" + slug + "/publish").then().statusCode(200);
    }

    @Test
    void anAltOnlyOverrideIsKeptAndDescribesTheArticlesOwnImage() {
        String pictured = publishedArticle(unique("Pictured"));
        String bare = publishedArticle(unique("Bare"), false);
        String slug = newList();
        add(slug, pictured);
        add(slug, bare);
        publish(slug);
        String heroUrl = given().get("/lists/public/" + slug).then().statusCode(200).body("items[0].image.alt", startsWith("Photo for"))
                .extract().path("items[0].image.url");

        for (String id : new String[] {pictured, bare}) {
            as("carl").header("If-Match", draftEtag(slug))
                    .body(Map.of("overrides", Map.of("image", Map.of("alt", "  Curated description  "))))
                    .put("/lists/" + slug + "/draft/items/" + id).then().statusCode(200);
        }
        as("carl").get("/lists/" + slug + "/draft").then().statusCode(200)
                .body("items[0].overrides.image.alt", is("Curated description"))
                .body("items[0].overrides.image.url", nullValue())
                .body("items[0].overrides.headline", nullValue())
                .body("items[1].overrides.image.alt", is("Curated description"));

        publish(slug);
        // readers get the article's own picture with the curator's words; an article without a picture stays without one
        given().get("/lists/public/" + slug).then().statusCode(200)
                .body("items[0].image.url", is(heroUrl))
                .body("items[0].image.alt", is("Curated description"))
                .body("items[0].image.url", notNullValue())
                .body("items[1].image", nullValue());
        as("erin").get("/lists/" + slug + "/preview").then().statusCode(200)
                .body("items[0].image.url", is(heroUrl))
                .body("items[0].image.alt", is("Curated description"));

        // a URL still needs its alt text; blanks everywhere clear the override
        as("carl").header("If-Match", draftEtag(slug)).body(Map.of("overrides", Map.of("image", Map.of("url", "https://img.example/x.jpg", "alt", " "))))
                .put("/lists/" + slug + "/draft/items/" + pictured).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", is("overrides.image.alt"));
        as("carl").header("If-Match", draftEtag(slug)).body(Map.of("overrides", Map.of("headline", " ", "image", Map.of("alt", ""))))
                .put("/lists/" + slug + "/draft/items/" + pictured).then().statusCode(200)
                .body("items[0].overrides", nullValue());
    }

    @Test
    void theLiveVersionIsReadableAsCuratedForComparingWithTheDraft() {
        String slug = newList();
        as("erin").get("/lists/" + slug + "/live").then().statusCode(200)
                .body("revision", nullValue()).body("items", empty());
        as("alice").get("/lists/" + slug + "/live").then().statusCode(403);
        given().get("/lists/" + slug + "/live").then().statusCode(401);
        as("carl").get("/lists/no-such-list-" + unique("x") + "/live").then().statusCode(404).contentType("application/problem+json");

        String a = publishedArticle(unique("Live A"));
        String b = publishedArticle(unique("Live B"));
        add(slug, a);
        as("carl").header("If-Match", draftEtag(slug))
                .body(Map.of("overrides", Map.of("headline", "Curated"), "window", Map.of("until", "2036-01-01T00:00:00Z")))
                .put("/lists/" + slug + "/draft/items/" + a).then().statusCode(200);
        publish(slug);
        add(slug, b); // draft only

        as("erin").get("/lists/" + slug + "/live").then().statusCode(200)
                .body("revision", is(1))
                .body("publishedBy", is("carl"))
                .body("items.articleId", contains(a))
                .body("items[0].overrides.headline", is("Curated"))
                .body("items[0].window.until", startsWith("2036-01-01T00:00"));
        as("carl").get("/lists/" + slug + "/draft").then().body("items.articleId", contains(a, b));
    }
}
