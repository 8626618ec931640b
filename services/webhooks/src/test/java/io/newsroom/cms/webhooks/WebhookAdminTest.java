package io.newsroom.cms.webhooks;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.newsroom.cms.webhooks.Api.PROBLEM;
import static io.newsroom.cms.webhooks.Api.admin;
import static io.newsroom.cms.webhooks.Api.as;
import static io.newsroom.cms.webhooks.Api.endpoint;
import static io.newsroom.cms.webhooks.Api.register;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The admin API: admins only, problem+json for every refusal, ETag/If-Match on changes, every bad input a 400 naming
 * its field, and targets on this system's own network refused (SSRF). The endpoints registered here subscribe to events
 * the delivery tests never produce.
 */
@QuarkusTest
class WebhookAdminTest {
    private static final String QUIET = "https://hooks.example/cms";

    @Test
    void onlyAdminsMayUseIt() {
        given().log().ifValidationFails().get("/webhooks").then().statusCode(401).contentType(PROBLEM)
                .header("WWW-Authenticate", startsWith("Bearer")).body("type", endsWith("/unauthorized"));
        given().log().ifValidationFails().get("/webhooks/event-types").then().statusCode(401).contentType(PROBLEM);
        for (String user : List.of("alice", "bob", "erin", "carl")) {
            as(user).get("/webhooks").then().statusCode(403).contentType(PROBLEM).body("type", endsWith("/forbidden"));
            as(user).get("/webhooks/event-types").then().statusCode(403).contentType(PROBLEM);
            as(user).contentType(ContentType.JSON).body(endpoint(QUIET, List.of("list.unpublished"))).post("/webhooks")
                    .then().statusCode(403).contentType(PROBLEM);
            as(user).post("/webhooks/" + UUID.randomUUID() + "/ping").then().statusCode(403).contentType(PROBLEM);
        }
        admin().get("/webhooks").then().statusCode(200).body("items", notNullValue());
    }

    @Test
    void theCatalogueListsEveryEventType() {
        admin().get("/webhooks/event-types").then().statusCode(200)
                .body("items.type", contains("article.published", "article.unpublished", "article.workflow", "author.updated",
                        "author.deleted", "list.published", "list.unpublished"))
                .body("items.description", everyItem(not(emptyOrNullString())));
    }

