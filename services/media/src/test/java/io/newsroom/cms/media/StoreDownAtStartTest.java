package io.newsroom.cms.media;

import io.newsroom.cms.devstack.Net;
import io.newsroom.cms.devstack.testing.TestTokens;
import io.newsroom.cms.media.domain.MediaItem;
import io.newsroom.cms.media.service.MediaUploads;
import io.newsroom.cms.media.service.RenditionMaker;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static io.newsroom.cms.media.Pictures.picture;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A media replica started while its object store is away (the store's address refuses connections): it starts, its
 * warm-ups end (the upload path's failed, which counts as done) instead of holding readiness for their 30 s, readiness
 * says the store is unreachable, and an upload is a 503 problem that records nothing.
 */
@QuarkusTest
@TestProfile(StoreDownAtStartTest.StoreAway.class)
class StoreDownAtStartTest {
    /** An endpoint nothing listens on: a port that was free a moment ago. */
    public static class StoreAway implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.s3.endpoint-override", "http://127.0.0.1:" + Net.freePort());
        }
    }

    @Inject
    MediaUploads uploads;

    @Inject
    RenditionMaker renditions;

    @Test
    void aReplicaStartedWithoutItsStoreEndsItsWarmUpsAndSaysWhatIsMissing() throws Exception {
        assertThrows(ExecutionException.class, () -> uploads.warmedUp().get(60, TimeUnit.SECONDS),
                "the upload path's warm-up could not store its object");
        renditions.warmedUp().get(60, TimeUnit.SECONDS); // made in memory: the store is not needed
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'warm-up' }.data.done", is(true))
                .body("checks.find { it.name == 'object-storage' }.data.reachable", is(false));
        long items = MediaItem.count();
        given().header("Authorization", TestTokens.bearer("alice")).multiPart("file", "no-store.png", picture("png", 320, 240), "image/png")
                .multiPart("altText", "With the store away").post("/media")
                .then().statusCode(503).contentType("application/problem+json").header("Retry-After", notNullValue());
        assertEquals(items, MediaItem.count(), "nothing recorded without its original");
    }
}
