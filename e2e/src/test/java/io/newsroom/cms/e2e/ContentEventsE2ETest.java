package io.newsroom.cms.e2e;

import com.sun.net.httpserver.HttpServer;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Publishing reaches the readers through every gateway replica, and an outside system through a signed webhook, within a second although the replicas keep their
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

    /** A delivery the test's receiver accepted: its signature checked here, with the secret the admin was shown. */
    private record Received(long atNanos, String type, String articleId) {
    }

    @Test
    void aPublishReachesASignedWebhookReceiverWithinASecond() throws Exception {
        List<Received> received = new CopyOnWriteArrayList<>();
        List<String> refused = new CopyOnWriteArrayList<>();
        Map<String, String> secret = new ConcurrentHashMap<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            long at = System.nanoTime();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
            String signatures = exchange.getRequestHeaders().getFirst("webhook-signature");
            boolean valid = false;
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.get("s").substring("whsec_".length())), "HmacSHA256"));
                String expected = "v1," + Base64.getEncoder().encodeToString(
                        mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
                valid = signatures != null && List.of(signatures.split(" ")).contains(expected)
                        && Math.abs(System.currentTimeMillis() / 1000 - Long.parseLong(timestamp)) < 300;
            } catch (Exception e) {
                refused.add(e.toString());
            }
            if (valid) {
                io.restassured.path.json.JsonPath json = io.restassured.path.json.JsonPath.from(body);
                received.add(new Received(at, json.getString("type"), json.getString("data.id")));
            } else {
                refused.add(body);
            }
            exchange.sendResponseHeaders(valid ? 204 : 401, -1);
            exchange.close();
        });
        receiver.start();
        try {
            String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
            var registered = as("root").body(Map.of("url", url, "description", "e2e receiver", "kind", "standard",
                    "events", List.of("article.published", "article.unpublished"))).post("/api/webhooks").then().statusCode(201).extract();
            secret.put("s", registered.path("secret"));
            String slug = "evt-hook-" + UUID.randomUUID().toString().substring(0, 8);
            String author = as("root").body(Map.of("displayName", "Hank Hooks")).post("/api/authors").then().statusCode(201)
                    .extract().path("id");
            String id = as("alice").body(Map.of("slug", slug, "headline", "Hooked", "body", "Text.", "byline", List.of(author))).post("/api/articles")
                    .then().statusCode(201).extract().path("id");
            step("alice", id, "submit");
            step("erin", id, "approve");
            long published = System.nanoTime();
            step("erin", id, "publish");
            long gateways = millisUntilEverywhere(slug, r -> r.statusCode() == 200);
            long until = published + Duration.ofSeconds(5).toNanos();
            while (received.stream().noneMatch(r -> id.equals(r.articleId())) && System.nanoTime() < until) {
                Thread.sleep(10);
            }
            Received delivery = received.stream().filter(r -> id.equals(r.articleId())).findFirst()
                    .orElseThrow(() -> new AssertionError("no signed delivery of " + id + "; refused: " + refused));
            long webhook = (delivery.atNanos() - published) / 1_000_000;
            assertTrue("article.published".equals(delivery.type()), delivery.toString());
            assertTrue(webhook < 1000, "the webhook reached the receiver " + webhook + " ms after the publish");
            assertTrue(gateways < 1000, "both gateways after " + gateways + " ms");
            assertTrue(refused.isEmpty(), "every delivery carried a valid signature: " + refused);
            String endpoint = registered.path("id");
            as("root").get("/api/webhooks/" + endpoint + "/deliveries").then().statusCode(200)
                    .body("items.find { it.eventType == 'article.published' }.status", org.hamcrest.Matchers.is("delivered"));
        } finally {
            receiver.stop(0);
        }
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
