package io.newsroom.cms.media;

import io.newsroom.cms.devstack.testing.TestTokens;
import io.newsroom.cms.media.domain.MediaItem;
import io.newsroom.cms.media.service.MediaUploads;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.newsroom.cms.media.Pictures.picture;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The library end to end on real parts (PostgreSQL, S3Mock, Keycloak): upload, the same bytes again, describe with
 * If-Match, search, renditions made and served for ever, usage and deletion; and every bad upload a 4xx problem
 * with nothing stored, in the database or the bucket.
 */
@QuarkusTest
class MediaLibraryTest {
    private static final String PROBLEM = "application/problem+json";

    @Inject
    S3Client s3;

    private static RequestSpecification as(String user) {
        return given().log().ifValidationFails().header("Authorization", TestTokens.bearer(user));
    }

    private static Response upload(String user, String name, byte[] bytes, String type, Map<String, String> fields) {
        // not logged: a failed check would print the whole picture
        RequestSpecification request = given().header("Authorization", TestTokens.bearer(user)).multiPart("file", name, bytes, type);
        fields.forEach(request::multiPart);
        return request.post("/media");
    }

    /** Every object in the bucket, but the one the warm-up at start stores and deletes while the first tests run. */
    private long objects() {
        return s3.listObjectsV2(b -> b.bucket("cms-media")).contents().stream()
                .filter(object -> !object.key().equals(MediaUploads.WARM_UP_KEY)).count();
    }

    @Test
    void anUploadIsDescribedFoundRenderedAndServedForEver() throws Exception {
        byte[] jpeg = picture("jpg", 1400, 900);
        Response created = upload("alice", "harbour cranes.jpg", jpeg, "image/jpeg",
                Map.of("altText", "Cranes over the harbour at dusk", "credit", "Staff", "tags", "Harbour, Night"));
        created.then().statusCode(201).header("Location", containsString("/media/")).header("ETag", notNullValue())
                .body("alreadyInLibrary", is(false))
                .body("item.width", is(1400)).body("item.height", is(900)).body("item.mimeType", is("image/jpeg"))
                .body("item.filename", is("harbour cranes.jpg")).body("item.tags", contains("harbour", "night"))
                .body("item.readyForPublishing", is(true)).body("item.createdBy", is("alice"))
                .body("item.renditions.original.srcset.webp", containsString(" 320w,"))
                .body("item.renditions.original.srcset.webp", not(containsString("1600w")));
        String id = created.path("item.id");

        // the same bytes under another name: the item already in the library
        upload("bob", "copy.jpg", jpeg, "image/jpeg", Map.of()).then().statusCode(200)
                .body("alreadyInLibrary", is(true)).body("item.id", is(id));

        as("erin").get("/media?q=cranes").then().statusCode(200).body("items.id", hasItem(id));
        as("erin").get("/media?tag=Harbour").then().statusCode(200).body("items.id", hasItem(id));
        as("erin").get("/media?q=submarine").then().statusCode(200).body("items.id", not(hasItem(id)));

        // a rendition: made at upload or now, then the same bytes for ever
        String src = as("alice").get("/media/" + id).then().statusCode(200).extract().path("renditions.'16x9'.src");
        String path = src.replace("/public/v1/media/", "/media/renditions/");
        Response rendition = given().get(path);
        rendition.then().statusCode(200).contentType("image/jpeg")
                .header("Cache-Control", "public, max-age=31536000, immutable").header("ETag", notNullValue());
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(rendition.asByteArray()));
        assertEquals(1024, image.getWidth());
        assertEquals(576, image.getHeight(), 1, "16:9");
        given().header("If-None-Match", rendition.header("ETag")).get(path).then().statusCode(304);

