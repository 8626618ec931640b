package io.newsroom.cms.articles;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static io.newsroom.cms.articles.ArticleApi.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;

/**
 * The planning calendar's read of the articles ({@code GET /articles/schedule?from&to}): scheduled publishes and
 * expiries in a bounded window, each with its version and whether the caller may move it; and moving them through the
 * existing transitions with If-Match (a scheduled article takes a new time in one {@code schedule} step).
 */
@QuarkusTest
class ArticleScheduleTest {
    private static final String PROBLEM = "application/problem+json";

    /** Far enough ahead that no other test's schedule shares the window, and the scheduler never runs it. */
    private static final Instant BASE = Instant.parse("2031-03-03T00:00:00Z").plus(
            java.util.concurrent.ThreadLocalRandom.current().nextInt(0, 2000) * 7L, ChronoUnit.DAYS);

    private static String approved(String jane, String headline) {
        String id = create("alice", article(headline, List.of(jane))).then().statusCode(201).extract().path("id");
        transition("alice", id, "submit", null).then().statusCode(200);
        transition("erin", id, "approve", null).then().statusCode(200);
        return id;
    }

    private static io.restassured.response.Response at(String user, String id, String action, Instant at) {
        return as(user).header("If-Match", etag(id)).body(Map.of("action", action, "at", at.toString())).post("/articles/" + id + "/transitions");
    }

    private static io.restassured.response.Response week(String user, Instant from) {
        return as(user).get("/articles/schedule?from=" + from + "&to=" + from.plus(7, ChronoUnit.DAYS));
    }

    @Test
    void scheduledPublishesAndExpiriesOfTheWindowByTimeWithWhoMayMoveThem() {
        String jane = author("Jane Doe", true);
        String publishes = approved(jane, unique("Budget vote"));
        at("erin", publishes, "schedule", BASE.plus(2, ChronoUnit.DAYS).plus(9, ChronoUnit.HOURS)).then().statusCode(200);
        String expires = publish(article(unique("Road closure"), List.of(jane)));
        at("erin", expires, "unpublish", BASE.plus(1, ChronoUnit.DAYS).plus(18, ChronoUnit.HOURS)).then().statusCode(200)
                .body("live", is(true)).body("scheduledUnpublishAt", notNullValue());
        String nextWeek = approved(jane, unique("Later"));
        at("erin", nextWeek, "schedule", BASE.plus(8, ChronoUnit.DAYS)).then().statusCode(200);

        week("erin", BASE).then().statusCode(200)
                .body("from", is(BASE.toString()))
                .body("truncated", is(false))
                .body("items.articleId", contains(expires, publishes))
                .body("items.kind", contains("unpublish", "publish"))
                .body("items[0].at", is(BASE.plus(1, ChronoUnit.DAYS).plus(18, ChronoUnit.HOURS).toString()))
                .body("items[0].live", is(true))
                .body("items[1].status", is("SCHEDULED"))
                .body("items[1].headline", startsWith("Budget vote"))
                .body("items[1].version", is(Integer.parseInt(etag(publishes).replace("\"", ""))))
                .body("items.mayReschedule", everyItem(is(true)));
        // everyone with editorial access sees the plan; only editors and admins may move articles
        for (String reader : List.of("alice", "bob", "carl")) {
            week(reader, BASE).then().statusCode(200).body("items.articleId", contains(expires, publishes))
                    .body("items.mayReschedule", everyItem(is(false)));
        }
        week("root", BASE).then().statusCode(200).body("items.mayReschedule", everyItem(is(true)));
        given().get("/articles/schedule?from=" + BASE + "&to=" + BASE.plus(1, ChronoUnit.DAYS)).then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void aScheduledArticleMovesToANewTimeInOneStepAndAStaleMoveIsRefused() {
        String jane = author("Jane Doe", true);
        String id = approved(jane, unique("Moving"));
        at("erin", id, "schedule", BASE.plus(3, ChronoUnit.DAYS)).then().statusCode(200)
                .body("allowedActions", hasItems("schedule", "unschedule"));
        String before = etag(id);
        Instant moved = BASE.plus(4, ChronoUnit.DAYS).plus(30, ChronoUnit.MINUTES);
        as("erin").header("If-Match", before).body(Map.of("action", "schedule", "at", moved.toString())).post("/articles/" + id + "/transitions")
                .then().statusCode(200).body("status", is("SCHEDULED")).body("scheduledPublishAt", is(moved.toString()));
        // a move based on what the calendar showed before: refused, nothing changed
        as("erin").header("If-Match", before).body(Map.of("action", "schedule", "at", BASE.plus(5, ChronoUnit.DAYS).toString()))
                .post("/articles/" + id + "/transitions").then().statusCode(412).contentType(PROBLEM);
        // a writer may look but not move
        as("alice").header("If-Match", etag(id)).body(Map.of("action", "schedule", "at", moved.plus(1, ChronoUnit.HOURS).toString()))
                .post("/articles/" + id + "/transitions").then().statusCode(403).contentType(PROBLEM);
        // a time in the past is refused at the field, not published at once
        as("erin").header("If-Match", etag(id)).body(Map.of("action", "schedule", "at", Instant.now().minusSeconds(60).toString()))
                .post("/articles/" + id + "/transitions").then().statusCode(400).body("errors[0].field", is("at"));
        week("erin", BASE).then().body("items.findAll { it.articleId == '" + id + "' }.at", contains(moved.toString()));
        as("erin").get("/articles/" + id + "/history").then().statusCode(200)
                .body("items.findAll { it.action == 'schedule' }.toStatus", contains("SCHEDULED", "SCHEDULED"));
    }

    @Test
    void theWindowIsRequiredOrderedAndAtMost62DaysLong() {
        as("erin").get("/articles/schedule").then().statusCode(400).contentType(PROBLEM).body("errors[0].field", is("from"));
        as("erin").get("/articles/schedule?from=" + BASE).then().statusCode(400).body("errors[0].field", is("to"));
        as("erin").get("/articles/schedule?from=tomorrow&to=" + BASE).then().statusCode(400).body("errors[0].field", is("from"));
        as("erin").get("/articles/schedule?from=" + BASE + "&to=" + BASE.minusSeconds(1)).then().statusCode(400)
                .body("errors[0].field", is("to"));
        as("erin").get("/articles/schedule?from=" + BASE + "&to=" + BASE.plus(63, ChronoUnit.DAYS)).then().statusCode(400)
                .contentType(PROBLEM).body("errors[0].field", is("to")).body("errors[0].message", containsString("62 days"));
        as("erin").get("/articles/schedule?from=" + BASE + "&to=" + BASE.plus(62, ChronoUnit.DAYS)).then().statusCode(200);
        as("erin").queryParam("from", "2031-03-03T00:00:00+01:00").queryParam("to", "2031-03-10T00:00:00+01:00").get("/articles/schedule")
                .then().statusCode(200).body("from", is("2031-03-02T23:00:00Z"));
    }
}
