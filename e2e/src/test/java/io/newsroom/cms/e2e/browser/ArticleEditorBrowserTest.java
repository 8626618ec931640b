package io.newsroom.cms.e2e.browser;

import io.newsroom.cms.e2e.SystemExtension;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The article editor as writers and editors use it on deadline: errors at their field in plain words, once; the save
 * state says what blocks it; the page notices what happened elsewhere; one state, not two; offline saves come back by
 * themselves. Screens are saved as e2e/target/screenshots/50-*.png (each checked by axe-core).
 */
@ExtendWith(SystemExtension.class)
class ArticleEditorBrowserTest {
    private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 6);
    private static String gateway;
    private static String janeId;

    private static RequestSpecification as(String user) {
        return given().header("Authorization", SystemExtension.bearer(user)).contentType(ContentType.JSON);
    }

    @BeforeAll
    static void seed() {
        gateway = SystemExtension.stack().gatewayUrl();
        janeId = as("root").body(Map.of("slug", "jane-editor-" + SUFFIX, "displayName", "Jane Editorstory " + SUFFIX))
                .post("/api/authors").then().statusCode(201).extract().path("id");
    }

    private static String create(String user, String headline, List<String> byline) {
        return as(user).body(Map.of("headline", headline, "body", "A first paragraph.", "byline", byline))
                .post("/api/articles").then().statusCode(201).extract().path("id");
    }

    private static void step(String user, String id, String action, Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(extra);
        body.put("action", action);
        as(user).header("If-Match", SystemExtension.etag("/api/articles/" + id)).body(body)
                .post("/api/articles/" + id + "/transitions").then().statusCode(200);
    }

    private static long count(Browser browser, String text) {
        return ((Number) browser.js("return document.body.innerText.split(arguments[0]).length - 1", text)).longValue();
    }

    private static String saveState(Browser browser) {
        return browser.byTestId("save-state").getText();
    }

    @Test
    void aWriterSeesWhyTheDraftIsNotSavedAndTheMissingBylineAtItsField() {
        try (Browser alice = Browser.signIn("alice")) {
            alice.clickLink("New article");
            alice.type(By.id("dek"), "Typed before the headline.");
            alice.until(d -> saveState(alice).equals("Not saved yet: the draft needs a headline"));
            assertTrue(alice.byTestId("save-state").isDisplayed());
            alice.waitForText(By.id("headline-error"), "Add a headline");
            alice.screenshot("50-blocked-autosave");

            alice.type(By.id("headline"), "Harbour ferry timetable changes " + SUFFIX);
            alice.until(d -> d.getCurrentUrl().matches(".*/articles/[0-9a-f-]{36}$"));
            alice.until(d -> saveState(alice).equals("Saved just now") || saveState(alice).equals("All changes saved"));
            assertTrue(alice.driver.findElements(By.id("headline-error")).isEmpty(), "the headline's error goes when the headline is there");

            alice.click(By.cssSelector("button[data-action=submit]"));
            String message = "Add at least one author to the byline before submitting.";
            alice.waitForText(By.cssSelector(".fieldset.field-invalid .field-error"), message);
            assertEquals(1, count(alice, message), "the byline problem is said once");
            assertFalse(alice.driver.findElement(By.cssSelector(".toasts")).getText().contains("byline"), "no toast repeats it");
            assertEquals("byline-search", alice.js("return document.activeElement.dataset.testid"), "focus moved to the byline");
            alice.screenshot("50-byline-error-at-field");

            alice.type(By.cssSelector("[data-testid=byline-search]"), "Editorstory " + SUFFIX);
            alice.click(By.xpath("//button[contains(@class,'picker-option')][contains(., 'Editorstory')]"));
            alice.until(d -> d.findElements(By.cssSelector(".fieldset.field-invalid")).isEmpty());
            alice.until(d -> saveState(alice).equals("Saved just now") || saveState(alice).equals("All changes saved"));
            alice.click(By.cssSelector("button[data-action=submit]"));
            alice.waitForText(By.cssSelector("[data-testid=article-state]"), "In review");
        }
    }

    @Test
    void aNewArticleStartsWithMyBylineAndSomeoneWithoutAProfileIsToldHowToGetOne() {
        Map<String, Object> bob = Map.of("slug", "bob-editor-" + SUFFIX, "displayName", "Bob Baker", "username", "bob");
        as("root").body(bob).post("/api/authors"); // 201, or 409 when bob already has his profile in this stack
        try (Browser bobs = Browser.signIn("bob")) {
            bobs.clickLink("New article");
            bobs.waitForText(By.cssSelector(".byline-list"), "(you)");
            bobs.screenshot("50-new-article-my-byline");
        }
        try (Browser erin = Browser.signIn("erin")) {
            erin.clickLink("New article");
            erin.waitForText(By.cssSelector("[data-testid=byline-no-profile]"), "You have no author profile");
            assertTrue(erin.byTestId("byline-no-profile").getText().contains("erin"));
        }
    }

    @Test
    void schedulingInThePastIsExplainedOnceAtTheTimeAndThePageNoticesTheScheduler() {
        String id = create("alice", "Night bus pilot extended " + SUFFIX, List.of(janeId));
        step("alice", id, "submit", Map.of());
        step("erin", id, "approve", Map.of());
        try (Browser erin = Browser.signIn("erin")) {
            erin.open("/articles/" + id);
            erin.waitForText(By.cssSelector("[data-testid=article-state]"), "Approved");
            erin.click(By.cssSelector("button[data-action=schedule]"));
            String past = LocalDateTime.now(ZoneId.systemDefault()).minusHours(2).format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm"));
            WebElement at = erin.waitFor(By.id("transition-at"));
            // a date-time input's segments differ by locale: set the value as the input event a person's typing fires
            erin.js("const set = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;"
                    + "set.call(arguments[0], arguments[1]); arguments[0].dispatchEvent(new Event('input', {bubbles: true}));", at, past);
            erin.click(By.cssSelector("[data-testid=confirm-transition]"));
            erin.waitForText(By.id("transition-at-error"), "Choose a time in the future.");
            assertEquals(1, count(erin, "Choose a time in the future."));
            erin.screenshot("50-schedule-in-the-past");
            erin.driver.findElement(By.id("transition-at")).sendKeys(Keys.ESCAPE);

            // The scheduler publishes it while the page is open: the page says so and offers what is possible now.
            step("erin", id, "schedule", Map.of("at", Instant.now().plusSeconds(3).toString()));
            new WebDriverWait(erin.driver, Duration.ofSeconds(75)).pollingEvery(Duration.ofMillis(250))
                    .until(d -> d.findElement(By.cssSelector("[data-testid=article-state]")).getText().equals("Live"));
            erin.waitForText(By.cssSelector("[data-testid=outside-change]"), "published on schedule");
            assertTrue(erin.driver.findElements(By.cssSelector("button[data-action=unschedule]")).isEmpty(), "no stale 'Cancel schedule'");
            erin.screenshot("50-page-noticed-the-scheduler");
        }
    }

    @Test
    void aPublishedArticleBeingEditedReadsAsOneStateAndTheEditorIsNotOfferedTheResubmit() {
        String id = create("alice", "Library opens on Sundays " + SUFFIX, List.of(janeId));
        step("alice", id, "submit", Map.of());
        step("erin", id, "approve", Map.of());
        step("erin", id, "publish", Map.of());
        try (Browser erin = Browser.signIn("erin")) {
            erin.open("/articles/" + id);
            erin.waitForText(By.cssSelector("[data-testid=article-state]"), "Live");
            WebElement body = erin.waitFor(By.id("body"));
            erin.click(body);
            body.sendKeys(Keys.chord(Keys.CONTROL, Keys.END), " Opening hours are 10:00 to 16:00.");
            erin.waitForText(By.cssSelector("[data-testid=article-state]"), "Live · unpublished changes");
            assertFalse(erin.byTestId("article-state").getText().contains("Draft"));
            erin.screenshot("50-live-with-unpublished-changes");

            step("alice", id, "submit", Map.of());
            erin.driver.navigate().refresh();
            erin.waitForText(By.cssSelector("[data-testid=article-state]"), "Live · changes in review");
            erin.click(By.cssSelector("button[data-action=request_changes]"));
            erin.type(By.id("transition-comment"), "Add the holiday hours.");
            erin.click(By.cssSelector("[data-testid=confirm-transition]"));
            erin.waitForText(By.cssSelector("[data-testid=article-state]"), "changes requested");
            assertTrue(erin.driver.findElements(By.cssSelector("button.button-primary[data-action=submit]")).isEmpty(),
                    "the editor's main button is not the writer's resubmit");
        }
    }

    @Test
    void theSamePersonInAnotherTabIsNamedAndAnOfflineSaveComesBackByItself() {
        String id = create("alice", "Harbour crane replaced " + SUFFIX, List.of(janeId));
        try (Browser first = Browser.signIn("alice"); Browser second = Browser.signIn("alice")) {
            first.open("/articles/" + id);
            second.openTakingOver("/articles/" + id); // the first tab holds the edit lock
            first.waitFor(By.id("body"));
            WebElement theirs = second.waitFor(By.id("dek"));
            second.click(theirs);
            theirs.sendKeys("Written in the second tab.");
            second.until(d -> saveState(second).equals("Saved just now"));

            // the second tab took the edit lock: the first is read-only until it takes it back (the soft lock); its
            // version is then behind, and the If-Match of its next save still says so
            first.click(first.waitFor(By.xpath("//*[@data-testid='lock-banner']//button[normalize-space()='Take over again']")));
            first.until(d -> d.findElements(By.cssSelector("[data-testid=lock-banner]")).isEmpty());
            WebElement mine = first.waitFor(By.id("dek"));
            first.click(mine);
            mine.sendKeys("Written in the first tab.");
            WebElement dialog = first.byTestId("conflict-dialog");
            assertTrue(dialog.getText().contains("You saved a newer version in another tab or window."), dialog.getText());
            first.screenshot("50-conflict-same-person");
            first.click(By.cssSelector("[data-testid=keep-choices]"));
            first.until(d -> saveState(first).equals("Saved just now") || saveState(first).equals("All changes saved"));

            ChromiumNetworkConditions offline = new ChromiumNetworkConditions();
            offline.setOffline(true);
            first.driver.setNetworkConditions(offline);
            WebElement body = first.waitFor(By.id("body"));
            first.click(body);
            body.sendKeys(Keys.chord(Keys.CONTROL, Keys.END), " Typed while offline.");
            first.until(d -> saveState(first).startsWith("Offline: your changes are kept here"));
            first.screenshot("50-offline-save");
            first.driver.deleteNetworkConditions();
            first.until(d -> saveState(first).equals("Saved just now") || saveState(first).equals("All changes saved"));
            String saved = as("alice").get("/api/articles/" + id).then().statusCode(200).extract().path("body");
            assertTrue(saved.contains("Typed while offline."), saved);
            assertFalse(first.byTestId("preview-source").getText().contains("Updating"), "the preview does not hang on Updating");
        }
    }
}
