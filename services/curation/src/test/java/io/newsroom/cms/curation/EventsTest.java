package io.newsroom.cms.curation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import io.newsroom.cms.devstack.testing.TopicRecords;
import io.newsroom.cms.curation.client.EventRelay;
import io.newsroom.cms.curation.config.EventsConfig;
import io.newsroom.cms.outbox.OutboxStore;
import io.newsroom.cms.outbox.PendingEvent;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

import static io.newsroom.cms.curation.Newsroom.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The list events and the article events with the real broker: what readers see of a list reaches the compacted topic
 * {@code cms.curation.lists} under its slug (read back with a plain consumer); the events wait in the lists' documents
 * until Kafka acknowledged them (the relay loop is off in module tests: they are relayed here, by hand; the loop and
 * a real Kafka outage are the shared relay's, tested in the articles service); and the published-articles topic alone
 * changes what live lists show.
 */
@QuarkusTest
class EventsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LISTS = "cms.curation.lists";

    @Inject
    EventRelay relay;

    @Inject
    OutboxStore store;

    @Inject
    EventsConfig settings;

    @Inject
    MongoClient mongo;

    @ConfigProperty(name = "quarkus.mongodb.database")
    String database;

    @Test
    void whatReadersSeeOfAListIsOnTheTopicUnderItsSlug() throws Exception {
        String article = publishedArticle(unique("Evented"));
        String slug = unique("events");
        as("carl").body(Map.of("slug", slug, "title", "Events", "maxItems", 5)).post("/lists").then().statusCode(201);
        as("carl").header("If-Match", draftEtag(slug)).body(Map.of("articleId", article, "overrides", Map.of("headline", "Curated")))
                .post("/lists/" + slug + "/draft/items").then().statusCode(200);
        as("carl").header("If-Match", draftEtag(slug)).body(Map.of()).post("/lists/" + slug + "/publish").then().statusCode(200);
        update(slug, Map.of("title", "Renamed", "description", "What matters today", "maxItems", 5));
        as("carl").header("If-Match", listEtag(slug)).body(Map.of("title", "", "maxItems", 5)).put("/lists/" + slug)
                .then().statusCode(400).contentType("application/problem+json");
        update(slug, Map.of("title", "Renamed", "description", "What matters today", "maxItems", 9)); // not what readers see
        as("carl").header("If-Match", draftEtag(slug)).delete("/lists/" + slug + "/draft/items/" + article).then().statusCode(200);
        as("carl").header("If-Match", draftEtag(slug)).body(Map.of()).post("/lists/" + slug + "/publish").then().statusCode(200);
        String deletedId = lists().find(Filters.eq("slug", slug)).first().getString("_id");
        as("root").header("If-Match", listEtag(slug)).delete("/lists/" + slug).then().statusCode(204);
        // the slug is free at once, and the new list's events come after the old one's tombstone
        as("carl").body(Map.of("slug", slug, "title", "Again", "maxItems", 5)).post("/lists").then().statusCode(201);
        as("carl").header("If-Match", draftEtag(slug)).body(Map.of()).post("/lists/" + slug + "/publish").then().statusCode(200);

        assertEquals(1, lists().countDocuments(Filters.eq("slug", "deleted:" + deletedId)), "the deleted list waits for its tombstone");
        relayAll();
        List<ConsumerRecord<String, String>> events = read(slug, records -> records.size() >= 5);
        assertEquals(List.of("list.published", "list.published", "list.published", "list.unpublished", "list.published"),
                events.stream().map(r -> TopicRecords.header(r, "cms-event-type")).toList());
        JsonNode first = JSON.readTree(events.get(0).value());
        assertEquals(slug, first.path("slug").asText());
        assertEquals("Events", first.path("title").asText());
        assertEquals(1, first.path("revision").asInt());
        assertEquals(article, first.path("items").path(0).path("articleId").asText());
        assertEquals(0, first.path("items").path(0).path("position").asInt());
        assertEquals("Curated", first.path("items").path(0).path("overrides").path("headline").asText());
        assertTrue(first.path("items").path(0).path("addedBy").isMissingNode(), "nobody's user name: " + first);
        Instant.parse(first.path("publishedAt").asText());
        JsonNode renamed = JSON.readTree(events.get(1).value());
        assertEquals("Renamed", renamed.path("title").asText());
        assertEquals("What matters today", renamed.path("description").asText());
        JsonNode emptied = JSON.readTree(events.get(2).value());
        assertEquals(2, emptied.path("revision").asInt());
        assertEquals(0, emptied.path("items").size());
        assertNull(events.get(3).value(), "a tombstone: the compacted topic forgets the list");
        assertEquals("Again", JSON.readTree(events.get(4).value()).path("title").asText());
        long previous = 0;
        for (ConsumerRecord<String, String> event : events) {
            assertEquals("list-" + slug + " lists", TopicRecords.header(event, "cms-surrogate-keys"));
            Instant.parse(TopicRecords.header(event, "cms-event-time"));
            long id = Long.parseLong(TopicRecords.header(event, "cms-event-id"));
            assertTrue(id > previous, "event ids increase per slug: " + id + " after " + previous);
            previous = id;
        }
        assertEquals(0, lists().countDocuments(Filters.eq("_id", deletedId)), "the deleted list's document goes once its tombstone is sent");
    }

    @Test
    void theEventsWaitInTheListsDocumentUntilKafkaAcknowledgedThemAndGoOutInOrder() throws Exception {
        relayAll(); // the topic exists and nothing else waits
        String slug = unique("waiting");
        as("carl").body(Map.of("slug", slug, "title", "Waiting 0", "maxItems", 5)).post("/lists").then().statusCode(201);
        as("carl").header("If-Match", draftEtag(slug)).body(Map.of()).post("/lists/" + slug + "/publish").then().statusCode(200);
        update(slug, Map.of("title", "Waiting 1", "maxItems", 5));
        update(slug, Map.of("title", "Waiting 2", "maxItems", 5));
        assertEquals(3, outbox(slug).size(), "the events wait in the list's own document");
        given().get("/q/health/ready").then().statusCode(200).body("checks.find { it.name == 'events' }.status", is("UP"))
                .body("checks.find { it.name == 'events' }.data.waiting", greaterThanOrEqualTo(3))
                .body("checks.find { it.name == 'events' }.data.relay", is("off"));
        List<PendingEvent> handedOver = new ArrayList<>();
        assertThrows(IllegalStateException.class, () -> store.relay(settings, events -> {
            handedOver.addAll(events);
            throw new IllegalStateException("Kafka did not acknowledge them");
        }));
        assertEquals(List.of("Waiting 0", "Waiting 1", "Waiting 2"), handedOver.stream().filter(e -> e.key().equals(slug))
                .map(e -> title(e.payload())).toList(), "oldest first");
        assertEquals(3, outbox(slug).size(), "nothing leaves the document before Kafka acknowledged it");
        relayAll();
        assertTrue(outbox(slug).isEmpty(), "the list's outbox drained");
        assertEquals(List.of("Waiting 0", "Waiting 1", "Waiting 2"),
                read(slug, records -> records.size() >= 3).stream().map(r -> title(r.value())).toList());
    }

    @Test
    void theArticleEventsAloneChangeWhatLiveListsShow() throws Exception {
        String stays = publishedArticle(unique("Stays"));
        String pulled = publishedArticle(unique("Pulled"));
        String slug = unique("followed");
        as("carl").body(Map.of("slug", slug, "title", "Followed", "maxItems", 5)).post("/lists").then().statusCode(201);
        as("carl").header("If-Match", draftEtag(slug)).body(Map.of("items", List.of(Map.of("articleId", stays), Map.of("articleId", pulled))))
                .put("/lists/" + slug + "/draft").then().statusCode(200);
        as("carl").header("If-Match", draftEtag(slug)).body(Map.of()).post("/lists/" + slug + "/publish").then().statusCode(200);

        // events the articles service never sent (it still has both articles published, with their own headlines): only
        // the view that follows the topic can know them, so the list must not have asked the service for these articles
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        String version = Long.toString(Long.MAX_VALUE / 2);
        TopicRecords.send(bootstrap, "cms.articles.published", pulled, null,
                Map.of("cms-event-id", version, "cms-event-type", "article.unpublished"));
        String articleSlug = as("erin").baseUri(url("articles")).get("/articles/" + stays).then().statusCode(200).extract().path("slug");
        Map<String, Object> document = new HashMap<>(Map.of("id", stays, "slug", articleSlug, "headline", "From the topic",
                "dek", "A summary from the topic", "heroImage", Map.of("url", "https://img.example/topic.jpg", "alt", "From the topic"),
                "tags", List.of(), "publishedAt", "2026-11-30T10:00:00Z", "updatedAt", "2026-11-30T10:05:00Z", "authors", List.of()));
        TopicRecords.send(bootstrap, "cms.articles.published", stays, JSON.writeValueAsString(document),
                Map.of("cms-event-id", version, "cms-event-type", "article.published"));

        await("the live list follows the article events", () -> {
            JsonPath list = given().get("/lists/public/" + slug).then().statusCode(200).extract().jsonPath();
            return list.getList("items.articleId").equals(List.of(stays)) && "From the topic".equals(list.getString("items[0].headline"));
        });
        given().get("/lists/public/" + slug).then().statusCode(200)
                .body("items[0].summary", is("A summary from the topic")).body("items[0].image.alt", is("From the topic"));
        as("erin").baseUri(url("articles")).get("/articles/" + pulled).then().statusCode(200).body("status", is("PUBLISHED"));
    }

    private static void update(String slug, Map<String, Object> body) {
        as("carl").header("If-Match", listEtag(slug)).body(body).put("/lists/" + slug).then().statusCode(200);
    }

    private static String draftEtag(String slug) {
        return as("carl").get("/lists/" + slug + "/draft").then().statusCode(200).extract().header("ETag");
    }

    private static String listEtag(String slug) {
        return as("carl").get("/lists/" + slug).then().statusCode(200).extract().header("ETag");
    }

    private com.mongodb.client.MongoCollection<Document> lists() {
        return mongo.getDatabase(database).getCollection("lists");
    }

    private static String title(String list) {
        try {
            return JSON.readTree(list).path("title").asText();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Document> outbox(String slug) {
        return lists().find(Filters.eq("slug", slug)).first().getList("outbox", Document.class);
    }

    /** What the relay loop does in production: every waiting event to Kafka (retried while the producer reconnects). */
    private void relayAll() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            try {
                if (relay.relayBatch() == 0) {
                    return;
                }
            } catch (RuntimeException e) {
                assertTrue(System.nanoTime() < deadline, "Kafka takes the events again: " + e.getMessage());
                Thread.sleep(200);
            }
        }
    }

    /** The list events of {@code slug} from the beginning of the topic, until {@code enough} holds (30 s at most). */
    private static List<ConsumerRecord<String, String>> read(String slug, Predicate<List<ConsumerRecord<String, String>>> enough) {
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        List<ConsumerRecord<String, String>> found = TopicRecords.read(bootstrap, LISTS, slug, enough, Duration.ofSeconds(30));
        assertTrue(enough.test(found), "events of " + slug + ": " + found.size());
        return found;
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, what);
            Thread.sleep(100);
        }
    }
}
