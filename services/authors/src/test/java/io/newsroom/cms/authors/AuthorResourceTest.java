package io.newsroom.cms.authors;

import io.agroal.api.AgroalDataSource;
import io.newsroom.cms.authors.service.PublicProfileReconciler;
import io.newsroom.cms.devstack.testing.Concurrently;
import io.newsroom.cms.devstack.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class AuthorResourceTest {
    private static final String PROBLEM = "application/problem+json";

    private static String unique(String base) {
        return base + "-" + Long.toString(ThreadLocalRandom.current().nextLong() >>> 1, 36);
    }

    private static Map<String, Object> author(String slug, String username) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("slug", slug);
        body.put("displayName", "Jane Doe");
        body.put("jobTitle", "Senior Technology Correspondent");
        body.put("organization", "The Daily Ledger");
        body.put("bio", "Covers **cloud** infrastructure.");
        body.put("avatar", Map.of("url", "https://img.example/jane.jpg", "alt", "Jane Doe smiling in front of a server rack"));
        body.put("social", Map.of("x", "@JaneDoeNews", "website", "https://janedoe.example"));
        body.put("email", "jane@newsroom.example");
        if (username != null) {
            body.put("username", username);
        }
        return body;
    }

    private static Response create(Map<String, Object> body) {
        return given().log().ifValidationFails().header("Authorization", TestTokens.bearer("root")).contentType(ContentType.JSON).body(body)
                .post("/authors");
    }

    @Test
    void noTokenIs401Problem() {
        given().log().ifValidationFails().get("/authors").then().statusCode(401).contentType(PROBLEM)
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("status", is(401), "type", endsWith("/unauthorized"));
    }

    @Test
    void garbageAndTamperedTokensAre401() {
        given().log().ifValidationFails().header("Authorization", "Bearer not-a-token").get("/authors").then().statusCode(401).contentType(PROBLEM);
        String token = TestTokens.of("erin");
        String[] parts = token.split("\\.");
        String tampered = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
        given().log().ifValidationFails().header("Authorization", "Bearer " + tampered).get("/authors").then().statusCode(401);
        String none = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes())
                + "." + parts[1] + ".";
        given().log().ifValidationFails().header("Authorization", "Bearer " + none).get("/authors").then().statusCode(401);
    }

    @Test
    void everyStaffRoleListsButOnlyAdminCreates() {
        for (String user : List.of("alice", "erin", "carl", "root")) {
            given().log().ifValidationFails().header("Authorization", TestTokens.bearer(user)).get("/authors")
                    .then().statusCode(200).body("total", greaterThanOrEqualTo(0));
        }
        for (String user : List.of("alice", "erin", "carl")) {
            given().log().ifValidationFails().header("Authorization", TestTokens.bearer(user)).contentType(ContentType.JSON)
                    .body(author(unique("x"), null)).post("/authors")
                    .then().statusCode(403).contentType(PROBLEM).body("type", endsWith("/forbidden"));
        }
    }

    @Test
    void adminCreatesReadsUpdatesWithEtag() {
        String slug = unique("jane-doe");
        Response created = create(author(slug, null));
        created.then().statusCode(201).header("ETag", notNullValue()).header("Location", containsString("/authors/"))
                .body("slug", is(slug), "social.x", is("@JaneDoeNews"), "bioHtml", containsString("<strong>cloud</strong>"));
        String id = created.path("id");
        String etag = created.header("ETag");

        given().log().ifValidationFails().header("Authorization", TestTokens.bearer("erin")).get("/authors/" + id)
                .then().statusCode(200).header("ETag", is(etag)).body("displayName", is("Jane Doe"), "$", not(hasKey("email")));
        given().log().ifValidationFails().header("Authorization", TestTokens.bearer("root")).get("/authors/" + id)
                .then().statusCode(200).header("ETag", is(etag)).body("email", is("jane@newsroom.example"));

        Map<String, Object> change = author(slug, null);
        change.put("jobTitle", "Editor at Large");
        given().log().ifValidationFails().header("Authorization", TestTokens.bearer("root")).contentType(ContentType.JSON).body(change)
                .put("/authors/" + id).then().statusCode(428).contentType(PROBLEM);
        String newEtag = given().log().ifValidationFails().header("Authorization", TestTokens.bearer("root")).header("If-Match", etag)
                .contentType(ContentType.JSON).body(change).put("/authors/" + id)
                .then().statusCode(200).body("jobTitle", is("Editor at Large")).extract().header("ETag");
        assertFalse(newEtag.equals(etag));
        given().log().ifValidationFails().header("Authorization", TestTokens.bearer("root")).header("If-Match", etag)
                .contentType(ContentType.JSON).body(change).put("/authors/" + id)
                .then().statusCode(412).contentType(PROBLEM).body("currentVersion", is(Integer.parseInt(newEtag.replace("\"", ""))));
    }

    @Test
    void concurrentUpdatesWithSameEtagLetExactlyOneWin() throws Exception {
        Response created = create(author(unique("race"), null));
        String id = created.path("id");
        String etag = created.header("ETag");
        var pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        List<java.util.concurrent.Future<Integer>> results = new java.util.ArrayList<>();
        String token = TestTokens.bearer("root");
        for (int i = 0; i < 6; i++) {
            Map<String, Object> change = author(created.path("slug"), null);
            change.put("jobTitle", "Title " + i);
            results.add(pool.submit(() -> given().log().ifValidationFails().header("Authorization", token).header("If-Match", etag)
                    .contentType(ContentType.JSON).body(change).put("/authors/" + id).statusCode()));
        }
        int ok = 0;
        int stale = 0;
        for (var result : results) {
            int status = result.get();
            if (status == 200) {
                ok++;
            } else if (status == 412) {
                stale++;
            }
        }
        pool.shutdown();
        assertEquals(1, ok, "exactly one update wins");
        assertEquals(5, stale, "the others get 412");
    }

    @Test
    void validationErrorsAreFieldProblems() {
        Map<String, Object> bad = author("Not A Slug", null);
        bad.put("social", Map.of("x", "not a handle!", "website", "javascript:alert(1)", "linkedin", "ftp://x.example"));
        bad.put("avatar", Map.of("url", "https://img.example/a.jpg"));
        bad.put("email", "nope");
        bad.put("displayName", "");
        create(bad).then().statusCode(400).contentType(PROBLEM)
                .body("type", endsWith("/validation"))
                .body("errors.field", hasItems("slug", "social.x", "social.website", "social.linkedin", "avatar.alt", "email", "displayName"));
    }

    @Test
    void malformedBodiesAre400NotServerErrors() {
        String admin = TestTokens.bearer("root");
        given().log().ifValidationFails().header("Authorization", admin).contentType(ContentType.JSON).body("{\"displayName\": ")
                .post("/authors").then().statusCode(400).contentType(PROBLEM).body("type", endsWith("/malformed-body"));
        given().log().ifValidationFails().header("Authorization", admin).contentType(ContentType.JSON).body("{\"displayName\": \"A\", \"shoeSize\": 42}")
                .post("/authors").then().statusCode(400).contentType(PROBLEM).body("errors[0].field", is("shoeSize"));
        given().log().ifValidationFails().header("Authorization", admin).contentType(ContentType.JSON).body("{\"displayName\": \"A\", \"active\": \"maybe\"}")
                .post("/authors").then().statusCode(400).contentType(PROBLEM).body("errors[0].field", is("active"));
        given().log().ifValidationFails().header("Authorization", admin).contentType(ContentType.JSON).body("{\"displayName\": \"" + "x".repeat(121) + "\"}")
                .post("/authors").then().statusCode(400).body("errors[0].field", is("displayName"));
        given().log().ifValidationFails().header("Authorization", admin).contentType(ContentType.TEXT).body("hello")
                .post("/authors").then().statusCode(415).contentType(PROBLEM);
        given().log().ifValidationFails().header("Authorization", admin).get("/authors?size=1000").then().statusCode(400).body("errors[0].field", is("size"));
        given().log().ifValidationFails().header("Authorization", admin).get("/authors/" + UUID.randomUUID()).then().statusCode(404).contentType(PROBLEM);
        given().log().ifValidationFails().header("Authorization", admin).delete("/authors").then().statusCode(405).contentType(PROBLEM);
    }

    @Test
    void duplicateSlugOrUsernameIsConflictAndNothingIsWritten() {
        String slug = unique("dup");
        create(author(slug, null)).then().statusCode(201);
        int before = given().header("Authorization", TestTokens.bearer("root")).get("/authors?size=1").path("total");
        create(author(slug, null)).then().statusCode(409).contentType(PROBLEM).body("errors[0].field", is("slug"));
        int after = given().header("Authorization", TestTokens.bearer("root")).get("/authors?size=1").path("total");
        assertEquals(before, after);
    }

    @Test
    void selfServiceEditsOwnProfileButNotLinkSlugOrActive() {
        // bob is a writer; link a profile to his account
        String slug = unique("bob");
        Response created = create(author(slug, "bob"));
        String etag = given().log().ifValidationFails().header("Authorization", TestTokens.bearer("bob")).get("/authors/me")
                .then().statusCode(200).body("username", is("bob")).extract().header("ETag");
        Map<String, Object> mine = new java.util.HashMap<>(Map.of("displayName", "Bob Baker", "jobTitle", "Reporter"));
        given().log().ifValidationFails().header("Authorization", TestTokens.bearer("bob")).header("If-Match", etag).contentType(ContentType.JSON)
                .body(mine).put("/authors/me").then().statusCode(200).body("displayName", is("Bob Baker"));
        for (String forbidden : List.of("slug", "username", "active")) {
            Map<String, Object> sneaky = new java.util.HashMap<>(mine);
            sneaky.put(forbidden, forbidden.equals("active") ? false : "someone-else");
            given().log().ifValidationFails().header("Authorization", TestTokens.bearer("bob")).header("If-Match", "\"999\"").contentType(ContentType.JSON)
                    .body(sneaky).put("/authors/me").then().statusCode(400).body("errors[0].field", is(forbidden));
        }
        // erin has no linked profile
        given().log().ifValidationFails().header("Authorization", TestTokens.bearer("carl")).get("/authors/me").then().statusCode(404).contentType(PROBLEM);
        // a writer cannot edit somebody else's profile through the admin endpoint
        given().log().ifValidationFails().header("Authorization", TestTokens.bearer("bob")).header("If-Match", etag).contentType(ContentType.JSON)
                .body(author(slug, "bob")).put("/authors/" + created.path("id")).then().statusCode(403);
    }

    @Test
    void publicProjectionNeverLeaksPrivateFieldsAndOldSlugsRedirect() {
        String slug = unique("pub");
        Response created = create(author(slug, null));
        String id = created.path("id");
        String body = given().log().ifValidationFails().get("/authors/public/by-slug/" + slug).then().statusCode(200)
                .body("id", is(id)).body("slug", is(slug)).extract().asString();
        assertFalse(body.contains("email") || body.contains("jane@newsroom.example") || body.contains("username"), body);

        Map<String, Object> renamed = author(slug + "-new", null);
        given().log().ifValidationFails().header("Authorization", TestTokens.bearer("root")).header("If-Match", created.header("ETag"))
                .contentType(ContentType.JSON).body(renamed).put("/authors/" + id).then().statusCode(200);
        given().log().ifValidationFails().redirects().follow(false).get("/authors/public/by-slug/" + slug)
                .then().statusCode(301).header("Location", endsWith("/authors/public/by-slug/" + slug + "-new"));
        given().log().ifValidationFails().get("/authors/public/by-slug/" + slug + "-new").then().statusCode(200).body("id", is(id));
        given().log().ifValidationFails().get("/authors/public/by-slug/" + unique("nobody")).then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void theIndexOfPublicProfilesListsActiveAuthorsBySlugPageByPage() {
        String prefix = unique("idx");
        for (String suffix : List.of("c", "a", "b")) {
            create(author(prefix + "-" + suffix, null)).then().statusCode(201);
        }
        Map<String, Object> gone = author(prefix + "-aa", null);
        gone.put("active", false);
        create(gone).then().statusCode(201);

        // walk every page (other tests' authors too) and keep ours: in slug order, the inactive one left out
        List<String> ours = new java.util.ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Response page = given().log().ifValidationFails().get("/authors/public/active?limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
            page.then().statusCode(200).body("items.size()", lessThanOrEqualTo(2));
            String body = page.asString();
            assertFalse(body.contains("jane@newsroom.example") || body.contains("\"username\""), body);
            for (String slug : page.<List<String>>path("items.slug")) {
                if (slug.startsWith(prefix)) {
                    ours.add(slug);
                }
            }
            cursor = page.path("nextCursor");
            pages++;
        } while (cursor != null && pages < 1000);
        assertEquals(List.of(prefix + "-a", prefix + "-b", prefix + "-c"), ours);
        given().log().ifValidationFails().get("/authors/public/active?limit=1").then().statusCode(200)
                .body("items[0].displayName", notNullValue()).body("items[0].bioHtml", notNullValue());
        given().log().ifValidationFails().get("/authors/public/active?cursor=%25%25").then().statusCode(400).contentType(PROBLEM);
        // "AAAA" is good base64 for three NUL bytes, which PostgreSQL refuses in text: found by the fuzzing as a 500
        given().log().ifValidationFails().get("/authors/public/active?cursor=AAAA").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("cursor"));
        given().log().ifValidationFails().get("/authors/public/active?limit=0").then().statusCode(400).contentType(PROBLEM);
    }

    /** Reads by id and by batch had no caller left (the gateway reads by slug, the articles service the changes feed). */
    @Test
    void theRetiredPublicReadsByIdAreGone() {
        String id = create(author(unique("gone"), null)).path("id");
        given().log().ifValidationFails().get("/authors/public/" + id).then().statusCode(404).contentType(PROBLEM);
        given().log().ifValidationFails().get("/authors/public?ids=" + id).then().statusCode(404).contentType(PROBLEM);
        given().log().ifValidationFails().contentType(ContentType.JSON).body(Map.of("ids", List.of(id)))
                .post("/authors/public/batch").then().statusCode(404).contentType(PROBLEM);
        String openapi = given().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        assertFalse(openapi.contains("\"/authors/public\"") || openapi.contains("/authors/public/batch")
                || openapi.contains("/authors/public/{id}"), "the OpenAPI document still lists a retired read");
    }

    @Inject
    PublicProfileReconciler reconciler;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void publicProfileFollowsEveryEditAndIsReconciledWithoutTouchingTheVersion() throws Exception {
        Response first = create(author(unique("first"), null));
        Response second = create(author(unique("second"), null));
        String id = first.path("id");
        Map<String, Object> edited = author(first.path("slug"), null);
        edited.put("bio", "Now covers *chips*.");
        edited.put("displayName", "Jane Q. Doe");
        String etag = given().log().ifValidationFails().header("Authorization", TestTokens.bearer("root")).header("If-Match", first.header("ETag"))
                .contentType(ContentType.JSON).body(edited).put("/authors/" + id).then().statusCode(200).extract().header("ETag");
        String firstSlug = first.path("slug");
        String laggingSlug = second.path("slug");
        given().log().ifValidationFails().get("/authors/public/by-slug/" + firstSlug).then().statusCode(200)
                .body("displayName", is("Jane Q. Doe")).body("bioHtml", containsString("<em>chips</em>"));

        // a row from before the stored projection existed (or of an older format), and one edited by a replica that
        // did not know it, are rewritten by the reconciliation (at start and periodically)
        String laggingId = second.path("id");
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            statement.executeUpdate("update author set public_json = null, public_format = 0 where id = '" + id + "'");
            statement.executeUpdate("update author set display_name = 'Edited by an old replica', updated_at = now()"
                    + " where id = '" + laggingId + "'");
        }
        given().log().ifValidationFails().get("/authors/public/by-slug/" + laggingSlug).then().statusCode(200).body("displayName", is("Jane Doe"));
        assertTrue(reconciler.catchUp() >= 2, "both lagging rows are rewritten");
        given().log().ifValidationFails().get("/authors/public/by-slug/" + laggingSlug).then().statusCode(200)
                .body("displayName", is("Edited by an old replica"));
        given().log().ifValidationFails().get("/authors/public/by-slug/" + firstSlug).then().statusCode(200)
                .body("displayName", is("Jane Q. Doe")).body("bioHtml", containsString("<em>chips</em>")).body("$", not(hasKey("email")));
        given().log().ifValidationFails().header("Authorization", TestTokens.bearer("root")).get("/authors/" + id)
                .then().statusCode(200).header("ETag", is(etag));
        assertEquals(0, reconciler.catchUp(), "nothing lags any more");
    }

    @Test
    void nameChangesPageThroughProfilesInTheOrderTheyChanged() {
        String since = Instant.now().minusSeconds(1).toString();
        Response first = create(author(unique("names-a"), null));
        String a = first.path("id");
        String b = create(author(unique("names-b"), null)).path("id");
        Map<String, Object> renamed = author(first.path("slug"), null);
        renamed.put("displayName", "Jane \"JD\" Renamed");
        given().log().ifValidationFails().header("Authorization", TestTokens.bearer("root")).header("If-Match", first.header("ETag"))
                .contentType(ContentType.JSON).body(renamed).put("/authors/" + a).then().statusCode(200);

        // one item a page, following (updatedAt, id) of the last one, the way a consumer pages on
        List<String> seen = new ArrayList<>();
        String name = null;
        String after = "00000000-0000-0000-0000-000000000000";
        for (int page = 0; page < 50; page++) {
            Response changes = given().log().ifValidationFails().get("/authors/public/changes?limit=1&since=" + since + "&after=" + after)
                    .then().statusCode(200).body("items", hasSize(lessThanOrEqualTo(1))).extract().response();
            List<Map<String, Object>> items = changes.path("items");
            if (items.isEmpty()) {
                break;
            }
            seen.add((String) items.get(0).get("id"));
            if (a.equals(items.get(0).get("id"))) {
                name = (String) items.get(0).get("displayName");
                assertEquals(name, changes.path("items[0].profile.displayName"));
                assertEquals("Senior Technology Correspondent", changes.path("items[0].profile.jobTitle"));
                assertFalse(changes.asString().contains("jane@newsroom.example"), "no private field in a profile");
            }
            since = (String) items.get(0).get("updatedAt");
            after = (String) items.get(0).get("id");
        }
        // the renamed profile changed last: it comes after b, once, with its new name
        assertEquals(List.of(b, a), seen.stream().filter(id -> id.equals(a) || id.equals(b)).toList());
        assertEquals("Jane \"JD\" Renamed", name);
        given().log().ifValidationFails().get("/authors/public/changes?since=" + since + "&after=" + after).then().statusCode(200)
                .body("items", empty());

        given().log().ifValidationFails().get("/authors/public/changes?since=yesterday").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", is("since"));
        given().log().ifValidationFails().get("/authors/public/changes").then().statusCode(400).contentType(PROBLEM);
        given().log().ifValidationFails().get("/authors/public/changes?since=" + since + "&after=nope").then().statusCode(400).contentType(PROBLEM);
        given().log().ifValidationFails().get("/authors/public/changes?since=" + since + "&limit=0").then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void bylineClaimsRefuseUnknownAndInactiveAuthorsAndBlockDeletion() {
        Response active = create(author(unique("active"), null));
        Map<String, Object> inactiveBody = author(unique("inactive"), null);
        inactiveBody.put("active", false);
        Response inactive = create(inactiveBody);
        String unknown = UUID.randomUUID().toString();
        String article = UUID.randomUUID().toString();
        String service = TestTokens.articlesService();

        given().log().ifValidationFails().header("Authorization", service).contentType(ContentType.JSON)
                .body(Map.of("articleId", article, "ids", List.of(active.path("id"), inactive.path("id"), unknown))).post("/authors/byline-claims")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", contains("authorIds[1]", "authorIds[2]"));
        // nothing was recorded by the refused claim: the active author can still be deleted ...
        String id = active.path("id");
        given().log().ifValidationFails().header("Authorization", TestTokens.bearer("root")).get("/authors/" + id).then().body("bylined", is(false));
        // ... until a successful claim puts them on a byline; the second claim for the same article is not new
        given().log().ifValidationFails().header("Authorization", service).contentType(ContentType.JSON)
                .body(Map.of("articleId", article, "ids", List.of(id))).post("/authors/byline-claims").then().statusCode(200)
                .body("items[0].id", is(id), "claimed", contains(id));
        given().log().ifValidationFails().header("Authorization", service).contentType(ContentType.JSON)
                .body(Map.of("articleId", article, "ids", List.of(id))).post("/authors/byline-claims").then().statusCode(200)
                .body("claimed", empty());
        String etag = given().header("Authorization", TestTokens.bearer("root")).get("/authors/" + id).then().body("bylined", is(true))
                .extract().header("ETag");
        given().log().ifValidationFails().header("Authorization", TestTokens.bearer("root")).header("If-Match", etag)
                .delete("/authors/" + id).then().statusCode(409).contentType(PROBLEM);
        // the article's save failed (or it was deleted): its claim is released and nothing holds the author any more
        given().log().ifValidationFails().header("Authorization", service).queryParam("author", id)
                .delete("/authors/byline-claims/" + article).then().statusCode(204);
        given().log().ifValidationFails().header("Authorization", TestTokens.bearer("root")).get("/authors/" + id).then().body("bylined", is(false));
        given().log().ifValidationFails().header("Authorization", TestTokens.bearer("root")).header("If-Match", etag)
                .delete("/authors/" + id).then().statusCode(204);
        // never-bylined authors can be deleted, by admins only, and only with If-Match
        String inactiveEtag = inactive.header("ETag");
        given().log().ifValidationFails().header("Authorization", TestTokens.bearer("erin")).header("If-Match", inactiveEtag)
                .delete("/authors/" + inactive.path("id")).then().statusCode(403);
        given().log().ifValidationFails().header("Authorization", TestTokens.bearer("root")).delete("/authors/" + inactive.path("id"))
                .then().statusCode(428).contentType(PROBLEM);
        given().log().ifValidationFails().header("Authorization", TestTokens.bearer("root")).header("If-Match", inactiveEtag)
                .delete("/authors/" + inactive.path("id")).then().statusCode(204);
        given().log().ifValidationFails().header("Authorization", TestTokens.bearer("root")).get("/authors/" + inactive.path("id")).then().statusCode(404);
    }

    @Test
    void onlyTheArticlesServiceClaimsAuthorsForBylines() {
        String id = create(author(unique("claimed"), null)).path("id");
        Map<String, Object> claim = Map.of("articleId", UUID.randomUUID().toString(), "ids", List.of(id));
        for (String user : List.of("alice", "erin", "carl", "root")) {
            given().log().ifValidationFails().header("Authorization", TestTokens.bearer(user)).contentType(ContentType.JSON).body(claim)
                    .post("/authors/byline-claims").then().statusCode(403).contentType(PROBLEM);
            given().log().ifValidationFails().header("Authorization", TestTokens.bearer(user))
                    .delete("/authors/byline-claims/" + UUID.randomUUID()).then().statusCode(403).contentType(PROBLEM);
        }
        given().log().ifValidationFails().contentType(ContentType.JSON).body(claim).post("/authors/byline-claims").then().statusCode(401);
        given().log().ifValidationFails().header("Authorization", TestTokens.bearer("root")).get("/authors/" + id).then().body("bylined", is(false));
    }

    @Test
    void emailAndAccountGoToAdminsAndTheAuthorOnly() {
        Map<String, Object> body = author(unique("private"), "erin");
        String id = create(body).path("id");
        try {
            for (String user : List.of("alice", "bob", "carl")) {
                given().log().ifValidationFails().header("Authorization", TestTokens.bearer(user)).get("/authors/" + id).then().statusCode(200)
                        .body("$", not(hasKey("email")), "$", not(hasKey("username")));
                given().log().ifValidationFails().header("Authorization", TestTokens.bearer(user)).get("/authors?q=" + body.get("slug"))
                        .then().statusCode(200).body("items", hasSize(1))
                        .body("items[0]", not(hasKey("email")), "items[0]", not(hasKey("username")));
            }
            for (String user : List.of("erin", "root")) {
                given().log().ifValidationFails().header("Authorization", TestTokens.bearer(user)).get("/authors/" + id).then().statusCode(200)
                        .body("email", is("jane@newsroom.example"), "username", is("erin"));
            }
            given().log().ifValidationFails().header("Authorization", TestTokens.bearer("erin")).get("/authors/me").then().statusCode(200)
                    .body("email", is("jane@newsroom.example"));
        } finally {
            unlink(id);
        }
    }

    @Test
    void concurrentCreatesOfOneSlugGiveOneAuthorAndConflicts() throws Exception {
        String slug = unique("race");
        List<Integer> statuses = race(20, () -> create(author(slug, null)).statusCode());
        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), "one create wins: " + statuses);
        assertEquals(19, statuses.stream().filter(s -> s == 409).count(), "the others get 409: " + statuses);
        // without a slug, the same name gets -2, -3, ... however many ask at once
        String name = "Racing " + unique("name");
        List<Integer> derived = race(10, () -> given().header("Authorization", TestTokens.bearer("root")).contentType(ContentType.JSON)
                .body(Map.of("displayName", name)).post("/authors").statusCode());
        assertEquals(List.of(201, 201, 201, 201, 201, 201, 201, 201, 201, 201), derived);
        // one account link per author, whoever loses the race
        String account = unique("acct");
        List<Integer> linked = race(10, () -> create(author(unique("link"), account)).statusCode());
        assertEquals(1, linked.stream().filter(s -> s == 201).count(), "one link wins: " + linked);
        assertEquals(9, linked.stream().filter(s -> s == 409).count(), "the others get 409: " + linked);
    }

    private static List<Integer> race(int n, Callable<Integer> call) throws Exception {
        TestTokens.bearer("root"); // log in before the race, not during it
        return Concurrently.race(n, call);
    }

    /** Frees the account link again for other tests (a username is linked to one author at most). */
    private static void unlink(String id) {
        Response current = given().header("Authorization", TestTokens.bearer("root")).get("/authors/" + id);
        Map<String, Object> body = author(current.path("slug"), null);
        given().header("Authorization", TestTokens.bearer("root")).header("If-Match", current.header("ETag")).contentType(ContentType.JSON)
                .body(body).put("/authors/" + id).then().statusCode(200);
    }

    @Test
    void searchFindsByNameAndPaginates() {
        String marker = unique("zebra");
        Map<String, Object> body = author(marker, null);
        body.put("displayName", "Zed " + marker);
        create(body).then().statusCode(201);
        given().log().ifValidationFails().header("Authorization", TestTokens.bearer("alice")).get("/authors?q=" + marker.substring(0, 12))
                .then().statusCode(200).body("total", is(1)).body("items[0].slug", is(marker));
    }

    @Test
    void healthAndOpenApiAreServed() {
        given().log().ifValidationFails().get("/q/health/ready").then().statusCode(200).body("status", is("UP"))
                .body("checks.name", hasItems("Database connections health check"));
        given().log().ifValidationFails().get("/q/openapi?format=json").then().statusCode(200).body("paths", hasKey("/authors"));
        given().log().ifValidationFails().get("/q/metrics").then().statusCode(200).body(containsString("http_server_requests"));
    }
}
