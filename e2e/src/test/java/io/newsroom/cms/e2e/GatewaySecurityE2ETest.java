package io.newsroom.cms.e2e;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

/** Through the gateway only: tokens from the real Keycloak, forwarded to the real services. */
@ExtendWith(SystemExtension.class)
class GatewaySecurityE2ETest {
    private static final String PROBLEM = "application/problem+json";

    @Test
    void everyPartIsReady() {
        given().get("/q/health/ready").then().statusCode(200).body("status", is("UP"));
        SystemExtension.stack().apps().forEach((name, app) -> org.junit.jupiter.api.Assertions.assertTrue(app.alive(), name));
    }

    @Test
    void protectedEndpointAnswers401Then200Then403() {
        given().get("/api/authors").then().statusCode(401).contentType(PROBLEM).header("WWW-Authenticate", startsWith("Bearer"));
        given().header("Authorization", SystemExtension.bearer("alice")).get("/api/authors")
                .then().statusCode(200).body("total", notNullValue());
        given().header("Authorization", SystemExtension.bearer("alice")).contentType(ContentType.JSON)
                .body(Map.of("displayName", "Not Allowed")).post("/api/authors")
                .then().statusCode(403).contentType(PROBLEM).body("type", endsWith("/forbidden"));
    }

    @Test
    void headersBodiesAndStatusesPassThroughBothWays() {
        Response created = given().header("Authorization", SystemExtension.bearer("root")).contentType(ContentType.JSON)
                .body(Map.of("displayName", "Gateway Tester", "jobTitle", "QA")).post("/api/authors");
        created.then().statusCode(201).header("ETag", notNullValue()).header("X-Request-Id", notNullValue());
        String id = created.path("id");
        String etag = created.header("ETag");
        given().header("Authorization", SystemExtension.bearer("root")).contentType(ContentType.JSON)
                .body(Map.of("displayName", "Gateway Tester", "jobTitle", "Lead QA")).put("/api/authors/" + id)
                .then().statusCode(428).contentType(PROBLEM);
        given().header("Authorization", SystemExtension.bearer("root")).header("If-Match", etag).contentType(ContentType.JSON)
                .body(Map.of("displayName", "Gateway Tester", "jobTitle", "Lead QA")).put("/api/authors/" + id)
                .then().statusCode(200).body("jobTitle", is("Lead QA"));
        given().header("Authorization", SystemExtension.bearer("root")).header("If-Match", etag).contentType(ContentType.JSON)
                .body(Map.of("displayName", "Gateway Tester", "jobTitle", "Stale")).put("/api/authors/" + id)
                .then().statusCode(412).contentType(PROBLEM);
        given().header("Authorization", SystemExtension.bearer("root")).contentType(ContentType.JSON).body("{\"displayName\":")
                .post("/api/authors").then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void eachServiceIsReachableThroughItsPrefix() {
        // articles and curation have no data endpoints yet: the service itself answers (404 problem), not the gateway
        for (String prefix : new String[]{"/api/articles/none", "/api/lists/none"}) {
            given().header("Authorization", SystemExtension.bearer("erin")).get(prefix)
                    .then().statusCode(404).contentType(PROBLEM).body("instance", startsWith(prefix.substring(4)));
        }
    }
}
