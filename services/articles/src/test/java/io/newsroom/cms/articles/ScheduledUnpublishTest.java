package io.newsroom.cms.articles;

import io.agroal.api.AgroalDataSource;
import io.newsroom.cms.articles.service.ScheduledTransitions;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static io.newsroom.cms.articles.ArticleApi.*;
import static org.hamcrest.Matchers.*;

/**
 * A live article's expiry: {@code unpublish} with a time in the future sets {@code scheduledUnpublishAt} (the article
 * stays live and PUBLISHED until then), {@code unschedule_unpublish} clears it, and the scheduler takes the article
 * down when it is due. A time that has passed is a 400 at {@code at}: it would take the article down at once.
 */
@QuarkusTest
class ScheduledUnpublishTest {
    private static final String PROBLEM = "application/problem+json";

    @Inject
    ScheduledTransitions scheduler;

    @Inject
    AgroalDataSource db;

    private static Response expire(String user, String id, Instant at) {
        return as(user).header("If-Match", etag(id)).body(Map.of("action", "unpublish", "at", at.toString()))
                .post("/articles/" + id + "/transitions");
    }

    @Test
    void anEditorSetsChangesAndClearsTheExpiryOfALiveArticle() {
        String id = publish(article(unique("Expiring"), List.of(author("Exp Writer", true))));
        Instant at = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        expire("erin", id, at).then().statusCode(200)
                .body("scheduledUnpublishAt", is(at.toString()))
                .body("status", is("PUBLISHED")).body("live", is(true))
                .body("allowedActions", hasItem("unschedule_unpublish"));
        expire("erin", id, at.plus(1, ChronoUnit.DAYS)).then().statusCode(200)
                .body("scheduledUnpublishAt", is(at.plus(1, ChronoUnit.DAYS).toString()));

        expire("erin", id, Instant.now().minusSeconds(5)).then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", is("at")).body("errors[0].message", containsString("in the future"));
        as("erin").get("/articles/" + id).then().body("live", is(true));
        expire("alice", id, at).then().statusCode(403);
        as("erin").header("If-Match", "\"999999\"").body(Map.of("action", "unschedule_unpublish"))
                .post("/articles/" + id + "/transitions").then().statusCode(412);

        transition("erin", id, "unschedule_unpublish", null).then().statusCode(200)
                .body("scheduledUnpublishAt", nullValue())
                .body("live", is(true)).body("status", is("PUBLISHED"))
                .body("allowedActions", not(hasItem("unschedule_unpublish")));
        transition("erin", id, "unschedule_unpublish", null).then().statusCode(409);
        as("erin").get("/articles/" + id + "/history").then()
                .body("items.action", hasItems("schedule_unpublish", "unschedule_unpublish"));
    }

    @Test
    void settingAndClearingTheExpiryLeaveTheWorkingCopysPlaceInTheWorkflow() {
        String id = publish(article(unique("Handed back"), List.of(author("Exp Writer", true))));
        transition("erin", id, "request_changes", "Update the figures").then().statusCode(200).body("changesRequested", is(true));
        expire("erin", id, Instant.now().plus(1, ChronoUnit.DAYS)).then().statusCode(200)
                .body("status", is("DRAFT")).body("changesRequested", is(true)).body("live", is(true));
        transition("erin", id, "unschedule_unpublish", null).then().statusCode(200)
                .body("status", is("DRAFT")).body("changesRequested", is(true)).body("scheduledUnpublishAt", nullValue());
    }

    @Test
    void theSchedulerTakesTheArticleDownWhenItsExpiryComes() throws Exception {
        String id = publish(article(unique("Expired"), List.of(author("Exp Writer", true))));
        expire("erin", id, Instant.now().plus(1, ChronoUnit.HOURS)).then().statusCode(200);
        publishedView(id).then().statusCode(200);
        try (Connection connection = db.getConnection(); Statement s = connection.createStatement()) {
            s.execute("update article set scheduled_unpublish_at = now() - interval '1 second' where id = '" + id + "'");
        }
        scheduler.runDue();
        publishedView(id).then().statusCode(404);
        as("erin").get("/articles/" + id).then().body("live", is(false)).body("status", is("UNPUBLISHED"))
                .body("scheduledUnpublishAt", nullValue());
        as("erin").get("/articles/" + id + "/history").then().body("items.action", hasItem("scheduled_unpublish"));
    }
}
