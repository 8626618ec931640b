package io.newsroom.cms.webhooks;

import io.newsroom.cms.devstack.testing.RawHttp;
import io.newsroom.cms.devstack.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static io.newsroom.cms.webhooks.Api.PROBLEM;
import static io.newsroom.cms.webhooks.Api.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The HTTP contract every part keeps (libs/common: HttpGuard, StrictJson, ProblemMappers), checked on this service:
 * what the HTTP layer refuses is a problem+json, bad characters are 400s, JSON is read strictly, methods and media
 * types are checked, and a token that is not canonical base64url is a 401.
 */
@QuarkusTest
class HttpContractTest {
    private static final String BODY = "{\"url\":\"https://hooks.example/contract\",\"events\":[\"list.unpublished\"]}";

    /** What a client that sends bytes, not a valid URL, gets back: status line and body. */
    private static String raw(String target) throws IOException {
        return RawHttp.exchange(io.restassured.RestAssured.port, "GET " + target + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
                + TestTokens.bearer("root") + "\r\nConnection: close\r\n\r\n");
    }

    @Test
    void errorsOfTheHttpLayerAreProblems() throws Exception {
        for (String target : new String[]{"/webhooks?q=%", "/webhooks?q=%zz", "/webhooks/%", "/webhooks?q=a|b\"c"}) {
            String answer = raw(target);
            assertTrue(answer.startsWith("HTTP/1.1 400"), target + " → " + answer);
            assertTrue(answer.toLowerCase().contains("content-type: application/problem+json"), answer);
        }
        as("root").get("/webhooks?q=" + "a".repeat(9_000)).then().statusCode(414).contentType(PROBLEM);
        as("root").header("X-Padding", "a".repeat(40_000)).get("/webhooks").then().statusCode(431).contentType(PROBLEM);
        as("root").contentType(ContentType.JSON).body("{\"description\":\"" + "a".repeat(300_000) + "\"}").post("/webhooks")
                .then().statusCode(413).contentType(PROBLEM);
    }

    @Test
    void methodsMediaTypesAndUnknownPathsAreProblems() {
        as("root").delete("/webhooks").then().statusCode(405).contentType(PROBLEM);
        as("root").put("/webhooks/event-types").then().statusCode(405).contentType(PROBLEM);
        as("root").contentType(ContentType.TEXT).body("hello").post("/webhooks").then().statusCode(415).contentType(PROBLEM);
        as("root").get("/webhooks/" + java.util.UUID.randomUUID()).then().statusCode(404).contentType(PROBLEM)
                .body("type", endsWith("/not-found"));
    }

    @Test
    void controlCharactersAreRefusedWhereverTheyArrive() {
        as("root").urlEncodingEnabled(false).get("/webhooks?q=a%00b").then().statusCode(400).contentType(PROBLEM);
        as("root").contentType(ContentType.JSON)
                .body("{\"url\":\"https://hooks.example/x\",\"events\":[\"list.unpublished\"],\"description\":\"a\\u0000b\"}")
                .post("/webhooks").then().statusCode(400).contentType(PROBLEM).body("errors[0].field", is("description"));
        as("root").contentType(ContentType.JSON)
                .body("{\"url\":\"https://hooks.example/\\u0007x\",\"events\":[\"list.unpublished\"]}")
                .post("/webhooks").then().statusCode(400).contentType(PROBLEM).body("errors[0].field", is("url"));
    }

    @Test
    void jsonIsReadStrictly() {
        as("root").contentType(ContentType.JSON).body(BODY + " {\"x\":1}").post("/webhooks").then().statusCode(400).contentType(PROBLEM);
        as("root").contentType(ContentType.JSON)
                .body("{\"url\":\"https://hooks.example/a\",\"url\":\"https://hooks.example/b\",\"events\":[\"list.unpublished\"]}")
                .post("/webhooks").then().statusCode(400).contentType(PROBLEM).body("errors[0].field", is("url"));
        as("root").contentType(ContentType.JSON).body("{\"url\":123,\"events\":[\"list.unpublished\"]}").post("/webhooks")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", is("url"));
        as("root").contentType(ContentType.JSON).body("{\"url\":\"https://hooks.example/x\",\"events\":[1]}").post("/webhooks")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", startsWith("events"));
    }

    @Test
    void ifMatchIsOneEntityTagAsIssued() {
        for (String bad : new String[]{"*", "0", "\"1\", \"2\"", "\"-1\"", "\"1e3\"", "\"" + "9".repeat(30) + "\"", "W/", "\""}) {
            as("root").header("If-Match", bad).contentType(ContentType.JSON).body(BODY)
                    .put("/webhooks/" + java.util.UUID.randomUUID()).then().statusCode(400).contentType(PROBLEM)
                    .body("errors[0].field", is("If-Match"));
        }
    }

    @Test
    void aTokenWithJunkAfterItsSignatureIsRefused() {
        String token = TestTokens.of("root");
        for (String junk : new String[]{"!!", "*", "é", "==", "A"}) {
            given().log().ifValidationFails().header("Authorization", "Bearer " + token + junk).get("/webhooks")
                    .then().statusCode(401).contentType(PROBLEM).header("WWW-Authenticate", startsWith("Bearer"));
        }
        given().log().ifValidationFails().header("Authorization", "Bearer not-a-token").get("/webhooks").then().statusCode(401)
                .contentType(PROBLEM);
        given().log().ifValidationFails().header("Authorization", "Bearer " + token).get("/webhooks").then().statusCode(200);
    }

    @Test
    void problemsNeverEchoWhatTheyRefused() throws Exception {
        String answer = raw("/webhooks/%3Cscript%3E%00");
        assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
        assertFalse(answer.contains("<script>"), answer);
    }

    @Test
    void healthMetricsAndOpenApiAreServed() {
        given().get("/q/health/ready").then().statusCode(200).body("status", is("UP"))
                .body("checks.name", hasItems("webhooks", "Database connections health check"))
                .body("checks.find { it.name == 'webhooks' }.data.due", greaterThanOrEqualTo(0));
        given().get("/q/openapi?format=json").then().statusCode(200).body("paths", hasKey("/webhooks"))
                .body("paths", hasKey("/webhooks/{id}/deliveries"));
        given().get("/q/metrics").then().statusCode(200).body(containsString("http_server_requests"));
    }
}
