package io.newsroom.cms.articles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsroom.cms.devstack.testing.KafkaResource;
import io.newsroom.cms.devstack.testing.TopicRecords;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static io.newsroom.cms.articles.ArticleApi.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every published article and every transition reaches Kafka from the outbox, read back here with a plain consumer
 * from the real broker: the public document itself by article id (what readers get, byte for byte), a tombstone when
 * it goes, the workflow with no review comment in it, each with its event id (increasing, and the version the public
 * answer carries) and slugs.
 */
@QuarkusTest
class EventsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void publishingSendsThePublicDocumentAndUnpublishingATombstone() throws Exception {
        String id = create("alice", article(unique("Evented"), List.of(author("Evented Writer", true)))).then().statusCode(201).extract().path("id");
        transition("alice", id, "submit", "Please look: secret note").then().statusCode(200);
        transition("erin", id, "approve", null).then().statusCode(200);
        transition("erin", id, "publish", null).then().statusCode(200);
        String slug = as("erin").get("/articles/" + id).path("slug");
        var read = given().get("/articles/published/" + slug).then().statusCode(200).extract();
        String document = read.asString();
        transition("erin", id, "unpublish", null).then().statusCode(200);

        List<ConsumerRecord<String, String>> published = read("cms.articles.published", id, records -> records.size() >= 2);
        assertEquals(document, published.get(0).value(), "the public document, byte for byte");
        assertEquals(header(published.get(0), "cms-event-id"), read.header("CMS-Version"),
                "the answer's version is the id of the event that wrote it (a gateway compares the two)");
        assertEquals(slug, header(published.get(0), "cms-slugs"));
        assertEquals("article.published", header(published.get(0), "cms-event-type"));
        assertNull(published.get(1).value(), "a tombstone: the compacted topic forgets the article");
        assertEquals("article.unpublished", header(published.get(1), "cms-event-type"));
        assertTrue(Long.parseLong(header(published.get(1), "cms-event-id")) > Long.parseLong(header(published.get(0), "cms-event-id")));

