package io.newsroom.cms.media;

import io.newsroom.cms.devstack.testing.TestTokens;
import io.newsroom.cms.media.domain.MediaItem;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static io.newsroom.cms.media.Pictures.picture;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A pasted address imported into the library on real parts (PostgreSQL, S3Mock, Keycloak), from a website on this
 * machine ({@link PictureSource}; private sources are allowed in the test profile, as on the local stack): the picture
 * becomes an item exactly as an upload would, redirects are followed a few times, and every address whose picture
 * cannot be had is a 4xx problem at {@code url} with nothing stored, in the database or the bucket.
 */
@QuarkusTest
class MediaImportTest {
    private static final String PROBLEM = "application/problem+json";
    private static PictureSource source;

    @Inject
    S3Client s3;

    @BeforeAll
    static void startSource() throws IOException {
        source = new PictureSource();
    }

    @AfterAll
    static void stopSource() {
        source.close();
    }

    private static Response importing(String user, Map<String, ?> body) {
        return given().log().ifValidationFails().header("Authorization", TestTokens.bearer(user))
                .contentType(ContentType.JSON).body(body).post("/media/imports");
    }

    private static ValidatableResponse refusedAtUrl(String url, int status) {
        return importing("alice", Map.of("url", url, "altText", "Refused")).then().statusCode(status).contentType(PROBLEM)
                .body("status", is(status)).body("errors[0].field", is("url"));
    }

    private int originals() {
        return s3.listObjectsV2(b -> b.bucket("cms-media").prefix("originals/")).keyCount();
    }

    @Test
    void aPastedAddressBecomesALibraryPictureExactlyAsAnUploadWould() {
        byte[] jpeg = picture("jpg", 1200, 800);
        source.put("harbour-at-dusk.jpg", jpeg);
        String url = source.url("/pictures/harbour-at-dusk.jpg");
        Response created = importing("alice", Map.of("url", url, "altText", "Cranes over the harbour at dusk", "caption", "The port",
                "credit", "Staff", "tags", List.of("Harbour", "Night")));
        created.then().statusCode(201).header("Location", containsString("/media/")).header("ETag", notNullValue())
                .body("alreadyInLibrary", is(false))
                .body("item.filename", is("harbour-at-dusk.jpg")).body("item.source", is(url))
                .body("item.altText", is("Cranes over the harbour at dusk")).body("item.caption", is("The port"))
                .body("item.credit", is("Staff")).body("item.tags", contains("harbour", "night"))
                .body("item.mimeType", is("image/jpeg")).body("item.width", is(1200)).body("item.height", is(800))
                .body("item.byteSize", is(jpeg.length)).body("item.createdBy", is("alice"))
                .body("item.readyForPublishing", is(true))
                .body("item.renditions.'16x9'.srcset.webp", containsString(" 320w,"));
        String id = created.path("item.id");
        as("alice").get("/media/" + id).then().statusCode(200).body("source", is(url));

        // the same bytes again, by a curator, through three redirects (the most followed): the item already there
        importing("carl", Map.of("url", source.url("/redirect/3/pictures/harbour-at-dusk.jpg"))).then().statusCode(200)
                .body("alreadyInLibrary", is(true)).body("item.id", is(id)).body("item.altText", is("Cranes over the harbour at dusk"));
        // and uploaded as a file: the very same item, since an import is an upload
        given().header("Authorization", TestTokens.bearer("bob")).multiPart("file", "copy.jpg", jpeg, "image/jpeg").post("/media")
                .then().statusCode(200).body("alreadyInLibrary", is(true)).body("item.id", is(id));

        // the type comes from the bytes, never from what the source says (a PNG served as image/jpeg)
        source.put("mislabelled.jpg", picture("png", 300, 200));
        importing("erin", Map.of("url", source.url("localhost", "/pictures/mislabelled.jpg"))).then().statusCode(201)
                .body("item.mimeType", is("image/png")).body("item.width", is(300)).body("item.readyForPublishing", is(false))
                .body("item.filename", is("mislabelled.jpg"));
    }

    private static io.restassured.specification.RequestSpecification as(String user) {
        return given().log().ifValidationFails().header("Authorization", TestTokens.bearer(user));
    }

