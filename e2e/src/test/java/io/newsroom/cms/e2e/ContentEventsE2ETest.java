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

    /** A new author profile; its id. */
    private static String author(String displayName) {
        return as("root").body(Map.of("displayName", displayName)).post("/api/authors").then().statusCode(201).extract().path("id");
    }

    /** A draft by alice with {@code author} in its byline; its id. */
    private static String draft(String slug, String headline, String author) {
        return as("alice").body(Map.of("slug", slug, "headline", headline, "body", "Text.", "byline", List.of(author)))
                .post("/api/articles").then().statusCode(201).extract().path("id");
    }

    /** Submitted by alice, approved and published by erin. */
    private static void publish(String id) {
        step("alice", id, "submit");
        step("erin", id, "approve");
        step("erin", id, "publish");
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

    /** A delivery the receiver accepted: when, its type and its data. */
    private record Received(long atNanos, String type, io.restassured.path.json.JsonPath data) {
    }

    /**
     * An outside system: a real HTTP server registered as a webhook endpoint for {@code events}, which checks every
     * delivery's Standard Webhooks signature with the secret the admin was shown at registration.
     */
    private static final class Receiver implements AutoCloseable {
        final List<Received> received = new CopyOnWriteArrayList<>();
        final List<String> refused = new CopyOnWriteArrayList<>();
        final String endpoint;
        private final HttpServer server;
        private final String secret;

        Receiver(String... events) throws java.io.IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/hook", exchange -> {
                long at = System.nanoTime();
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                boolean valid = signedWithOurSecret(body, exchange.getRequestHeaders());
                if (valid) {
                    io.restassured.path.json.JsonPath json = io.restassured.path.json.JsonPath.from(body);
                    received.add(new Received(at, json.getString("type"), json.setRootPath("data")));
                } else {
                    refused.add(body);
                }
                exchange.sendResponseHeaders(valid ? 204 : 401, -1);
                exchange.close();
            });
            server.start();
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
            var registered = as("root").body(Map.of("url", url, "description", "e2e receiver", "kind", "standard",
                    "events", List.of(events))).post("/api/webhooks").then().statusCode(201).extract();
            secret = registered.path("secret");
            endpoint = registered.path("id");
        }

        private boolean signedWithOurSecret(String body, com.sun.net.httpserver.Headers headers) {
            String id = headers.getFirst("webhook-id");
            String timestamp = headers.getFirst("webhook-timestamp");
            String signatures = headers.getFirst("webhook-signature");
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
                String expected = "v1," + Base64.getEncoder().encodeToString(
                        mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
                return signatures != null && List.of(signatures.split(" ")).contains(expected)
                        && Math.abs(System.currentTimeMillis() / 1000 - Long.parseLong(timestamp)) < 300;
            } catch (Exception e) {
                refused.add(e.toString());
                return false;
            }
        }

        /** The first accepted delivery of {@code type} whose data matches, waiting up to 5 s after {@code since}. */
        Received await(long since, String type, Predicate<io.restassured.path.json.JsonPath> data) throws InterruptedException {
            long until = since + Duration.ofSeconds(5).toNanos();
            while (System.nanoTime() < until) {
                for (Received r : received) {
                    if (type.equals(r.type()) && data.test(r.data())) {
                        return r;
                    }
                }
                Thread.sleep(10);
            }
            throw new AssertionError("no signed " + type + " delivery; received " + received + ", refused: " + refused);
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    @Test
    void aPublishReachesASignedWebhookReceiverWithinASecond() throws Exception {
        try (Receiver receiver = new Receiver("article.published", "article.unpublished")) {
            String slug = "evt-hook-" + UUID.randomUUID().toString().substring(0, 8);
            String author = author("Hank Hooks");
            String id = draft(slug, "Hooked", author);
            step("alice", id, "submit");
            step("erin", id, "approve");
            long published = System.nanoTime();
            step("erin", id, "publish");
            long gateways = millisUntilEverywhere(slug, r -> r.statusCode() == 200);
            Received delivery = receiver.await(published, "article.published", data -> id.equals(data.getString("id")));
            long webhook = (delivery.atNanos() - published) / 1_000_000;
            assertTrue(webhook < 1000, "the webhook reached the receiver " + webhook + " ms after the publish");
            assertTrue(gateways < 1000, "both gateways after " + gateways + " ms");
            assertTrue(receiver.refused.isEmpty(), "every delivery carried a valid signature: " + receiver.refused);
            as("root").get("/api/webhooks/" + receiver.endpoint + "/deliveries").then().statusCode(200)
                    .body("items.find { it.eventType == 'article.published' }.status", org.hamcrest.Matchers.is("delivered"));
        }
    }

    @Test
    void aCuratorsListReachesAWebhookReceiverWhenPublishedAndWhenDeleted() throws Exception {
        String slug = "evt-listed-" + UUID.randomUUID().toString().substring(0, 8);
        String author = author("Lena Lists");
        String id = draft(slug, "Listed", author);
        publish(id);
        String list = "evt-list-" + UUID.randomUUID().toString().substring(0, 8);
        as("carl").body(Map.of("slug", list, "title", "On the hook", "maxItems", 4)).post("/api/lists").then().statusCode(201);
        as("carl").header("If-Match", SystemExtension.etag("/api/lists/" + list + "/draft")).body(Map.of("articleId", id))
                .post("/api/lists/" + list + "/draft/items").then().statusCode(200);
        try (Receiver receiver = new Receiver("list.published", "list.unpublished")) {
            // curation's outbox (in the list's own document) → cms.curation.lists → the webhooks service → the receiver
            long published = System.nanoTime();
            as("carl").header("If-Match", SystemExtension.etag("/api/lists/" + list + "/draft")).body(Map.of())
                    .post("/api/lists/" + list + "/publish").then().statusCode(200);
            Received live = receiver.await(published, "list.published", data -> list.equals(data.getString("slug")));
            long webhook = (live.atNanos() - published) / 1_000_000;
            assertTrue(webhook < 1000, "list.published reached the receiver " + webhook + " ms after the publish");
            assertTrue(id.equals(live.data().getString("items[0].articleId")), "the live list's items: " + live.data().prettify());

            // only an empty list may be deleted: emptied, published empty, then deleted
            as("carl").header("If-Match", SystemExtension.etag("/api/lists/" + list + "/draft")).body(Map.of("items", List.of()))
                    .put("/api/lists/" + list + "/draft").then().statusCode(200);
            long emptied = System.nanoTime();
            as("carl").header("If-Match", SystemExtension.etag("/api/lists/" + list + "/draft")).body(Map.of())
                    .post("/api/lists/" + list + "/publish").then().statusCode(200);
            receiver.await(emptied, "list.published", data -> list.equals(data.getString("slug")) && data.getList("items").isEmpty());
            long deleted = System.nanoTime();
            as("root").header("If-Match", SystemExtension.etag("/api/lists/" + list)).delete("/api/lists/" + list)
                    .then().statusCode(204);
            receiver.await(deleted, "list.unpublished", data -> list.equals(data.getString("slug")));
            assertTrue(receiver.refused.isEmpty(), "every delivery carried a valid signature: " + receiver.refused);
        }
    }

    @Test
    void aRepublishAndATakedownReachBothGatewaysWithinASecond() throws Exception {
        String slug = "evt-" + UUID.randomUUID().toString().substring(0, 8);
        String author = author("Evan Events");
        String id = draft(slug, "First headline", author);
        publish(id);
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
        String author = author("Ada Before");
        String id = draft(slug, "Bylined", author);
        publish(id);
        millisUntilEverywhere(slug, r -> r.statusCode() == 200 && "Ada Before".equals(r.path("authors[0].displayName")));
        // authors service → cms.authors.profiles → articles rewrites the article → cms.articles.published → both gateways
        Map<String, Object> edit = Map.of("displayName", "Ada After", "slug", as("root").get("/api/authors/" + author).path("slug"));
        as("root").header("If-Match", SystemExtension.etag("/api/authors/" + author)).body(edit).put("/api/authors/" + author)
                .then().statusCode(200);
        long edited = millisUntilEverywhere(slug, r -> r.statusCode() == 200 && "Ada After".equals(r.path("authors[0].displayName")));
        assertTrue(edited < 2000, "the author's edit visible through both gateways after " + edited + " ms");
    }
}
