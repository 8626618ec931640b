package io.newsroom.cms.curation;

import io.newsroom.cms.curation.repository.FeaturedListRepository;
import io.newsroom.cms.curation.repository.FeaturedListRepository.Due;
import io.newsroom.cms.curation.service.FeaturedListPublisher;
import io.newsroom.cms.curation.service.ScheduledListPublisher;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import static io.newsroom.cms.curation.Newsroom.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Cancelling a list's scheduled publish ({@code DELETE /lists/{slug}/schedule}, If-Match: the list's ETag), the race
 * between a cancel and the scheduler's due run (exactly one wins, never both), and the planning calendar's read of the
 * scheduled lists ({@code GET /lists/schedule?from&to}).
 */
@QuarkusTest
class ListScheduleTest {
    private static final String PROBLEM = "application/problem+json";

    /** A week far ahead, its own per run, that no other test's schedule shares and no due run reaches. */
    private static final Instant WEEK = Instant.parse("2032-01-05T00:00:00Z")
            .plus(ThreadLocalRandom.current().nextInt(0, 2000) * 7L, ChronoUnit.DAYS);

    @Inject
    ScheduledListPublisher scheduler;

    @Inject
    FeaturedListPublisher publisher;

    @Inject
    FeaturedListRepository repository;

    private static String listWithAStory(String title) {
        String slug = unique("planned");
        as("carl").body(Map.of("slug", slug, "title", title, "maxItems", 5)).post("/lists").then().statusCode(201);
        as("carl").header("If-Match", draftEtag(slug)).body(Map.of("articleId", publishedArticle(unique("Story"))))
                .post("/lists/" + slug + "/draft/items").then().statusCode(200);
        return slug;
    }

    private static String draftEtag(String slug) {
        return as("carl").get("/lists/" + slug + "/draft").then().statusCode(200).extract().header("ETag");
    }

    private static String listEtag(String slug) {
        return as("carl").get("/lists/" + slug).then().statusCode(200).extract().header("ETag");
    }

    /** Schedules the draft as carl; answers the list's new ETag. */
    private static String schedule(String slug, Instant at) {
        return as("carl").header("If-Match", draftEtag(slug)).body(Map.of("at", at.toString())).post("/lists/" + slug + "/publish")
                .then().statusCode(200).body("scheduledPublishAt", is(at.truncatedTo(ChronoUnit.MILLIS).toString())).extract().header("ETag");
    }

    private static Response cancel(String user, String slug, String etag) {
        var request = as(user);
        if (etag != null) {
            request = request.header("If-Match", etag);
        }
        return request.delete("/lists/" + slug + "/schedule");
    }

    private static void sleepUntil(Instant at) throws InterruptedException {
        Thread.sleep(Math.max(0, at.toEpochMilli() - System.currentTimeMillis() + 150));
    }

    @Test
    void aCuratorCancelsAScheduledPublishAndItDoesNotPublish() throws Exception {
        String slug = listWithAStory("Evening");
        Instant at = Instant.now().plusMillis(1500);
        String scheduled = schedule(slug, at);

        // who may: curators and admins; the rest are refused before anything is looked at
        cancel("erin", slug, scheduled).then().statusCode(403).contentType(PROBLEM);
        cancel("alice", slug, scheduled).then().statusCode(403).contentType(PROBLEM);
        given().header("If-Match", scheduled).delete("/lists/" + slug + "/schedule").then().statusCode(401).contentType(PROBLEM);
        // which version: If-Match is required, and must be the list's current ETag
        cancel("carl", slug, null).then().statusCode(428).contentType(PROBLEM);
        cancel("carl", slug, "\"999\"").then().statusCode(412).contentType(PROBLEM);

        cancel("carl", slug, scheduled).then().statusCode(200).header("ETag", not(scheduled))
                .body("scheduledPublishAt", nullValue()).body("scheduledBy", nullValue()).body("liveRevision", nullValue());
        as("erin").get("/lists/" + slug + "/audit").then().statusCode(200)
                .body("items[0].action", is("unschedule")).body("items[0].actor", is("carl"))
                .body("items[0].detail", containsString(at.truncatedTo(ChronoUnit.MILLIS).toString()))
                .body("items[0].detail", containsString("by carl"));

        sleepUntil(at);
        scheduler.runDue();
        given().get("/lists/public/" + slug).then().statusCode(404);
        as("carl").get("/lists/" + slug).then().body("liveRevision", nullValue()).body("scheduledPublishAt", nullValue());
        as("carl").get("/lists/" + slug + "/audit").then().body("items.action", not(hasItem("scheduled_publish")));

        // nothing left to cancel: a 409 problem, whatever the If-Match
        cancel("carl", slug, listEtag(slug)).then().statusCode(409).contentType(PROBLEM)
                .body("detail", is("Nothing is scheduled for this list"));
    }

