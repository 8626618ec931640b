package io.newsroom.cms.media;

import io.newsroom.cms.devstack.testing.S3Resource;
import io.newsroom.cms.devstack.testing.TestTokens;
import io.newsroom.cms.media.domain.MediaItem;
import io.newsroom.cms.media.service.MediaUploads;
import io.newsroom.cms.media.service.RenditionMaker;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.newsroom.cms.media.Pictures.picture;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Object storage away: an upload is a 503 problem with Retry-After and records nothing, a rendition not made yet is a
 * 503 too, while the library's descriptions still read; once the store is back, the same upload goes through.
 */
@QuarkusTest
class ObjectStoreOutageTest {
    private static final String PROBLEM = "application/problem+json";

    @Inject
    MediaUploads uploads;

    @Inject
    RenditionMaker renditions;

    private static Response upload(byte[] bytes) {
        return given().header("Authorization", TestTokens.bearer("alice")).multiPart("file", "outage.png", bytes, "image/png")
                .multiPart("altText", "During the outage").post("/media");
    }

    @Test
    void withTheStoreAwayUploadsWaitAndNothingHalfWrittenStays() throws Exception {
        // readiness (asserted below) waits for the start's warm-ups
        uploads.warmedUp().get(60, TimeUnit.SECONDS);
        renditions.warmedUp().get(60, TimeUnit.SECONDS);
        Response before = upload(picture("png", 700, 400));
        before.then().statusCode(201);
        String id = before.path("item.id");
        String etag = before.header("ETag");
        // a new focal point: its crops are made on first request, from the original in the store
        String moved = given().header("Authorization", TestTokens.bearer("erin")).header("If-Match", etag).contentType("application/json")
                .body(Map.of("altText", "During the outage", "focalPoint", Map.of("x", 0.2, "y", 0.3)))
                .put("/media/" + id).then().statusCode(200).extract().<String>path("renditions.'1x1'.src")
                .replace("/public/v1/media/", "/media/renditions/");

        byte[] during = picture("png", 640, 480);
        long items = MediaItem.count();
        S3Resource.current().stopServer();
        try {
            upload(during).then().statusCode(503).contentType(PROBLEM).header("Retry-After", notNullValue());
            assertEquals(items, MediaItem.count(), "nothing recorded without its original");
            given().get(moved).then().statusCode(503).contentType(PROBLEM);
            given().header("Authorization", TestTokens.bearer("erin")).get("/media/" + id).then().statusCode(200)
                    .body("altText", is("During the outage"));
            given().get("/q/health/ready").then().statusCode(200)
                    .body("checks.find { it.name == 'object-storage' }.data.reachable", is(false));
        } finally {
            S3Resource.current().startServer();
        }
        upload(during).then().statusCode(201).body("alreadyInLibrary", is(false));
        given().get(moved).then().statusCode(200).contentType("image/jpeg");
    }
}
