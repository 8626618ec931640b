package io.newsroom.cms.articles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.newsroom.cms.articles.service.ScheduledTransitions;
import io.newsroom.cms.devstack.testing.TopicRecords;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.newsroom.cms.articles.ArticleApi.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An embargo holds an article back until a time: no publish before it (a schedule at the lift or later is fine, and the
 * scheduler re-checks it when it runs), and meanwhile only the owner, admins and the people and roles it names can
 * open the article; to everyone else every editorial read answers as if it did not exist. Once the time has passed it
 * is an ordinary article again. The workflow stream, which reaches outside systems, carries no slug meanwhile.
 */
@QuarkusTest
class EmbargoTest {
    private static final String PROBLEM = "application/problem+json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static String jane;

    @Inject
    ScheduledTransitions scheduler;

    @Inject
    AgroalDataSource db;

    @BeforeAll
    static void authors() {
        jane = author("Jane Embargo", true);
    }

    /** alice's article with {@code word} in its headline and body, submitted and approved: ready to publish. */
    private static String approved(String word) {
        Map<String, Object> body = article("Merger talks " + word, List.of(jane));
        body.put("body", "The " + word + " deal is announced at noon.");
        String id = create("alice", body).then().statusCode(201).extract().path("id");
        transition("alice", id, "submit", null).then().statusCode(200);
        transition("erin", id, "approve", null).then().statusCode(200);
        return id;
    }

    private static Response embargo(String user, String id, Instant until, List<String> users, List<String> roles) {
        Map<String, Object> body = new HashMap<>();
        body.put("until", until.toString());
        if (users != null || roles != null) {
            Map<String, Object> access = new HashMap<>();
            access.put("users", users);
            access.put("roles", roles);
            body.put("access", access);
        }
        return as(user).header("If-Match", etag(id)).body(body).put("/articles/" + id + "/embargo");
    }

    private static Response schedule(String id, Instant at) {
        return as("erin").header("If-Match", etag(id)).body(Map.of("action", "schedule", "at", at.toString()))
                .post("/articles/" + id + "/transitions");
    }

    private void sql(String statement) throws Exception {
        try (Connection connection = db.getConnection(); Statement s = connection.createStatement()) {
            s.execute(statement);
        }
    }

    private static Instant inAnHour() {
        return Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    }

    @Test
    void publishingIsRefusedBeforeTheLiftWithAProblemNamingTheEmbargo() {
        String id = approved(unique("early"));
        Instant until = inAnHour();
        embargo("erin", id, until, null, null).then().statusCode(200)
                .body("embargo.until", is(until.toString()))
                .body("embargo.access.roles", contains("editor"))
                .body("embargo.access.users", contains("erin"))
                .body("embargo.setBy", is("erin"))
                .body("allowedActions", hasItem("publish"));

        transition("erin", id, "publish", null).then().statusCode(409).contentType(PROBLEM)
                .body("detail", containsString("embargo until " + until))
                .body("embargoedUntil", is(until.toString()));
        as("erin").get("/articles/" + id).then().body("status", is("APPROVED")).body("live", is(false));
        publishedView(id).then().statusCode(404);
    }

    @Test
    void aScheduleBeforeTheLiftIsRefusedAtItsFieldAndOneAtTheLiftRunsThen() throws Exception {
        String id = approved(unique("atlift"));
        Instant until = inAnHour();
        embargo("erin", id, until, null, null).then().statusCode(200);

        schedule(id, until.minusMillis(1)).then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", is("at"))
                .body("errors[0].message", containsString("embargo lifts"))
                .body("embargoedUntil", is(until.toString()));
        schedule(id, until).then().statusCode(200).body("status", is("SCHEDULED"))
                .body("scheduledPublishAt", is(until.toString()));

        scheduler.runDue();
        assertNotPublishedBy(id, "before the lift");
        // the hour passes (both times moved back together rather than waited for): the lift and the schedule are due
        sql("update article set embargo_until = now() - interval '1 second', scheduled_publish_at = now() - interval '1 second'"
                + " where id = '" + id + "'");
        scheduler.runDue();
        publishedView(id).then().statusCode(200);
        as("bob").get("/articles/" + id).then().statusCode(200).body("embargo", nullValue()).body("status", is("PUBLISHED"));
        as("erin").get("/articles/" + id + "/history").then()
                .body("items.findAll { it.action == 'scheduled_publish' }", hasSize(1));
    }