        // a new focal point: new crop URLs; the old crop is not made again on request
        String etag = as("erin").get("/media/" + id).header("ETag");
        String moved = as("erin").header("If-Match", etag).contentType(ContentType.JSON)
                .body(Map.of("altText", "Cranes over the harbour at dusk", "focalPoint", Map.of("x", 0.1, "y", 0.2), "tags", List.of("harbour")))
                .put("/media/" + id).then().statusCode(200).body("focalPoint.x", is(0.1f))
                .extract().path("renditions.'1x1'.src");
        assertTrue(moved.contains("-10-20.jpg"), moved);
        given().get(moved.replace("/public/v1/media/", "/media/renditions/")).then().statusCode(200).contentType("image/jpeg");
        String stale = moved.replace("-10-20.jpg", "-33-33.jpg").replace("/public/v1/media/", "/media/renditions/");
        given().get(stale).then().statusCode(404).contentType(PROBLEM);
        as("erin").header("If-Match", etag).contentType(ContentType.JSON).body(Map.of("altText", "stale write"))
                .put("/media/" + id).then().statusCode(412).contentType(PROBLEM);
    }

    @Test
    void aShapeThatIsTheWholePictureListsTheOriginalsFilesStoredOnce() throws Exception {
        Response created = upload("alice", "four by three.jpg", picture("jpg", 800, 600), "image/jpeg", Map.of("altText", "Four by three"));
        created.then().statusCode(201);
        String hash = created.path("item.contentHash");
        Map<String, String> original = created.path("item.renditions.original.srcset");
        assertEquals(original, created.path("item.renditions.'4x3'.srcset"), "4:3 of a 4:3 picture is the original's files");
        assertTrue(original.get("webp").contains("/original-320-50-50.webp 320w"), original.toString());
        java.util.Set<String> listed = Pictures.renditionUrls(created.path("item.renditions"));
        assertEquals(2 * 3 * 2, listed.size(), "320 and 640 wide, three distinct shapes, two formats: " + listed);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (renditionObjects(hash) < listed.size() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        Thread.sleep(300); // none stored after the last one listed
        assertEquals(listed.size(), renditionObjects(hash), "every listed file stored, and only those");

        // an address of the 4:3 files from before this: made on request, and the same picture
        Response old = given().get("/media/renditions/" + hash + "/4x3-640-50-50.jpg");
        old.then().statusCode(200).contentType("image/jpeg");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(old.asByteArray()));
        assertEquals(List.of(640, 480), List.of(image.getWidth(), image.getHeight()));
    }

    private int renditionObjects(String hash) {
        return s3.listObjectsV2(b -> b.bucket("cms-media").prefix("renditions/" + hash + "/")).keyCount();
    }

    @Test
    void anItemInUseCannotBeDeletedAndOnceFreeGoesWithItsObjects() {
        Response created = upload("alice", "avatar.png", picture("png", 500, 500), "image/png", Map.of("altText", "A portrait"));
        created.then().statusCode(201);
        String id = created.path("item.id");
        String hash = created.path("item.contentHash");
        Map<String, String> usage = Map.of("kind", "author", "ref", UUID.randomUUID().toString(), "label", "Ann Author");
        // only the services that show pictures report usage, never a person
        as("alice").contentType(ContentType.JSON).body(usage).put("/media/" + id + "/usages").then().statusCode(403).contentType(PROBLEM);
        // each service reports its own kind of usage only: avatars are the authors service's
        given().header("Authorization", TestTokens.articlesService()).contentType(ContentType.JSON).body(usage)
                .put("/media/" + id + "/usages").then().statusCode(403).contentType(PROBLEM);
        // the answer is what readers are to see of the picture, for the caller's copy
        given().header("Authorization", TestTokens.authorsService()).contentType(ContentType.JSON).body(usage)
                .put("/media/" + id + "/usages").then().statusCode(200)
                .body("id", is(id)).body("alt", is("A portrait")).body("width", is(500))
                .body("renditions.'1x1'.srcset.webp", containsString("320w")).body("updatedAt", notNullValue());
        String ref = as("alice").get("/media/" + id + "/usages").then().statusCode(200).body("items", hasSize(1))
                .body("items[0].label", is("Ann Author")).extract().path("items[0].ref");

        String etag = as("erin").get("/media/" + id).then().body("usageCount", is(1)).extract().header("ETag");
        // a picture in use keeps its alt text: it can be changed, not removed
        as("erin").header("If-Match", etag).contentType(ContentType.JSON).body(Map.of("caption", "No alt text"))
                .put("/media/" + id).then().statusCode(400).contentType(PROBLEM).body("errors[0].field", is("altText"));
        as("alice").header("If-Match", etag).delete("/media/" + id).then().statusCode(403).contentType(PROBLEM);
        as("erin").header("If-Match", etag).delete("/media/" + id).then().statusCode(409).contentType(PROBLEM)
                .body("usageCount", is(1));

        as("alice").delete("/media/" + id + "/usages/author/" + ref).then().statusCode(403).contentType(PROBLEM);
        given().header("Authorization", TestTokens.curationService()).delete("/media/" + id + "/usages/author/" + ref)
                .then().statusCode(403).contentType(PROBLEM);
        given().header("Authorization", TestTokens.authorsService()).delete("/media/" + id + "/usages/author/" + ref)
                .then().statusCode(204);
        as("erin").header("If-Match", etag).delete("/media/" + id).then().statusCode(204);
        as("erin").get("/media/" + id).then().statusCode(404).contentType(PROBLEM);
        assertEquals(0, s3.listObjectsV2(b -> b.bucket("cms-media").prefix("renditions/" + hash)).keyCount());
        assertEquals(0, s3.listObjectsV2(b -> b.bucket("cms-media").prefix("originals/" + hash)).keyCount());
    }

    @Test
    void everyBadUploadIsAProblemAndLeavesNothingBehind() throws Exception {
        Thread.sleep(Duration.ofSeconds(1).toMillis()); // renditions of other tests' uploads settle first
        long items = MediaItem.count();
        long objects = objects();

        upload("alice", "notes.jpg", "just some text, not a picture".getBytes(StandardCharsets.UTF_8), "image/jpeg", Map.of())
                .then().statusCode(415).contentType(PROBLEM);
        upload("alice", "drawing.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>".getBytes(StandardCharsets.UTF_8),
                "image/svg+xml", Map.of()).then().statusCode(415).contentType(PROBLEM).body("detail", containsString("SVG"));
        byte[] jpeg = picture("jpg", 800, 600);
        byte[] truncated = java.util.Arrays.copyOf(jpeg, jpeg.length / 3);
        upload("alice", "broken.jpg", truncated, "image/jpeg", Map.of()).then().statusCode(400).contentType(PROBLEM);
        upload("alice", "empty.jpg", new byte[0], "image/jpeg", Map.of()).then().statusCode(400).contentType(PROBLEM);
        upload("alice", "bomb.png", PngHeaders.claiming(40_000, 40_000), "image/png", Map.of()).then().statusCode(400)
                .contentType(PROBLEM).body("detail", containsString("40000"));
        upload("alice", "../../etc/passwd.jpg", picture("jpg", 100, 100), "image/jpeg", Map.of()).then().statusCode(400)
                .contentType(PROBLEM).body("errors[0].field", is("file"));
        upload("alice", "big-caption.jpg", picture("jpg", 100, 100), "image/jpeg", Map.of("caption", "x".repeat(1_048_576)))
                .then().statusCode(allOf(greaterThanOrEqualTo(400), lessThan(500))).contentType(PROBLEM);
        upload("alice", "long-alt.jpg", picture("jpg", 100, 100), "image/jpeg", Map.of("altText", "x".repeat(1_001)))
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", is("altText"));
        as("alice").multiPart("altText", "no file").post("/media").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", is("file"));
        HttpResponse<String> unreadable = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/media"))
                .header("Authorization", TestTokens.bearer("alice")).header("Content-Type", "multipart/form-data; boundary=x")
                .POST(HttpRequest.BodyPublishers.ofString("{\"not\": \"a form\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, unreadable.statusCode(), unreadable.body());
        assertTrue(unreadable.body().contains("/malformed-body"), unreadable.body());
        Path oversize = Files.createTempFile("huge", ".jpg"); // streamed from disk: the test's heap is small
        try {
            Files.write(oversize, jpeg);
            try (RandomAccessFile file = new RandomAccessFile(oversize.toFile(), "rw")) {
                file.setLength(25L * 1024 * 1024 + 10); // a JPEG's start, then zeros: over 25 MB, under the HTTP limit
            }
            given().header("Authorization", TestTokens.bearer("alice")).multiPart("file", oversize.toFile(), "image/jpeg")
                    .post("/media").then().statusCode(413).contentType(PROBLEM).body("detail", containsString("25.0 MB"));
        } finally {
            Files.delete(oversize);
        }

        assertEquals(items, MediaItem.count(), "no item recorded");
        assertEquals(objects, objects(), "no object left in the bucket");
    }

    @Test
    void readersAndStrangersGetNoLibrary() {
        given().get("/media").then().statusCode(401).contentType(PROBLEM);
        given().multiPart("file", "x.jpg", picture("jpg", 50, 50), "image/jpeg").post("/media").then().statusCode(401).contentType(PROBLEM);
        given().get("/media/renditions/" + "0".repeat(64) + "/original-320-50-50.webp").then().statusCode(404).contentType(PROBLEM);
        given().get("/media/renditions/" + "0".repeat(64) + "/original-321-50-50.webp").then().statusCode(404).contentType(PROBLEM);
    }
}
