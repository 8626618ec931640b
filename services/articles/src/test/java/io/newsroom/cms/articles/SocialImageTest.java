package io.newsroom.cms.articles;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsroom.cms.articles.published.HeroPictures;
import io.newsroom.cms.articles.service.MediaPictureEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.newsroom.cms.articles.ArticleApi.*;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The social card's own picture ({@code seo.socialImage}): checked like the hero image, saved and versioned with the
 * other search and social fields, and what readers' pages get as {@code seo.image} before the hero image. This module
 * runs no media service (its port refuses): a library picture new to an article is a 503 and nothing is written. What
 * the library would have answered is put in place here as the service keeps it (a copy of the picture, the article
 * showing it) to check the card's crop and that a library edit reaches it; the usage itself (registered, withdrawn, an
 * unknown picture a 400) is checked against the real media service in the e2e suite ({@code MediaE2ETest}).
 */
@QuarkusTest
class SocialImageTest {
    private static final String PROBLEM = "application/problem+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EntityManager em;

    @Inject
    HeroPictures pictures;

    @Inject
    MediaPictureEvents pictureEvents;

    private static Map<String, Object> seoWith(Object socialImage) {
        Map<String, Object> seo = new HashMap<>();
        seo.put("noindex", false);
        seo.put("socialImage", socialImage);
        return seo;
    }