    @Test
    void createReadUpdateRotateDeleteWithEtags() {
        Map<String, Object> body = endpoint(QUIET + "/crud?x=1", List.of("list.unpublished", "author.deleted", "list.unpublished"));
        Response created = register(body);
        created.then().statusCode(201).contentType(ContentType.JSON).header("ETag", notNullValue())
                .header("Location", containsString("/webhooks/"))
                .body("url", is(QUIET + "/crud?x=1"), "events", contains("list.unpublished", "author.deleted"),
                        "kind", is("standard"), "enabled", is(true), "disabledAt", nullValue(), "disabledReason", nullValue(),
                        "createdBy", is("root"), "version", is(0), "stats.delivered", is(0), "stats.failed", is(0),
                        "stats.pending", is(0), "stats.lastDeliveryAt", nullValue(), "stats.lastStatus", nullValue())
                .body("secret", matchesPattern("whsec_[A-Za-z0-9+/]{32}"));
        String secret = created.path("secret");
        assertEquals(24, Base64.getDecoder().decode(secret.substring(6)).length);
        String id = created.path("id");
        String etag = created.header("ETag");

        admin().get("/webhooks/" + id).then().statusCode(200).header("ETag", is(etag)).body("id", is(id), "$", not(hasKey("secret")));
        admin().get("/webhooks").then().statusCode(200).body("items.id", hasItem(id)).body("items[0]", not(hasKey("secret")));

        Map<String, Object> change = endpoint(QUIET + "/changed", List.of("author.deleted"));
        change.put("description", "Changed");
        change.put("kind", "cdn-purge");
        admin().contentType(ContentType.JSON).body(change).put("/webhooks/" + id).then().statusCode(428).contentType(PROBLEM)
                .body("type", endsWith("/precondition-required"));
        String newEtag = admin().header("If-Match", etag).contentType(ContentType.JSON).body(change).put("/webhooks/" + id)
                .then().statusCode(200).body("url", is(QUIET + "/changed"), "description", is("Changed"), "kind", is("cdn-purge"),
                        "version", is(1))
                .extract().header("ETag");
        assertNotEquals(etag, newEtag);
        admin().header("If-Match", etag).contentType(ContentType.JSON).body(change).put("/webhooks/" + id).then().statusCode(412)
                .contentType(PROBLEM).body("currentVersion", is(1));

        // disabling by hand says who; enabling again clears it
        change.put("enabled", false);
        newEtag = admin().header("If-Match", newEtag).contentType(ContentType.JSON).body(change).put("/webhooks/" + id)
                .then().statusCode(200).body("enabled", is(false), "disabledAt", notNullValue(), "disabledReason", is("Disabled by root"))
                .extract().header("ETag");
        admin().post("/webhooks/" + id + "/ping").then().statusCode(409).contentType(PROBLEM);
        change.put("enabled", true);
        newEtag = admin().header("If-Match", newEtag).contentType(ContentType.JSON).body(change).put("/webhooks/" + id)
                .then().statusCode(200).body("enabled", is(true), "disabledAt", nullValue(), "disabledReason", nullValue())
                .extract().header("ETag");

        String rotated = admin().post("/webhooks/" + id + "/secret").then().statusCode(200).header("ETag", notNullValue())
                .body("secret", matchesPattern("whsec_[A-Za-z0-9+/]{32}")).extract().path("secret");
        assertNotEquals(secret, rotated);
        String current = admin().get("/webhooks/" + id).then().statusCode(200).extract().header("ETag");
        assertNotEquals(newEtag, current, "a rotation is a change");

        admin().delete("/webhooks/" + id).then().statusCode(428).contentType(PROBLEM);
        admin().header("If-Match", etag).delete("/webhooks/" + id).then().statusCode(412).contentType(PROBLEM);
        admin().header("If-Match", "\"x\"").delete("/webhooks/" + id).then().statusCode(400).body("errors[0].field", is("If-Match"));
        admin().header("If-Match", current).delete("/webhooks/" + id).then().statusCode(204);
        admin().get("/webhooks/" + id).then().statusCode(404).contentType(PROBLEM);
        admin().get("/webhooks/" + id + "/deliveries").then().statusCode(404).contentType(PROBLEM);
        admin().post("/webhooks/" + id + "/secret").then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void badInputIsAFieldProblem() {
        assertField(endpoint("ftp://hooks.example/x", List.of("list.unpublished")), "url");
        assertField(endpoint("https://user:secret@hooks.example/x", List.of("list.unpublished")), "url");
        assertField(endpoint("https://hooks.example/" + "a".repeat(2040), List.of("list.unpublished")), "url");
        assertField(endpoint("/relative/path", List.of("list.unpublished")), "url");
        assertField(endpoint("https:opaque", List.of("list.unpublished")), "url");
        assertField(endpoint("http://exa mple.com/", List.of("list.unpublished")), "url");
        assertField(endpoint("https://hooks.example/x#frag", List.of("list.unpublished")), "url");
        assertField(endpoint(QUIET, List.of()), "events");
        assertField(endpoint(QUIET, List.of("list.unpublished", "article.exploded")), "events[1]");
        assertField(endpoint(QUIET, List.of("webhook.ping")), "events[0]");
        Map<String, Object> kind = endpoint(QUIET, List.of("list.unpublished"));
        kind.put("kind", "carrier-pigeon");
        assertField(kind, "kind");
        Map<String, Object> description = endpoint(QUIET, List.of("list.unpublished"));
        description.put("description", "d".repeat(501));
        assertField(description, "description");
        Map<String, Object> noUrl = endpoint(QUIET, List.of("list.unpublished"));
        noUrl.remove("url");
        assertField(noUrl, "url");

        admin().contentType(ContentType.JSON).body("{\"url\":\"" + QUIET + "\",\"events\":[\"list.unpublished\"],\"shoeSize\":42}")
                .post("/webhooks").then().statusCode(400).contentType(PROBLEM).body("errors[0].field", is("shoeSize"));
        admin().contentType(ContentType.JSON).body("{\"url\": ").post("/webhooks").then().statusCode(400).contentType(PROBLEM)
                .body("type", endsWith("/malformed-body"));
        admin().contentType(ContentType.JSON).body("{\"url\":\"" + QUIET + "\",\"events\":\"list.unpublished\"}").post("/webhooks")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", is("events"));
        admin().contentType(ContentType.JSON).body("{\"url\":\"" + QUIET + "\",\"events\":[\"list.unpublished\"],\"enabled\":false}")
                .post("/webhooks").then().statusCode(400).contentType(PROBLEM).body("errors[0].field", is("enabled"));
        admin().contentType(ContentType.JSON).body("[]").post("/webhooks").then().statusCode(400).contentType(PROBLEM);
        admin().contentType(ContentType.JSON).body("null").post("/webhooks").then().statusCode(400).contentType(PROBLEM);
        // several at once: each named
        Map<String, Object> many = endpoint("gopher://x", List.of("nope"));
        many.put("kind", "nope");
        register(many).then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItems("url", "events[0]", "kind"));
    }

