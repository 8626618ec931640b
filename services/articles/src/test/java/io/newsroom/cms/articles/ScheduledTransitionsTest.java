package io.newsroom.cms.articles;

import io.agroal.api.AgroalDataSource;
import io.newsroom.cms.articles.service.ScheduledTransitions;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.newsroom.cms.articles.ArticleApi.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A scheduled publish that fails does not hold back the others: its batch runs again one article at a time, the failure is
 * recorded (history, metric, log) and retried with backoff. The failure is real: PostgreSQL refuses the published
 * view of one article (a trigger), as it would for a bad row.
 */
@QuarkusTest
class ScheduledTransitionsTest {
    @Inject
    ScheduledTransitions scheduler;

    @Inject
    AgroalDataSource db;

    private void sql(String... statements) throws Exception {
        try (Connection connection = db.getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    @AfterEach
    void removeFault() throws Exception {
        sql("drop trigger if exists refuse_published_view on published_article", "drop table if exists refused_article");
    }

    /** PostgreSQL refuses to write the published view of this article (a trigger), as it would a bad row. */
    private void refusePublishedView(String articleId) throws Exception {
        sql("create table refused_article (id uuid primary key)",
                "insert into refused_article values ('" + articleId + "')",
                "create or replace function refuse_published_view() returns trigger language plpgsql as $$ begin"
                        + " if exists (select 1 from refused_article r where r.id = new.article_id) then"
                        + " raise exception 'injected failure for %', new.article_id; end if; return new; end $$",
                "create trigger refuse_published_view before insert or update on published_article"
                        + " for each row execute function refuse_published_view()");
    }

    private String scheduled(String jane, Instant at) {
        String id = create("alice", article(unique("Due"), List.of(jane))).then().statusCode(201).extract().path("id");
        transition("alice", id, "submit", null).then().statusCode(200);
        transition("erin", id, "approve", null).then().statusCode(200);
        as("erin").header("If-Match", etag(id)).body(Map.of("action", "schedule", "at", at.toString()))
                .post("/articles/" + id + "/transitions").then().statusCode(200).body("status", is("SCHEDULED"));
        return id;
    }

    @Test
    void oneFailingScheduledPublishDoesNotHoldBackTheOthers() throws Exception {
        String jane = author("Jane Doe", true);
        Instant at = Instant.now().plusMillis(2500);
        String first = scheduled(jane, at);
        String failing = scheduled(jane, at);
        String last = scheduled(jane, at);
        refusePublishedView(failing);
        Thread.sleep(Math.max(0, at.toEpochMilli() - System.currentTimeMillis() + 200));

        assertEquals(2, scheduler.runDue(), "the two healthy articles are published in the same run");
        publishedView(first).then().statusCode(200);
        publishedView(last).then().statusCode(200);
        publishedView(failing).then().statusCode(404);
        as("erin").get("/articles/" + failing).then().body("status", is("SCHEDULED"));
        as("erin").get("/articles/" + failing + "/history").then()
                .body("items.findAll { it.action == 'scheduled_publish_failed' }", hasSize(1))
                .body("items.find { it.action == 'scheduled_publish_failed' }.comment", containsString("injected failure"));
        given().get("/q/metrics").then().body(containsString("cms_articles_scheduled_failures_total{action=\"scheduled_publish\""));

        assertEquals(0, scheduler.runDue(), "the failed one waits for its retry time");

        // the cause goes away and the retry time comes (moved forward here instead of waiting 10 s)
        sql("delete from refused_article", "update article set schedule_retry_at = now() - interval '1 second' where id = '" + failing + "'");
        assertEquals(1, scheduler.runDue());
        publishedView(failing).then().statusCode(200);
        as("erin").get("/articles/" + failing + "/history").then()
                .body("items.findAll { it.action == 'scheduled_publish' }", hasSize(1));
        assertEquals(0, scheduler.runDue(), "published exactly once");
    }

    @Test
    void aCatchUpRunsItsBatchesSideBySideAndAFailureStaysWithItsArticle() throws Exception {
        String jane = author("Jane Doe", true);
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 30; i++) {
            ids.add(scheduled(jane, Instant.now().plusSeconds(3600)));
        }
        String failing = ids.get(27);
        refusePublishedView(failing);
        // all due a moment ago, as after downtime: two batches (25 and 5) run at once
        sql("update article set scheduled_publish_at = now() - interval '1 second' where id in ('" + String.join("','", ids) + "')");

        assertEquals(29, scheduler.runDue(), "every healthy one in one run");
        for (String id : ids) {
            publishedView(id).then().statusCode(id.equals(failing) ? 404 : 200);
            as("erin").get("/articles/" + id + "/history").then()
                    .body("items.findAll { it.action == 'scheduled_publish' }", hasSize(id.equals(failing) ? 0 : 1))
                    .body("items.findAll { it.action == 'scheduled_publish_failed' }", hasSize(id.equals(failing) ? 1 : 0));
        }
        assertEquals(0, scheduler.runDue(), "nothing due until the failed one's retry time");
    }
}
