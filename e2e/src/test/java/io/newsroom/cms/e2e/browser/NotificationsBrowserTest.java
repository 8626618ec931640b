package io.newsroom.cms.e2e.browser;

import io.newsroom.cms.e2e.SystemExtension;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 20, assignments and notifications, in a real browser: an editor assigns a submitted article to another reviewer
 * (an admin); that person signs in and finds the unread count on the bell, the article under "Assigned to me" and the
 * notification; a comment that mentions @alice reaches the writer. Screenshots e2e/target/screenshots/68-*.png (each
 * checked by axe-core).
 */
@ExtendWith(SystemExtension.class)
class NotificationsBrowserTest {
    private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 6);
    private static final String HEADLINE = "Harbour dredging delayed again " + SUFFIX;
    private static String articleId;

    private static RequestSpecification as(String user) {
        return given().header("Authorization", SystemExtension.bearer(user)).contentType(ContentType.JSON);
    }

    @BeforeAll
    static void seed() {
        // the articles service knows people from their tokens: the reviewer has signed in before (the bell asks at sign-in)
        for (String user : List.of("alice", "erin", "root")) {
            as(user).get("/api/notifications/unread-count").then().statusCode(200);
        }
        String jane = as("root").body(Map.of("slug", "jane-notify-" + SUFFIX, "displayName", "Jane Notify " + SUFFIX))
                .post("/api/authors").then().statusCode(201).extract().path("id");
        articleId = as("alice").body(Map.of("headline", HEADLINE, "body", "The port authority postponed the works.", "byline", List.of(jane)))
                .post("/api/articles").then().statusCode(201).extract().path("id");
        as("alice").header("If-Match", SystemExtension.etag("/api/articles/" + articleId)).body(Map.of("action", "submit"))
                .post("/api/articles/" + articleId + "/transitions").then().statusCode(200);
    }

    private static long unread(String user) {
        return ((Number) as(user).get("/api/notifications/unread-count").then().statusCode(200).extract().path("count")).longValue();
    }

    @Test
    void anAssignmentReachesTheAssigneesQueueAndBellAndAMentionReachesTheWriter() {
        long rootBefore = unread("root");
        try (Browser erin = Browser.signIn("erin")) {
            erin.open("/articles/" + articleId);
            erin.waitForText(By.cssSelector("[data-testid=assignee]"), "Not assigned");
            erin.click(By.cssSelector("[data-testid=assign]"));
            erin.byTestId("assign-dialog");
            // nobody chosen: the error is at the field, in words, once
            erin.click(By.cssSelector("[data-testid=confirm-assign]"));
            erin.waitForText(By.id("assign-to-error"), "Choose who should review the article.");
            assertEquals(1L, ((Number) erin.js("return document.body.innerText.split('Choose who should review').length - 1")).longValue());
            assertEquals("assign-to", erin.js("return document.activeElement.id"));
            erin.screenshot("68-assign-needs-a-reviewer");

            erin.until(d -> new Select(d.findElement(By.id("assign-to"))).getOptions().stream().anyMatch(o -> o.getText().startsWith("root")));
            new Select(erin.waitFor(By.id("assign-to"))).selectByValue("root");
            erin.type(By.id("assign-note"), "Check the cost figures");
            erin.screenshot("68-assign-dialog");
            erin.click(By.cssSelector("[data-testid=confirm-assign]"));
            erin.waitForText(By.cssSelector("[data-testid=assignee]"), "root");
            assertTrue(erin.byTestId("assignee-picker").getText().contains("Check the cost figures"));
            erin.screenshot("68-assigned-in-the-editor");

            // a review comment that mentions the writer
            erin.type(By.id("new-comment"), "@alice the second paragraph needs a source. Thanks!");
            erin.clickButton("Post comment");
            erin.waitForText(By.cssSelector(".timeline"), "needs a source");
        }
        assertEquals("root", as("root").get("/api/articles/" + articleId).path("assignment.assignee"));
        assertEquals(rootBefore + 1, unread("root"), "root is told once, of the assignment");

        try (Browser root = Browser.signIn("root")) {
            root.open("/");
            root.until(d -> !d.findElements(By.cssSelector("[data-testid=bell-count]")).isEmpty());
            String label = root.byTestId("bell").getAttribute("aria-label");
            assertTrue(label.matches("Notifications, (\\d+|more than 99) unread"), label);
            root.click(By.cssSelector("[data-testid=scope-assigned]"));
            root.until(d -> d.getCurrentUrl().contains("scope=assigned"));
            // the queue: the article is there, and every row is one of root's
            root.until(d -> {
                List<String> rows = d.findElements(By.cssSelector("table tbody tr")).stream().map(r -> r.getText()).toList();
                return !rows.isEmpty() && rows.stream().anyMatch(r -> r.contains(HEADLINE))
                        && rows.stream().allMatch(r -> r.contains("reviewer root"));
            });
            assertEquals("true", root.byTestId("scope-assigned").getAttribute("aria-selected"));
            root.screenshot("68-assigned-to-me");

            // the bell by keyboard
            root.js("document.querySelector('[data-testid=bell]').focus()");
            root.byTestId("bell").sendKeys(Keys.ENTER);
            root.until(d -> d.getCurrentUrl().endsWith("/notifications"));
            root.waitForText(By.cssSelector("[data-testid=notifications]"), "Erin Ellis assigned you “" + HEADLINE + "”");
            root.screenshot("68-notifications-unread");
            root.click(By.cssSelector("[data-testid=mark-all-read]"));
            root.until(d -> d.findElements(By.cssSelector("[data-testid=bell-count]")).isEmpty());
            assertEquals("Notifications, none unread", root.byTestId("bell").getAttribute("aria-label"));
            assertFalse(root.byTestId("notifications").getText().contains("Unread:"));
            root.screenshot("68-notifications-all-read");
        }
        assertEquals(0, unread("root"));

        try (Browser alice = Browser.signIn("alice")) {
            alice.open("/notifications");
            alice.waitForText(By.cssSelector("[data-testid=notifications]"), "Erin Ellis mentioned you in a comment on “" + HEADLINE + "”");
            assertTrue(alice.byTestId("bell-count").isDisplayed());
            alice.screenshot("68-writer-mentioned");
            alice.clickLink("Erin Ellis mentioned you in a comment on “" + HEADLINE + "”");
            alice.until(d -> d.getCurrentUrl().endsWith("/articles/" + articleId));
            alice.waitForText(By.cssSelector("[data-testid=assignee]"), "root");
            // following the notification read it
            alice.until(d -> {
                List<Map<String, Object>> items = as("alice").get("/api/notifications?limit=100").then().statusCode(200).extract().path("items");
                return items.stream().anyMatch(n -> articleId.equals(n.get("articleId")) && "MENTIONED".equals(n.get("type")) && n.get("readAt") != null);
            });
        }
        List<Map<String, Object>> erinItems = as("erin").get("/api/notifications?limit=100").then().statusCode(200).extract().path("items");
        assertTrue(erinItems.stream().noneMatch(n -> articleId.equals(n.get("articleId")) && !"REVIEW_REQUESTED".equals(n.get("type"))),
                "erin acted and is told nothing of her own steps: " + erinItems);
    }
}
