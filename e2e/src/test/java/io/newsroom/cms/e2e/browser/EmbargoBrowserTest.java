package io.newsroom.cms.e2e.browser;

import io.newsroom.cms.e2e.SystemExtension;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An embargo as a newsroom uses one: an editor holds an approved story until a time, open to the editors; Publish is
 * then refused with a plain sentence naming the lift; bob, a writer it does not name, finds it neither on his dashboard
 * nor by its address (the page says it is not found); then the editor schedules it, and the schedule dialog offers the
 * lift itself. Also the expiry of a live story, set and shown as "Unpublishes …". Screens:
 * e2e/target/screenshots/65-*.png (each checked by axe-core).
 */
@ExtendWith(SystemExtension.class)
class EmbargoBrowserTest {
    private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 6);
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private static RequestSpecification as(String user) {
        return given().header("Authorization", SystemExtension.bearer(user)).contentType(ContentType.JSON);
    }

    private static void transition(String user, String id, String action) {
        as(user).header("If-Match", SystemExtension.etag("/api/articles/" + id)).body(Map.of("action", action))
                .post("/api/articles/" + id + "/transitions").then().statusCode(200);
    }

    private static long count(Browser browser, String text) {
        return ((Number) browser.js("return document.body.innerText.split(arguments[0]).length - 1", text)).longValue();
    }

    /** Sets a date-time input as a person's typing would (its segments differ by locale). */
    private static void setDateTime(Browser browser, By by, String value) {
        WebElement input = browser.waitFor(by);
        browser.js("const set = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;"
                + "set.call(arguments[0], arguments[1]); arguments[0].dispatchEvent(new Event('input', {bubbles: true}));", input, value);
    }

    private static String author() {
        String slug = "emma-embargo-" + UUID.randomUUID().toString().substring(0, 8);
        return as("root").body(Map.of("slug", slug, "displayName", "Emma Embargo " + SUFFIX))
                .post("/api/authors").then().statusCode(201).extract().path("id");
    }

    @Test
    void anEditorEmbargoesAStoryThatAWriterNotNamedCannotFindAndSchedulesItAtTheLift() {
        String word = "results" + SUFFIX;
        String headline = "Quarterly " + word;
        String id = as("alice").body(Map.of("headline", headline, "body", "Profits rose.", "byline", List.of(author())))
                .post("/api/articles").then().statusCode(201).extract().path("id");
        transition("alice", id, "submit");
        transition("erin", id, "approve");
        // a whole minute two hours ahead: what a date-time input can hold
        LocalDateTime lift = LocalDateTime.now(ZoneId.systemDefault()).plusHours(2).truncatedTo(ChronoUnit.MINUTES);
        Instant liftAt = lift.atZone(ZoneId.systemDefault()).toInstant();

        try (Browser erin = Browser.signIn("erin")) {
            erin.open("/articles/" + id);
            erin.waitForText(By.cssSelector("[data-testid=article-state]"), "Approved");
            erin.click(By.cssSelector("[data-testid=embargo-panel] summary"));
            setDateTime(erin, By.id("embargo-until"), lift.format(LOCAL));
            // open to the editors (ticked already) and to carl by name
            erin.type(By.id("embargo-users"), "carl");
            erin.click(By.cssSelector("[data-testid=embargo-save]"));
            erin.waitForText(By.cssSelector("[data-testid=embargo-banner]"), "Embargoed until");
            String banner = erin.byTestId("embargo-banner").getText();
            assertTrue(banner.contains("only alice (the writer), carl, erin, editors and admins can open it"), banner);
            as("erin").get("/api/articles/" + id).then().body("embargo.until", is(liftAt.toString()));
            erin.js("window.scrollTo(0, 0)");
            erin.screenshot("65-embargo-set");

            // scheduling (at the lift or later) is the main step now, not publishing
            assertTrue(erin.driver.findElement(By.cssSelector("button[data-action=schedule]")).getAttribute("class").contains("button-primary"),
                    "Schedule… is the main button under embargo");
            assertFalse(erin.driver.findElement(By.cssSelector("button[data-action=publish]")).getAttribute("class").contains("button-primary"));
            // Publish is refused, in words that name the lift and the way on; the rule stays the banner's, said once
            erin.click(By.cssSelector("button[data-action=publish]"));
            erin.waitForText(By.cssSelector("[data-testid=publish-refused]"), "the embargo lifts");
            String refused = erin.byTestId("publish-refused").getText();
            assertTrue(refused.contains("Schedule it for then or later."), refused);
            assertEquals(1, count(erin, "cannot be published before then"), "the rule said once, in the banner");
            as("erin").get("/api/articles/" + id).then().body("live", is(false)).body("status", is("APPROVED"));
            erin.screenshot("65-publish-refused");
        }

        // bob, a writer it does not name: not on his dashboard, and its address is "not found"
        try (Browser bob = Browser.signIn("bob")) {
            bob.open("/?scope=all&q=" + word);
            bob.waitForText(By.cssSelector("body"), "No articles match.");
            assertFalse(bob.driver.getPageSource().contains(headline), "not listed");
            bob.screenshot("65-writer-dashboard-without-it");
            bob.open("/articles/" + id);
            bob.waitForText(By.cssSelector("[data-testid=article-not-found]"), "There is no article at this address");
            assertFalse(bob.driver.getPageSource().contains(headline));
            bob.screenshot("65-writer-not-found");
        }

        // carl, named, finds it with its badge
        try (Browser carl = Browser.signIn("carl")) {
            carl.open("/?scope=all&q=" + word);
            carl.waitForText(By.cssSelector("[data-testid=embargo-badge]"), "Embargoed until");
            carl.screenshot("65-named-curator-sees-the-badge");
        }

        // the editor schedules it: the dialog offers the lift, and a minute earlier is refused at the field
        try (Browser erin = Browser.signIn("erin")) {
            erin.open("/articles/" + id);
            erin.click(By.cssSelector("button[data-action=schedule]"));
            erin.waitForText(By.cssSelector("[data-testid=schedule-embargo-note]"), "the earliest publish time is the lift");
            assertEquals(lift.format(LOCAL), erin.waitFor(By.id("transition-at")).getAttribute("value"));
            setDateTime(erin, By.id("transition-at"), lift.minusMinutes(1).format(LOCAL));
            erin.click(By.cssSelector("[data-testid=confirm-transition]"));
            erin.waitForText(By.id("transition-at-error"), "when the embargo lifts, or later");
            erin.screenshot("65-schedule-before-the-lift");
            setDateTime(erin, By.id("transition-at"), lift.format(LOCAL));
            erin.click(By.cssSelector("[data-testid=confirm-transition]"));
            erin.waitForText(By.cssSelector("[data-testid=article-state]"), "Scheduled");
            erin.waitForText(By.cssSelector("[data-testid=embargo-banner]"), "It is scheduled to publish");
            as("erin").get("/api/articles/" + id).then().body("status", is("SCHEDULED"))
                    .body("scheduledPublishAt", is(liftAt.toString()));
            erin.screenshot("65-scheduled-at-the-lift");
        }
    }

    @Test
    void anEditorSetsAndClearsTheExpiryOfALiveStory() {
        String id = as("alice").body(Map.of("headline", "Road closure this week " + SUFFIX, "body", "The road is closed.",
                "byline", List.of(author()))).post("/api/articles").then().statusCode(201).extract().path("id");
        transition("alice", id, "submit");
        transition("erin", id, "approve");
        transition("erin", id, "publish");
        LocalDateTime at = LocalDateTime.now(ZoneId.systemDefault()).plusDays(3).truncatedTo(ChronoUnit.MINUTES);

        try (Browser erin = Browser.signIn("erin")) {
            erin.open("/articles/" + id);
            erin.waitForText(By.cssSelector("[data-testid=expiry-panel] summary"), "Scheduled unpublish");
            erin.click(By.cssSelector("[data-testid=expiry-panel] summary"));
            setDateTime(erin, By.id("expiry-at"), LocalDateTime.now(ZoneId.systemDefault()).minusHours(1).format(LOCAL));
            erin.click(By.cssSelector("[data-testid=expiry-set]"));
            erin.waitForText(By.id("expiry-at-error"), "Choose a time in the future.");
            assertEquals(1, count(erin, "Choose a time in the future."));

            setDateTime(erin, By.id("expiry-at"), at.format(LOCAL));
            erin.click(By.cssSelector("[data-testid=expiry-set]"));
            erin.waitForText(By.cssSelector("[data-testid=expiry-state]"), "Unpublishes");
            erin.waitForText(By.cssSelector(".page-header .subtitle"), "Unpublishes");
            as("erin").get("/api/articles/" + id).then().body("live", is(true))
                    .body("scheduledUnpublishAt", is(at.atZone(ZoneId.systemDefault()).toInstant().toString()));
            erin.screenshot("65-expiry-set");

            erin.click(By.cssSelector("[data-testid=expiry-clear]"));
            erin.waitForText(By.cssSelector("[data-testid=expiry-state]"), "No unpublish time is set");
            as("erin").get("/api/articles/" + id).then().body("scheduledUnpublishAt", org.hamcrest.Matchers.nullValue())
                    .body("live", is(true));
        }
    }
}
