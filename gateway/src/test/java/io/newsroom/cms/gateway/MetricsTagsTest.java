package io.newsroom.cms.gateway;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.newsroom.cms.devstack.testing.KeycloakResource;
import io.newsroom.cms.devstack.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gateway's request metrics name routes, never the ids, slugs and hashes in the paths: one {@code uri} tag per
 * article would grow the metrics without end (Micrometer stops at 100 {@code uri} values and then drops the rest, so
 * the numbers an operator reads would stop counting). Forwarded editor requests, editor app deep links, public article
 * pages and renditions, each asked with 120 different paths.
 */
@QuarkusTest
@QuarkusTestResource(KeycloakResource.class)
@QuarkusTestResource(BackendStubs.class)
class MetricsTagsTest {
    private static final Pattern URI = Pattern.compile("^http_server_requests_seconds_count\\{[^}]*uri=\"([^\"]*)\"", Pattern.MULTILINE);

    @BackendStubs.Backends
    WireMockServer backends;

    @Test
    void pathsWithIdsSlugsAndHashesShareTheirRoutesTag() {
        backends.stubFor(any(anyUrl()).willReturn(okJson("{}")));
        String token = "Bearer " + TestTokens.of("erin");
        for (int i = 0; i < 120; i++) {
            String id = UUID.randomUUID().toString();
            given().header("Authorization", token).get("/api/articles/" + id + "/revisions").then().statusCode(200);
            given().header("Authorization", token).get("/api/lists/list-" + i + "/draft").then().statusCode(200);
            given().accept("text/html").get("/articles/" + id + "/edit").then().statusCode(200);
            given().get("/public/v1/articles/story-" + i);
            given().get("/public/v1/media/" + id.replace("-", "") + "/w320.webp");
        }
        Set<String> uris = new TreeSet<>();
        Matcher m = URI.matcher(given().get("/q/metrics").then().statusCode(200).extract().asString());
        while (m.find()) {
            uris.add(m.group(1));
        }
        Set<String> carryingValues = new TreeSet<>();
        for (String uri : uris) {
            if (uri.matches(".*([0-9a-f]{8}|list-[0-9]|story-[0-9]).*")) {
                carryingValues.add(uri);
            }
        }
        assertEquals(Set.of(), carryingValues.stream().limit(5).collect(java.util.stream.Collectors.toSet()),
                carryingValues.size() + " uri tags with a value in them (the first 5 shown)");
        assertTrue(uris.containsAll(Set.of("/api/articles/{path}", "/api/lists/{path}", "/{page}", "/public/v1/articles/{slug}",
                "/public/v1/media/{hash}/{name}")), "each route by its name: " + uris);
        assertTrue(uris.size() < 30, "a few uri tags, not one per path: " + uris);
    }
}