        List<ConsumerRecord<String, String>> workflow = read("cms.articles.workflow", id, records -> records.size() >= 5);
        List<String> actions = new ArrayList<>();
        for (ConsumerRecord<String, String> record : workflow) {
            JsonNode change = JSON.readTree(record.value());
            actions.add(change.path("action").asText());
            assertTrue(!record.value().contains("secret note"), "review comments stay inside the newsroom");
        }
        assertEquals(List.of("create", "submit", "approve", "publish", "unpublish"), actions);
        given().get("/q/health/ready").then().statusCode(200).body("checks.find { it.name == 'events' }.status", is("UP"))
                .body("checks.find { it.name == 'events' }.data.relay", is("ok"));
    }

    @Test
    void aRenamedSlugRedirectsWithTheVersionOfTheRepublishThatMovedIt() {
        String id = create("alice", article(unique("Moving"), List.of(author("Moving Writer", true)))).then().statusCode(201).extract().path("id");
        transition("alice", id, "submit", null).then().statusCode(200);
        transition("erin", id, "approve", null).then().statusCode(200);
        transition("erin", id, "publish", null).then().statusCode(200);
        String slug = as("erin").get("/articles/" + id).path("slug");
        long first = Long.parseLong(given().get("/articles/published/" + slug).then().statusCode(200).extract().header("CMS-Version"));

        Map<String, Object> change = article("Moved", List.of(author("Moving Writer", true)));
        change.put("slug", slug + "-moved");
        as("erin").header("If-Match", etag(id)).body(change).put("/articles/" + id).then().statusCode(200);
        transition("erin", id, "publish", null).then().statusCode(200);
        var moved = given().redirects().follow(false).get("/articles/published/" + slug).then().statusCode(301).extract();
        String current = given().get("/articles/published/" + slug + "-moved").then().statusCode(200).extract().header("CMS-Version");
        assertEquals(current, moved.header("CMS-Version"), "the redirect is the article at its current version");
        assertTrue(Long.parseLong(current) > first, "a republish is a later version");
    }

    @Test
    void withKafkaAwayPublishingGoesOnAndEveryEventGoesOutWhenItIsBack() throws Exception {
        KafkaResource.current().stopBroker();
        String id;
        try {
            id = create("alice", article(unique("Outage"), List.of(author("Outage Writer", true)))).then().statusCode(201).extract().path("id");
            transition("alice", id, "submit", null).then().statusCode(200);
            transition("erin", id, "approve", null).then().statusCode(200);
            transition("erin", id, "publish", null).then().statusCode(200);
            given().get("/q/health/ready").then().statusCode(200)
                    .body("checks.find { it.name == 'events' }.status", is("UP"))
                    .body("checks.find { it.name == 'events' }.data.waiting", greaterThanOrEqualTo(5));
        } finally {
            KafkaResource.current().startBroker();
        }
        List<ConsumerRecord<String, String>> workflow = read("cms.articles.workflow", id, records -> records.size() >= 4);
        assertEquals(List.of("article.create", "article.submit", "article.approve", "article.publish"),
                workflow.stream().map(r -> header(r, "cms-event-type")).distinct().toList(), "each once at least, in order");
        read("cms.articles.published", id, records -> records.size() >= 1);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (given().get("/q/health/ready").jsonPath().getInt("checks.find { it.name == 'events' }.data.waiting") > 0) {
            assertTrue(System.nanoTime() < deadline, "the outbox drains once Kafka is back");
            Thread.sleep(100);
        }
    }

    @Test
    void anAuthorsEditReachesTheirPublishedArticleThroughTheProfilesTopic() throws Exception {
        String authorId = author("Topic Writer", true);
        String id = create("alice", article(unique("Profiled"), List.of(authorId))).then().statusCode(201).extract().path("id");
        transition("alice", id, "submit", null).then().statusCode(200);
        transition("erin", id, "approve", null).then().statusCode(200);
        transition("erin", id, "publish", null).then().statusCode(200);
        String authors = ConfigProvider.getConfig().getValue("cms.test.sibling.authors.url", String.class);
        var profile = as("root").baseUri(authors).get("/authors/" + authorId).then().statusCode(200).extract();
        Map<String, Object> edit = new java.util.HashMap<>(Map.of("displayName", "Topic Writer Renamed", "slug",
                profile.path("slug").toString(), "active", true, "bio", "Covers the **pipeline**."));
        as("root").baseUri(authors).header("If-Match", profile.header("ETag")).body(edit).put("/authors/" + authorId)
                .then().statusCode(200);

        // the periodic sync is off in tests: only the event can bring the new name
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        String name = null;
        while (System.nanoTime() < deadline) {
            name = publishedView(id).then().statusCode(200).extract().path("authors[0].displayName");
            if ("Topic Writer Renamed".equals(name)) {
                break;
            }
            Thread.sleep(50);
        }
        assertEquals("Topic Writer Renamed", name, "the byline follows the author's edit");
        assertEquals("Covers the **pipeline**.", publishedView(id).path("authors[0].bio"));
        List<ConsumerRecord<String, String>> events = read("cms.authors.profiles", authorId, records -> records.size() >= 2);
        assertEquals("author.updated", header(events.get(1), "cms-event-type"));
        assertTrue(events.get(1).value().contains("Topic Writer Renamed"), "the public profile itself");
    }

    /** The records with {@code key} on {@code topic}, from the beginning, until {@code enough} holds (30 s at most). */
    private static List<ConsumerRecord<String, String>> read(String topic, String key,
                                                             Predicate<List<ConsumerRecord<String, String>>> enough) {
        List<ConsumerRecord<String, String>> found = TopicRecords.read(
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class), topic, key, enough, Duration.ofSeconds(30));
        assertTrue(enough.test(found), "events of " + key + " on " + topic + ": " + found.size());
        return found;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return TopicRecords.header(record, name);
    }
}
