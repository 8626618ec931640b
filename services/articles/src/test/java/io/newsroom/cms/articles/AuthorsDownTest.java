package io.newsroom.cms.articles;

import io.newsroom.cms.devstack.testing.SiblingServiceResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static io.newsroom.cms.articles.ArticleApi.*;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;

/**
 * The authors service not answering (frozen: it accepts connections and says nothing, so only the byline check's
 * timeout ends the wait): a byline check answers 503 quickly and nothing is written. A refused connection is the
 * trust suite's kill -9 of authors.
 */
@QuarkusTest
class AuthorsDownTest {
    @Test
    void bylineCheckWhileAuthorsDoesNotAnswerIs503WithinTheTimeoutAndWritesNothing() {
        int before = as("erin").get("/articles?size=1").path("total");
        SiblingServiceResource.pause("authors");
        try {
            create("alice", article(unique("Outage"), List.of(UUID.randomUUID().toString())))
                    .then().time(lessThan(5000L)).statusCode(503).contentType("application/problem+json")
                    .body("type", is("https://newsroom-cms.example/problems/service-unavailable"));
            int after = as("erin").get("/articles?size=1").path("total");
            org.junit.jupiter.api.Assertions.assertEquals(before, after);
            // an article without new authors does not need the authors service
            create("alice", article(unique("No byline yet"), List.of())).then().statusCode(201);
        } finally {
            SiblingServiceResource.resume("authors");
        }
    }

    /**
     * The media library out of reach (this module runs none: its port refuses): an article taking a library picture is
     * refused with a 503 problem and nothing is written; a pasted URL needs no library, and a library picture needs no
     * URL or alt text of its own (the library's are its defaults, checked when it goes live).
     */
    @Test
    void aLibraryPictureWhileTheMediaLibraryIsDownIs503AndWritesNothing() {
        int before = as("erin").get("/articles?size=1").path("total");
        var body = article(unique("Library picture"), List.of());
        body.put("heroImage", java.util.Map.of("mediaId", UUID.randomUUID().toString()));
        create("alice", body).then().time(lessThan(5000L)).statusCode(503).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("media library"));
        org.junit.jupiter.api.Assertions.assertEquals(before, (int) as("erin").get("/articles?size=1").path("total"));

        body.put("heroImage", java.util.Map.of("url", "https://img.example/pasted.jpg"));
        create("alice", body).then().statusCode(400).body("errors[0].field", is("heroImage.alt"));
        body.put("heroImage", java.util.Map.of("url", "https://img.example/pasted.jpg", "alt", "A pasted picture"));
        create("alice", body).then().statusCode(201).body("heroImage.mediaId", org.hamcrest.Matchers.nullValue());
    }
}