    @Test
    void theSchedulerNeverPublishesEarlyWhenTheEmbargoWasMovedLaterAfterScheduling() throws Exception {
        String id = approved(unique("moved"));
        schedule(id, Instant.now().plusSeconds(3600)).then().statusCode(200);
        embargo("erin", id, Instant.now().plusSeconds(1800), null, null).then().statusCode(200);
        // the embargo moved past the scheduled time, then the scheduled time comes (moved here rather than waited for)
        embargo("erin", id, Instant.now().plusSeconds(7200), null, null).then().statusCode(200)
                .body("status", is("SCHEDULED"));
        sql("update article set scheduled_publish_at = now() - interval '1 second' where id = '" + id + "'");

        scheduler.runDue();
        assertNotPublishedBy(id, "the schedule waits for the lift");
        as("erin").get("/articles/" + id).then().body("status", is("SCHEDULED"));
        as("erin").get("/articles/" + id + "/history").then()
                .body("items.findAll { it.action.startsWith('scheduled_publish') }", hasSize(0))
                .body("items.findAll { it.action == 'change_embargo' }", hasSize(1));

        // the lift comes: the held schedule runs at the next poll
        sql("update article set embargo_until = now() - interval '1 second' where id = '" + id + "'");
        scheduler.runDue();
        publishedView(id).then().statusCode(200);
    }

    @Test
    void anUnnamedWriterFindsItNowhereInTheEditorialApi() {
        String word = unique("hidden");
        String id = approved(word);
        as("alice").body(Map.of("body", "A note from the writer")).post("/articles/" + id + "/comments").then().statusCode(201);
        embargo("erin", id, inAnHour(), null, null).then().statusCode(200);

        String missing = UUID.randomUUID().toString();
        String notFound = as("bob").get("/articles/" + missing).then().statusCode(404).extract().path("detail");
        as("bob").get("/articles/" + id).then().statusCode(404).contentType(PROBLEM)
                .body("detail", is(notFound.replace(missing, id)));
        for (String read : List.of("", "/history", "/comments", "/revisions", "/revisions/1", "/revisions/1/diff/1")) {
            as("bob").get("/articles/" + id + read).then().statusCode(404).contentType(PROBLEM);
            as("erin").get("/articles/" + id + read).then().statusCode(200);
        }
        // changes too: as if there were no such article
        as("bob").body(Map.of("body", "Hello?")).post("/articles/" + id + "/comments").then().statusCode(404);
        as("bob").header("If-Match", etag(id)).body(article("Taken over", List.of(jane))).put("/articles/" + id).then().statusCode(404);
        as("bob").header("If-Match", etag(id)).body(Map.of("action", "submit")).post("/articles/" + id + "/transitions").then().statusCode(404);
        as("bob").header("If-Match", etag(id)).post("/articles/" + id + "/revisions/1/restore").then().statusCode(404);

        // every list and search leaves it out, whatever the filter; for those it opens to, it is there
        String section = as("erin").get("/articles/" + id).path("primarySectionId");
        String sectionSlug = as("erin").get("/sections/" + section).path("slug");
        List<String> lists = List.of("?q=" + word, "?size=100", "?status=APPROVED&size=100", "?tag=cloud&size=100",
                "?author=" + jane, "?section=" + sectionSlug + "&size=100", "?q=" + word + "&sort=relevance");
        for (String query : lists) {
            as("bob").get("/articles" + query).then().statusCode(200).body("items.id", not(hasItem(id)));
            as("carl").get("/articles" + query).then().statusCode(200).body("items.id", not(hasItem(id)));
        }
        as("bob").get("/articles?q=" + word).then().body("total", is(0));
        for (String user : List.of("alice", "erin", "root")) {
            as(user).get("/articles?q=" + word).then().body("items.id", contains(id))
                    .body("items[0].embargoedUntil", notNullValue());
            as(user).get("/articles/" + id).then().statusCode(200);
            as(user).get("/articles/" + id + "/history").then().statusCode(200).body("items.action", hasItem("embargo"));
        }
    }

