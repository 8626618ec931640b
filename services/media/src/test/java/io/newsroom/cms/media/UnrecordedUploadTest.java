package io.newsroom.cms.media;

import io.agroal.api.AgroalDataSource;
import io.newsroom.cms.devstack.testing.TestTokens;
import io.newsroom.cms.media.domain.MediaItem;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;

import static io.newsroom.cms.media.Pictures.picture;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An upload's renditions are made while its original is stored and its item recorded. When the item then cannot be
 * recorded (here PostgreSQL refuses the row after a while, as a transaction that must be retried), the answer is a 503
 * problem, and neither the original nor any rendition made meanwhile stays in the bucket.
 */
@QuarkusTest
class UnrecordedUploadTest {
    @Inject
    AgroalDataSource database;

    @Inject
    S3Client s3;

    private void sql(String statement) throws Exception {
        try (Connection connection = database.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute(statement);
        }
    }

    private int objects(String prefix) {
        return s3.listObjectsV2(b -> b.bucket("cms-media").prefix(prefix)).keyCount();
    }

    @Test
    void anItemThatCannotBeRecordedLeavesNoRenditionBehind() throws Exception {
        byte[] jpeg = picture("jpg", 1600, 1200, 4242);
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(jpeg));
        long items = MediaItem.count();
        // slow enough that renditions are stored before the row is refused
        sql("""
                create or replace function refuse_unrecorded() returns trigger language plpgsql as $$
                begin
                    if new.filename = 'unrecorded.jpg' then
                        perform pg_sleep(1.5);
                        raise exception 'refused for the test' using errcode = '40001';
                    end if;
                    return new;
                end $$""");
        sql("create trigger refuse_unrecorded before insert on media_item for each row execute function refuse_unrecorded()");
        try {
            CompletableFuture<Response> refused = CompletableFuture.supplyAsync(() -> given()
                    .header("Authorization", TestTokens.bearer("alice")).multiPart("file", "unrecorded.jpg", jpeg, "image/jpeg")
                    .multiPart("altText", "Never recorded").post("/media"));
            boolean renditionsWhileRecording = false;
            while (!refused.isDone()) {
                renditionsWhileRecording |= objects("renditions/" + hash + "/") > 0;
                Thread.sleep(50);
            }
            refused.get().then().statusCode(503).contentType("application/problem+json").header("Retry-After", notNullValue());
            assertTrue(renditionsWhileRecording, "renditions were stored before the item was recorded");
        } finally {
            sql("drop trigger refuse_unrecorded on media_item");
            sql("drop function refuse_unrecorded()");
        }
        assertEquals(items, MediaItem.count(), "no item recorded");
        assertEquals(0, objects("originals/" + hash), "the original removed");
        long deadline = System.nanoTime() + 20_000_000_000L; // the renditions go once they are all made
        while (objects("renditions/" + hash + "/") > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(0, objects("renditions/" + hash + "/"), "the renditions made meanwhile removed");

        // the same upload, once the database takes it, goes through with every rendition
        JsonPath item = given().header("Authorization", TestTokens.bearer("alice"))
                .multiPart("file", "unrecorded.jpg", jpeg, "image/jpeg").multiPart("altText", "Recorded at last").post("/media")
                .then().statusCode(201).extract().jsonPath();
        int listed = Pictures.renditionUrls(item.getMap("item.renditions")).size();
        assertTrue(listed > 0, "the item lists its renditions");
        deadline = System.nanoTime() + 20_000_000_000L;
        while (objects("renditions/" + hash + "/") < listed && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(listed, objects("renditions/" + hash + "/"), "every rendition of the upload that was recorded");
    }
}
