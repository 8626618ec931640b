package io.newsroom.cms.articles;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.newsroom.cms.articles.ArticleApi.*;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 20: assigning an article for review, the assignee's queue, and the in-app notifications each workflow step,
 * assignment and @mention leaves, for exactly the right person; nobody reads anyone else's notifications.
 */
@QuarkusTest
class AssignmentsAndNotificationsTest {
    private static final String PROBLEM = "application/problem+json";
    private static String jane;

    @BeforeAll
    static void setUp() {
        jane = author("Jane Notify", true);
    }

    /** The service knows people from their tokens: everyone of the story signs in once (RestAssured's port is set per test). */
    @BeforeEach
    void signIn() {
        for (String user : List.of("alice", "bob", "erin", "carl", "root")) {
            as(user).get("/notifications/unread-count").then().statusCode(200);
        }
    }

    private static String draft(String owner, String headline) {
        return create(owner, article(headline, List.of(jane))).then().statusCode(201).extract().path("id");
    }

    private static long assignmentVersion(String id) {
        return ((Number) as("root").get("/articles/" + id).then().statusCode(200).extract().path("assignment.version")).longValue();
    }

    private static Response assign(String user, String id, String assignee) {
        Map<String, Object> body = new HashMap<>();
        body.put("assignee", assignee);
        body.put("note", "Please check the figures");
        return as(user).header("If-Match", "\"" + assignmentVersion(id) + "\"").body(body).put("/articles/" + id + "/assignee");
    }

    /** The caller's notifications about one article (their own list, filtered here to keep tests independent). */
    private static List<Map<String, Object>> about(String user, String articleId) {
        List<Map<String, Object>> items = as(user).queryParam("limit", 100).get("/notifications")
                .then().statusCode(200).extract().path("items");
        return items.stream().filter(n -> articleId.equals(n.get("articleId"))).toList();
    }

    private static long count(String user, String articleId, String type) {
        return about(user, articleId).stream().filter(n -> type.equals(n.get("type"))).count();
    }

    private static long unread(String user) {
        return ((Number) as(user).get("/notifications/unread-count").then().statusCode(200).extract().path("count")).longValue();
    }

    @Test
    void anEditorAssignsAndTheAssigneeIsToldOnceAndFindsItInTheirQueue() {
        String headline = unique("Harbour dredging");
        String id = draft("alice", headline);
        assertEquals(0, assignmentVersion(id));
        long before = unread("root");
        String articleEtag = etag(id);

        Response assigned = assign("erin", id, "root");
        assigned.then().statusCode(200).header("ETag", "\"1\"").body("assignee", is("root")).body("assignedBy", is("erin"))
                .body("note", is("Please check the figures")).body("version", is(1));
        as("root").get("/articles/" + id).then().body("assignment.assignee", is("root"));
        // assigning does not make anyone's open editor stale: the article's own version stays
        assertEquals(articleEtag, etag(id));

        assertEquals(1, count("root", id, "ASSIGNED"));
        assertEquals(before + 1, unread("root"));
        Map<String, Object> n = about("root", id).get(0);
        assertEquals("erin", n.get("actor"));
        assertEquals("Erin Ellis", n.get("actorName"), "the name erin goes by (her token's), as presence shows it");
        assertEquals(headline, n.get("text"));
        assertEquals(null, n.get("readAt"));

        // the queue: root's, through "me" and by name; not erin's
        as("root").queryParam("assignee", "me").get("/articles").then().statusCode(200)
                .body("items.id", hasItem(id)).body("items.find { it.id == '" + id + "' }.assignee", is("root"));
        as("erin").queryParam("assignee", "root").get("/articles").then().body("items.id", hasItem(id));
        as("erin").queryParam("assignee", "me").get("/articles").then().body("items.id", not(hasItem(id)));

        // the same assignee again tells nobody twice; unassigning clears the queue
        assign("erin", id, "root").then().statusCode(200).body("version", is(2));
        assertEquals(1, count("root", id, "ASSIGNED"));
        as("erin").header("If-Match", "\"2\"").delete("/articles/" + id + "/assignee").then().statusCode(200)
                .header("ETag", "\"3\"").body("assignee", nullValue());
        as("root").queryParam("assignee", "me").get("/articles").then().body("items.id", not(hasItem(id)));
    }