    @Test
    void everyAddressWhosePictureCannotBeHadIsAProblemAtUrlAndLeavesNothingBehind() throws Exception {
        long items = MediaItem.count();
        int objects = originals();

        // not an address to fetch
        refusedAtUrl("just some words", 400);
        refusedAtUrl("ftp://127.0.0.1/picture.jpg", 400);
        refusedAtUrl("file:///etc/passwd", 400);
        refusedAtUrl("http://reporter:secret@127.0.0.1:" + source.port() + "/pictures/none.jpg", 400)
                .body("detail", containsString("user name or password"));
        importing("alice", Map.of("altText", "No address")).then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", is("url"));
        // cloud metadata is refused even where private sources are allowed, and so is a redirect there
        refusedAtUrl("http://169.254.169.254/latest/meta-data/", 400).body("detail", containsString("cloud metadata"));
        refusedAtUrl(source.url("/redirect/away?to=http://169.254.169.254/latest/meta-data/"), 400)
                .body("detail", containsString("cloud metadata"));
        refusedAtUrl(source.url("/redirect/away?to=ftp://127.0.0.1/picture.jpg"), 400).body("detail", containsString("not an http or https"));
        // no such host, nobody listening, no picture there
        refusedAtUrl("http://no-such-host.invalid/picture.jpg", 400).body("detail", containsString("cannot be found"));
        refusedAtUrl("http://127.0.0.1:" + unusedPort() + "/picture.jpg", 400).body("detail", containsString("refused the connection"));
        refusedAtUrl(source.url("/pictures/missing.jpg"), 400).body("detail", containsString("404 Not Found"));
        refusedAtUrl(source.url("/broken"), 400).body("detail", containsString("500 Internal Server Error"));
        refusedAtUrl(source.url("/empty.jpg"), 400).body("detail", containsString("nothing"));
        refusedAtUrl(source.url("/redirect/4/pictures/missing.jpg"), 400).body("detail", containsString("more than 3 times"));
        // there, but not a picture the library takes: the upload's answers
        refusedAtUrl(source.url("/page.html"), 415);
        source.put("drawing.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>".getBytes(StandardCharsets.UTF_8));
        refusedAtUrl(source.url("/pictures/drawing.svg"), 415).body("detail", containsString("SVG"));
        byte[] jpeg = picture("jpg", 800, 600);
        source.put("truncated.jpg", Arrays.copyOf(jpeg, jpeg.length / 3));
        refusedAtUrl(source.url("/pictures/truncated.jpg"), 400);
        source.put("bomb.png", PngHeaders.claiming(40_000, 40_000));
        refusedAtUrl(source.url("/pictures/bomb.png"), 400).body("detail", containsString("40000"));
        // too large, whether it says so or only shows it while streaming
        refusedAtUrl(source.url("/announced.jpg"), 413).body("detail", containsString("25.0 MB"));
        refusedAtUrl(source.url("/endless.jpg"), 413).body("detail", containsString("25.0 MB"));
        // a source that never sends the picture (3 s in the tests, 8 s by default), or drops the connection halfway
        refusedAtUrl(source.url("/slow.jpg"), 400).body("detail", containsString("within 3 seconds"));
        refusedAtUrl(source.url("/cut.jpg"), 400);
        // the description is checked as an upload's is
        source.put("fine.jpg", picture("jpg", 100, 100));
        importing("alice", Map.of("url", source.url("/pictures/fine.jpg"), "altText", "x".repeat(1_001))).then().statusCode(400)
                .contentType(PROBLEM).body("errors[0].field", is("altText"));
        importing("alice", Map.of("url", source.url("/pictures/fine.jpg"), "copyright", "Not a field of an import")).then()
                .statusCode(400).contentType(PROBLEM).body("errors[0].field", is("copyright"));

        assertEquals(items, MediaItem.count(), "no item recorded");
        assertEquals(objects, originals(), "no original left in the bucket");
    }

    @Test
    void onlyTheNewsroomImports() {
        source.put("strangers.jpg", picture("jpg", 60, 60));
        Map<String, String> body = Map.of("url", source.url("/pictures/strangers.jpg"));
        given().contentType(ContentType.JSON).body(body).post("/media/imports").then().statusCode(401).contentType(PROBLEM);
        given().header("Authorization", TestTokens.articlesService()).contentType(ContentType.JSON).body(body)
                .post("/media/imports").then().statusCode(403).contentType(PROBLEM);
    }

    private static int unusedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
