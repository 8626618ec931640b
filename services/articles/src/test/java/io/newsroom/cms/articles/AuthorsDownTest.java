package io.newsroom.cms.articles;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.newsroom.cms.articles.ArticleApi.*;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;

/** The authors service unreachable: a byline check answers 503 quickly and nothing is written. */
@QuarkusTest
@TestProfile(AuthorsDownTest.Down.class)
class AuthorsDownTest {
    public static class Down implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.rest-client.authors.url", "http://localhost:1");
        }
    }

    @Test
    void bylineCheckWithAuthorsDownIs503AndWritesNothing() {
        int before = as("erin").get("/articles?size=1").path("total");
        create("alice", article(unique("Outage"), List.of(UUID.randomUUID().toString())))
                .then().time(lessThan(5000L)).statusCode(503).contentType("application/problem+json")
                .body("type", is("https://newsroom-cms.example/problems/service-unavailable"));
        int after = as("erin").get("/articles?size=1").path("total");
        org.junit.jupiter.api.Assertions.assertEquals(before, after);
        // an article without new authors does not need the authors service
        create("alice", article(unique("No byline yet"), List.of())).then().statusCode(201);
    }
}
