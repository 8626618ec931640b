package io.newsroom.cms.e2e.browser;

import io.newsroom.cms.e2e.SystemExtension;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.interactions.Actions;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Scheduling in the open and no lost keystrokes, in a real browser against the real stack: a curator schedules a
 * featured list and cancels it, and it does not go live; the planning calendar shows a week's scheduled article and
 * list, an editor drags the article to another day (and moves the list by keyboard) and the new times persist, a move
 * based on an old version is refused in words and the week reloaded; a writer's tab crashes with typing the server never
 * got, and a new tab offers it back. Screens: e2e/target/screenshots/66-* and 67-*.
 */
@Order(1) // first: most of its time is waiting for a scheduled time to pass, which ./cms test fills with other modules' tests
@ExtendWith(SystemExtension.class)
class PlanningBrowserTest {
    private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 6);
    private static final ZoneId ZONE = ZoneId.systemDefault();
    private static String authorId;

    private static RequestSpecification as(String user) {
        return given().header("Authorization", SystemExtension.bearer(user)).contentType(ContentType.JSON);
    }

    @BeforeAll
    static void seed() {
        authorId = as("root").body(Map.of("slug", "pat-planner-" + SUFFIX, "displayName", "Pat Planner " + SUFFIX))
                .post("/api/authors").then().statusCode(201).extract().path("id");
    }

    private static String article(String user, String headline) {
        return as(user).body(Map.of("headline", headline, "dek", "A standfirst.", "body", "The first paragraph.", "byline", List.of(authorId)))
                .post("/api/articles").then().statusCode(201).extract().path("id");
    }

    private static void step(String user, String id, Map<String, Object> body) {
        as(user).header("If-Match", SystemExtension.etag("/api/articles/" + id)).body(body).post("/api/articles/" + id + "/transitions")
                .then().statusCode(200);
    }

    private static String publishedArticle(String headline) {
        String id = article("erin", headline);
        for (String action : List.of("submit", "approve", "publish")) {
            step("erin", id, Map.of("action", action));
        }
        return id;
    }

    /** A featured list with one published story in its draft, never published. */
    private static String list(String title) {
        String slug = "plan-" + UUID.randomUUID().toString().substring(0, 8);
        as("carl").body(Map.of("slug", slug, "title", title, "maxItems", 5)).post("/api/lists").then().statusCode(201);
        as("carl").header("If-Match", SystemExtension.etag("/api/lists/" + slug + "/draft"))
                .body(Map.of("articleId", publishedArticle("Rail story " + title))).post("/api/lists/" + slug + "/draft/items").then().statusCode(200);
        return slug;
    }

    /** Sets a date-time input as the input event a person's typing fires (its segments differ by locale). */
    private static void setDateTime(Browser browser, WebElement input, String value) {
        browser.js("const set = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;"
                + "set.call(arguments[0], arguments[1]); arguments[0].dispatchEvent(new Event('input', {bubbles: true}));", input, value);
    }

    private static String local(Instant at, String pattern) {
        return LocalDateTime.ofInstant(at, ZONE).format(DateTimeFormatter.ofPattern(pattern));
    }

    @Test
    void aCuratorSchedulesAListThenCancelsItAndItDoesNotPublish() throws Exception {
        String slug = list("Late edition " + SUFFIX);
        Instant at;
        try (Browser carl = Browser.signIn("carl")) {
            carl.open("/lists/" + slug);
            carl.waitForText(By.cssSelector("[data-testid=draft-state]"), "Not published yet");
            carl.clickButton("Schedule…");
            // far enough ahead to cancel it first (the clicks below take 5-10 s on a loaded machine), near enough to
            // see the time pass without holding the suite up
            at = Instant.now().plusSeconds(25).truncatedTo(ChronoUnit.SECONDS);
            setDateTime(carl, carl.waitFor(By.id("publish-at")), local(at, "yyyy-MM-dd'T'HH:mm:ss"));
            carl.click(By.cssSelector("[data-testid=confirm-schedule]"));
            carl.waitForToast("Publication scheduled");
            carl.waitForText(By.cssSelector("[data-testid=scheduled-state]"), "Publishes");
            carl.screenshot("66-list-scheduled");

            carl.click(By.cssSelector("[data-testid=cancel-schedule]"));
            WebElement confirm = carl.byTestId("confirm-unschedule-dialog");
            assertTrue(confirm.getText().contains("will not go live by itself"), confirm.getText());
            carl.until(d -> d.switchTo().activeElement().getText().equals("Keep the schedule")); // the safe choice has focus
            carl.screenshot("66-list-cancel-confirm");
            carl.click(By.cssSelector("[data-testid=confirm-unschedule]"));
            carl.waitForToast("The scheduled publication is cancelled");
            assertTrue(Instant.now().isBefore(at), "the story cancelled only after the scheduled time " + at + ": too slow a machine for this story");
            carl.until(d -> d.findElements(By.cssSelector("[data-testid=scheduled-state]")).isEmpty());
            assertTrue(carl.driver.findElements(By.cssSelector("[data-testid=cancel-schedule]")).isEmpty());
            carl.screenshot("66-list-schedule-cancelled");
        }
        // the audit says who cancelled what; past the time (and a scheduler round), nothing went live
        as("carl").get("/api/lists/" + slug + "/audit").then().statusCode(200)
                .body("items[0].action", org.hamcrest.Matchers.is("unschedule"))
                .body("items[0].actor", org.hamcrest.Matchers.is("carl"));
        Thread.sleep(Math.max(0, at.toEpochMilli() - System.currentTimeMillis()) + 7_000);
        given().get("/public/v1/lists/" + slug).then().statusCode(404);
        as("carl").get("/api/lists/" + slug).then().statusCode(200)
                .body("liveRevision", org.hamcrest.Matchers.nullValue())
                .body("scheduledPublishAt", org.hamcrest.Matchers.nullValue());
        List<String> actions = as("carl").get("/api/lists/" + slug + "/audit").then().extract().jsonPath().getList("items.action", String.class);
        assertFalse(actions.contains("scheduled_publish"), actions.toString());
    }

    @Test
    void theCalendarShowsTheWeeksArticleAndListAndADraggedEntryKeepsItsNewTime() {
        LocalDate monday = LocalDate.now(ZONE).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        Instant articleAt = monday.plusDays(1).atTime(10, 15).atZone(ZONE).toInstant(); // Tuesday 10:15
        Instant listAt = monday.plusDays(2).atTime(10, 40).atZone(ZONE).toInstant(); // Wednesday 10:40
        String headline = "Council budget vote " + SUFFIX;
        String id = article("erin", headline);
        step("erin", id, Map.of("action", "submit"));
        step("erin", id, Map.of("action", "approve"));
        step("erin", id, Map.of("action", "schedule", "at", articleAt.toString()));
        String title = "Weekend reads " + SUFFIX;
        String slug = list(title);
        as("carl").header("If-Match", SystemExtension.etag("/api/lists/" + slug + "/draft")).body(Map.of("at", listAt.toString()))
                .post("/api/lists/" + slug + "/publish").then().statusCode(200);
        String week = monday.toString();
        By articleEntry = By.cssSelector("[data-testid=calendar-entry][data-key='publish:" + id + "']");
        By listEntry = By.cssSelector("[data-testid=calendar-entry][data-key='list:" + slug + "']");

        try (Browser erin = Browser.signIn("erin")) {
            erin.click(By.cssSelector("[data-testid=nav-calendar]"));
            erin.waitFor(By.cssSelector("[data-testid=calendar-grid]"));
            erin.click(By.cssSelector("[data-testid=calendar-next]"));
            erin.until(d -> d.getCurrentUrl().contains("week=" + week));
            WebElement entry = erin.waitFor(articleEntry);
            assertEquals(monday.plusDays(1) + "T10", cellOf(erin, entry));
            assertTrue(entry.getText().contains(headline) && entry.getText().contains("Publishes"), entry.getText());
            assertEquals("/articles/" + id, entry.findElement(By.tagName("a")).getAttribute("pathname"));
            WebElement listChip = erin.waitFor(listEntry);
            assertEquals(monday.plusDays(2) + "T10", cellOf(erin, listChip));
            // an editor may look at the list's schedule but not move it
            assertTrue(listChip.findElements(By.cssSelector("[data-testid=calendar-handle]")).isEmpty());
            erin.screenshot("67-calendar-week");

            // drag the article from Tuesday to Thursday, same hour: it keeps its minutes
            WebElement handle = entry.findElement(By.cssSelector("[data-testid=calendar-handle]"));
            WebElement thursday = erin.driver.findElement(By.cssSelector("[data-slot='" + monday.plusDays(3) + "T10']"));
            erin.js("arguments[0].scrollIntoView({block: 'center'})", handle);
            new Actions(erin.driver).clickAndHold(handle).moveByOffset(8, 8).moveToElement(thursday).pause(java.time.Duration.ofMillis(200)).release().perform();
            erin.waitForToast("now publishes");
            Instant moved = monday.plusDays(3).atTime(10, 15).atZone(ZONE).toInstant();
            erin.until(d -> (monday.plusDays(3) + "T10").equals(cellOf(erin, d.findElement(articleEntry))));
            assertEquals(moved.toString(), as("erin").get("/api/articles/" + id).then().statusCode(200).extract().path("scheduledPublishAt"));
            erin.screenshot("67-calendar-dragged");

            // reloading shows the new time: it persisted
            erin.driver.navigate().refresh();
            erin.until(d -> !d.findElements(articleEntry).isEmpty() && (monday.plusDays(3) + "T10").equals(cellOf(erin, d.findElement(articleEntry))));
            assertEquals(moved.toString(), erin.driver.findElement(articleEntry).getAttribute("data-at").replace(".000Z", "Z"));

            // someone changes the article behind the calendar's back: the next move is refused in words, and the week reloaded
            as("erin").header("If-Match", SystemExtension.etag("/api/articles/" + id))
                    .body(Map.of("headline", headline + " (updated)", "byline", List.of(authorId))).put("/api/articles/" + id).then().statusCode(200);
            erin.click(erin.driver.findElement(articleEntry).findElement(By.cssSelector("[data-testid=calendar-handle]")));
            WebElement to = erin.byTestId("move-dialog").findElement(By.id("move-to"));
            setDateTime(erin, to, monday.plusDays(4) + "T09:15");
            erin.click(By.cssSelector("[data-testid=confirm-move]"));
            erin.waitForToast("was changed by someone else since the calendar was loaded, so it was not moved");
            erin.until(d -> d.findElement(articleEntry).getText().contains("(updated)"));
            assertEquals(moved.toString(), as("erin").get("/api/articles/" + id).then().extract().path("scheduledPublishAt"));
        }

        // a curator moves the list by keyboard alone: the handle, Enter, a date and time, Enter on Move
        try (Browser carl = Browser.signIn("carl")) {
            carl.open("/calendar?week=" + week);
            WebElement handle = carl.waitFor(listEntry).findElement(By.cssSelector("[data-testid=calendar-handle]"));
            carl.js("arguments[0].focus()", handle);
            handle.sendKeys(Keys.ENTER);
            WebElement to = carl.byTestId("move-dialog").findElement(By.id("move-to"));
            carl.until(d -> d.switchTo().activeElement().equals(to));
            setDateTime(carl, to, monday.plusDays(5) + "T08:40");
            carl.screenshot("67-calendar-move-dialog");
            carl.driver.findElement(By.cssSelector("[data-testid=confirm-move]")).sendKeys(Keys.ENTER);
            carl.waitForToast("now list publishes");
            carl.until(d -> (monday.plusDays(5) + "T08").equals(cellOf(carl, d.findElement(listEntry))));
        }
        assertEquals(monday.plusDays(5).atTime(8, 40).atZone(ZONE).toInstant().toString(),
                as("carl").get("/api/lists/" + slug).then().statusCode(200).extract().path("scheduledPublishAt"));
    }

    /** The slot (`2026-12-08T10`) of the cell an entry sits in. */
    private static String cellOf(Browser browser, WebElement entry) {
        return String.valueOf(browser.js("return arguments[0].closest('[data-slot]').dataset.slot", entry));
    }

    @Test
    void typingACrashedTabNeverSentIsOfferedBackInANewTab() {
        String marker = "Typed before the crash " + SUFFIX;
        String id = article("alice", "Harbour ferry timetable " + SUFFIX);
        try (Browser alice = Browser.signIn("alice")) {
            alice.open("/articles/" + id);
            WebElement body = alice.waitFor(By.id("body"));
            alice.until(d -> d.findElement(By.cssSelector("[data-testid=save-state]")).getText().equals("All changes saved"));
            // a second tab of the same browser, open before anything goes wrong (the next page opens there)
            String original = alice.driver.getWindowHandle();
            alice.driver.switchTo().newWindow(WindowType.TAB);
            String fresh = alice.driver.getWindowHandle();
            alice.driver.switchTo().window(original);
            // the connection goes before the typing: autosave cannot send it
            ChromiumNetworkConditions offline = new ChromiumNetworkConditions();
            offline.setOffline(true);
            alice.driver.setNetworkConditions(offline);
            alice.click(body);
            body.sendKeys(Keys.chord(Keys.CONTROL, Keys.END), " " + marker);
            alice.until(d -> Boolean.TRUE.equals(alice.js("return Object.keys(localStorage).some(k => k.startsWith('cms.unsent.v1/alice/')"
                    + " && localStorage.getItem(k).includes(arguments[0]))", marker)));
            // the tab's renderer crashes (as an out-of-memory tab does); the browser and its storage live on
            try {
                alice.driver.executeCdpCommand("Page.crash", Map.of());
            } catch (RuntimeException expected) {
                // the crashed page never answers
            }
            try {
                alice.driver.close(); // the crashed tab goes
            } catch (RuntimeException ignored) {
                // a crashed tab may refuse even that
            }
            alice.driver.switchTo().window(fresh);
            alice.driver.deleteNetworkConditions();
            String saved = as("alice").get("/api/articles/" + id).then().statusCode(200).extract().path("body");
            assertFalse(saved.contains(marker), "the server never got the typing");

            alice.openTakingOver("/articles/" + id); // the crashed tab's lock lasts until its expiry
            WebElement offer = alice.byTestId("unsent-edits");
            assertTrue(alice.byTestId("unsent-edits-text").getText().startsWith("You have unsaved changes from "), offer.getText());
            assertFalse(alice.driver.findElement(By.id("body")).isEnabled(), "the form waits for the choice");
            alice.click(offer.findElement(By.tagName("summary")));
            assertTrue(offer.getText().contains(marker), offer.getText());
            alice.screenshot("67-unsaved-changes-offered");
            alice.click(By.cssSelector("[data-testid=restore-unsent]"));
            alice.until(d -> d.findElements(By.cssSelector("[data-testid=unsent-edits]")).isEmpty());
            alice.until(d -> d.findElement(By.id("body")).getAttribute("value").contains(marker));
            alice.until(d -> d.findElement(By.cssSelector("[data-testid=save-state]")).getText().matches("Saved just now|All changes saved"));
            alice.screenshot("67-unsaved-changes-restored");
            String restored = as("alice").get("/api/articles/" + id).then().statusCode(200).extract().path("body");
            assertTrue(restored.contains(marker), restored);
            // acknowledged by the server: nothing is kept any more, and nothing is offered again
            alice.until(d -> Boolean.FALSE.equals(alice.js("return Object.keys(localStorage).some(k => k.startsWith('cms.unsent.v1/alice/')"
                    + " && localStorage.getItem(k).includes(arguments[0]))", marker)));
            alice.open("/articles/" + id);
            alice.waitFor(By.id("body"));
            alice.until(d -> d.findElement(By.cssSelector("[data-testid=save-state]")).getText().equals("All changes saved"));
            assertTrue(alice.driver.findElements(By.cssSelector("[data-testid=unsent-edits]")).isEmpty());
        }
    }
}
