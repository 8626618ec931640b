package io.newsroom.cms.authors;

import io.agroal.api.AgroalDataSource;
import io.newsroom.cms.authors.service.MediaPictureEvents;
import io.newsroom.cms.devstack.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Avatars from the media library. Module tests run no media service (its URL refuses connections), so every save that
 * has to ask it answers 503 and must leave nothing behind; what the media service would have answered is put in the
 * copy table directly, as a save with the media service up leaves it, and picture events are handed to the consumer.
 */
@QuarkusTest
class AvatarPictureTest {
    private static final String PROBLEM = "application/problem+json";
    private static final String LIBRARY_URL = "/media/files/abc/w1600.jpg";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    MediaPictureEvents pictureEvents;

    private static String unique(String base) {
        return base + "-" + Long.toString(ThreadLocalRandom.current().nextLong() >>> 1, 36);
    }

    private static RequestSpecification as(String user) {
        return given().log().ifValidationFails().header("Authorization", TestTokens.bearer(user));
    }

    private static Map<String, Object> author(String slug, Map<String, Object> avatar) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("slug", slug);
        body.put("displayName", "Pat Picture");
        body.put("bio", "Photographs **people**.");
        body.put("avatar", avatar);
        return body;
    }

    private static Map<String, Object> library(UUID mediaId, String alt) {
        Map<String, Object> avatar = new LinkedHashMap<>();
        avatar.put("mediaId", mediaId.toString());
        avatar.put("alt", alt);
        return avatar;
    }

    private static Response create(Map<String, Object> body) {
        return as("root").contentType(ContentType.JSON).body(body).post("/authors");
    }

    private static Response put(String id, String etag, Map<String, Object> body) {
        return as("root").header("If-Match", etag).contentType(ContentType.JSON).body(body).put("/authors/" + id);
    }

    /** The media service's public view of a picture, as its usage answer and its events carry it. */
    private static String picture(UUID id, String alt, String square, Instant updatedAt) {
        return """
                {"id":"%s","alt":%s,"caption":"Library caption","credit":"Photo: Library","copyright":null,"width":2400,
                 "height":1600,"focalPoint":{"x":50,"y":30},
                 "renditions":{"original":{"src":"%s","srcset":{"webp":"/media/files/abc/w320.webp 320w","jpg":"/media/files/abc/w320.jpg 320w"},"width":2400,"height":1600},
                   "1x1":{"src":"%s","srcset":{"jpg":"/media/files/abc/1x1-w320.jpg 320w"},"width":1600,"height":1600}},
                 "updatedAt":"%s"}""".formatted(id, alt == null ? "null" : '"' + alt + '"', LIBRARY_URL, square, updatedAt);
    }

    private void sql(String statement, Object... params) throws SQLException {
        try (var connection = dataSource.getConnection(); var prepared = connection.prepareStatement(statement)) {
            for (int i = 0; i < params.length; i++) {
                prepared.setObject(i + 1, params[i]);
            }
            prepared.executeUpdate();
        }
    }

    private long count(String query, Object param) throws SQLException {
        try (var connection = dataSource.getConnection(); var prepared = connection.prepareStatement(query)) {
            prepared.setObject(1, param);
            try (var rows = prepared.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private long events(String authorId) throws SQLException {
        return count("select count(*) from outbox_event where event_key = ?", authorId);
    }

    private void deliver(UUID mediaId, String value) {
        pictureEvents.apply(new ConsumerRecord<>("cms.media.pictures", 0, 0L, mediaId.toString(), value));
    }

    @Test
    void theMediaServiceDownIs503AndNothingIsSaved() throws Exception {
        UUID mediaId = UUID.randomUUID();
        String slug = unique("down");
        // no URL at all, or the library's own relative one sent back: both valid, so the media service is asked
        Map<String, Object> withUrl = library(mediaId, "Pat at the desk");
        withUrl.put("url", LIBRARY_URL);
        for (Map<String, Object> avatar : List.of(library(mediaId, null), withUrl)) {
            create(author(slug, avatar)).then().statusCode(503).contentType(PROBLEM)
                    .body("detail", containsString("media library"), "detail", containsString("nothing was saved"));
            given().get("/authors/public/by-slug/" + slug).then().statusCode(404);
            as("root").get("/authors?q=" + slug).then().statusCode(200).body("total", is(0));
        }

        // an existing author: neither the admin's replace nor the author's own edit changes anything
        Map<String, Object> pasted = author(unique("kept"), Map.of("url", "https://img.example/pat.jpg", "alt", "Pat smiling"));
        pasted.put("username", "erin");
        Response created = create(pasted);
        created.then().statusCode(201);
        String id = created.path("id");
        try {
            String etag = created.header("ETag");
            Map<String, Object> change = author(created.path("slug"), library(mediaId, "Pat at the desk"));
            change.put("jobTitle", "Photo Editor");
            change.put("username", "erin");
            put(id, etag, change).then().statusCode(503).contentType(PROBLEM);
            as("root").get("/authors/" + id).then().statusCode(200).header("ETag", is(etag))
                    .body("jobTitle", nullValue(), "avatar.url", is("https://img.example/pat.jpg"), "avatar.mediaId", nullValue());
            given().get("/authors/public/by-slug/" + created.path("slug")).then().statusCode(200)
                    .body("avatar.url", is("https://img.example/pat.jpg"), "avatar.alt", is("Pat smiling"), "avatar.mediaId", nullValue());
            as("erin").header("If-Match", etag).contentType(ContentType.JSON)
                    .body(Map.of("displayName", "Pat Picture", "avatar", library(mediaId, "Me"))).put("/authors/me")
                    .then().statusCode(503).contentType(PROBLEM);
            as("erin").get("/authors/me").then().statusCode(200).header("ETag", is(etag)).body("avatar.mediaId", nullValue());
        } finally {
            sql("update author set username = null where id = ?", UUID.fromString(id)); // erin is linked by other tests too
        }
    }

    @Test
    void avatarValidationNamesTheField() {
        UUID mediaId = UUID.randomUUID();
        // a pasted URL must be absolute and described
        create(author(unique("v"), Map.of("url", "/relative.jpg", "alt", "A portrait"))).then().statusCode(400)
                .contentType(PROBLEM).body("errors.field", hasItem("avatar.url"));
        create(author(unique("v"), Map.of("url", "https://img.example/a.jpg"))).then().statusCode(400)
                .contentType(PROBLEM).body("errors.field", hasItem("avatar.alt"));
        // a library picture is named by its id, its words and its URL are bounded like any other
        create(author(unique("v"), Map.of("mediaId", "not-an-id"))).then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", is("avatar.mediaId"));
        create(author(unique("v"), library(mediaId, "a".repeat(301)))).then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("avatar.alt"));
        Map<String, Object> longUrl = library(mediaId, null);
        longUrl.put("url", "/media/" + "a".repeat(2048));
        create(author(unique("v"), longUrl)).then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("avatar.url"));
        // the request is checked before the media service is asked: no 503 for a request that is wrong anyway
        Map<String, Object> noName = author(unique("v"), library(mediaId, null));
        noName.put("displayName", " ");
        create(noName).then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("displayName"));
    }

    @Test
    void aLibraryAvatarIsShownFromTheCopyAndFollowsThePicturesChanges() throws Exception {
        UUID mediaId = UUID.randomUUID();
        Instant v1 = Instant.parse("2026-12-01T10:00:00Z");
        Response created = create(author(unique("lib"), Map.of("url", "https://img.example/pat.jpg", "alt", "Pat smiling")));
        String id = created.path("id");
        String slug = created.path("slug");
        // the author took the picture earlier: the media service's answer is copied here
        sql("insert into media_picture (id, picture, updated_at) values (?, ?, ?)", mediaId,
                picture(mediaId, "Pat at the news desk", "/media/files/abc/1x1-50-30.jpg", v1), java.sql.Timestamp.from(v1));
        sql("update author set avatar_media_id = ?, avatar_url = ?, avatar_alt = null where id = ?", mediaId, LIBRARY_URL,
                UUID.fromString(id));

        // a save that keeps the picture and the name needs no media service: the copy here describes it
        String etag = put(id, created.header("ETag"), author(slug, library(mediaId, null))).then().statusCode(200)
                .body("avatar.mediaId", is(mediaId.toString()), "avatar.url", is(LIBRARY_URL), "avatar.alt", nullValue())
                .extract().header("ETag");
        given().get("/authors/public/by-slug/" + slug).then().statusCode(200)
                .body("avatar.url", is(LIBRARY_URL), "avatar.alt", is("Pat at the news desk"), "avatar.mediaId", is(mediaId.toString()),
                        "avatar.width", is(2400), "avatar.height", is(1600), "avatar.credit", is("Photo: Library"),
                        "avatar.srcset.webp", is("/media/files/abc/w320.webp 320w"),
                        "avatar.renditions.1x1.src", is("/media/files/abc/1x1-50-30.jpg"));
        // the articles service gets the same profile when it claims the author for a byline
        given().log().ifValidationFails().header("Authorization", TestTokens.articlesService()).contentType(ContentType.JSON)
                .body(Map.of("articleId", UUID.randomUUID().toString(), "ids", List.of(id))).post("/authors/byline-claims")
                .then().statusCode(200).body("items[0].avatar.renditions.1x1.src", is("/media/files/abc/1x1-50-30.jpg"),
                        "items[0].avatar.alt", is("Pat at the news desk"));

        // the focal point moves in the library: the copy and the public profile follow, announced through the outbox,
        // with a later change time (the copies elsewhere take only newer profiles) and the editors' ETag kept
        String updatedAt = as("root").get("/authors/" + id).path("updatedAt");
        long announced = events(id);
        String moved = picture(mediaId, "Pat at the news desk", "/media/files/abc/1x1-20-40.jpg", v1.plusSeconds(60));
        deliver(mediaId, moved);
        given().get("/authors/public/by-slug/" + slug).then().statusCode(200)
                .body("avatar.renditions.1x1.src", is("/media/files/abc/1x1-20-40.jpg"));
        assertEquals(announced + 1, events(id), "the new profile is on its way to the topic");
        String republishedAt = as("root").get("/authors/" + id).then().header("ETag", is(etag)).extract().path("updatedAt");
        assertTrue(Instant.parse(republishedAt).isAfter(Instant.parse(updatedAt)), updatedAt + " → " + republishedAt);
        given().get("/authors/public/changes?since=" + updatedAt).then().statusCode(200).body("items.id", hasItem(id));

        // the same event again, or an older one, changes nothing
        deliver(mediaId, moved);
        deliver(mediaId, picture(mediaId, "Old words", "/media/files/abc/1x1-old.jpg", v1));
        assertEquals(announced + 1, events(id));
        given().get("/authors/public/by-slug/" + slug).then().body("avatar.renditions.1x1.src", is("/media/files/abc/1x1-20-40.jpg"));
        // nor does a picture no author here has taken, or an unreadable event
        UUID other = UUID.randomUUID();
        deliver(other, picture(other, "Someone else", "/x.jpg", v1));
        deliver(other, "{not json");
        assertEquals(0, count("select count(*) from media_picture where id = ?", other));

        // the author's own words come before the library's
        etag = put(id, etag, author(slug, library(mediaId, "Pat, smiling, at the desk"))).then().statusCode(200).extract().header("ETag");
        given().get("/authors/public/by-slug/" + slug).then().body("avatar.alt", is("Pat, smiling, at the desk"));

        // the library's alt text is removed: a save without words of its own asks the library again (it may have been
        // described a moment ago), which is down here; with words of its own it needs nobody
        deliver(mediaId, picture(mediaId, null, "/media/files/abc/1x1-20-40.jpg", v1.plusSeconds(120)));
        put(id, etag, author(slug, library(mediaId, " "))).then().statusCode(503).contentType(PROBLEM);
        etag = put(id, etag, author(slug, library(mediaId, "Pat at the desk"))).then().statusCode(200).extract().header("ETag");
        // a rename is told to the library too (it lists where each picture is used, by name): not while it is down
        Map<String, Object> renamed = author(slug, library(mediaId, "Pat at the desk"));
        renamed.put("displayName", "Pat Renamed");
        put(id, etag, renamed).then().statusCode(503).contentType(PROBLEM);
        as("root").get("/authors/" + id).then().header("ETag", is(etag)).body("displayName", is("Pat Picture"));

        // back to a pasted URL: url and alt only; the library picture no longer changes this profile
        put(id, etag, author(slug, Map.of("url", "https://img.example/pat.jpg", "alt", "Pat smiling"))).then().statusCode(200)
                .body("avatar.mediaId", nullValue(), "avatar.url", is("https://img.example/pat.jpg"));
        given().get("/authors/public/by-slug/" + slug).then().statusCode(200)
                .body("avatar.url", is("https://img.example/pat.jpg"), "avatar.alt", is("Pat smiling"),
                        "avatar.mediaId", nullValue(), "avatar.width", nullValue(), "avatar.renditions", nullValue());
        long afterPasted = events(id);
        deliver(mediaId, picture(mediaId, "Described again", "/media/files/abc/1x1-20-40.jpg", v1.plusSeconds(180)));
        assertEquals(afterPasted, events(id));
        // the picture is deleted from the library: its copy goes
        deliver(mediaId, null);
        assertEquals(0, count("select count(*) from media_picture where id = ?", mediaId));
    }

    @Test
    void anAuthorShowingALibraryPictureIsDeletedWhileTheMediaServiceIsDown() throws Exception {
        UUID mediaId = UUID.randomUUID();
        Instant v1 = Instant.parse("2026-12-01T10:00:00Z");
        Response created = create(author(unique("gone"), null));
        String id = created.path("id");
        sql("insert into media_picture (id, picture, updated_at) values (?, ?, ?)", mediaId,
                picture(mediaId, "A portrait", "/media/files/abc/1x1.jpg", v1), java.sql.Timestamp.from(v1));
        sql("update author set avatar_media_id = ?, avatar_url = ? where id = ?", mediaId, LIBRARY_URL, UUID.fromString(id));
        String etag = put(id, created.header("ETag"), author(created.path("slug"), library(mediaId, null))).then().statusCode(200)
                .extract().header("ETag");
        // withdrawing the usage is best effort, after the delete: the author is gone all the same
        as("root").header("If-Match", etag).delete("/authors/" + id).then().statusCode(204);
        as("root").get("/authors/" + id).then().statusCode(404);
    }
}
