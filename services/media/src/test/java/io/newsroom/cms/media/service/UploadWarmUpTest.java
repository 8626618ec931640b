package io.newsroom.cms.media.service;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The upload path's warm-up at start writes an item and rolls it back, stores an object and deletes it: it finishes
 * without failing, leaves no row and no object behind, and readiness is up once it is done.
 */
@QuarkusTest
class UploadWarmUpTest {
    @Inject
    MediaUploads uploads;

    @Inject
    AgroalDataSource database;

    @Inject
    S3Client s3;

    @Inject
    RenditionMaker renditions;

    @Test
    void theWarmUpAtStartLeavesNothingBehind() throws Exception {
        uploads.warmedUp().get(60, TimeUnit.SECONDS);
        renditions.warmedUp().get(60, TimeUnit.SECONDS);
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'warm-up' }.status", is("UP"))
                .body("checks.find { it.name == 'warm-up' }.data.done", is(true));
        try (Connection connection = database.getConnection(); Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("select count(*) from media_item where created_by = '"
                     + MediaUploads.WARM_UP_USER + "' or content_hash = '" + MediaUploads.WARM_UP_HASH + "'")) {
            rows.next();
            assertEquals(0, rows.getInt(1), "no item left by the warm-up");
        }
        assertEquals(0, s3.listObjectsV2(b -> b.bucket("cms-media").prefix("originals/" + MediaUploads.WARM_UP_HASH)).keyCount());
        assertEquals(0, s3.listObjectsV2(b -> b.bucket("cms-media").prefix("renditions/" + MediaUploads.WARM_UP_HASH)).keyCount());
        assertEquals(0, s3.listObjectsV2(b -> b.bucket("cms-media").prefix(MediaUploads.WARM_UP_KEY)).keyCount(), "its object deleted");
    }
}