    private long articlesHeadlined(String headline) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from article where headline = :h").setParameter("h", headline).getSingleResult()).longValue());
    }

    @Test
    void aBadSocialImageIsA400AtItsFieldAndWritesNothing() {
        String headline = unique("Social invalid");
        Map<String, Object> body = article(headline, List.of());
        body.put("seo", seoWith(Map.of("url", "javascript:alert(1)", "alt", "Nothing")));
        create("alice", body).then().statusCode(400).contentType(PROBLEM).body("errors[0].field", is("seo.socialImage.url"));
        body.put("seo", seoWith(Map.of("url", "/relative.jpg", "alt", "Nothing")));
        create("alice", body).then().statusCode(400).contentType(PROBLEM).body("errors[0].field", is("seo.socialImage.url"));
        body.put("seo", seoWith(Map.of("url", "https://img.example/card.jpg")));
        create("alice", body).then().statusCode(400).contentType(PROBLEM).body("errors[0].field", is("seo.socialImage.alt"));
        body.put("seo", seoWith(Map.of("url", "https://img.example/card.jpg", "alt", "a".repeat(301))));
        create("alice", body).then().statusCode(400).contentType(PROBLEM).body("errors[0].field", is("seo.socialImage.alt"));
        body.put("seo", seoWith(Map.of("mediaId", "not-a-uuid")));
        create("alice", body).then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", containsString("seo.socialImage"));
        // a library picture while the library is out of reach: 503, said in words, nothing written
        body.put("seo", seoWith(Map.of("mediaId", UUID.randomUUID().toString())));
        create("alice", body).then().time(lessThan(5000L)).statusCode(503).contentType(PROBLEM)
                .body("detail", containsString("social image"));
        assertEquals(0, articlesHeadlined(headline), "nothing written");
    }

    @Test
    void theSocialImageIsSavedVersionedAndRestored() {
        Map<String, Object> body = article(unique("Social round trip"), List.of());
        body.put("seo", seoWith(Map.of("url", "https://img.example/card.jpg", "alt", "The harbour at dawn")));
        String id = create("alice", body).then().statusCode(201)
                .body("seo.socialImage.url", is("https://img.example/card.jpg"))
                .body("seo.socialImage.alt", is("The harbour at dawn")).body("seo.socialImage.mediaId", nullValue())
                .extract().path("id");
        body.put("seo", seoWith(Map.of("url", "https://img.example/other.jpg", "alt", "Cranes")));
        as("alice").header("If-Match", etag(id)).body(body).put("/articles/" + id).then().statusCode(200)
                .body("seo.socialImage.url", is("https://img.example/other.jpg"));
        int latest = as("alice").get("/articles/" + id).path("workingRevision");
        as("alice").get("/articles/" + id + "/revisions/1/diff/" + latest).then().statusCode(200)
                .body("changes.field", hasItems("seo.socialImage.url", "seo.socialImage.alt"));
        body.put("seo", seoWith(null));
        as("alice").header("If-Match", etag(id)).body(body).put("/articles/" + id).then().statusCode(200)
                .body("seo.socialImage", nullValue());
        as("alice").header("If-Match", etag(id)).post("/articles/" + id + "/revisions/1/restore").then().statusCode(200)
                .body("seo.socialImage.url", is("https://img.example/card.jpg")).body("seo.socialImage.alt", is("The harbour at dawn"));
    }

    @Test
    void readersGetTheSocialImageElseTheHeroElseNone() {
        Map<String, Object> body = article(unique("Social fallback"), List.of(author("Social Fallback Writer", true)));
        String id = publish(body);
        publishedView(id).then().statusCode(200).body("seo.image.url", is("https://img.example/hero.jpg"))
                .body("seo.image.alt", is("A newsroom at night"));

        body.put("seo", seoWith(Map.of("url", "https://img.example/card.jpg", "alt", "The harbour at dawn")));
        editAndPublish(id, body);
        publishedView(id).then().statusCode(200).body("seo.image.url", is("https://img.example/card.jpg"))
                .body("seo.image.alt", is("The harbour at dawn")).body("seo.image.width", nullValue())
                .body("heroImage.url", is("https://img.example/hero.jpg"));

        body.remove("heroImage");
        editAndPublish(id, body);
        publishedView(id).then().statusCode(200).body("seo.image.url", is("https://img.example/card.jpg"))
                .body("heroImage", nullValue());

        body.put("seo", seoWith(null));
        editAndPublish(id, body);
        publishedView(id).then().statusCode(200).body("seo.image", nullValue());
    }

    /**
     * A library picture on the card: its 16:9 crop about 1200 wide with its size, the library's alt text unless the
     * article gives its own, and a library edit of the picture (its event) rewrites the published article.
     */
    @Test
    void aLibraryPictureOnTheCardIsItsCropAndFollowsLibraryEdits() {
        UUID mediaId = UUID.randomUUID();
        Instant first = Instant.parse("2026-01-01T10:00:00Z");
        pictures.remember(picture(mediaId, "Cranes over the harbour", first));
        Map<String, Object> body = article(unique("Social library"), List.of(author("Social Library Writer", true)));
        body.put("seo", seoWith(Map.of("url", "https://img.example/card.jpg", "alt", "Placeholder")));
        String id = create("alice", body).then().statusCode(201).extract().path("id");
        // as a save with the library up would have left it: the picture on the working copy and its revision
        QuarkusTransaction.requiringNew().run(() -> {
            for (String[] table : List.of(new String[] {"article", "id"}, new String[] {"article_revision", "article_id"})) {
                em.createNativeQuery("update " + table[0] + " set seo_image_media_id = :media, seo_image_url = :url,"
                                + " seo_image_alt = null where " + table[1] + " = :id").setParameter("id", UUID.fromString(id)).setParameter("media", mediaId)
                        .setParameter("url", src(mediaId, "16x9", 1600)).executeUpdate();
            }
        });
        transition("alice", id, "submit", null).then().statusCode(200);
        transition("erin", id, "approve", null).then().statusCode(200);
        transition("erin", id, "publish", null).then().statusCode(200);
        publishedView(id).then().statusCode(200).body("seo.image.url", is(src(mediaId, "16x9", 1600)))
                .body("seo.image.width", is(1600)).body("seo.image.height", is(900))
                .body("seo.image.alt", is("Cranes over the harbour"))
                .body("heroImage.url", is("https://img.example/hero.jpg"));

        pictureEvents.apply(new ConsumerRecord<>("cms.media.pictures", 0, 0, mediaId.toString(),
                picture(mediaId, "Three cranes over the harbour", first.plusSeconds(60)).toString()));
        publishedView(id).then().statusCode(200).body("seo.image.alt", is("Three cranes over the harbour"));
        // a late event (an older copy) changes nothing
        pictureEvents.apply(new ConsumerRecord<>("cms.media.pictures", 0, 1, mediaId.toString(),
                picture(mediaId, "Cranes", first).toString()));
        publishedView(id).then().statusCode(200).body("seo.image.alt", is("Three cranes over the harbour"));
        as("erin").get("/articles/" + id).then().body("seo.socialImage.mediaId", is(mediaId.toString()))
                .body("seo.socialImage.url", is(src(mediaId, "16x9", 1600)));
    }

    /** Without a social image, a library hero image is on the card as its crop too (the page itself keeps the original). */
    @Test
    void aLibraryHeroOnTheCardIsItsCrop() {
        UUID mediaId = UUID.randomUUID();
        pictures.remember(picture(mediaId, "A press hall", Instant.parse("2026-01-01T10:00:00Z")));
        String id = create("alice", article(unique("Social hero"), List.of(author("Social Hero Writer", true))))
                .then().statusCode(201).extract().path("id");
        QuarkusTransaction.requiringNew().run(() -> {
            for (String[] table : List.of(new String[] {"article", "id"}, new String[] {"article_revision", "article_id"})) {
                em.createNativeQuery("update " + table[0] + " set hero_media_id = :media, hero_url = :url, hero_alt = null,"
                                + " hero_credit = null where " + table[1] + " = :id").setParameter("id", UUID.fromString(id))
                        .setParameter("media", mediaId).setParameter("url", src(mediaId, "original", 1024)).executeUpdate();
            }
        });
        transition("alice", id, "submit", null).then().statusCode(200);
        transition("erin", id, "approve", null).then().statusCode(200);
        transition("erin", id, "publish", null).then().statusCode(200);
        publishedView(id).then().statusCode(200).body("heroImage.url", is(src(mediaId, "original", 1024)))
                .body("seo.image.url", is(src(mediaId, "16x9", 1600))).body("seo.image.width", is(1600))
                .body("seo.image.height", is(900)).body("seo.image.alt", is("A press hall"));
    }

    /**
     * Like the hero image: a library picture on the card that no one has described cannot go live (said at the social
     * image's alt text); described for this article, it can, and readers get those words.
     */
    @Test
    void anUndescribedLibraryPictureOnTheCardIsDescribedBeforePublishing() {
        UUID mediaId = UUID.randomUUID();
        ObjectNode undescribed = picture(mediaId, "x", Instant.parse("2026-01-01T10:00:00Z"));
        undescribed.putNull("alt");
        pictures.remember(undescribed);
        Map<String, Object> body = article(unique("Social undescribed"), List.of(author("Social Alt Writer", true)));
        String id = create("alice", body).then().statusCode(201).extract().path("id");
        QuarkusTransaction.requiringNew().run(() -> {
            for (String[] table : List.of(new String[] {"article", "id"}, new String[] {"article_revision", "article_id"})) {
                em.createNativeQuery("update " + table[0] + " set seo_image_media_id = :media, seo_image_url = :url where "
                                + table[1] + " = :id").setParameter("id", UUID.fromString(id)).setParameter("media", mediaId)
                        .setParameter("url", src(mediaId, "16x9", 1600)).executeUpdate();
            }
        });
        transition("alice", id, "submit", null).then().statusCode(200);
        transition("erin", id, "approve", null).then().statusCode(200);
        transition("erin", id, "publish", null).then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", org.hamcrest.Matchers.contains("seo.socialImage.alt"));

        // the same picture, now with this article's words: no library call needed, and it goes live with them
        body.put("seo", seoWith(Map.of("mediaId", mediaId.toString(), "alt", "Cranes over the harbour")));
        as("erin").header("If-Match", etag(id)).body(body).put("/articles/" + id).then().statusCode(200)
                .body("seo.socialImage.url", is(src(mediaId, "16x9", 1600)));
        transition("erin", id, "publish", null).then().statusCode(200);
        publishedView(id).then().statusCode(200).body("seo.image.alt", is("Cranes over the harbour"))
                .body("seo.image.width", is(1600));
    }

    /** The media service's public view of a 2400 x 1600 picture, as it answers a usage and sends events. */
    private static ObjectNode picture(UUID id, String alt, Instant updatedAt) {
        ObjectNode picture = JSON.createObjectNode();
        picture.put("id", id.toString());
        picture.put("alt", alt);
        picture.put("width", 2400);
        picture.put("height", 1600);
        ObjectNode renditions = picture.putObject("renditions");
        for (String shape : List.of("original", "16x9")) {
            ObjectNode one = renditions.putObject(shape);
            one.put("src", src(id, shape, 1024));
            one.putObject("srcset").put("jpg", String.join(", ", List.of(320, 640, 1024, 1600, 2400).stream()
                    .map(w -> src(id, shape, w) + " " + w + "w").toList()));
            one.put("width", 2400);
            one.put("height", shape.equals("16x9") ? 1350 : 1600);
        }
        picture.put("updatedAt", updatedAt.toString());
        return picture;
    }

    private static String src(UUID id, String shape, int width) {
        return "/public/v1/media/renditions/" + id + "/" + shape + "-" + width + ".jpg";
    }
}