    @Test
    void aTagOnlyTheEmbargoedStoryCarriesIsInNoTagListOfThoseItHidesFrom() {
        // the story brings a new tag into the registry: its name alone says what the story is about
        String tag = unique("acme-takeover");
        Map<String, Object> body = article("Acme to buy Zenith", List.of(jane));
        body.put("tags", List.of(tag, "Cloud"));
        String id = create("alice", body).then().statusCode(201).extract().path("id");
        Map<String, Integer> cloudBefore = new HashMap<>();
        for (String user : List.of("bob", "carl")) {
            cloudBefore.put(user, as(user).get("/tags?q=cloud&limit=100").then().extract().jsonPath()
                    .getInt("items.find { it.name == 'cloud' }.articles"));
        }
        embargo("erin", id, inAnHour(), null, null).then().statusCode(200);

        for (String user : List.of("bob", "carl")) {
            as(user).get("/tags?q=" + tag).then().statusCode(200).body("total", is(0)).body("items", empty());
            as(user).get("/tags?q=acme-take&limit=100").then().statusCode(200).body("items.name", not(hasItem(tag)));
            as(user).get("/tags/" + tag).then().statusCode(404).contentType(PROBLEM);
            // a tag it shares with open articles stays, counting only those
            as(user).get("/tags?q=cloud&limit=100").then().statusCode(200)
                    .body("items.find { it.name == 'cloud' }.articles", is(cloudBefore.get(user) - 1));
        }
        for (String user : List.of("alice", "erin", "root")) {
            as(user).get("/tags?q=" + tag).then().statusCode(200).body("total", is(1)).body("items[0].articles", is(1));
            as(user).get("/tags/" + tag).then().statusCode(200).body("name", is(tag));
        }
        // once the embargo is lifted, the tag is everyone's again
        as("erin").header("If-Match", etag(id)).delete("/articles/" + id + "/embargo").then().statusCode(anyOf(is(200), is(204)));
        as("bob").get("/tags/" + tag).then().statusCode(200).body("articles", is(1));
    }

    @Test
    void anEditorWhoGuessesAHiddenTagsSlugCannotRenameMergeOrDeleteIt() {
        String tag = unique("zenith-sale");
        String open = unique("markets");
        Map<String, Object> body = article("Zenith for sale", List.of(jane));
        body.put("tags", List.of(tag));
        String id = create("alice", body).then().statusCode(201).extract().path("id");
        Map<String, Object> other = article("Markets today", List.of(jane));
        other.put("tags", List.of(open));
        create("alice", other).then().statusCode(201);
        // set by an admin and open to bob only: erin, an editor who manages tags, is not named
        embargo("root", id, inAnHour(), List.of("Bob"), List.of()).then().statusCode(200);
        String version = as("root").get("/tags/" + tag).then().statusCode(200).extract().header("ETag");

        as("erin").header("If-Match", version).body(Map.of("name", "renamed by a guess")).put("/tags/" + tag)
                .then().statusCode(404).contentType(PROBLEM);
        as("erin").header("If-Match", version).body(Map.of("description", "described by a guess")).patch("/tags/" + tag)
                .then().statusCode(404).contentType(PROBLEM);
        as("erin").header("If-Match", version).body(Map.of("into", open)).post("/tags/" + tag + "/merge")
                .then().statusCode(404).contentType(PROBLEM);
        as("erin").header("If-Match", version).delete("/tags/" + tag).then().statusCode(404).contentType(PROBLEM);
        // nor can a tag she sees be merged into it: as if it did not exist
        String openVersion = as("erin").get("/tags/" + open).then().statusCode(200).extract().header("ETag");
        as("erin").header("If-Match", openVersion).body(Map.of("into", tag)).post("/tags/" + open + "/merge")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", is("into"));

        // nothing changed: the story still carries its tag, under its name, as its version says
        as("root").get("/tags/" + tag).then().statusCode(200).header("ETag", is(version)).body("name", is(tag))
                .body("articles", is(1));
        as("root").get("/articles/" + id).then().statusCode(200).body("tags", hasItem(tag));
        as("erin").get("/tags/" + open).then().statusCode(200).header("ETag", is(openVersion));
    }

