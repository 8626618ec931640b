package io.newsroom.cms.articles;

import io.newsroom.cms.devstack.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;

/** Small helpers over the real HTTP API, so tests read as editorial stories. */
final class ArticleApi {
    private ArticleApi() {
    }

    static RequestSpecification as(String user) {
        return given().header("Authorization", TestTokens.bearer(user)).contentType(ContentType.JSON);
    }

    static String unique(String base) {
        return base + "-" + Long.toString(ThreadLocalRandom.current().nextLong() >>> 1, 36);
    }

    static Map<String, Object> article(String headline, List<String> byline) {
        Map<String, Object> body = new HashMap<>();
        body.put("headline", headline);
        body.put("dek", "A one-paragraph standfirst about " + headline + ".");
        body.put("body", "First paragraph.\n\n> \"A quoted statement,\" said a source.\n\nLast paragraph.");
        body.put("heroImage", Map.of("url", "https://img.example/hero.jpg", "alt", "A newsroom at night", "credit", "Staff"));
        body.put("tags", List.of("Cloud", "Policy"));
        body.put("byline", new ArrayList<>(byline));
        return body;
    }

    static Response create(String user, Map<String, Object> body) {
        return as(user).body(body).post("/articles");
    }

    static Response transition(String user, String id, String action, String comment) {
        Map<String, Object> body = new HashMap<>();
        body.put("action", action);
        if (comment != null) {
            body.put("comment", comment);
        }
        return as(user).header("If-Match", etag(id)).body(body).post("/articles/" + id + "/transitions");
    }

    /** Creates the article as alice and takes it through review to published (submit, approve, publish); its id. */
    static String publish(Map<String, Object> body) {
        String id = create("alice", body).then().statusCode(201).extract().path("id");
        transition("alice", id, "submit", null).then().statusCode(200);
        transition("erin", id, "approve", null).then().statusCode(200);
        transition("erin", id, "publish", null).then().statusCode(200);
        return id;
    }

    /** An editor's change of the live article, published at once. */
    static void editAndPublish(String id, Map<String, Object> body) {
        as("erin").header("If-Match", etag(id)).body(body).put("/articles/" + id).then().statusCode(200);
        transition("erin", id, "publish", null).then().statusCode(200);
    }

    /** The article's current ETag, as the editor app holds it before every change (read as an admin). */
    static String etag(String id) {
        return as("root").get("/articles/" + id).then().statusCode(200).extract().header("ETag");
    }

    /** Creates an author in the real authors service (as admin) and returns its id. */
    static String author(String name, boolean active) {
        String url = ConfigProvider.getConfig().getValue("cms.test.sibling.authors.url", String.class);
        Map<String, Object> body = new HashMap<>(Map.of("displayName", name, "slug", unique(name.toLowerCase().replace(' ', '-'))));
        body.put("active", active);
        return as("root").baseUri(url).body(body).post("/authors").then().statusCode(201).extract().path("id");
    }

    /** The published view of article {@code id}, looked up by its slug as readers do (redirects not followed). */
    static Response publishedView(String id) {
        String slug = as("erin").get("/articles/" + id).path("slug");
        return io.restassured.RestAssured.given().redirects().follow(false).get("/articles/published/" + slug);
    }
}
