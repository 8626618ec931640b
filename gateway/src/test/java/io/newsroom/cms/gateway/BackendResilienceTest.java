package io.newsroom.cms.gateway;

import com.github.tomakehurst.wiremock.http.Fault;
import io.newsroom.cms.devstack.testing.KeycloakResource;
import io.newsroom.cms.devstack.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Timeouts and circuit breakers on every backend route, against stubbed services that are slow, fail, or reset the
 * connection. The test settings (application.properties %test): public reads time out after 500 ms, editor calls
 * after 1 s; a breaker opens when 2 of the last 4 calls failed and tries again after 300 ms.
 */
@QuarkusTest
@QuarkusTestResource(KeycloakResource.class)
@QuarkusTestResource(BackendStubs.class)
class BackendResilienceTest extends StubbedBackendsTest {
    private static final String PROBLEM = "application/problem+json";


    @Test
    void aSlowServiceIsA503ProblemForReadersAndA504ForEditorsWithinTheTimeout() {
        backends.stubFor(get("/articles/published/slow").willReturn(okJson(PublicJson.article("slow", false)).withFixedDelay(3_000)));
        Instant start = Instant.now();
        given().get("/public/v1/articles/slow").then().statusCode(503).contentType(PROBLEM).header("Retry-After", notNullValue());
        assertTrue(Duration.between(start, Instant.now()).toMillis() < 2_000, "answered after the 500 ms timeout, not the backend's 3 s");

        backends.stubFor(get("/articles").willReturn(okJson("{\"items\":[],\"total\":0}").withFixedDelay(3_000)));
        start = Instant.now();
        given().header("Authorization", TestTokens.bearer("erin")).get("/api/articles").then().statusCode(504).contentType(PROBLEM)
                .body("type", endsWith("/gateway-timeout"));
        assertTrue(Duration.between(start, Instant.now()).toMillis() < 2_500, "answered after the 1 s timeout");
    }

    @Test
    void aServerErrorIsA503ProblemForReadersAndPassesThroughToEditors() {
        backends.stubFor(get("/articles/published/broken").willReturn(aResponse().withStatus(500)));
        given().get("/public/v1/articles/broken").then().statusCode(503).contentType(PROBLEM).header("Retry-After", notNullValue());

        backends.stubFor(get("/articles").willReturn(aResponse().withStatus(503).withHeader("Content-Type", PROBLEM)
                .withBody("{\"type\":\"https://newsroom.example/problems/service-unavailable\",\"status\":503,\"detail\":\"db down\"}")));
        given().header("Authorization", TestTokens.bearer("erin")).get("/api/articles").then().statusCode(503).contentType(PROBLEM)
                .body("detail", is("db down"));
    }

    @Test
    void aConnectionResetIsA503Problem() {
        backends.stubFor(any(anyUrl()).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        given().get("/public/v1/articles/reset").then().statusCode(503).contentType(PROBLEM).header("Retry-After", notNullValue());
        given().header("Authorization", TestTokens.bearer("erin")).get("/api/authors").then().statusCode(503).contentType(PROBLEM)
                .header("Retry-After", notNullValue()).body("type", endsWith("/service-unavailable"));
    }

    @Test
    void theReadersBreakerOpensAfterFailuresAnswersAtOnceAndClosesAgainAfterItsDelay() throws InterruptedException {
        backends.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(500)));
        for (int i = 0; i < 4; i++) {
            given().get("/public/v1/articles/failing-" + i).then().statusCode(503);
        }
        assertEquals(CircuitBreakerState.OPEN, CircuitBreakerMaintenance.get().currentState("gateway-public-articles"));
        backends.stubFor(get("/articles/published/back-again").willReturn(okJson(PublicJson.article("back-again", false))));
        given().get("/public/v1/articles/back-again").then().statusCode(503).contentType(PROBLEM).header("Retry-After", notNullValue());
        backends.verify(0, getRequestedFor(urlEqualTo("/articles/published/back-again")));
        // the authors' breaker is another one: still closed
        assertEquals(CircuitBreakerState.CLOSED, CircuitBreakerMaintenance.get().currentState("gateway-public-authors"));

        Thread.sleep(400); // the breaker's delay (300 ms in tests), on the breaker's own clock
        given().get("/public/v1/articles/back-again").then().statusCode(200).body("slug", is("back-again"));
        assertEquals(CircuitBreakerState.CLOSED, CircuitBreakerMaintenance.get().currentState("gateway-public-articles"));
    }

    @Test
    void theEditorsBreakerOpensOnResetsAnswers503WithoutForwardingAndClosesAgain() throws InterruptedException {
        backends.stubFor(any(urlEqualTo("/lists")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        for (int i = 0; i < 4; i++) {
            given().header("Authorization", TestTokens.bearer("carl")).get("/api/lists").then().statusCode(503).contentType(PROBLEM);
        }
        assertEquals(CircuitBreakerState.OPEN, CircuitBreakerMaintenance.get().currentState("gateway-editor-lists"));
        backends.stubFor(get("/lists").willReturn(okJson("{\"items\":[],\"total\":0}")));
        given().header("Authorization", TestTokens.bearer("carl")).get("/api/lists").then().statusCode(503).contentType(PROBLEM)
                .header("Retry-After", notNullValue());
        backends.verify(4, getRequestedFor(urlEqualTo("/lists")));

        Thread.sleep(400);
        given().header("Authorization", TestTokens.bearer("carl")).get("/api/lists").then().statusCode(200).body("total", is(0));
        assertEquals(CircuitBreakerState.CLOSED, CircuitBreakerMaintenance.get().currentState("gateway-editor-lists"));
    }
}
