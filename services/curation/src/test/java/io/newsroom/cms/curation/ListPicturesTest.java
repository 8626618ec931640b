package io.newsroom.cms.curation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import io.newsroom.cms.curation.domain.FeaturedList;
import io.newsroom.cms.curation.domain.FeaturedList.Draft;
import io.newsroom.cms.curation.domain.FeaturedList.Image;
import io.newsroom.cms.curation.domain.FeaturedList.Item;
import io.newsroom.cms.curation.domain.FeaturedList.Live;
import io.newsroom.cms.curation.domain.FeaturedList.Overrides;
import io.newsroom.cms.curation.repository.FeaturedListRepository;
import io.newsroom.cms.curation.repository.PictureCopies;
import io.newsroom.cms.curation.service.MediaPictureEvents;
import io.newsroom.cms.devstack.testing.TopicRecords;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.bson.Document;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static io.newsroom.cms.curation.Newsroom.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Media library pictures on list items. This module runs no media service (its port refuses, as when it is down): a
 * picture new to an item is refused with a 503 problem and nothing is written. What the library would have answered is
 * put in place here as the service keeps it (a copy of the picture, the item showing it), to check what readers and the
 * list events get, that an item keeps its picture without asking the library again, and the picture events.
 */
@QuarkusTest
class ListPicturesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROBLEM = "application/problem+json";

    @Inject
    FeaturedListRepository repository;

    @Inject
    PictureCopies copies;

    @Inject
    MediaPictureEvents pictureEvents;

    @Inject
    MongoClient mongo;

    @ConfigProperty(name = "quarkus.mongodb.database")
    String database;

    @Test
    void aLibraryPictureWhileTheMediaLibraryIsDownIs503AndWritesNothing() {
        String article = publishedArticle(unique("Library"));
        String other = publishedArticle(unique("Other"));
        String slug = newList();
        Map<String, Object> library = Map.of("image", Map.of("mediaId", UUID.randomUUID().toString()));

        String etag = draftEtag(slug);
        as("carl").header("If-Match", etag).body(Map.of("articleId", article, "overrides", library))
                .post("/lists/" + slug + "/draft/items").then().time(lessThan(5000L)).statusCode(503).contentType(PROBLEM)
                .body("detail", containsString("media library"));
        as("carl").get("/lists/" + slug + "/draft").then().header("ETag", is(etag)).body("items", empty());

        as("carl").header("If-Match", etag).body(Map.of("articleId", article)).post("/lists/" + slug + "/draft/items")
                .then().statusCode(200);
        etag = draftEtag(slug);
        as("carl").header("If-Match", etag).body(Map.of("overrides", library)).put("/lists/" + slug + "/draft/items/" + article)
                .then().time(lessThan(5000L)).statusCode(503).contentType(PROBLEM);
        as("carl").header("If-Match", etag).body(Map.of("items", List.of(Map.of("articleId", article),
                        Map.of("articleId", other, "overrides", library))))
                .put("/lists/" + slug + "/draft").then().time(lessThan(5000L)).statusCode(503).contentType(PROBLEM);
        as("carl").get("/lists/" + slug + "/draft").then().header("ETag", is(etag))
                .body("items.articleId", contains(article)).body("items[0].overrides", nullValue());
    }

    @Test
    void aLibraryPictureNeedsNoUrlOrAltOfItsOwnAndErrorsNameTheRequestsField() {
        String article = publishedArticle(unique("Fields"));
        String slug = newList();
        // a library picture's own URL (relative, as the library gives it) is not checked: it gets past validation to
        // the library, which is down here
        as("carl").header("If-Match", draftEtag(slug)).body(Map.of("items", List.of(Map.of("articleId", article, "overrides",
                        Map.of("image", Map.of("mediaId", UUID.randomUUID().toString(), "url", "/media/renditions/x.jpg"))))))
                .put("/lists/" + slug + "/draft").then().statusCode(503);
        as("carl").header("If-Match", draftEtag(slug)).body(Map.of("items", List.of(Map.of("articleId", article, "overrides",
                        Map.of("image", Map.of("url", "https://img.example/pasted.jpg"))))))
                .put("/lists/" + slug + "/draft").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", contains("items[0].overrides.image.alt"));
        as("carl").header("If-Match", draftEtag(slug)).body(Map.of("items", List.of(Map.of("articleId", article, "overrides",
                        Map.of("image", Map.of("url", "/media/renditions/x.jpg", "alt", "Pasted"))))))
                .put("/lists/" + slug + "/draft").then().statusCode(400)
                .body("errors.field", contains("items[0].overrides.image.url"));
        as("carl").header("If-Match", draftEtag(slug)).body(Map.of("articleId", article, "overrides",
                        Map.of("image", Map.of("url", "ftp://img.example/x.jpg", "alt", "Pasted"))))
                .post("/lists/" + slug + "/draft/items").then().statusCode(400)
                .body("errors.field", contains("overrides.image.url"));
        as("carl").header("If-Match", draftEtag(slug)).body(Map.of("articleId", article, "overrides",
                        Map.of("image", Map.of("mediaId", "not-a-uuid"))))
                .post("/lists/" + slug + "/draft/items").then().statusCode(400).contentType(PROBLEM);
        as("carl").get("/lists/" + slug + "/draft").then().body("items", empty());
    }

    @Test
    void readersGetTheLibraryPictureAndAnItemKeepsItWithoutAskingTheLibraryAgain() throws Exception {
        String article = publishedArticle(unique("Pictured"));
        String pasted = publishedArticle(unique("Pasted"));
        String slug = newList();
        add(slug, article, Map.of());
        add(slug, pasted, Map.of("overrides", Map.of("image", Map.of("url", "https://img.example/pasted.jpg", "alt", "Pasted"))));
        publish(slug);
        UUID described = UUID.randomUUID();
        UUID undescribed = UUID.randomUUID();
        copies.remember(picture(described, "The harbour at dawn", "2026-12-01T10:00:00.123456Z"));
        copies.remember(picture(undescribed, null, "2026-12-01T10:00:00Z"));
        showing(slug, article, described, described);

        JsonPath list = given().get("/lists/public/" + slug).then().statusCode(200).extract().jsonPath();
        assertEquals(described.toString(), list.getString("items[0].image.mediaId"));
        assertEquals(src(described), list.getString("items[0].image.url"));
        assertEquals("The harbour at dawn", list.getString("items[0].image.alt"));
        assertEquals(1600, list.getInt("items[0].image.width"));
        assertEquals(900, list.getInt("items[0].image.height"));
        assertTrue(list.getString("items[0].image.srcset.webp").endsWith("1600w"));
        assertEquals(src(described) + "?shape=16x9", list.getString("items[0].image.renditions.'16x9'.src"));
        // a pasted URL stays a URL and its words
        assertEquals("https://img.example/pasted.jpg", list.getString("items[1].image.url"));
        assertEquals("Pasted", list.getString("items[1].image.alt"));
        assertNull(list.get("items[1].image.mediaId"));
        assertNull(list.get("items[1].image.srcset"));

        // the item shows the picture already: saving it again needs no library (down here), its URL is the library's
        as("carl").header("If-Match", draftEtag(slug)).body(Map.of("overrides", Map.of("headline", "Curated",
                        "image", Map.of("mediaId", described.toString(), "url", "https://elsewhere.example/x.jpg"))))
                .put("/lists/" + slug + "/draft/items/" + article).then().statusCode(200)
                .body("items[0].overrides.image.mediaId", is(described.toString()))
                .body("items[0].overrides.image.url", is(src(described)))
                .body("items[0].overrides.image.alt", nullValue());
        publish(slug);
        given().get("/lists/public/" + slug).then().statusCode(200).body("items[0].headline", is("Curated"))
                .body("items[0].image.alt", is("The harbour at dawn"));

        // a picture nobody described: the curator's words are needed, at the field of the request
        showing(slug, article, undescribed, described);
        as("carl").header("If-Match", draftEtag(slug)).body(Map.of("overrides", Map.of("image", Map.of("mediaId", undescribed.toString()))))
                .put("/lists/" + slug + "/draft/items/" + article).then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", contains("overrides.image.alt"));
        as("carl").header("If-Match", draftEtag(slug)).body(Map.of("items", List.of(
                        Map.of("articleId", pasted),
                        Map.of("articleId", article, "overrides", Map.of("image", Map.of("mediaId", undescribed.toString()))))))
                .put("/lists/" + slug + "/draft").then().statusCode(400)
                .body("errors.field", contains("items[1].overrides.image.alt"));
        as("carl").header("If-Match", draftEtag(slug)).body(Map.of("overrides",
                        Map.of("image", Map.of("mediaId", undescribed.toString(), "alt", "Cranes over the quay"))))
                .put("/lists/" + slug + "/draft/items/" + article).then().statusCode(200);
        as("erin").get("/lists/" + slug + "/preview?at=2030-01-01T00:00:00Z").then().statusCode(200)
                .body("items[0].image.mediaId", is(described.toString())); // live; the draft is not published
    }

    @Test
    void aPictureChangedInTheLibraryReachesReadersAndTheLiveListIsSentAgainOnce() throws Exception {
        String article = publishedArticle(unique("Changing"));
        String slug = newList();
        add(slug, article, Map.of());
        publish(slug);
        UUID id = UUID.randomUUID();
        copies.remember(picture(id, "Before", "2026-12-01T10:00:00Z"));
        showing(slug, article, id, id);
        int waiting = outbox(slug).size();

        // through the topic, as the media service sends it
        ensureTopic("cms.media.pictures");
        String changed = picture(id, "After", "2026-12-01T10:05:00.000001Z").toString();
        TopicRecords.send(bootstrap(), "cms.media.pictures", id.toString(), changed, Map.of("cms-updated-at", "2026-12-01T10:05:00.000001Z"));
        await("readers get the library's new words", () -> "After".equals(
                given().get("/lists/public/" + slug).then().statusCode(200).extract().path("items[0].image.alt")));
        await("the live list is sent again", () -> outbox(slug).size() == waiting + 1);
        JsonNode sent = JSON.readTree(outbox(slug).get(waiting).getString("payload"));
        assertEquals("list.published", outbox(slug).get(waiting).getString("type"));
        assertEquals("After", sent.path("items").path(0).path("overrides").path("image").path("alt").asText());
        assertEquals(id.toString(), sent.path("items").path(0).path("overrides").path("image").path("mediaId").asText());
        assertEquals(src(id), sent.path("items").path(0).path("overrides").path("image").path("url").asText());
        assertFalse(copies.find(id).orElseThrow().pending(), "the lists were told");

        // the same event again, and an older one: nothing changes
        pictureEvents.apply(record(id, changed));
        pictureEvents.apply(record(id, picture(id, "Older", "2026-12-01T10:04:00Z").toString()));
        assertEquals(waiting + 1, outbox(slug).size());
        given().get("/lists/public/" + slug).then().body("items[0].image.alt", is("After"));

        // a change the list does not carry (the copyright): copied, not sent
        ObjectNode copyright = picture(id, "After", "2026-12-01T10:06:00Z");
        copyright.put("copyright", "Newsroom 2026");
        pictureEvents.apply(record(id, copyright.toString()));
        assertEquals("Newsroom 2026", copies.find(id).orElseThrow().picture().path("copyright").asText());
        assertEquals(waiting + 1, outbox(slug).size());

        // the curator's own words win over the library's: a new library alt text changes nothing readers get
        as("carl").header("If-Match", draftEtag(slug)).body(Map.of("overrides",
                        Map.of("image", Map.of("mediaId", id.toString(), "alt", "The curator's words"))))
                .put("/lists/" + slug + "/draft/items/" + article).then().statusCode(200);
        publish(slug);
        int published = outbox(slug).size();
        pictureEvents.apply(record(id, picture(id, "Library words", "2026-12-01T10:07:00Z").toString()));
        assertEquals(published, outbox(slug).size());
        given().get("/lists/public/" + slug).then().body("items[0].image.alt", is("The curator's words"));

        // taken off the list: its usage is withdrawn (best effort: the library is down here, the edit is not held up);
        // a rollback to the revision showing it takes it again, which needs the library
        int pictured = as("carl").get("/lists/" + slug).then().extract().path("liveRevision");
        as("carl").header("If-Match", draftEtag(slug)).body(Map.of("overrides", Map.of("headline", "No picture")))
                .put("/lists/" + slug + "/draft/items/" + article).then().statusCode(200);
        publish(slug);
        given().get("/lists/public/" + slug).then().body("items[0].image.mediaId", nullValue());
        String listEtag = as("carl").get("/lists/" + slug).then().extract().header("ETag");
        as("carl").header("If-Match", listEtag).body(Map.of("revision", pictured)).post("/lists/" + slug + "/rollback")
                .then().time(lessThan(5000L)).statusCode(503).contentType(PROBLEM);
        as("carl").get("/lists/" + slug).then().header("ETag", is(listEtag));

        // a picture no list took is not copied; a deleted one is forgotten
        UUID stranger = UUID.randomUUID();
        pictureEvents.apply(record(stranger, picture(stranger, "Not ours", "2026-12-01T10:00:00Z").toString()));
        assertTrue(copies.find(stranger).isEmpty());
        UUID deleted = UUID.randomUUID();
        copies.remember(picture(deleted, "Gone soon", "2026-12-01T10:00:00Z"));
        pictureEvents.apply(record(deleted, null));
        assertTrue(copies.find(deleted).isEmpty());
    }

    // --- helpers ---

    /**
     * Makes item {@code articleId} show library picture {@code draft} in the draft and {@code live} in the live version,
     * as a write would have once the library took the usage.
     */
    private void showing(String slug, String articleId, UUID draft, UUID live) {
        FeaturedList read = repository.find(slug).orElseThrow();
        UUID id = UUID.fromString(articleId);
        FeaturedList updated = read.withDraft(new Draft(read.draft().version() + 1, pictured(read.draft().items(), id, draft),
                        read.draft().updatedAt(), read.draft().updatedBy()))
                .withLive(new Live(read.live().revision(), pictured(read.live().items(), id, live), read.live().publishedAt(),
                        read.live().publishedBy()), read.revisions());
        assertTrue(repository.replace(read, updated, Filters.empty(), List.of()));
    }

    private static List<Item> pictured(List<Item> items, UUID articleId, UUID mediaId) {
        return items.stream().map(i -> !i.articleId().equals(articleId) ? i : new Item(i.articleId(),
                new Overrides(i.overrides() == null ? null : i.overrides().headline(), null, new Image(src(mediaId), null, mediaId)),
                i.window(), i.addedBy(), i.addedAt())).toList();
    }

    /** A picture as the media service describes it to the parts that show it (its public view). */
    private static ObjectNode picture(UUID id, String alt, String updatedAt) {
        ObjectNode picture = JSON.createObjectNode();
        picture.put("id", id.toString());
        picture.put("alt", alt);
        picture.put("caption", "A caption");
        picture.put("credit", "Photo: Newsroom");
        picture.putNull("copyright");
        picture.put("width", 1600);
        picture.put("height", 900);
        picture.putObject("focalPoint").put("x", 0.5).put("y", 0.4);
        ObjectNode renditions = picture.putObject("renditions");
        for (String shape : List.of("original", "16x9", "4x3", "1x1")) {
            String src = src(id) + (shape.equals("original") ? "" : "?shape=" + shape);
            ObjectNode rendition = renditions.putObject(shape);
            rendition.put("src", src);
            rendition.putObject("srcset").put("webp", src + "&f=webp 320w, " + src + "&f=webp 1600w")
                    .put("jpg", src + "&f=jpg 320w, " + src + "&f=jpg 1600w");
            rendition.put("width", 1600);
            rendition.put("height", 900);
        }
        picture.put("updatedAt", updatedAt);
        return picture;
    }

    private static String src(UUID id) {
        return "/public/v1/media/" + id + "/picture.jpg";
    }

    private static ConsumerRecord<String, String> record(UUID id, String value) {
        return new ConsumerRecord<>("cms.media.pictures", 0, 0, id.toString(), value);
    }

    private List<Document> outbox(String slug) {
        Document list = mongo.getDatabase(database).getCollection("lists").find(Filters.eq("slug", slug)).first();
        return list.getList("outbox", Document.class, List.of());
    }

    private static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    /** The media service creates its topic; this module runs none (the broker creates no topic by itself). */
    private static void ensureTopic(String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap()))) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1).configs(Map.of("cleanup.policy", "compact"))))
                    .all().get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    private static String newList() {
        String slug = unique("pictures");
        as("carl").body(Map.of("slug", slug, "title", "Pictures", "maxItems", 5)).post("/lists").then().statusCode(201);
        return slug;
    }

    private static String draftEtag(String slug) {
        return as("carl").get("/lists/" + slug + "/draft").then().statusCode(200).extract().header("ETag");
    }

    private static void add(String slug, String articleId, Map<String, Object> extra) {
        Map<String, Object> body = new java.util.HashMap<>(extra);
        body.put("articleId", articleId);
        as("carl").header("If-Match", draftEtag(slug)).body(body).post("/lists/" + slug + "/draft/items").then().statusCode(200);
    }

    private static void publish(String slug) {
        as("carl").header("If-Match", draftEtag(slug)).body(Map.of()).post("/lists/" + slug + "/publish").then().statusCode(200);
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, what);
            Thread.sleep(100);
        }
    }
}
