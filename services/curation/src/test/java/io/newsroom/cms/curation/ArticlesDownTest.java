package io.newsroom.cms.curation;

import io.newsroom.cms.devstack.testing.SiblingServiceResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.newsroom.cms.curation.Newsroom.as;
import static io.newsroom.cms.curation.Newsroom.unique;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;

/**
 * The articles service not answering (frozen: it accepts connections and says nothing, so only the lookup's timeout
 * ends the wait): adding an item is a quick 503 problem and the draft is untouched. A refused connection is the trust
 * suite's kill -9 of articles.
 */
@QuarkusTest
class ArticlesDownTest {
    @Test
    void addingWhileArticlesDoesNotAnswerIs503WithinTheTimeoutAndWritesNothing() {
        String slug = unique("down");
        as("carl").body(Map.of("slug", slug, "title", "Down", "maxItems", 5)).post("/lists").then().statusCode(201);
        String etag = as("carl").get("/lists/" + slug + "/draft").then().extract().header("ETag");
        SiblingServiceResource.pause("articles");
        try {
            as("carl").header("If-Match", etag).body(Map.of("articleId", UUID.randomUUID().toString()))
                    .post("/lists/" + slug + "/draft/items").then().time(lessThan(5000L)).statusCode(503)
                    .contentType("application/problem+json");
        } finally {
            SiblingServiceResource.resume("articles");
        }
        as("carl").get("/lists/" + slug + "/draft").then().header("ETag", is(etag)).body("items.size()", is(0));
    }
}
