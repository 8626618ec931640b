package io.newsroom.cms.gateway;

import io.newsroom.cms.devstack.testing.KeycloakResource;
import io.newsroom.cms.devstack.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Base64;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/**
 * The gateway on its own (forwarding to real services is covered in e2e): token rejections happen here, before
 * anything is forwarded, and a backend that is not running is a 503 problem, not a hang or an empty 502.
 * The services are configured at a port nothing listens on (application.properties %test).
 */
@QuarkusTest
@QuarkusTestResource(KeycloakResource.class)
class EditorApiRoutesTest {
    private static final String PROBLEM = "application/problem+json";

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
        given().header("Authorization", TestTokens.bearer("erin")).get("/api/articles")
                .then().statusCode(503).contentType(PROBLEM).body("type", endsWith("/service-unavailable"));
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
