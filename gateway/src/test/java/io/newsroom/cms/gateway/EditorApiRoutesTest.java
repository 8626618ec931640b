package io.newsroom.cms.gateway;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import io.newsroom.cms.devstack.testing.KeycloakResource;
import io.newsroom.cms.devstack.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.restassured.RestAssured;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The gateway on its own (forwarding to real services is covered in e2e): token rejections happen here, before
 * anything is forwarded, what is forwarded keeps method, path, headers and body, and a backend that is not answering
 * is a 503 problem, not a hang or an empty 502. The services are a WireMock stub ({@link BackendStubs}).
 */
@QuarkusTest
@QuarkusTestResource(KeycloakResource.class)
@QuarkusTestResource(BackendStubs.class)
class EditorApiRoutesTest {
    private static final String PROBLEM = "application/problem+json";

    @BackendStubs.Backends
    WireMockServer backends;

    @BeforeEach
    void reset() {
        backends.resetAll();
        CircuitBreakerMaintenance.get().resetAll();
    }

    @Test
    void missingTokenIs401ProblemBeforeForwarding() {
        given().get("/api/authors").then().statusCode(401).contentType(PROBLEM)
                .header("WWW-Authenticate", startsWith("Bearer")).body("type", endsWith("/unauthorized"));
    }

    @Test
    void invalidTokensAre401() {
        String token = TestTokens.of("erin");
        String[] parts = token.split("\\.");
        String tampered = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
        String algNone = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes())
                + "." + parts[1] + ".";
        for (String bad : new String[]{"garbage", tampered, algNone}) {
            given().header("Authorization", "Bearer " + bad).get("/api/articles").then().statusCode(401).contentType(PROBLEM);
        }
    }

    @Test
    void aRealTokenFromAnotherRealmIs401() {
        // Keycloak's own master realm: valid signature from the same server, wrong issuer and audience
        String issuer = KeycloakResource.issuer();
        String master = issuer.substring(0, issuer.indexOf("/realms/")) + "/realms/master/protocol/openid-connect/token";
        String token = given().formParam("grant_type", "password").formParam("client_id", "admin-cli")
                .formParam("username", "admin").formParam("password", "admin").post(master)
                .then().statusCode(200).extract().path("access_token");
        given().header("Authorization", "Bearer " + token).get("/api/articles").then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void validTokenForADownBackendIs503Problem() {
        backends.stubFor(any(anyUrl()).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        given().header("Authorization", TestTokens.bearer("erin")).get("/api/articles")
                .then().statusCode(503).contentType(PROBLEM).body("type", endsWith("/service-unavailable"));
    }

    @Test
    void aCallIsForwardedWithItsMethodHeadersAndBodyAndTheAnswerComesBackAsSent() {
        backends.stubFor(post("/articles/42/transitions").willReturn(okJson("{\"status\":\"IN_REVIEW\"}").withHeader("ETag", "\"7\"")));
        given().header("Authorization", TestTokens.bearer("erin")).header("If-Match", "\"6\"").contentType("application/json")
                .body("{\"action\":\"submit\"}").post("/api/articles/42/transitions")
                .then().statusCode(200).header("ETag", is("\"7\"")).body("status", is("IN_REVIEW"));
        backends.verify(postRequestedFor(urlEqualTo("/articles/42/transitions")).withHeader("If-Match", equalTo("\"6\""))
                .withHeader("Authorization", matching("Bearer .+")).withHeader("X-Forwarded-Prefix", equalTo("/api"))
                .withRequestBody(equalTo("{\"action\":\"submit\"}")));
    }

    /**
     * curl and many HTTP libraries ask before sending a large body ({@code Expect: 100-continue}) and wait a second for
     * the go-ahead when none comes: the gateway gives it once the token passes (never to a caller it refuses), and
     * the backend gets the body without the expectation, already met.
     */
    @Test
    void aClientThatAsksBeforeSendingItsBodyIsToldToGoAheadOnceItsTokenPasses() throws Exception {
        backends.stubFor(post("/articles/42/comments").willReturn(okJson("{}")));
        String body = "{\"body\":\"Asked first\"}";
        List<String> answer = askingFirst(TestTokens.bearer("erin"), body);
        assertEquals(List.of("HTTP/1.1 100 Continue", "", "HTTP/1.1 200 OK"), answer.subList(0, 3));
        backends.verify(postRequestedFor(urlEqualTo("/articles/42/comments")).withoutHeader("Expect").withRequestBody(equalTo(body)));
        assertEquals("HTTP/1.1 401 Unauthorized", askingFirst("Bearer garbage", body).get(0), "no go-ahead for a refused caller");
    }

    /** Sends the request's head with {@code Expect: 100-continue}, the body only once an interim answer came; the lines read. */
    private static List<String> askingFirst(String authorization, String body) throws IOException {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(10_000); // a gateway that never answers fails the test instead of hanging it
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/articles/42/comments HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + authorization
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length()
                    + "\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            List<String> lines = new ArrayList<>();
            String first = in.readLine();
            lines.add(first);
            if (first != null && first.startsWith("HTTP/1.1 100")) {
                lines.add(in.readLine());
                out.write(body.getBytes(StandardCharsets.US_ASCII));
                out.flush();
                lines.add(in.readLine());
            }
            return lines;
        }
    }

    @Test
    void theServicesInternalReadsAreNotPartOfTheEditorApi() {
        given().header("Authorization", TestTokens.bearer("erin")).get("/api/articles/published/x").then().statusCode(404).contentType(PROBLEM);
        backends.verify(0, getRequestedFor(anyUrl()));
    }

    @Test
    void unknownApiPathIs404Problem() {
        given().header("Authorization", TestTokens.bearer("erin")).get("/api/nothing").then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void frontendConfigAndAppAreServed() {
        given().get("/config.json").then().statusCode(200).body("realm", is("cms"), "clientId", is("cms-editor"));
        given().get("/").then().statusCode(200).contentType(startsWith("text/html"));
        // deep links of the single-page app load the app; unknown files and APIs stay 404
        given().accept("text/html").get("/articles/some-id/edit").then().statusCode(200).contentType(startsWith("text/html"));
        given().accept("text/html").get("/missing.js").then().statusCode(404);
    }

    @Test
    void readinessDoesNotFollowKeycloak() {
        // the public API serves from the gateway's cache and tokens verify with the kept keys: a Keycloak outage must
        // not take the gateway out of service (the trust suite stops Keycloak and checks readiness meanwhile)
        given().get("/q/health/ready").then().statusCode(200).body("status", is("UP"))
                .body("checks.name", not(hasItem("OIDC Provider Health Check")));
    }
}
