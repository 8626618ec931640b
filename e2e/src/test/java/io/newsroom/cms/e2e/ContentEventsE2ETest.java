package io.newsroom.cms.e2e;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Publishing reaches the readers through every gateway replica within a second although the replicas keep their
 * answers for minutes (event-fresh-for 120 s): the articles service's outbox → Kafka → each gateway's cache. Two
 * gateways, the real broker, the real services.
 */
@ExtendWith(SystemExtension.class)
class ContentEventsE2ETest {
    private static String second;

    @BeforeAll
    static void aSecondGateway() throws InterruptedException {
        second = SystemExtension.stack().url(SystemExtension.stack().startReplica("gateway"));
        for (String gateway : List.of(SystemExtension.stack().gatewayUrl(), second)) {
            long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!given().baseUri(gateway).get("/q/health/ready").asString().contains("\"freshness\": \"events\"")) {
                assertTrue(System.nanoTime() < until, gateway + " never got its content events: "
                        + given().baseUri(gateway).get("/q/health/ready").asString());
                Thread.sleep(200);
            }
        }
    }

    private static RequestSpecification as(String user) {
        return given().header("Authorization", SystemExtension.bearer(user)).contentType(ContentType.JSON);
    }

    private static void step(String user, String id, String action) {
        as(user).header("If-Match", SystemExtension.etag("/api/articles/" + id)).body(Map.of("action", action))
                .post("/api/articles/" + id + "/transitions").then().statusCode(200);
    }

    /** How long until every gateway answers what {@code seen} wants for the article (polled every 10 ms, 5 s at most). */
    private static long millisUntilEverywhere(String slug, Predicate<io.restassured.response.Response> seen) throws InterruptedException {
        long start = System.nanoTime();
        for (String gateway : List.of(SystemExtension.stack().gatewayUrl(), second)) {
            while (!seen.test(given().baseUri(gateway).get("/public/v1/articles/" + slug))) {
                assertTrue(System.nanoTime() - start < Duration.ofSeconds(5).toNanos(), "not visible through " + gateway);
                Thread.sleep(10);
            }
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    @Test
    void aRepublishAndATakedownReachBothGatewaysWithinASecond() throws Exception {
        String slug = "evt-" + UUID.randomUUID().toString().substring(0, 8);
        String author = as("root").body(Map.of("displayName", "Evan Events")).post("/api/authors").then().statusCode(201)
                .extract().path("id");
        String id = as("alice").body(Map.of("slug", slug, "headline", "First headline", "body", "Text.", "byline", List.of(author)))
                .post("/api/articles").then().statusCode(201).extract().path("id");
        for (String[] s : new String[][]{{"alice", "submit"}, {"erin", "approve"}, {"erin", "publish"}}) {
            step(s[0], id, s[1]);
        }
        millisUntilEverywhere(slug, r -> r.statusCode() == 200);
        // both caches now hold the article, kept for minutes; an edit republished must still show at once
        as("erin").header("If-Match", SystemExtension.etag("/api/articles/" + id))
                .body(Map.of("slug", slug, "headline", "Corrected headline", "body", "Text, corrected.", "byline", List.of(author)))
                .put("/api/articles/" + id).then().statusCode(200);
        for (String[] s : new String[][]{{"erin", "submit"}, {"erin", "approve"}, {"erin", "publish"}}) {
            step(s[0], id, s[1]);
        }
        long republished = millisUntilEverywhere(slug, r -> r.statusCode() == 200 && "Corrected headline".equals(r.path("headline")));
        assertTrue(republished < 1000, "republish visible through both gateways after " + republished + " ms");

        step("erin", id, "unpublish");
        long takenDown = millisUntilEverywhere(slug, r -> r.statusCode() == 404);
        assertTrue(takenDown < 1000, "takedown visible through both gateways after " + takenDown + " ms");
    }

    @Test
    void anAuthorsEditReachesTheirArticleThroughBothGatewaysWithinTwoSeconds() throws Exception {
        String slug = "evt-author-" + UUID.randomUUID().toString().substring(0, 8);
        String author = as("root").body(Map.of("displayName", "Ada Before")).post("/api/authors").then().statusCode(201)
                .extract().path("id");
        String id = as("alice").body(Map.of("slug", slug, "headline", "Bylined", "body", "Text.", "byline", List.of(author)))
                .post("/api/articles").then().statusCode(201).extract().path("id");
        for (String[] s : new String[][]{{"alice", "submit"}, {"erin", "approve"}, {"erin", "publish"}}) {
            step(s[0], id, s[1]);
        }
        millisUntilEverywhere(slug, r -> r.statusCode() == 200 && "Ada Before".equals(r.path("authors[0].displayName")));
        // authors service → cms.authors.profiles → articles rewrites the article → cms.articles.published → both gateways
        Map<String, Object> edit = Map.of("displayName", "Ada After", "slug", as("root").get("/api/authors/" + author).path("slug"));
        as("root").header("If-Match", SystemExtension.etag("/api/authors/" + author)).body(edit).put("/api/authors/" + author)
                .then().statusCode(200);
        long edited = millisUntilEverywhere(slug, r -> r.statusCode() == 200 && "Ada After".equals(r.path("authors[0].displayName")));
        assertTrue(edited < 2000, "the author's edit visible through both gateways after " + edited + " ms");
    }
}