    @Test
    void aCancelBetweenTheSchedulersReadAndItsWriteWinsTheDueRunPublishesNothing() throws Exception {
        String slug = listWithAStory("Race, cancel first");
        Instant at = Instant.now().plusMillis(2000); // ahead of the two requests scheduling takes on a slow machine
        String etag = schedule(slug, at);
        sleepUntil(at);
        Instant now = Instant.now();
        Due due = repository.dueForPublish(now, 1000).stream().filter(d -> slug.equals(d.slug())).findFirst().orElseThrow();

        cancel("carl", slug, etag).then().statusCode(200); // lands after the run read the list, before it writes

        assertFalse(publisher.publishScheduled(due.list(), now), "the run's compare-and-set fails on the cancelled list");
        given().get("/lists/public/" + slug).then().statusCode(404);
        as("carl").get("/lists/" + slug).then().body("liveRevision", nullValue()).body("scheduledPublishAt", nullValue());
        scheduler.runDue(); // a later run finds nothing due for it
        as("carl").get("/lists/" + slug).then().body("liveRevision", nullValue());
        as("carl").get("/lists/" + slug + "/audit").then().body("items.action", not(hasItem("scheduled_publish")));
    }

    @Test
    void whenTheSchedulerPublishedFirstTheCancelIsAConflictThatSaysSo() throws Exception {
        String slug = listWithAStory("Race, scheduler first");
        Instant at = Instant.now().plusMillis(2000); // ahead of the two requests scheduling takes on a slow machine
        String etag = schedule(slug, at);
        sleepUntil(at);
        assertTrue(scheduler.runDue() >= 1);
        cancel("carl", slug, etag).then().statusCode(409).contentType(PROBLEM)
                .body("detail", startsWith("Nothing is scheduled for this list: the scheduled publish already happened"))
                .body("liveRevision", is(1));
        given().get("/lists/public/" + slug).then().statusCode(200).body("revision", is(1));
    }

