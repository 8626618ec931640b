package io.newsroom.cms.gateway;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.newsroom.cms.devstack.testing.KeycloakResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/**
 * A rendition not stored yet is made on the request that asks for it (or waits for its upload's renditions): seconds
 * on a busy machine. The gateway waits for it ({@code cms.public-api.rendition-timeout}) where a JSON read would have
 * been given up ({@code backend-timeout}, 500 ms in tests): a reader right after an upload gets the picture, not a 503.
 */
@QuarkusTest
@QuarkusTestResource(KeycloakResource.class)
@QuarkusTestResource(BackendStubs.class)
class PublicRenditionsTest {
    private static final String HASH = "ab".repeat(32);

    @BackendStubs.Backends
    WireMockServer backends;

    @BeforeEach
    void reset() {
        backends.resetAll();
        CircuitBreakerMaintenance.get().resetAll();
    }

    @Test
    void aRenditionMadeOnRequestIsWaitedForLongerThanAJsonRead() {
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 1, 2, 3, (byte) 0xFF, (byte) 0xD9};
        backends.stubFor(get(urlEqualTo("/media/renditions/" + HASH + "/4x3-640-50-50.jpg")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "image/jpeg").withHeader("ETag", "\"r1\"").withBody(jpeg).withFixedDelay(1500)));
        byte[] served = given().get("/public/v1/media/" + HASH + "/4x3-640-50-50.jpg").then().statusCode(200)
                .contentType("image/jpeg").extract().asByteArray();
        assertArrayEquals(jpeg, served); // a JSON read as slow is a 503 problem: BackendResilienceTest
    }
}
