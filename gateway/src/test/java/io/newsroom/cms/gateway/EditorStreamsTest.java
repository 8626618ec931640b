package io.newsroom.cms.gateway;

import io.newsroom.cms.devstack.testing.KeycloakResource;
import io.newsroom.cms.devstack.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A live stream (server-sent events) passes through the gateway as the service writes it, not buffered to its end,
 * and outlives the request timeout (1 s in tests) while the service keeps writing; its token is checked first like
 * any editor call. Its faults: a service that dies mid-stream or falls silent ends the reader's stream promptly with
 * what was sent intact, and the gateway goes on serving streams.
 */
@QuarkusTest
@QuarkusTestResource(KeycloakResource.class)
@QuarkusTestResource(value = StreamingBackend.class, restrictToAnnotatedClass = true)
class EditorStreamsTest {
    @TestHTTPResource("/")
    URL gateway;

    @Test
    void aStreamPassesThroughAsItIsWrittenAndOutlivesTheRequestTimeout() throws Exception {
        long start = System.nanoTime();
        HttpResponse<InputStream> response = open(UUID.randomUUID().toString());
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
        assertEquals("no", response.headers().firstValue("X-Accel-Buffering").orElse(""));
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try (InputStream in = response.body()) {
            byte[] buffer = new byte[256];
            int n = in.read(buffer);
            long firstBytes = System.nanoTime() - start;
            assertTrue(n > 0);
            body.write(buffer, 0, n);
            // the first event arrived as soon as the service wrote it, long before the service finished writing
            assertTrue(firstBytes < Duration.ofMillis(StreamingBackend.GAP_MILLIS).toNanos(), "first bytes after " + firstBytes / 1_000_000 + " ms");
            assertTrue(body.toString(StandardCharsets.UTF_8).startsWith(StreamingBackend.PIECES.get(0)), body.toString(StandardCharsets.UTF_8));
            in.transferTo(body);
        }
        long whole = System.nanoTime() - start;
        // 1.3 s silences, each longer than the 1 s request timeout of tests: the stream was not cut
        assertTrue(whole > Duration.ofMillis(3 * StreamingBackend.GAP_MILLIS).toNanos(), "the stream ended after " + whole / 1_000_000 + " ms");
        assertEquals(String.join("", StreamingBackend.PIECES), body.toString(StandardCharsets.UTF_8), "the whole stream, unchanged");
        assertEquals(TestTokens.bearer("erin"), StreamingBackend.AUTHORIZATIONS.get(StreamingBackend.AUTHORIZATIONS.size() - 1));
    }

    @Test
    void aServiceDyingMidStreamEndsTheStreamAndTheNextOneIsServed() throws Exception {
        long start = System.nanoTime();
        String got = readWhole(StreamingBackend.CUT);
        long took = System.nanoTime() - start;
        assertTrue(got.startsWith(StreamingBackend.PIECES.get(0)), "the event sent before the cut arrives whole: " + got);
        assertTrue(took < Duration.ofSeconds(5).toNanos(), "the stream ended " + took / 1_000_000 + " ms after it began");
        // nothing stuck behind it: the next stream through the gateway is whole
        assertEquals(String.join("", StreamingBackend.PIECES), readWhole(UUID.randomUUID().toString()));
    }

    @Test
    void aSilentServiceHasItsStreamEndedAfterTheIdleTimeout() throws Exception {
        long start = System.nanoTime();
        String got = readWhole(StreamingBackend.SILENT);
        long took = System.nanoTime() - start;
        assertTrue(got.startsWith(StreamingBackend.PIECES.get(0)), got);
        // the tests' stream idle timeout is 3 s; the service would have stayed silent for 10
        assertTrue(took >= Duration.ofMillis(2_900).toNanos() && took < Duration.ofMillis(StreamingBackend.SILENCE_MILLIS).toNanos(),
                "the silent stream ended after " + took / 1_000_000 + " ms");
    }

    /** A stream read to its end as a browser would (the gateway ends it cleanly; a reset would count as the end too): what arrived. */
    private String readWhole(String session) throws Exception {
        HttpResponse<InputStream> response = open(session);
        assertEquals(200, response.statusCode());
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try (InputStream in = response.body()) {
            byte[] buffer = new byte[256];
            for (int n; (n = in.read(buffer)) > 0; ) {
                body.write(buffer, 0, n);
            }
        } catch (java.io.IOException cut) {
            // the gateway passed the service's abrupt end on: the stream is over
        }
        return body.toString(StandardCharsets.UTF_8);
    }

    /** erin's stream of a fresh article's presence through the gateway, its head in. */
    private HttpResponse<InputStream> open(String session) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + "api/articles/" + UUID.randomUUID() + "/presence/stream?session=" + session))
                .header("Authorization", TestTokens.bearer("erin")).header("Accept", "text/event-stream")
                .timeout(Duration.ofSeconds(20)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
    }

    @Test
    void aStreamWithoutATokenIsRefusedHere() {
        int before = StreamingBackend.AUTHORIZATIONS.size();
        String id = UUID.randomUUID().toString();
        given().accept("text/event-stream").get("/api/articles/" + id + "/presence/stream").then().statusCode(401)
                .contentType("application/problem+json");
        assertEquals(before, StreamingBackend.AUTHORIZATIONS.size(), "nothing was forwarded");
    }
}
