package io.newsroom.cms.e2e;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

/**
 * An article's way from draft to published through the gateway, with its byline checked by the real authors
 * service (the caller's token travels gateway → articles → authors).
 */
@ExtendWith(SystemExtension.class)
class EditorialFlowE2ETest {
    private static RequestSpecification as(String user) {
        return given().header("Authorization", SystemExtension.bearer(user)).contentType(ContentType.JSON);
    }

    @Test
    void writerDraftsEditorPublishesWithACheckedByline() {
        String author = as("root").body(Map.of("displayName", "Jane Doe", "jobTitle", "Technology Correspondent"))
                .post("/api/authors").then().statusCode(201).extract().path("id");
        String slug = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> article = Map.of("slug", slug, "headline", "Regional cloud outage disrupts newsrooms",
                "dek", "Publishing systems went dark for two hours.", "body", "Paragraph one.\n\nParagraph two.",
                "byline", List.of(author));
        String id = as("alice").body(article).post("/api/articles").then().statusCode(201).extract().path("id");
        as("alice").body(Map.of("slug", slug + "-x", "headline", "Ghost byline", "byline", List.of(UUID.randomUUID().toString())))
                .post("/api/articles").then().statusCode(400).body("errors[0].field", is("byline[0]"));

        as("alice").header("If-Match", SystemExtension.etag("/api/articles/" + id)).body(Map.of("action", "submit")).post("/api/articles/" + id + "/transitions").then().statusCode(200);
        as("alice").header("If-Match", SystemExtension.etag("/api/articles/" + id)).body(Map.of("action", "publish")).post("/api/articles/" + id + "/transitions").then().statusCode(409);
        as("erin").header("If-Match", SystemExtension.etag("/api/articles/" + id)).body(Map.of("action", "approve")).post("/api/articles/" + id + "/transitions").then().statusCode(200);
        as("alice").header("If-Match", SystemExtension.etag("/api/articles/" + id)).body(Map.of("action", "publish")).post("/api/articles/" + id + "/transitions").then().statusCode(403);
        as("erin").header("If-Match", SystemExtension.etag("/api/articles/" + id)).body(Map.of("action", "publish")).post("/api/articles/" + id + "/transitions")
                .then().statusCode(200).body("status", is("PUBLISHED"), "live", is(true));

        // the author can no longer be deleted: they appeared on a byline
        as("root").header("If-Match", SystemExtension.etag("/api/authors/" + author)).delete("/api/authors/" + author).then().statusCode(409);
        as("erin").get("/api/articles/" + id + "/history").then().statusCode(200).body("items.size()", is(4));
    }
}