    @Test
    void assigningFollowsRolesOwnershipAndVersions() {
        String id = draft("alice", unique("Ferry timetable"));
        // another writer, a curator: refused
        assign("bob", id, "erin").then().statusCode(403).contentType(PROBLEM);
        assign("carl", id, "erin").then().statusCode(403).contentType(PROBLEM);
        // the owner may ask an editor for review of her draft
        assign("alice", id, "erin").then().statusCode(200).body("assignee", is("erin"));
        // stale or missing If-Match
        as("erin").header("If-Match", "\"0\"").body(Map.of("assignee", "root")).put("/articles/" + id + "/assignee")
                .then().statusCode(412).contentType(PROBLEM).body("currentVersion", is(1));
        as("erin").body(Map.of("assignee", "root")).put("/articles/" + id + "/assignee").then().statusCode(428);
        assertEquals(1, count("erin", id, "ASSIGNED"), "alice's request reached erin");
        // editors take an article themselves without being told about it
        assign("erin", id, "root").then().statusCode(200);
        assign("erin", id, "erin").then().statusCode(200).body("assignee", is("erin"));
        assertEquals(1, count("erin", id, "ASSIGNED"), "taking it herself tells erin nothing");
        assertEquals(1, count("root", id, "ASSIGNED"));
        // once approved, the writer may no longer move the assignment
        transition("alice", id, "submit", null).then().statusCode(200);
        transition("erin", id, "approve", null).then().statusCode(200);
        assign("alice", id, "root").then().statusCode(403).contentType(PROBLEM);
        // publishing ends the review: the assignment is cleared
        transition("erin", id, "publish", null).then().statusCode(200);
        as("erin").get("/articles/" + id).then().body("assignment.assignee", nullValue());
        // an unknown article
        as("erin").header("If-Match", "\"0\"").body(Map.of("assignee", "erin"))
                .put("/articles/00000000-0000-0000-0000-000000000000/assignee").then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void theAssigneeMustBeSomeoneWhoReviews() {
        String id = draft("alice", unique("Tram depot"));
        assign("erin", id, "nobody-like-this").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", contains("assignee")).body("errors[0].message", containsString("nobody"));
        assign("erin", id, "bob").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", contains("assignee")).body("errors[0].message", containsString("editor or an admin"));
        assign("erin", id, "carl").then().statusCode(400).body("errors.field", contains("assignee"));
        assign("erin", id, "").then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem(containsString("assignee")));
        // names are matched as Keycloak stores them: lower case
        assign("erin", id, " ROOT ").then().statusCode(200).body("assignee", is("root"));
        // nothing was written by the refusals
        assertEquals(1, assignmentVersion(id));
        as("alice").get("/articles/assignees").then().statusCode(200)
                .body("items.username", hasItems("erin", "root")).body("items.username", not(hasItem("alice")));
        as("carl").get("/articles/assignees").then().statusCode(403);
    }

    @Test
    void eachWorkflowStepTellsTheRightPersonOnceAndNeverTheActor() {
        String id = draft("alice", unique("Council vote"));
        assign("erin", id, "root").then().statusCode(200);
        transition("alice", id, "submit", null).then().statusCode(200);
        assertEquals(1, count("root", id, "REVIEW_REQUESTED"), "the assignee hears of the submit");
        assertEquals(0, count("erin", id, "REVIEW_REQUESTED"), "with an assignee, other editors are not told");
        assertEquals(0, count("alice", id, "REVIEW_REQUESTED"));

        transition("erin", id, "request_changes", "Add the vote count").then().statusCode(200);
        assertEquals(1, count("alice", id, "CHANGES_REQUESTED"));
        assertEquals(0, count("erin", id, "CHANGES_REQUESTED"));

        transition("alice", id, "submit", null).then().statusCode(200);
        assertEquals(2, count("root", id, "REVIEW_REQUESTED"));
        transition("erin", id, "approve", null).then().statusCode(200);
        assertEquals(1, count("alice", id, "APPROVED"));
        transition("erin", id, "publish", null).then().statusCode(200);
        assertEquals(1, count("alice", id, "PUBLISHED"));
        assertEquals(0, count("erin", id, "PUBLISHED"));
        assertEquals(0, count("bob", id, "PUBLISHED"));
        // nothing reached bob or carl about this article at all
        assertTrue(about("bob", id).isEmpty());
        assertTrue(about("carl", id).isEmpty());
    }

    @Test
    void anUnassignedSubmitTellsTheRecentEditorsButNotAdminsOrTheWriter() {
        String id = draft("alice", unique("Bridge repairs"));
        transition("alice", id, "submit", null).then().statusCode(200);
        assertEquals(1, count("erin", id, "REVIEW_REQUESTED"));
        assertEquals(0, count("root", id, "REVIEW_REQUESTED"));
        assertEquals(0, count("alice", id, "REVIEW_REQUESTED"));
        // an editor who publishes her own article is not told about it
        String own = draft("erin", unique("Editor's note"));
        transition("erin", own, "submit", null).then().statusCode(200);
        assertEquals(0, count("erin", own, "REVIEW_REQUESTED"));
        transition("erin", own, "approve", null).then().statusCode(200);
        transition("erin", own, "publish", null).then().statusCode(200);
        assertTrue(about("erin", own).isEmpty());
    }