    @Test
    void theNamedPeopleAndRolesMayOpenItAndAnEditorNotNamedMayNot() {
        String word = unique("named");
        String id = approved(word);
        // set by an admin, open to bob and the curators only: the editors are not named
        embargo("root", id, inAnHour(), List.of("Bob"), List.of("curator")).then().statusCode(200)
                .body("embargo.access.users", contains("bob", "root"))
                .body("embargo.access.roles", contains("curator"));
        for (String user : List.of("bob", "carl", "alice", "root")) {
            as(user).get("/articles/" + id).then().statusCode(200).body("embargo.until", notNullValue());
            as(user).get("/articles?q=" + word).then().body("items.id", contains(id));
            as(user).get("/articles/" + id + "/revisions").then().statusCode(200);
        }
        as("erin").get("/articles/" + id).then().statusCode(404);
        as("erin").get("/articles?q=" + word).then().body("total", is(0));
        transition("erin", id, "publish", null).then().statusCode(404);
        // an editor the embargo does not name cannot change or lift it either
        as("erin").header("If-Match", etag(id)).delete("/articles/" + id + "/embargo").then().statusCode(404);
    }

    @Test
    void thePeopleItDoesNotNameLearnNothingOfItFromTheCalendarPresencePreviewsAssignmentsOrNotifications() {
        String word = unique("quiet");
        String id = approved(word);
        Instant until = inAnHour();
        // open to bob and the curators only, and scheduled at the lift by the admin who set it
        embargo("root", id, until, List.of("bob"), List.of("curator")).then().statusCode(200);
        as("root").header("If-Match", etag(id)).body(Map.of("action", "schedule", "at", until.toString()))
                .post("/articles/" + id + "/transitions").then().statusCode(200);
        as("bob").get("/articles?q=" + word).then().statusCode(200); // bob and erin have signed in: both are known people
        as("erin").get("/articles?q=" + word).then().statusCode(200);

        String week = "/articles/schedule?from=" + Instant.now().minus(1, ChronoUnit.HOURS) + "&to=" + Instant.now().plus(2, ChronoUnit.DAYS);
        as("root").get(week).then().statusCode(200).body("items.articleId", hasItem(id));
        as("carl").get(week).then().statusCode(200).body("items.articleId", hasItem(id));
        as("erin").get(week).then().statusCode(200).body("items.articleId", not(hasItem(id)));
        as("erin").get("/articles/" + id + "/presence").then().statusCode(404).contentType(PROBLEM);
        as("erin").body(Map.of()).post("/articles/" + id + "/previews").then().statusCode(404).contentType(PROBLEM);
        as("root").header("If-Match", "\"0\"").body(Map.of("assignee", "erin")).put("/articles/" + id + "/assignee")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", is("assignee"));

        as("root").body(Map.of("body", "Ready at the lift, @erin and @bob")).post("/articles/" + id + "/comments").then().statusCode(201);
        // (the submit before the embargo told the editors, erin too: that one is older than the embargo)
        String mentions = "items.findAll { it.type == 'MENTIONED' }.articleId";
        List<String> erins = as("erin").queryParam("limit", 100).get("/notifications").then().statusCode(200)
                .extract().jsonPath().getList(mentions);
        List<String> bobs = as("bob").queryParam("limit", 100).get("/notifications").then().statusCode(200)
                .extract().jsonPath().getList(mentions);
        assertTrue(bobs.contains(id), "bob, whom the embargo names, is told of the mention: " + bobs);
        assertTrue(!erins.contains(id), "erin, whom it does not name, is not told of the mention: " + erins);
    }

