package io.newsroom.cms.curation;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.newsroom.cms.curation.Newsroom.as;
import static io.newsroom.cms.curation.Newsroom.unique;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;

/** The articles service unreachable: adding an item is a quick 503 problem and the draft is untouched. */
@QuarkusTest
@TestProfile(ArticlesDownTest.Down.class)
class ArticlesDownTest {
    public static class Down implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.rest-client.articles.url", "http://localhost:1");
        }
    }

    @Test
    void addingWhileArticlesIsDownIs503AndWritesNothing() {
        String slug = unique("down");
        as("carl").body(Map.of("slug", slug, "title", "Down", "maxItems", 5)).post("/lists").then().statusCode(201);
        String etag = as("carl").get("/lists/" + slug + "/draft").then().extract().header("ETag");
        as("carl").header("If-Match", etag).body(Map.of("articleId", UUID.randomUUID().toString()))
                .post("/lists/" + slug + "/draft/items").then().time(lessThan(5000L)).statusCode(503)
                .contentType("application/problem+json");
        as("carl").get("/lists/" + slug + "/draft").then().header("ETag", is(etag)).body("items.size()", is(0));
    }
}