    @Test
    void targetsOnThisSystemsNetworkAreRefused() {
        // the tests allow private targets (their receivers run here); these are refused whatever the setting
        for (String url : List.of("http://169.254.169.254/latest/meta-data/", "http://[fd00:ec2::254]/latest/", "http://0.0.0.0:8080/",
                "http://[::]:80/", "http://224.0.0.1/", "http://[ff02::1]/", "http://[::ffff:169.254.169.254]/",
                "http://100.100.100.200/latest/meta-data/", "http://255.255.255.255/")) {
            register(endpoint(url, List.of("list.unpublished"))).then().statusCode(400).contentType(PROBLEM)
                    .body("type", endsWith("/validation"), "errors[0].field", is("url"), "errors[0].message", startsWith("refused: "));
        }
        // with private targets allowed (this profile), a receiver on this machine may be registered
        String id = register(endpoint("http://127.0.0.1:9/hook", List.of("list.unpublished"))).then().statusCode(201).extract().path("id");
        Api.delete(id);
    }

    @Test
    void deliveriesPageAndRedeliverOfWhatDoesNotExist() {
        String id = register(endpoint(QUIET + "/paging", List.of("list.unpublished"))).then().statusCode(201).extract().path("id");
        admin().get("/webhooks/" + id + "/deliveries").then().statusCode(200).body("items", empty(), "next", nullValue());
        admin().get("/webhooks/" + id + "/deliveries?limit=0").then().statusCode(400).contentType(PROBLEM).body("errors[0].field", is("limit"));
        admin().get("/webhooks/" + id + "/deliveries?limit=201").then().statusCode(400).body("errors[0].field", is("limit"));
        admin().get("/webhooks/" + id + "/deliveries?before=0").then().statusCode(400).body("errors[0].field", is("before"));
        admin().get("/webhooks/" + id + "/deliveries?before=abc").then().statusCode(400).contentType(PROBLEM);
        admin().post("/webhooks/" + id + "/deliveries/12345/redeliver").then().statusCode(404).contentType(PROBLEM);
        admin().get("/webhooks/" + UUID.randomUUID() + "/deliveries").then().statusCode(404).contentType(PROBLEM);
        admin().post("/webhooks/" + UUID.randomUUID() + "/ping").then().statusCode(404).contentType(PROBLEM);
        admin().get("/webhooks/not-a-uuid").then().statusCode(404).contentType(PROBLEM);
        Api.delete(id);
    }

    private static void assertField(Map<String, Object> body, String field) {
        Response answer = register(body);
        answer.then().statusCode(400).contentType(PROBLEM).body("status", is(400), "errors.field", hasItem(field));
        assertTrue(answer.asString().length() < 4000, "a problem names the field; it does not echo the input at length");
    }
}
