package io.newsroom.cms.webhooks;

import io.newsroom.cms.devstack.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/** The admin API as the tests call it. */
final class Api {
    static final String PROBLEM = "application/problem+json";

    private Api() {
    }

    static RequestSpecification as(String user) {
        return given().log().ifValidationFails().header("Authorization", TestTokens.bearer(user));
    }

    static RequestSpecification admin() {
        return as("root");
    }

    static Map<String, Object> endpoint(String url, List<String> events) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("url", url);
        body.put("description", "Test receiver");
        body.put("events", events);
        return body;
    }

    static Response register(Map<String, Object> body) {
        return admin().contentType(ContentType.JSON).body(body).post("/webhooks");
    }

    /** Registers {@code receiver} for {@code events} ({@code kind} standard or cdn-purge); its id. The receiver learns the secret. */
    static String register(Receiver receiver, String kind, String... events) {
        Map<String, Object> body = endpoint(receiver.url(), List.of(events));
        body.put("kind", kind);
        Response created = register(body);
        created.then().statusCode(201);
        receiver.secret = created.path("secret");
        return created.path("id");
    }

    static void delete(String id) {
        String etag = admin().get("/webhooks/" + id).then().statusCode(200).extract().header("ETag");
        admin().header("If-Match", etag).delete("/webhooks/" + id).then().statusCode(204);
    }
}