    @Test
    void cancelsRacingDueRunsNeverBothWin() throws Exception {
        int count = 8;
        List<String> slugs = new ArrayList<>();
        List<String> etags = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            slugs.add(listWithAStory("Race " + i));
        }
        Instant at = Instant.now().plusMillis(3000); // after the setup, however long it took: each schedule is in the future
        for (int i = 0; i < count; i++) {
            etags.add(schedule(slugs.get(i), at.plusMillis(i)));
        }
        sleepUntil(at.plusMillis(count));
        ExecutorService pool = Executors.newFixedThreadPool(count + 2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> cancels = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String slug = slugs.get(i);
            var request = as("carl").header("If-Match", etags.get(i));
            cancels.add(pool.submit(() -> {
                start.await();
                return request.delete("/lists/" + slug + "/schedule").statusCode();
            }));
        }
        List<Future<Integer>> runs = List.of(pool.submit(() -> {
            start.await();
            return scheduler.runDue();
        }), pool.submit(() -> {
            start.await();
            return scheduler.runDue();
        }));
        start.countDown();
        for (Future<Integer> run : runs) {
            run.get();
        }
        int cancelled = 0;
        int published = 0;
        for (int i = 0; i < count; i++) {
            int status = cancels.get(i).get();
            String slug = slugs.get(i);
            Integer live = as("carl").get("/lists/" + slug).then().statusCode(200).body("scheduledPublishAt", nullValue())
                    .extract().path("liveRevision");
            long scheduledPublishes = as("carl").get("/lists/" + slug + "/audit").then().extract().jsonPath()
                    .getList("items.action", String.class).stream().filter("scheduled_publish"::equals).count();
            if (status == 200) {
                cancelled++;
                assertEquals(null, live, slug + ": cancelled, yet published");
                assertEquals(0, scheduledPublishes, slug + ": cancelled, yet the scheduler published it");
                given().get("/lists/public/" + slug).then().statusCode(404);
            } else {
                assertEquals(409, status, slug + ": a cancel that lost is a conflict");
                assertEquals(1, live, slug + ": not cancelled, so published");
                assertEquals(1, scheduledPublishes, slug + ": published exactly once");
                published++;
            }
        }
        pool.shutdown();
        System.out.printf("cancel vs due run: %d cancelled, %d published%n", cancelled, published);
    }

    @Test
    void theCalendarReadsTheScheduledListsOfAWindowAndAMoveNeedsTheDraftVersion() {
        String morning = listWithAStory("Morning");
        String evening = listWithAStory("Evening");
        String later = listWithAStory("Next week");
        Instant nine = WEEK.plus(1, ChronoUnit.DAYS).plus(9, ChronoUnit.HOURS);
        Instant six = WEEK.plus(3, ChronoUnit.DAYS).plus(18, ChronoUnit.HOURS);
        schedule(evening, six);
        String morningEtag = schedule(morning, nine);
        schedule(later, WEEK.plus(8, ChronoUnit.DAYS));
        String to = WEEK.plus(7, ChronoUnit.DAYS).toString();

        as("carl").get("/lists/schedule?from=" + WEEK + "&to=" + to).then().statusCode(200)
                .body("from", is(WEEK.toString())).body("to", is(to))
                .body("items.slug", contains(morning, evening))
                .body("items[0].at", is(nine.toString()))
                .body("items[0].title", is("Morning"))
                .body("items[0].scheduledBy", is("carl"))
                .body("items[0].version", is(Integer.parseInt(morningEtag.replace("\"", ""))))
                .body("items[0].draftVersion", is(Integer.parseInt(draftEtag(morning).replace("\"", ""))))
                .body("items[0].draftItems", is(1))
                .body("items[0].liveRevision", nullValue())
                .body("items.mayReschedule", everyItem(is(true)));
        as("erin").get("/lists/schedule?from=" + WEEK + "&to=" + to).then().statusCode(200)
                .body("items.slug", contains(morning, evening)).body("items.mayReschedule", everyItem(is(false)));
        as("root").get("/lists/schedule?from=" + WEEK + "&to=" + to).then().statusCode(200).body("items.mayReschedule", everyItem(is(true)));
        as("alice").get("/lists/schedule?from=" + WEEK + "&to=" + to).then().statusCode(403).contentType(PROBLEM);
        given().get("/lists/schedule?from=" + WEEK + "&to=" + to).then().statusCode(401).contentType(PROBLEM);

        // moved to the afternoon of another day: publish again at the new time with the draft's ETag
        Instant moved = WEEK.plus(5, ChronoUnit.DAYS).plus(14, ChronoUnit.HOURS).plus(30, ChronoUnit.MINUTES);
        String draft = draftEtag(morning);
        as("carl").header("If-Match", draft).body(Map.of("at", moved.toString())).post("/lists/" + morning + "/publish").then()
                .statusCode(200).body("scheduledPublishAt", is(moved.toString()));
        as("carl").get("/lists/schedule?from=" + WEEK + "&to=" + to).then().body("items.slug", contains(evening, morning))
                .body("items[1].at", is(moved.toString()));
        // the move changed the list: a cancel based on what the calendar read before it is refused
        cancel("carl", morning, morningEtag).then().statusCode(412).contentType(PROBLEM);
        cancel("carl", morning, listEtag(morning)).then().statusCode(200);
        as("carl").get("/lists/schedule?from=" + WEEK + "&to=" + to).then().body("items.slug", contains(evening));
    }

    @Test
    void theWindowIsRequiredOrderedAndAtMost62DaysLongAndScheduleIsNoListsSlug() {
        as("carl").get("/lists/schedule").then().statusCode(400).contentType(PROBLEM).body("errors[0].field", is("from"));
        as("carl").get("/lists/schedule?from=" + WEEK).then().statusCode(400).body("errors[0].field", is("to"));
        as("carl").get("/lists/schedule?from=monday&to=" + WEEK).then().statusCode(400).body("errors[0].field", is("from"));
        as("carl").get("/lists/schedule?from=" + WEEK + "&to=" + WEEK).then().statusCode(400).body("errors[0].field", is("to"));
        as("carl").get("/lists/schedule?from=" + WEEK + "&to=" + WEEK.plus(62, ChronoUnit.DAYS).plusSeconds(1)).then().statusCode(400)
                .contentType(PROBLEM).body("errors[0].field", is("to")).body("errors[0].message", containsString("62 days"));
        as("carl").get("/lists/schedule?from=" + WEEK + "&to=" + WEEK.plus(62, ChronoUnit.DAYS)).then().statusCode(200);
        as("carl").body(Map.of("slug", "schedule", "title", "Clash", "maxItems", 5)).post("/lists").then().statusCode(400)
                .contentType(PROBLEM).body("errors[0].field", is("slug"));
    }
}