    @Test
    void anEmbargoIsCheckedAndOnlyEditorsAndAdminsSetIt() {
        String id = approved(unique("checked"));
        embargo("erin", id, Instant.now().minusSeconds(60), null, null).then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", is("until")).body("errors[0].message", containsString("in the future"));
        embargo("erin", id, Instant.now().plus(400, ChronoUnit.DAYS), null, null).then().statusCode(400)
                .body("errors[0].field", is("until"));
        embargo("erin", id, inAnHour(), List.of(), List.of("editor", "publisher")).then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", is("access.roles[1]")).body("errors[0].message", containsString("not a newsroom role"));
        embargo("erin", id, inAnHour(), List.of("bob smith"), List.of()).then().statusCode(400)
                .body("errors[0].field", startsWith("access.users"));
        as("erin").header("If-Match", etag(id)).body(Map.of()).put("/articles/" + id + "/embargo").then().statusCode(400)
                .body("errors.field", hasItem("until"));
        embargo("alice", id, inAnHour(), null, null).then().statusCode(403).contentType(PROBLEM);
        as("erin").body(Map.of("until", inAnHour().toString())).put("/articles/" + id + "/embargo").then().statusCode(428);
        as("erin").header("If-Match", "\"999999\"").body(Map.of("until", inAnHour().toString())).put("/articles/" + id + "/embargo")
                .then().statusCode(412);
        as("erin").header("If-Match", etag(id)).delete("/articles/" + id + "/embargo").then().statusCode(409)
                .body("detail", containsString("not under embargo"));
        as("erin").get("/articles/" + id).then().body("embargo", nullValue());

        String live = publish(article(unique("Already out"), List.of(jane)));
        embargo("erin", live, inAnHour(), null, null).then().statusCode(409).body("detail", containsString("Unpublish it first"));
    }

    @Test
    void afterTheLiftItIsAnOrdinaryArticleAndALiftedOneToo() throws Exception {
        String id = approved(unique("lapses"));
        embargo("erin", id, inAnHour(), null, null).then().statusCode(200);
        as("bob").get("/articles/" + id).then().statusCode(404);
        sql("update article set embargo_until = now() - interval '1 millisecond' where id = '" + id + "'");
        as("bob").get("/articles/" + id).then().statusCode(200).body("embargo", nullValue());
        transition("erin", id, "publish", null).then().statusCode(200).body("live", is(true));

        String other = approved(unique("lifted"));
        embargo("erin", other, inAnHour(), null, null).then().statusCode(200);
        as("erin").header("If-Match", etag(other)).delete("/articles/" + other + "/embargo").then().statusCode(200)
                .body("embargo", nullValue());
        as("bob").get("/articles/" + other).then().statusCode(200);
        as("erin").get("/articles/" + other + "/history").then().body("items.action", hasItems("embargo", "lift_embargo"));
        transition("erin", other, "publish", null).then().statusCode(200);
    }

    @Test
    void theWorkflowStreamCarriesNoSlugWhileTheEmbargoHolds() throws Exception {
        String id = approved(unique("stream"));
        String slug = as("erin").get("/articles/" + id).path("slug");
        embargo("erin", id, inAnHour(), null, null).then().statusCode(200);
        transition("erin", id, "request_changes", "Tighten the second paragraph").then().statusCode(200);
        as("erin").header("If-Match", etag(id)).delete("/articles/" + id + "/embargo").then().statusCode(200);

        List<ConsumerRecord<String, String>> records = TopicRecords.read(
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class), "cms.articles.workflow", id,
                found -> found.size() >= 6, Duration.ofSeconds(30));
        List<String> actions = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            JsonNode change = JSON.readTree(record.value());
            actions.add(change.path("action").asText());
            boolean held = List.of("embargo", "request_changes").contains(change.path("action").asText());
            if (held) {
                assertTrue(change.path("slug").isNull(), "no slug while the embargo holds: " + record.value());
                assertTrue(!record.value().contains(slug) && !record.value().contains("Merger"), record.value());
            } else {
                assertEquals(slug, change.path("slug").asText(), record.value());
            }
        }
        assertEquals(List.of("create", "submit", "approve", "embargo", "request_changes", "lift_embargo"), actions);
    }

    /** The article is not live and readers cannot get it. */
    private static void assertNotPublishedBy(String id, String why) {
        Response article = as("erin").get("/articles/" + id);
        assertEquals(false, article.path("live"), why);
        assertNull(article.path("lastPublishedAt"), why);
        publishedView(id).then().statusCode(404);
    }
}
