package io.newsroom.cms.articles;

import io.newsroom.cms.devstack.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static io.newsroom.cms.articles.ArticleApi.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Presence and soft locks (issue 20) against the real PostgreSQL and Keycloak: joining, leaving and expiry, the lock and
 * taking it over, who may see it, and the live stream, including a row another replica wrote reaching this replica's
 * streams (each replica reads the shared table, so they all agree on the holder).
 */
@QuarkusTest
class PresenceTest {
    private static final String PROBLEM = "application/problem+json";

    @Inject
    EntityManager em;

    @TestHTTPResource("/")
    URL base;

    private String writer;

    private String draft() {
        writer = author("Presence Writer", true);
        return create("alice", article(unique("Presence story"), List.of(writer))).then().statusCode(201).extract().path("id");
    }

    private static io.restassured.response.Response join(String user, String article, UUID session, String mode) {
        return as(user).body(Map.of("mode", mode)).put("/articles/" + article + "/presence/" + session);
    }

    private void age(UUID session, int seconds) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "update article_presence set last_seen = now() - make_interval(secs => :s) where session_id = :id")
                .setParameter("s", seconds).setParameter("id", session).executeUpdate());
    }

    @Test
    void aTabJoinsShowsAndLeaves() {
        String id = draft();
        UUID erin = UUID.randomUUID();
        join("erin", id, erin, "EDITING").then().statusCode(200)
                .body("editor.username", is("erin")).body("editor.displayName", is("Erin Ellis")).body("editor.you", is(true))
                .body("you.mode", is("EDITING")).body("people", hasSize(1));
        // the owner sees who edits, with the time since; without a session nothing is "you"
        as("alice").get("/articles/" + id + "/presence").then().statusCode(200)
                .body("editor.username", is("erin")).body("editor.since", not(nullValue())).body("editor.you", is(false))
                .body("you", nullValue());
        // a heartbeat keeps the start of editing
        String since = as("erin").get("/articles/" + id + "/presence").then().extract().path("editor.since");
        join("erin", id, erin, "EDITING").then().statusCode(200).body("editor.since", is(since));
        as("erin").delete("/articles/" + id + "/presence/" + erin).then().statusCode(204);
        as("alice").get("/articles/" + id + "/presence").then().statusCode(200).body("editor", nullValue()).body("people", hasSize(0));
        // leaving twice is fine
        as("erin").delete("/articles/" + id + "/presence/" + erin).then().statusCode(204);
    }

    @Test
    void aSilentTabExpiresAndItsLockWithIt() {
        String id = draft();
        UUID erin = UUID.randomUUID();
        join("erin", id, erin, "EDITING").then().statusCode(200);
        age(erin, 30);
        as("alice").get("/articles/" + id + "/presence").then().body("editor.username", is("erin"));
        age(erin, 41);
        as("alice").get("/articles/" + id + "/presence").then().statusCode(200).body("editor", nullValue()).body("people", hasSize(0));
        // the lock is free: the owner edits without taking over
        join("alice", id, UUID.randomUUID(), "EDITING").then().statusCode(200).body("editor.username", is("alice"));
    }

    @Test
    void editingWhileSomeoneEditsIsRefusedAndTakingOverTellsThem() {
        String id = draft();
        UUID erin = UUID.randomUUID();
        UUID alice = UUID.randomUUID();
        join("erin", id, erin, "EDITING").then().statusCode(200);
        join("alice", id, alice, "EDITING").then().statusCode(409).contentType(PROBLEM)
                .body("detail", containsString("Erin Ellis is editing this article since"))
                .body("editor.username", is("erin")).body("editor.displayName", is("Erin Ellis"));
        join("alice", id, alice, "VIEWING").then().statusCode(200).body("editor.username", is("erin")).body("people", hasSize(2))
                .body("you.mode", is("VIEWING"));

        as("alice").post("/articles/" + id + "/presence/" + alice + "/take-over").then().statusCode(200)
                .body("editor.username", is("alice")).body("you.mode", is("EDITING")).body("you.takenOverBy", nullValue());
        // erin's tab learns who took over and when, and stays present, viewing
        as("erin").get("/articles/" + id + "/presence?session=" + erin).then().statusCode(200)
                .body("editor.username", is("alice")).body("you.mode", is("VIEWING")).body("you.takenOverBy", is("alice"))
                .body("you.takenOverByName", is("Alice Archer")).body("you.takenOverAt", not(nullValue()));
        // her next heartbeat as editor does not take it back silently
        join("erin", id, erin, "EDITING").then().statusCode(409).contentType(PROBLEM).body("detail", containsString("is editing"));
        join("erin", id, erin, "VIEWING").then().statusCode(200);
        // taking over again is explicit, and clears her note
        as("erin").post("/articles/" + id + "/presence/" + erin + "/take-over").then().statusCode(200)
                .body("editor.username", is("erin")).body("you.takenOverBy", nullValue());
        as("alice").get("/articles/" + id + "/presence?session=" + alice).then().body("you.takenOverBy", is("erin"));
        // a save still needs If-Match whoever holds the lock: the lock is soft, versions guard the text
        as("alice").body(article("Changed", List.of(writer))).put("/articles/" + id).then().statusCode(428);
        // each lost lock is also in the loser's notifications (for when they were away from the tab), once, naming who took it
        List<Map<String, Object>> erins = takeOvers("erin", id);
        List<Map<String, Object>> alices = takeOvers("alice", id);
        org.junit.jupiter.api.Assertions.assertEquals(1, erins.size(), "erin's take-over notifications: " + erins);
        org.junit.jupiter.api.Assertions.assertEquals("alice", erins.get(0).get("actor"));
        org.junit.jupiter.api.Assertions.assertEquals(1, alices.size(), "alice's take-over notifications: " + alices);
        org.junit.jupiter.api.Assertions.assertEquals("erin", alices.get(0).get("actor"));
    }

    private List<Map<String, Object>> takeOvers(String user, String articleId) {
        List<Map<String, Object>> items = as(user).queryParam("limit", 100).get("/notifications").then().statusCode(200)
                .extract().jsonPath().getList("items");
        return items.stream().filter(n -> articleId.equals(n.get("articleId")) && "LOCK_TAKEN_OVER".equals(n.get("type"))).toList();
    }

    @Test
    void aTakenOverTabCannotEditAgainByHeartbeatEvenAfterTheTakerLeft() {
        String id = draft();
        UUID erin = UUID.randomUUID();
        UUID root = UUID.randomUUID();
        join("erin", id, erin, "EDITING").then().statusCode(200);
        as("root").post("/articles/" + id + "/presence/" + root + "/take-over").then().statusCode(200);
        as("root").delete("/articles/" + id + "/presence/" + root).then().statusCode(204);
        join("erin", id, erin, "EDITING").then().statusCode(409).body("detail", containsString("took over editing at"));
    }

    @Test
    void twoTabsRacingForTheLockGetOneHolder() throws Exception {
        String id = draft();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> racers = new ArrayList<>();
            for (String user : List.of("erin", "root", "erin", "root")) {
                UUID session = UUID.randomUUID();
                racers.add(() -> join(user, id, session, "EDITING").statusCode());
            }
            List<Integer> codes = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(racers)) {
                codes.add(f.get(20, TimeUnit.SECONDS));
            }
            assertEquals(1, codes.stream().filter(c -> c == 200).count(), "codes " + codes);
            assertEquals(3, codes.stream().filter(c -> c == 409).count(), "codes " + codes);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void onlyPeopleWhoMaySeeTheArticleSeeWhoEdits() {
        String id = draft();
        UUID erin = UUID.randomUUID();
        join("erin", id, erin, "EDITING").then().statusCode(200);
        // bob is a writer and not the owner: a refusal that names nobody
        for (var call : List.of(as("bob").get("/articles/" + id + "/presence"),
                as("bob").get("/articles/" + id + "/presence/stream"),
                join("bob", id, UUID.randomUUID(), "VIEWING"),
                as("bob").post("/articles/" + id + "/presence/" + UUID.randomUUID() + "/take-over"),
                as("bob").delete("/articles/" + id + "/presence/" + erin))) {
            call.then().statusCode(403).contentType(PROBLEM).body(not(containsString("erin"))).body(not(containsString("Erin")));
        }
        // a curator reads every article: sees presence, may view, may not edit or take over
        as("carl").get("/articles/" + id + "/presence").then().statusCode(200).body("editor.username", is("erin"));
        join("carl", id, UUID.randomUUID(), "VIEWING").then().statusCode(200);
        join("carl", id, UUID.randomUUID(), "EDITING").then().statusCode(403).contentType(PROBLEM);
        as("carl").post("/articles/" + id + "/presence/" + UUID.randomUUID() + "/take-over").then().statusCode(403).contentType(PROBLEM);
        // no token
        given().get("/articles/" + id + "/presence/stream").then().statusCode(401);
        given().get("/articles/" + id + "/presence").then().statusCode(401);
        // no such article
        String missing = UUID.randomUUID().toString();
        as("erin").get("/articles/" + missing + "/presence").then().statusCode(404).contentType(PROBLEM);
        as("erin").get("/articles/" + missing + "/presence/stream").then().statusCode(404).contentType(PROBLEM);
        join("erin", missing, UUID.randomUUID(), "VIEWING").then().statusCode(404).contentType(PROBLEM);
        // someone else's session id is not theirs to use
        join("root", id, erin, "VIEWING").then().statusCode(409).contentType(PROBLEM);
        as("root").delete("/articles/" + id + "/presence/" + erin).then().statusCode(204);
        as("alice").get("/articles/" + id + "/presence").then().body("editor.username", is("erin"));
        // bad input names its field
        as("erin").get("/articles/" + id + "/presence?session=nope").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("session"));
        as("erin").body(Map.of("mode", "OWNING")).put("/articles/" + id + "/presence/" + UUID.randomUUID()).then()
                .statusCode(400).contentType(PROBLEM);
        as("erin").body(Map.of()).put("/articles/" + id + "/presence/" + UUID.randomUUID()).then()
                .statusCode(400).contentType(PROBLEM).body("errors.field", hasItem(containsString("mode")));
    }

    @Test
    void theStreamShowsChangesFromThisAndOtherReplicasAtOnce() throws Exception {
        String id = draft();
        UUID erin = UUID.randomUUID();
        join("erin", id, erin, "EDITING").then().statusCode(200);
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "articles/" + id + "/presence/stream?session=" + erin))
                .header("Authorization", TestTokens.bearer("erin")).header("Accept", "text/event-stream").build();
        HttpResponse<Stream<String>> response = client.send(request, HttpResponse.BodyHandlers.ofLines());
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> response.body().forEach(lines::add));
        reader.setDaemon(true);
        reader.start();
        try {
            String first = dataWith(lines, "\"username\":\"erin\"", 5);
            assertTrue(first.contains("\"you\":{\"mode\":\"EDITING\""), first);

            // another replica's write: a row in the shared table, nothing said to this replica
            UUID dana = UUID.randomUUID();
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("insert into article_presence (session_id, article_id,"
                            + " username, display_name, mode, joined_at, last_seen) values (:s, :a, 'dana', 'Dana Reyes', 'VIEWING', now(), now())")
                    .setParameter("s", dana).setParameter("a", UUID.fromString(id)).executeUpdate());
            assertNotNull(dataWith(lines, "Dana Reyes", 4));

            // taken over here: erin's stream says so at once
            as("alice").post("/articles/" + id + "/presence/" + UUID.randomUUID() + "/take-over").then().statusCode(200);
            String taken = dataWith(lines, "\"takenOverBy\":\"alice\"", 3);
            assertTrue(taken.contains("\"editor\":{\"username\":\"alice\""), taken);

            // dana's tab goes silent: her presence ends by itself
            age(dana, 60);
            String after = dataWith(lines, "\"username\":\"alice\"", 4);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(4);
            while (after.contains("Dana Reyes") && System.nanoTime() < deadline) {
                after = dataWith(lines, "\"username\":\"alice\"", 4);
            }
            assertTrue(!after.contains("Dana Reyes"), after);
        } finally {
            reader.interrupt();
            response.body().close();
        }
    }

    /**
     * The trust suite's fuzzing sends every endpoint of an article at once, the stream included, and drops each
     * connection when its answer is in: a take-over once answered 500 there. Streams open and vanish here while the same
     * tab takes over, beats and leaves; a change that committed is never an error for its caller because a stream could
     * not be told (the next poll tells it).
     */
    @Test
    void streamsVanishingWhileTheLockChangesHandsAreNoErrorForTheChange() throws Exception {
        String id = draft();
        UUID tab = UUID.randomUUID();
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<String> failures = new ArrayList<>();
        try {
            for (int round = 0; round < 25; round++) {
                List<Callable<String>> calls = new ArrayList<>();
                for (int s = 0; s < 3; s++) {
                    int hold = s * 15;
                    calls.add(() -> {
                        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "articles/" + id + "/presence/stream?session=" + tab))
                                .header("Authorization", TestTokens.bearer("erin")).header("Accept", "text/event-stream").build();
                        HttpResponse<java.io.InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
                        Thread.sleep(hold);
                        response.body().close(); // gone, as a client that has what it wanted
                        return "stream " + response.statusCode();
                    });
                }
                calls.add(() -> "take-over " + as("erin").post("/articles/" + id + "/presence/" + tab + "/take-over").statusCode());
                calls.add(() -> "join " + join("erin", id, tab, "EDITING").statusCode());
                calls.add(() -> "leave " + as("erin").delete("/articles/" + id + "/presence/" + tab).statusCode());
                for (Future<String> f : pool.invokeAll(calls)) {
                    String answer = f.get(30, TimeUnit.SECONDS);
                    if (Integer.parseInt(answer.substring(answer.lastIndexOf(' ') + 1)) >= 500) {
                        failures.add(answer);
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(List.of(), failures);
    }

    /** The next SSE data line containing {@code text}, waiting up to {@code seconds}. */
    private static String dataWith(BlockingQueue<String> lines, String text, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line != null && line.startsWith("data:") && line.contains(text)) {
                return line;
            }
        }
        throw new AssertionError("No event with " + text + " within " + seconds + " s");
    }
}