    @Test
    void aCommentTellsEachKnownMentionedPersonOnce() {
        String id = draft("alice", unique("School meals"));
        as("erin").body(Map.of("body", "@alice please check this; @ALICE again, @root. cc @nobody-here, mail erin@alice.example,"
                        + " and @erin (me)"))
                .post("/articles/" + id + "/comments").then().statusCode(201);
        assertEquals(1, count("alice", id, "MENTIONED"));
        assertEquals(1, count("root", id, "MENTIONED"));
        assertEquals(0, count("erin", id, "MENTIONED"), "mentioning yourself tells nobody");
        assertEquals(0, count("bob", id, "MENTIONED"));
        Map<String, Object> n = about("alice", id).get(0);
        assertEquals("erin", n.get("actor"));
        // a comment without mentions tells nobody
        as("bob").body(Map.of("body", "Looks fine to me")).post("/articles/" + id + "/comments").then().statusCode(201);
        assertEquals(1, about("alice", id).size());
    }

    @Test
    void notificationsAreTheirRecipientsAloneAndReadOnce() {
        String id = draft("alice", unique("Library hours"));
        as("erin").body(Map.of("body", "@bob have a look")).post("/articles/" + id + "/comments").then().statusCode(201);
        Map<String, Object> mine = about("bob", id).get(0);
        String nid = (String) mine.get("id");
        // nobody else lists, counts or marks it
        for (String other : List.of("alice", "erin", "carl", "root")) {
            assertTrue(about(other, id).stream().noneMatch(n -> nid.equals(n.get("id"))), other + " must not see bob's notification");
            as(other).post("/notifications/" + nid + "/read").then().statusCode(404).contentType(PROBLEM);
        }
        as("root").post("/notifications/read-all").then().statusCode(200);
        assertEquals(null, about("bob", id).get(0).get("readAt"), "root's read-all does not touch bob's notifications");
        // anonymous: nothing
        io.restassured.RestAssured.given().get("/notifications").then().statusCode(401);
        io.restassured.RestAssured.given().get("/notifications/unread-count").then().statusCode(401);

        long unread = unread("bob");
        assertTrue(unread >= 1);
        as("bob").queryParam("unread", "true").queryParam("limit", 100).get("/notifications").then().statusCode(200)
                .body("items.id", hasItem(nid));
        as("bob").post("/notifications/" + nid + "/read").then().statusCode(200).body("readAt", notNullValue());
        as("bob").post("/notifications/" + nid + "/read").then().statusCode(200); // again: no change
        assertEquals(unread - 1, unread("bob"));
        as("bob").queryParam("unread", "true").queryParam("limit", 100).get("/notifications").then().body("items.id", not(hasItem(nid)));
        as("bob").post("/notifications/read-all").then().statusCode(200).body("marked", is((int) (unread - 1)));
        assertEquals(0, unread("bob"));
        as("bob").post("/notifications/read-all").then().statusCode(200).body("marked", is(0));
    }

    @Test
    void theListPagesByCursorAndRefusesBadParameters() {
        String id = draft("alice", unique("Market day"));
        for (int i = 0; i < 5; i++) {
            as("erin").body(Map.of("body", "@carl note " + i)).post("/articles/" + id + "/comments").then().statusCode(201);
        }
        Response first = as("carl").queryParam("limit", 2).get("/notifications");
        first.then().statusCode(200).body("items", hasSize(2)).body("nextCursor", notNullValue());
        String cursor = first.path("nextCursor");
        List<String> seen = new java.util.ArrayList<>(first.path("items.id"));
        while (cursor != null) {
            Response page = as("carl").queryParam("limit", 2).queryParam("cursor", cursor).get("/notifications");
            page.then().statusCode(200);
            seen.addAll(page.path("items.id"));
            cursor = page.path("nextCursor");
        }
        assertEquals(seen.size(), new java.util.HashSet<>(seen).size(), "no notification twice across pages");
        assertTrue(seen.size() >= 5);
        as("carl").queryParam("cursor", "not-a-cursor").get("/notifications").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("cursor"));
        as("carl").queryParam("unread", "maybe").get("/notifications").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem(containsString("unread")));
        as("carl").queryParam("limit", 0).get("/notifications").then().statusCode(400).contentType(PROBLEM);
        as("carl").post("/notifications/not-a-uuid/read").then().statusCode(404).contentType(PROBLEM);
        assertNotNull(id);
    }
}
