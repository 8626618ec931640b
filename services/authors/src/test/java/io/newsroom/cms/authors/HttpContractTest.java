package io.newsroom.cms.authors;

import io.newsroom.cms.devstack.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;


import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;

/**
 * The HTTP contract every part keeps (libs/common: HttpGuard, StrictJson, ProblemMappers), checked here on one real
 * service: what the HTTP layer refuses is a problem+json, bad characters and times are 400s, JSON is read strictly,
 * paging is bounded, and a token that is not canonical base64url is a 401. The trust suite (reliability/) fuzzes
 * every part with the same expectations.
 */
@QuarkusTest
class HttpContractTest {
    private static final String PROBLEM = "application/problem+json";

    private static io.restassured.specification.RequestSpecification as(String user) {
        return given().log().ifValidationFails().header("Authorization", TestTokens.bearer(user));
    }

    /** What a client that sends bytes, not a valid URL, gets back: status line and body. */
    private static String raw(String target) throws java.io.IOException {
        int port = io.restassured.RestAssured.port;
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + TestTokens.bearer("alice")
                    + "\r\nConnection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Test
    void errorsOfTheHttpLayerAreProblems() throws Exception {
        for (String target : new String[]{"/authors?q=%", "/authors?q=%zz", "/authors/%", "/authors?q=a|b\"c"}) {
            String answer = raw(target);
            org.junit.jupiter.api.Assertions.assertTrue(answer.startsWith("HTTP/1.1 400"), target + " → " + answer);
            org.junit.jupiter.api.Assertions.assertTrue(answer.toLowerCase().contains("content-type: application/problem+json"), answer);
            org.junit.jupiter.api.Assertions.assertTrue(answer.contains("malformed"), answer);
        }
        as("alice").urlEncodingEnabled(false).get("/authors?q=%C3%28").then().statusCode(400).contentType(PROBLEM);
        as("alice").get("/authors?q=" + "a".repeat(9_000)).then().statusCode(414).contentType(PROBLEM);
        as("alice").header("X-Padding", "a".repeat(40_000)).get("/authors").then().statusCode(431).contentType(PROBLEM);
        as("root").contentType(ContentType.JSON).body("{\"displayName\":\"" + "a".repeat(300_000) + "\"}").post("/authors")
                .then().statusCode(413).contentType(PROBLEM);
    }

    @Test
    void controlCharactersAreRefusedWhereverTheyArrive() {
        as("alice").urlEncodingEnabled(false).get("/authors?q=a%00b").then().statusCode(400).contentType(PROBLEM)
                .body("detail", containsString("U+0000"));
        as("alice").urlEncodingEnabled(false).get("/authors/%00").then().statusCode(400).contentType(PROBLEM);
        as("root").contentType(ContentType.JSON).body("{\"displayName\":\"a\\u0000b\"}").post("/authors").then().statusCode(400)
                .contentType(PROBLEM).body("errors[0].field", is("displayName"), "errors[0].message", containsString("U+0000"));
        as("root").contentType(ContentType.JSON).body("{\"displayName\":\"broken \\ud800 half\"}").post("/authors").then().statusCode(400)
                .contentType(PROBLEM).body("errors[0].field", is("displayName"));
        as("alice").urlEncodingEnabled(false).get("/authors?q=%ED%A0%80").then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void jsonIsReadStrictly() {
        as("root").contentType(ContentType.JSON).body("{\"displayName\":\"Trailing Tim\"} {\"x\":1}").post("/authors").then()
                .statusCode(400).contentType(PROBLEM);
        as("root").contentType(ContentType.JSON).body("{\"displayName\":\"Once\",\"displayName\":\"Twice\"}").post("/authors").then()
                .statusCode(400).contentType(PROBLEM).body("errors[0].field", is("displayName"));
        as("root").contentType(ContentType.JSON).body("{\"displayName\":123}").post("/authors").then().statusCode(400)
                .contentType(PROBLEM).body("errors[0].field", is("displayName"));
        as("root").contentType(ContentType.JSON).body("{\"displayName\":\"Flag\",\"active\":1}").post("/authors").then().statusCode(400)
                .contentType(PROBLEM).body("errors[0].field", is("active"));
        as("root").contentType(ContentType.JSON).body("{\"displayName\":\"Flag\",\"active\":\"true\"}").post("/authors").then()
                .statusCode(400).contentType(PROBLEM).body("errors[0].field", is("active"));
    }

    @Test
    void ifMatchIsOneEntityTagAsIssued() {
        for (String bad : new String[]{"*", "0", "1", "\"1\", \"2\"", "\"-1\"", "\"1e3\"", "\"" + "9".repeat(30) + "\"", "W/", "\""}) {
            as("root").header("If-Match", bad).contentType(ContentType.JSON).body("{\"displayName\":\"Someone\"}")
                    .put("/authors/" + java.util.UUID.randomUUID()).then().statusCode(400).contentType(PROBLEM)
                    .body("errors[0].field", is("If-Match"));
        }
    }

    @Test
    void pagingAndTimesAreBounded() {
        as("alice").get("/authors?page=1000000000").then().statusCode(400).contentType(PROBLEM).body("errors[0].field", is("page"));
        as("alice").get("/authors?page=2147483647&size=100").then().statusCode(400).contentType(PROBLEM);
        given().get("/authors/public/changes?since=-999999999-01-01T00:00:00Z").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", is("since"));
        given().get("/authors/public/changes?since=+1000000000-01-01T00:00:00Z").then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void aTokenWithJunkAfterItsSignatureIsRefused() {
        String token = TestTokens.of("alice");
        for (String junk : new String[]{"!!", "*", "é", "==", "A"}) {
            given().log().ifValidationFails().header("Authorization", "Bearer " + token + junk).get("/authors")
                    .then().statusCode(401).contentType(PROBLEM).header("WWW-Authenticate", startsWith("Bearer"));
        }
        given().log().ifValidationFails().header("Authorization", "Bearer " + token).get("/authors").then().statusCode(200);
    }

    @Test
    void problemsNeverEchoWhatTheyRefused() throws Exception {
        String answer = raw("/authors/%3Cscript%3E%00");
        org.junit.jupiter.api.Assertions.assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
        org.junit.jupiter.api.Assertions.assertFalse(answer.contains("<script>"), answer);
    }
}
