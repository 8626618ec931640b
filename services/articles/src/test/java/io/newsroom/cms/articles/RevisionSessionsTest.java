package io.newsroom.cms.articles;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.newsroom.cms.articles.ArticleApi.*;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Autosaves of one person fold into one revision (an editing session); a workflow step, another person, a long pause,
 * a long session, a restore or the live revision start a new one. The article's version moves on every save.
 */
@QuarkusTest
class RevisionSessionsTest {
    private static final String PROBLEM = "application/problem+json";
    private static String jane;

    @Inject
    EntityManager em;

    @BeforeAll
    static void authors() {
        jane = author("Jane Doe", true);
    }

    private String draft(String owner) {
        return create(owner, article(unique("Session"), List.of(jane))).then().statusCode(201).extract().path("id");
    }

    /** Saves {@code body} as {@code user} with the current ETag; returns the answer (200 expected). */
    private Response save(String user, String id, String body) {
        Response current = as(user).get("/articles/" + id);
        Map<String, Object> change = article(current.path("headline"), List.of(jane));
        change.put("slug", current.path("slug"));
        change.put("body", body);
        Response saved = as(user).header("If-Match", current.header("ETag")).body(change).put("/articles/" + id);
        saved.then().statusCode(200);
        return saved;
    }

    /** As if the working revision's last save, or its first, had happened {@code minutes} ago. */
    private void age(String id, String column, int minutes) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update article_revision set " + column + " = "
                        + column + " - make_interval(mins => :m) where article_id = cast(:id as uuid)"
                        + " and number = (select working_revision from article where id = cast(:id as uuid))")
                .setParameter("m", minutes).setParameter("id", id).executeUpdate());
    }

    @Test
    void savesInARowFoldIntoOneRevisionWithTheLastContentWhileTheVersionMovesOnEverySave() {
        String id = draft("alice");
        long version = Long.parseLong(etag(id).replace("\"", ""));
        save("alice", id, "The minister").then().body("workingRevision", is(2));
        save("alice", id, "The minister said").then().body("workingRevision", is(2));
        save("alice", id, "The minister said on Tuesday").then().body("workingRevision", is(2), "version", is((int) version + 3));
        as("alice").get("/articles/" + id + "/revisions").then().statusCode(200)
                .body("items.number", contains(2, 1))
                .body("items[0].saves", is(3), "items[0].author", is("alice"), "items[0].working", is(true))
                .body("items[1].saves", is(1), "items[1].steps.action", contains("create"));
        Response second = as("alice").get("/articles/" + id + "/revisions/2");
        second.then().statusCode(200).body("body", is("The minister said on Tuesday"), "saves", is(3));
        assertTrue(Instant.parse(second.path("updatedAt")).isAfter(Instant.parse(second.path("createdAt"))), "spans its saves");
        // an unchanged save is no save: same version, same count
        Response current = as("alice").get("/articles/" + id);
        save("alice", id, "The minister said on Tuesday").then().body("version", is((int) current.path("version")));
        as("alice").get("/articles/" + id + "/revisions/2").then().body("saves", is(3));
    }

    @Test
    void aWorkflowStepInBetweenStartsANewRevision() {
        String id = draft("alice");
        save("alice", id, "Before review").then().body("workingRevision", is(2));
        transition("alice", id, "submit", null).then().statusCode(200);
        transition("erin", id, "request_changes", "Name the source").then().statusCode(200);
        save("alice", id, "Before review, named source").then().body("workingRevision", is(3));
        save("alice", id, "Before review, named source twice").then().body("workingRevision", is(3));
        as("alice").get("/articles/" + id + "/revisions").then().statusCode(200)
                .body("items.number", contains(3, 2, 1))
                .body("items[0].saves", is(2))
                .body("items[1].steps.action", contains("submit", "request_changes"));
    }

    @Test
    void anotherPersonsSaveStartsANewRevision() {
        String id = draft("alice");
        save("alice", id, "Alice types").then().body("workingRevision", is(2));
        save("erin", id, "Erin edits").then().body("workingRevision", is(3));
        save("erin", id, "Erin edits more").then().body("workingRevision", is(3));
        save("alice", id, "Alice again").then().body("workingRevision", is(4));
        as("erin").get("/articles/" + id + "/revisions").then().body("items.author", contains("alice", "erin", "alice", "alice"));
        as("erin").get("/articles/" + id + "/revisions/2").then().body("body", is("Alice types"));
    }

    @Test
    void aLongPauseOrALongSessionStartsANewRevision() {
        String id = draft("alice");
        save("alice", id, "One").then().body("workingRevision", is(2));
        age(id, "updated_at", 11); // default gap: 10 minutes
        save("alice", id, "One two").then().body("workingRevision", is(3));
        save("alice", id, "One two three").then().body("workingRevision", is(3));
        age(id, "created_at", 61); // default longest session: 60 minutes, however steady the typing
        save("alice", id, "One two three four").then().body("workingRevision", is(4));
        as("alice").get("/articles/" + id + "/revisions/2").then().body("body", is("One"));
        as("alice").get("/articles/" + id + "/revisions/3").then().body("body", is("One two three"));
    }

    @Test
    void theLiveRevisionIsNeverEditedInPlaceAndARestoreIsAlwaysANewRevision() {
        String id = draft("erin");
        save("erin", id, "Ready").then().body("workingRevision", is(2));
        transition("erin", id, "submit", null).then().statusCode(200);
        transition("erin", id, "approve", null).then().statusCode(200);
        transition("erin", id, "publish", null).then().statusCode(200).body("liveRevision", is(2));
        save("erin", id, "Ready, corrected").then().body("workingRevision", is(3), "liveRevision", is(2), "status", is("DRAFT"));
        save("erin", id, "Ready, corrected again").then().body("workingRevision", is(3));
        as("erin").get("/articles/" + id + "/revisions/2").then().body("body", is("Ready"), "saves", is(1));
        // the working revision right after a publish is live: a save starts a new one
        transition("erin", id, "publish", null).then().statusCode(200).body("liveRevision", is(3));
        save("erin", id, "After the second publish").then().body("workingRevision", is(4), "liveRevision", is(3));
        publishedView(id).then().statusCode(200).body("bodyHtml", is("<p>Ready, corrected again</p>\n"));

        as("erin").header("If-Match", etag(id)).post("/articles/" + id + "/revisions/2/restore").then().statusCode(200)
                .body("workingRevision", is(5), "body", is("Ready"));
        save("erin", id, "Typed after the restore").then().body("workingRevision", is(6));
        as("erin").get("/articles/" + id + "/revisions/5").then().body("note", is("restored from revision 2"), "body", is("Ready"));
    }

    @Test
    void changesRequestedIsSetByRequestChangesClearedBySubmitAndFiltered() {
        String id = draft("alice");
        transition("alice", id, "submit", null).then().statusCode(200).body("changesRequested", is(false));
        transition("erin", id, "request_changes", "Attribute the quote").then().statusCode(200).body("changesRequested", is(true));
        as("alice").get("/articles/" + id).then().body("changesRequested", is(true));
        as("erin").get("/articles?changesRequested=true&size=100").then().statusCode(200)
                .body("items.id", hasItem(id))
                .body("items.changesRequested", everyItem(is(true)))
                .body("items.status", everyItem(is("DRAFT")));
        // an edit keeps it handed back; the next workflow step clears it
        save("alice", id, "Attributed").then().body("changesRequested", is(true));
        transition("alice", id, "submit", null).then().statusCode(200).body("changesRequested", is(false));
        as("erin").get("/articles?changesRequested=true&size=100").then().body("items.id", not(hasItem(id)));
        as("erin").get("/articles?size=100").then().body("items.find { it.id == '" + id + "' }.changesRequested", is(false));
        as("erin").get("/articles?changesRequested=maybe").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", is("changesRequested"));
        as("erin").get("/articles?mine=yes").then().statusCode(400).contentType(PROBLEM).body("errors[0].field", is("mine"));
    }
}
