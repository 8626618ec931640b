package io.newsroom.cms.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.newsroom.cms.devstack.testing.KafkaResource;
import io.newsroom.cms.webhooks.service.Cleanup;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static io.newsroom.cms.webhooks.Api.admin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * End to end inside the module: records on the real Kafka topics, deliveries to real HTTP receivers on this machine
 * that check every signature themselves. Timings are the test profile's (application.properties): attempts time out
 * after 1 s, retries after 100, 200, 400, 800 ms, an endpoint failing for 1 s is disabled. Each test registers its own
 * receivers for an event type of its own and deletes them at the end, so the tests do not see each other's deliveries.
 */
@QuarkusTest
class DeliveryTest {
    private static final Logger LOG = Logger.getLogger(DeliveryTest.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration SOON = Duration.ofSeconds(10);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Cleanup cleanup;

    /** The topics exist and the consumer has all their partitions, so a record is read as soon as it is sent. */
    @BeforeEach
    void consumerReady() {
        Events.producer();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (given().get("/q/health/ready").jsonPath().getInt("checks.find { it.name == 'webhooks' }.data.partitions") < 12) {
            assertTrue(System.nanoTime() < deadline, "the consumer never got the partitions of the four topics");
            Receiver.sleep(20);
        }
    }

    /** A test that failed half-way leaves no endpoint behind to receive the next test's events. */
    @AfterEach
    void deleteEndpoints() {
        for (String id : admin().get("/webhooks").then().statusCode(200).extract().jsonPath().getList("items.id", String.class)) {
            Api.delete(id);
        }
    }

    private static String article(String id, String... authorIds) {
        StringBuilder authors = new StringBuilder();
        for (String author : authorIds) {
            authors.append(authors.length() == 0 ? "" : ",").append("{\"id\":\"").append(author)
                    .append("\",\"slug\":\"jane-doe\",\"displayName\":\"Jane Doe\"}");
        }
        return "{\"id\":\"" + id + "\",\"slug\":\"evented-" + id.substring(0, 8) + "\",\"headline\":\"Caf\u00e9 \u2603 \\\"quoted\\\"\","
                + "\"tags\":[\"cloud\"],\"authors\":[" + authors + "],\"revision\":3,\"authorsDegraded\":false}";
    }

    private static Predicate<List<Receiver.Received>> withId(String id, int count) {
        return received -> received.stream().filter(r -> id.equals(r.id())).count() >= count;
    }

    private static JsonPath deliveries(String endpointId) {
        return admin().get("/webhooks/" + endpointId + "/deliveries").then().statusCode(200).extract().jsonPath();
    }

    /** Polls the endpoint's deliveries until {@code done} holds (10 s at most). */
    private static JsonPath awaitDeliveries(String endpointId, Predicate<JsonPath> done) {
        long deadline = System.nanoTime() + SOON.toNanos();
        JsonPath page = deliveries(endpointId);
        while (!done.test(page)) {
            if (System.nanoTime() > deadline) {
                fail("deliveries of " + endpointId + " never got there: " + page.prettify());
            }
            Receiver.sleep(20);
            page = deliveries(endpointId);
        }
        return page;
    }

    @Test
    void aPublishedArticleReachesTheReceiverSignedAndOnlyOnce() throws Exception {
        try (Receiver receiver = Receiver.ok()) {
            String endpoint = Api.register(receiver, "standard", "article.published", "article.unpublished");
            String articleId = UUID.randomUUID().toString();
            String document = article(articleId, UUID.randomUUID().toString());
            long eventId = Events.nextId();
            String messageId = "msg_published_" + eventId;

            long sent = System.nanoTime();
            Events.send(Events.PUBLISHED, articleId, document, eventId, "article.published");
            Receiver.Received got = receiver.await(SOON, withId(messageId, 1)).stream().filter(r -> messageId.equals(r.id())).findFirst().orElseThrow();
            long latencyMs = (got.receivedAtNanos() - sent) / 1_000_000;
            LOG.infof("Kafka record → receiver in %d ms", latencyMs);
            assertTrue(latencyMs < 1_500, "publish → receiver took " + latencyMs + " ms (the goal is under 1 s)");

            assertTrue(got.signatureValid(), "the receiver verified the signature with the secret it was given: " + got);
            assertEquals("application/json", got.contentType());
            assertEquals("NewsroomCMS-Webhooks/1", got.userAgent());
            assertNull(got.surrogateKey());
            JsonNode body = JSON.readTree(got.body());
            assertEquals("article.published", body.path("type").asText());
            assertNotNull(java.time.Instant.parse(body.path("timestamp").asText()));
            assertEquals(JSON.readTree(document), body.path("data"), "the public document, as the topic carried it");
            assertTrue(got.body().contains(document), "embedded byte for byte");

            // the same record again (a producer's retry, a consumer's redelivery): nothing new; a later record still comes
            Events.send(Events.PUBLISHED, articleId, document, eventId, "article.published");
            long tombstoneId = Events.nextId();
            Events.send(Events.PUBLISHED, articleId, null, tombstoneId, "article.unpublished");
            Receiver.Received gone = receiver.await(SOON, withId("msg_published_" + tombstoneId, 1)).stream()
                    .filter(r -> ("msg_published_" + tombstoneId).equals(r.id())).findFirst().orElseThrow();
            assertTrue(gone.signatureValid());
            JsonNode unpublished = JSON.readTree(gone.body());
            assertEquals("article.unpublished", unpublished.path("type").asText());
            assertEquals("{\"id\":\"" + articleId + "\"}", unpublished.path("data").toString());

            JsonPath page = awaitDeliveries(endpoint, p -> p.getList("items.findAll { it.status == 'delivered' }").size() == 2);
            assertEquals(List.of("msg_published_" + tombstoneId, messageId), page.getList("items.eventId"), "newest first, once each");
            assertEquals(1, receiver.withId(messageId).size(), "the record read twice was delivered once");
            assertEquals(200, page.getInt("items[1].lastStatusCode"));
            assertEquals(1, page.getInt("items[1].attempts"));
            assertNotNull(page.getString("items[1].deliveredAt"));
            admin().get("/webhooks/" + endpoint).then().statusCode(200).body("stats.delivered", is(2), "stats.pending", is(0),
                    "stats.lastStatus", is(200));
            Api.delete(endpoint);
        }
    }

    @Test
    void aReceiverThatFailsTwiceGetsItOnTheThirdAttempt() throws Exception {
        try (Receiver receiver = Receiver.answering(call -> call <= 2 ? 500 : 200)) {
            String endpoint = Api.register(receiver, "standard", "author.updated");
            String authorId = UUID.randomUUID().toString();
            long eventId = Events.nextId();
            Events.send(Events.AUTHORS, authorId, "{\"id\":\"" + authorId + "\",\"displayName\":\"Jane Doe\"}", eventId, "author.updated");
            List<Receiver.Received> attempts = receiver.await(SOON, withId("msg_authors_" + eventId, 3));
            assertEquals(3, attempts.size());
            assertTrue(attempts.stream().allMatch(Receiver.Received::signatureValid), "every attempt signed afresh");
            assertEquals(1, attempts.stream().map(Receiver.Received::body).distinct().count(), "the same body every time");
            JsonPath page = awaitDeliveries(endpoint, p -> "delivered".equals(p.getString("items[0].status")));
            assertEquals(3, page.getInt("items[0].attempts"));
            assertEquals(200, page.getInt("items[0].lastStatusCode"));
            assertNull(page.get("items[0].lastError"));
            assertNull(page.get("items[0].nextAttemptAt"));
            admin().get("/webhooks/" + endpoint).then().statusCode(200).body("enabled", is(true), "stats.delivered", is(1));
            Api.delete(endpoint);
        }
    }

    @Test
    void aHangingReceiverDoesNotHoldUpAHealthyOne() throws Exception {
        try (Receiver hanging = Receiver.hanging(); Receiver healthy = Receiver.ok()) {
            String stuck = Api.register(hanging, "standard", "article.workflow");
            String fine = Api.register(healthy, "standard", "article.workflow");
            int events = 40;
            List<String> ids = new ArrayList<>();
            long sent = System.nanoTime();
            for (int i = 0; i < events; i++) {
                long eventId = Events.nextId();
                ids.add("msg_workflow_" + eventId);
                String article = UUID.randomUUID().toString();
                Events.send(Events.WORKFLOW, article, "{\"id\":\"" + UUID.randomUUID() + "\",\"articleId\":\"" + article
                        + "\",\"action\":\"submit\",\"from\":\"DRAFT\",\"to\":\"IN_REVIEW\",\"actor\":\"alice\"}", eventId, "article.submit");
            }
            healthy.await(SOON, received -> ids.stream().allMatch(id -> received.stream().anyMatch(r -> id.equals(r.id()))));
            long tookMs = (System.nanoTime() - sent) / 1_000_000;
            LOG.infof("%d events reached the healthy receiver in %d ms while the other hung", events, tookMs);
            // had the hanging receiver's requests (1 s each, 8 at a time) stood in the way, this would take 5 s or more
            assertTrue(tookMs < 4_000, "the healthy receiver waited " + tookMs + " ms");
            // the share, counted as the sender sees it: a request it gave up on (1 s) still hangs at the receiver until
            // closed, so its retries would be counted twice there; requests sent within one timeout are all out at once
            int atOnce = mostWithin(hanging.received, Duration.ofMillis(800));
            assertTrue(atOnce <= 8, "one endpoint holds its share and no more: " + atOnce);
            assertTrue(healthy.received.stream().allMatch(Receiver.Received::signatureValid));
            Api.delete(stuck);
            Api.delete(fine);
        }
    }

    @Test
    void anEndpointThatKeepsFailingIsDisabledAndCanBeEnabledAgain() throws Exception {
        try (Receiver receiver = Receiver.answering(call -> 503)) {
            String endpoint = Api.register(receiver, "standard", "list.published");
            String slug = "top-" + UUID.randomUUID();
            long eventId = Events.nextId();
            Events.send(Events.LISTS, slug, "{\"slug\":\"" + slug + "\",\"title\":\"Top stories\"}", eventId, "list.published");
            long deadline = System.nanoTime() + SOON.toNanos();
            JsonPath view;
            do {
                Receiver.sleep(50);
                view = admin().get("/webhooks/" + endpoint).then().statusCode(200).extract().jsonPath();
                assertTrue(System.nanoTime() < deadline, "never disabled: " + view.prettify());
            } while (view.getBoolean("enabled"));
            String reason = view.getString("disabledReason");
            assertTrue(reason.startsWith("No successful delivery since ") && reason.contains("failed attempts): last error HTTP 503"), reason);
            assertNotNull(view.getString("disabledAt"));
            assertEquals(503, view.getInt("stats.lastStatus"));
            int calls = receiver.calls();
            JsonPath page = deliveries(endpoint);
            assertEquals(1, page.getList("items").size());
            assertTrue(page.getString("items[0].lastError").startsWith("HTTP 503"), page.prettify());
            // disabled: nothing more goes out, not even a ping
            admin().post("/webhooks/" + endpoint + "/ping").then().statusCode(409);
            Receiver.sleep(300);
            assertTrue(receiver.calls() <= calls + 1, "no attempts after the endpoint was disabled (one may have been in flight)");

            Map<String, Object> enable = Api.endpoint(receiver.url(), List.of("list.published"));
            enable.put("enabled", true);
            admin().header("If-Match", "\"" + view.getLong("version") + "\"").contentType("application/json").body(enable)
                    .put("/webhooks/" + endpoint).then().statusCode(200).body("enabled", is(true), "disabledReason", is((Object) null),
                            "disabledAt", is((Object) null));
            Api.delete(endpoint);
        }
    }

    @Test
    void redeliverAndPingSendWithTheirOwnIds() throws Exception {
        try (Receiver receiver = Receiver.ok()) {
            String endpoint = Api.register(receiver, "standard", "list.unpublished");
            String slug = "gone-" + UUID.randomUUID();
            long eventId = Events.nextId();
            String messageId = "msg_lists_" + eventId;
            Events.send(Events.LISTS, slug, null, eventId, "list.unpublished");
            receiver.await(SOON, withId(messageId, 1));
            assertEquals(slug, JSON.readTree(receiver.withId(messageId).get(0).body()).path("data").path("slug").asText(),
                    "a list's tombstone names its slug, the lists topic's key");
            String deliveryId = awaitDeliveries(endpoint, p -> "delivered".equals(p.getString("items[0].status"))).getString("items[0].id");
            assertTrue(deliveryId.matches("[0-9]+"), deliveryId);

            admin().post("/webhooks/" + endpoint + "/deliveries/" + deliveryId + "/redeliver").then().statusCode(202)
                    .body("deliveryId", is(deliveryId), "eventId", is(messageId));
            List<Receiver.Received> both = receiver.await(SOON, withId(messageId, 2));
            assertTrue(both.stream().allMatch(Receiver.Received::signatureValid));
            assertEquals(both.get(0).body(), both.get(1).body());
            awaitDeliveries(endpoint, p -> p.getInt("items[0].attempts") == 2 && "delivered".equals(p.getString("items[0].status")));

            String pingId = admin().post("/webhooks/" + endpoint + "/ping").then().statusCode(202).extract().path("eventId");
            Receiver.Received ping = receiver.await(SOON, withId(pingId, 1)).stream().filter(r -> pingId.equals(r.id())).findFirst().orElseThrow();
            assertTrue(ping.signatureValid());
            JsonNode body = JSON.readTree(ping.body());
            assertEquals("webhook.ping", body.path("type").asText());
            assertEquals(endpoint, body.path("data").path("id").asText());
            Api.delete(endpoint);
        }
    }

    @Test
    void cdnPurgeEndpointsGetSurrogateKeys() throws Exception {
        try (Receiver cdn = Receiver.ok()) {
            String endpoint = Api.register(cdn, "cdn-purge", "article.published", "author.deleted", "list.published");
            String articleId = UUID.randomUUID().toString();
            String a1 = UUID.randomUUID().toString();
            String a2 = UUID.randomUUID().toString();
            long articleEvent = Events.nextId();
            Events.send(Events.PUBLISHED, articleId, article(articleId, a1, a2), articleEvent, "article.published");
            long authorEvent = Events.nextId();
            Events.send(Events.AUTHORS, a1, null, authorEvent, "author.deleted");
            String slug = "featured-" + UUID.randomUUID();
            long listEvent = Events.nextId();
            Events.send(Events.LISTS, slug, "{\"slug\":\"" + slug + "\"}", listEvent, "list.published");

            Map<String, String> expected = Map.of(
                    "msg_published_" + articleEvent, "article-" + articleId + " articles author-" + a1 + " author-" + a2,
                    "msg_authors_" + authorEvent, "author-" + a1 + " authors",
                    "msg_lists_" + listEvent, "list-" + slug + " lists");
            cdn.await(SOON, received -> expected.keySet().stream().allMatch(id -> received.stream().anyMatch(r -> id.equals(r.id()))));
            for (Map.Entry<String, String> e : expected.entrySet()) {
                Receiver.Received got = cdn.withId(e.getKey()).get(0);
                assertEquals(e.getValue(), got.surrogateKey(), e.getKey());
                assertTrue(got.signatureValid(), "purges are signed too");
                JsonNode body = JSON.readTree(got.body());
                List<String> keys = new ArrayList<>();
                body.path("surrogate_keys").forEach(k -> keys.add(k.asText()));
                assertEquals(List.of(e.getValue().split(" ")), keys);
            }
            Api.delete(endpoint);
        }
    }

    @Test
    void aTargetThatTurnsOutForbiddenIsRefusedAtDelivery() throws Exception {
        try (Receiver receiver = Receiver.ok()) {
            String endpoint = Api.register(receiver, "standard", "author.deleted");
            // what a DNS change would do to a registered host, done directly: the target is now the unspecified address
            try (Connection c = dataSource.getConnection();
                 PreparedStatement update = c.prepareStatement("update webhook_endpoint set url = ? where id = ?")) {
                update.setString(1, "http://0.0.0.0:" + receiver.port() + "/hooks");
                update.setObject(2, UUID.fromString(endpoint));
                assertEquals(1, update.executeUpdate());
            }
            admin().post("/webhooks/" + endpoint + "/ping").then().statusCode(202);
            JsonPath page = awaitDeliveries(endpoint, p -> p.getInt("items[0].attempts") >= 1);
            String error = page.getString("items[0].lastError");
            assertTrue(error.startsWith("Refused target: ") && error.contains("unspecified"), error);
            assertNull(page.get("items[0].lastStatusCode"));
            assertEquals(0, receiver.calls(), "nothing was sent");
            Api.delete(endpoint);
        }
    }

    /**
     * The fan-out the service is built for (500 deliveries a second to 10 endpoints, p99 under 2 s, on 2 cores), in
     * small: a burst of 100 events to 10 receivers, all on this machine with Kafka, PostgreSQL, Keycloak and the build.
     * It asserts what was delivered (each event to each endpoint under its webhook-id, signed; one delivery each in the
     * log, though a delivery answered after the timeout is sent again) and the deliveries' paging; the delay
     * figures are only logged. The delay is measured by {@code bench/events/run} (BenchWebhooks): a timed assertion
     * here failed CI once (p99 6.2 s while the whole-system tests and the media tests shared the two cores).
     */
    @Test
    void aBurstFansOutToTenEndpoints() throws Exception {
        List<Receiver> receivers = new ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) {
                Receiver receiver = Receiver.ok();
                receivers.add(receiver);
                Api.register(receiver, "standard", "article.workflow");
            }
            int events = 100;
            Map<String, Long> sentAt = new java.util.HashMap<>();
            long start = System.nanoTime();
            for (int i = 0; i < events; i++) {
                long eventId = Events.nextId();
                String article = UUID.randomUUID().toString();
                sentAt.put("msg_workflow_" + eventId, System.nanoTime());
                Events.sendAsync(Events.WORKFLOW, article, "{\"id\":\"" + UUID.randomUUID() + "\",\"articleId\":\"" + article
                        + "\",\"action\":\"publish\"}", eventId, "article.publish");
            }
            Events.producer().flush();
            for (Receiver receiver : receivers) {
                receiver.await(Duration.ofSeconds(30), received -> sentAt.keySet().stream()
                        .allMatch(id -> received.stream().anyMatch(r -> id.equals(r.id()))));
            }
            long tookMs = (System.nanoTime() - start) / 1_000_000;
            List<Long> latencies = new ArrayList<>();
            for (Receiver receiver : receivers) {
                for (Receiver.Received r : receiver.received) {
                    latencies.add((r.receivedAtNanos() - sentAt.get(r.id())) / 1_000_000);
                }
            }
            latencies.sort(null);
            long p50 = latencies.get(latencies.size() / 2);
            long p99 = latencies.get((int) Math.ceil(latencies.size() * 0.99) - 1);
            double rate = latencies.size() * 1000.0 / Math.max(1, tookMs);
            LOG.infof("Fan-out: %d deliveries to 10 endpoints in %d ms (%.0f/s), latency p50 %d ms, p99 %d ms, max %d ms",
                    latencies.size(), tookMs, rate, p50, p99, latencies.get(latencies.size() - 1));
            // at least once, as the Standard Webhooks contract has it: a delivery answered after the sender's timeout (1 s in
            // the tests; seen in CI with the cores shared by three modules' tests) is sent again under the same webhook-id,
            // which the receiver dedupes by. Each endpoint has each event, and never one that was not sent.
            for (Receiver receiver : receivers) {
                assertEquals(sentAt.keySet(), receiver.received.stream().map(Receiver.Received::id).collect(Collectors.toSet()),
                        "each event to each endpoint, under its own webhook-id");
            }
            LOG.infof("Fan-out: %d sent again after a timeout", latencies.size() - events * 10);
            assertTrue(receivers.stream().allMatch(r -> r.received.stream().allMatch(Receiver.Received::signatureValid)));

            // one endpoint's 100 deliveries, 30 a page, newest first
            String endpoint = admin().get("/webhooks").then().extract().jsonPath().getString("items[0].id");
            List<Long> ids = new ArrayList<>();
            String before = null;
            int pages = 0;
            do {
                JsonPath page = admin().get("/webhooks/" + endpoint + "/deliveries?limit=30" + (before == null ? "" : "&before=" + before))
                        .then().statusCode(200).extract().jsonPath();
                page.getList("items.id", String.class).forEach(id -> ids.add(Long.parseLong(id)));
                before = page.getString("next");
                pages++;
            } while (before != null);
            assertEquals(4, pages);
            assertEquals(events, ids.size());
            assertEquals(events, ids.stream().distinct().count());
            List<Long> newestFirst = new ArrayList<>(ids);
            newestFirst.sort(java.util.Comparator.reverseOrder());
            assertEquals(newestFirst, ids);
        } finally {
            receivers.forEach(Receiver::close);
        }
    }

    /**
     * Kafka away: the admin API answers, what is stored is delivered, readiness stays up and says the consumer is not
     * connected; when the broker is back the events flow again.
     */
    @Test
    void withKafkaAwayTheAdminApiAndDeliveriesGoOn() throws Exception {
        try (Receiver receiver = Receiver.ok()) {
            KafkaResource.current().stopBroker();
            String endpoint;
            try {
                endpoint = Api.register(receiver, "standard", "author.updated");
                admin().get("/webhooks").then().statusCode(200);
                String pingId = admin().post("/webhooks/" + endpoint + "/ping").then().statusCode(202).extract().path("eventId");
                assertTrue(receiver.await(SOON, withId(pingId, 1)).get(0).signatureValid());
                long deadline = System.nanoTime() + SOON.toNanos();
                while (!given().get("/q/health/ready").jsonPath().getString("checks.find { it.name == 'webhooks' }.data.consumer")
                        .startsWith("not connected")) {
                    assertTrue(System.nanoTime() < deadline, "readiness never noticed that Kafka is away");
                    Receiver.sleep(100);
                }
                given().get("/q/health/ready").then().statusCode(200).body("status", is("UP"));
            } finally {
                KafkaResource.current().startBroker();
            }
            String authorId = UUID.randomUUID().toString();
            long eventId = Events.nextId();
            Events.send(Events.AUTHORS, authorId, "{\"id\":\"" + authorId + "\"}", eventId, "author.updated");
            receiver.await(Duration.ofSeconds(30), withId("msg_authors_" + eventId, 1));
        }
    }

    /** Delivered deliveries are kept 7 days, failed ones 30; what waits is never deleted. */
    @Test
    void finishedDeliveriesAreDeletedOnceTheirTimeIsUp() throws Exception {
        String endpoint = Api.register(Api.endpoint("https://hooks.example/retention", List.of("list.unpublished")))
                .then().statusCode(201).extract().path("id");
        String[][] rows = {
                {"msg_old_delivered", "delivered", "8 days", "gone"}, {"msg_recent_delivered", "delivered", "6 days", "kept"},
                {"msg_old_failed", "failed", "31 days", "gone"}, {"msg_recent_failed", "failed", "29 days", "kept"},
                {"msg_old_pending", "retrying", "40 days", "kept"}};
        try (Connection c = dataSource.getConnection();
             PreparedStatement insert = c.prepareStatement("insert into webhook_delivery (endpoint_id, message_id, event_type,"
                     + " payload, status, attempts, next_attempt_at, created_at, delivered_at) values (?, ?, 'list.unpublished', '{}', ?,"
                     + " 1, case when ? = 'retrying' then now() + interval '1 hour' end, now() - cast(? as interval),"
                     + " case when ? = 'delivered' then now() - cast(? as interval) end)")) {
            for (String[] row : rows) {
                insert.setObject(1, UUID.fromString(endpoint));
                insert.setString(2, row[0]);
                insert.setString(3, row[1]);
                insert.setString(4, row[1]);
                insert.setString(5, row[2]);
                insert.setString(6, row[1]);
                insert.setString(7, row[2]);
                insert.executeUpdate();
            }
        }
        assertEquals(2, cleanup.run(java.time.Instant.now()));
        List<String> left = deliveries(endpoint).getList("items.eventId");
        for (String[] row : rows) {
            assertEquals(row[3].equals("kept"), left.contains(row[0]), row[0]);
        }
    }

    @Test
    void readinessSaysTheConsumerIsConnected() {
        given().get("/q/health/ready").then().statusCode(200).body("status", is("UP"))
                .body("checks.find { it.name == 'webhooks' }.data.consumer", is("connected"))
                .body("checks.find { it.name == 'webhooks' }.data.partitions", is(12));
    }

    /** The most requests that arrived within any {@code window}. */
    private static int mostWithin(List<Receiver.Received> received, Duration window) {
        long[] at = received.stream().mapToLong(Receiver.Received::receivedAtNanos).sorted().toArray();
        int most = 0;
        for (int first = 0, last = 0; last < at.length; last++) {
            while (at[last] - at[first] >= window.toNanos()) {
                first++;
            }
            most = Math.max(most, last - first + 1);
        }
        return most;
    }
}
