package io.newsroom.cms.curation;

import io.newsroom.cms.devstack.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;

/** Publishes real articles through the real articles service, for lists to feature. */
final class Newsroom {
    private static String author;

    private Newsroom() {
    }

    static RequestSpecification as(String user) {
        return given().header("Authorization", TestTokens.bearer(user)).contentType(ContentType.JSON);
    }

    static String unique(String base) {
        return base + "-" + Long.toString(ThreadLocalRandom.current().nextLong() >>> 1, 36);
    }

    static String url(String service) {
        return ConfigProvider.getConfig().getValue("cms.test.sibling." + service + ".url", String.class);
    }

    static synchronized String author() {
        if (author == null) {
            author = as("root").baseUri(url("authors")).body(Map.of("displayName", "Jane Doe", "slug", unique("jane")))
                    .post("/authors").then().statusCode(201).extract().path("id");
        }
        return author;
    }

    static String draftArticle(String headline) {
        return draftArticle(headline, true);
    }

    static String draftArticle(String headline, boolean withImage) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("headline", headline, "dek", "Summary of " + headline,
                "byline", List.of(author())));
        if (withImage) {
            body.put("heroImage", Map.of("url", "https://img.example/" + unique("a") + ".jpg", "alt", "Photo for " + headline));
        }
        return as("alice").baseUri(url("articles")).body(body).post("/articles").then().statusCode(201).extract().path("id");
    }

    static String publishedArticle(String headline) {
        return publishedArticle(headline, true);
    }

    static String publishedArticle(String headline, boolean withImage) {
        String id = draftArticle(headline, withImage);
        transition("alice", id, "submit");
        transition("erin", id, "approve");
        transition("erin", id, "publish");
        return id;
    }

    static void transition(String user, String id, String action) {
        String etag = as(user).baseUri(url("articles")).get("/articles/" + id).then().statusCode(200).extract().header("ETag");
        as(user).baseUri(url("articles")).header("If-Match", etag).body(Map.of("action", action)).post("/articles/" + id + "/transitions")
                .then().statusCode(200);
    }
}
