package io.newsroom.cms.e2e.browser;

import io.newsroom.cms.e2e.SystemExtension;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A curator on deadline, in a real browser against the real stack: re-describes a story's own image for the rail
 * (alt text only) and sees it kept and published; finds the publishing bar without scrolling on a laptop and a
 * tablet; reads what the draft changes before publishing or discarding, and is asked first; starts typing in a
 * dialog at once with its Save button in view. An editor, who may only look, is told why the controls are missing.
 *
 * <p>The stories and the published list are set up through the API; screenshots go to e2e/target/screenshots/30-*.
 */
@ExtendWith(SystemExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CuratorBrowserTest {
    private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 6);
    private static final String LIST_SLUG = "curator-" + SUFFIX;
    private static final String ALT = "Engineers checking a row of dark server racks by torchlight";
    private static final String[][] STORIES = {
            {"Data centre outage darkens regional newsrooms " + SUFFIX, "Three papers lost their publishing systems for two hours.", "servers.svg", "Racks of servers"},
            {"Solar output beats forecasts again " + SUFFIX, "A third record month for the grid.", "solar.svg", "Rows of solar panels under a bright sun"},
            {"Night buses start on the weekend " + SUFFIX, "Every 20 minutes until 3 a.m.", "city.svg", "A city skyline at dusk"},
            {"Print edition goes weekly " + SUFFIX, "The press runs again on Sundays.", "press.svg", "A printed newspaper page"},
            {"Harbour bridge repairs finish early " + SUFFIX, "Both lanes reopen on Monday.", "chart.svg", "Bar chart of repair weeks"},
    };

    private static String gateway;
    private static final List<String> ids = new ArrayList<>();

    private static RequestSpecification as(String user) {
        return given().header("Authorization", SystemExtension.bearer(user)).contentType(ContentType.JSON);
    }

    @BeforeAll
    static void seed() {
        gateway = SystemExtension.stack().gatewayUrl();
        String author = as("root").body(Map.of("slug", "casey-curated-" + SUFFIX, "displayName", "Casey Curated", "jobTitle", "Reporter"))
                .post("/api/authors").then().statusCode(201).extract().path("id");
        for (String[] s : STORIES) {
            String id = as("erin").body(Map.of("headline", s[0], "dek", s[1], "body", "The first paragraph.\n\nThe second paragraph.",
                            "heroImage", Map.of("url", gateway + "/samples/" + s[2], "alt", s[3]), "byline", List.of(author)))
                    .post("/api/articles").then().statusCode(201).extract().path("id");
            for (String action : List.of("submit", "approve", "publish")) {
                as("erin").header("If-Match", SystemExtension.etag("/api/articles/" + id)).body(Map.of("action", action))
                        .post("/api/articles/" + id + "/transitions").then().statusCode(200);
            }
            ids.add(id);
        }
        // The list readers see: the first four stories, published.
        as("carl").body(Map.of("slug", LIST_SLUG, "title", "Curator desk " + SUFFIX, "maxItems", 6)).post("/api/lists").then().statusCode(201);
        as("carl").header("If-Match", SystemExtension.etag("/api/lists/" + LIST_SLUG + "/draft"))
                .body(Map.of("items", ids.subList(0, 4).stream().map(id -> Map.of("articleId", id)).toList()))
                .put("/api/lists/" + LIST_SLUG + "/draft").then().statusCode(200);
        as("carl").header("If-Match", SystemExtension.etag("/api/lists/" + LIST_SLUG + "/draft")).body(Map.of())
                .post("/api/lists/" + LIST_SLUG + "/publish").then().statusCode(200);
    }

    /** Sets the inner size of the window (what the page gets), whatever the browser's frame takes. */
    private static void viewport(Browser browser, int width, int height) {
        browser.driver.manage().window().setSize(new Dimension(width, height));
        long innerWidth = ((Number) browser.js("return window.innerWidth")).longValue();
        long innerHeight = ((Number) browser.js("return window.innerHeight")).longValue();
        if (innerWidth != width || innerHeight != height) {
            browser.driver.manage().window().setSize(new Dimension(2 * width - (int) innerWidth, 2 * height - (int) innerHeight));
        }
        browser.until(d -> ((Number) browser.js("return window.innerHeight")).longValue() == height);
    }

    /** Whether the element is wholly inside the viewport as it is now (no scrolling). */
    private static boolean inViewport(Browser browser, WebElement element) {
        return Boolean.TRUE.equals(browser.js("const r = arguments[0].getBoundingClientRect();"
                + " return r.height > 0 && r.top >= 0 && r.left >= 0 && r.bottom <= window.innerHeight && r.right <= window.innerWidth;", element));
    }

    private static String activeId(Browser browser) {
        return String.valueOf(browser.js("return document.activeElement && document.activeElement.id"));
    }

    private static By editButton(String headline) {
        return By.xpath("//button[@aria-label=" + Browser.xpathLiteral("Edit “" + headline + "”") + "]");
    }

    private static void openList(Browser browser) {
        browser.open("/lists/" + LIST_SLUG);
        browser.waitForText(By.cssSelector("[data-testid=draft-state]"), "live list");
    }

    @Test
    @Order(1)
    void altOnlyOverrideIsKeptAfterReopeningAndPublishedToTheRail() {
        String headline = STORIES[0][0];
        try (Browser carl = Browser.signIn("carl")) {
            viewport(carl, 1366, 768);
            openList(carl);
            carl.click(editButton(headline));
            WebElement dialog = carl.byTestId("item-dialog");
            // Focus starts in the first field, not on the close button; Save is in view without scrolling.
            carl.until(d -> activeId(carl).equals("ov-headline"));
            WebElement save = dialog.findElement(By.cssSelector("[data-testid=save-item]"));
            assertTrue(inViewport(carl, save), "Save is inside the 1366×768 viewport");

            // An image URL without alt text is refused at the field, in words, with focus on it.
            carl.type(By.id("ov-image"), gateway + "/samples/chart.svg");
            carl.click(save);
            carl.waitForText(By.id("ov-alt-error"), "alt text is needed");
            carl.until(d -> activeId(carl).equals("ov-alt"));
            carl.replace(By.id("ov-image"), "");

            // Alt text alone re-describes the story's own image.
            carl.type(By.id("ov-alt"), ALT);
            carl.waitForText(By.cssSelector("[data-testid=alt-only-note]"), "own image with your alt text");
            carl.waitForText(By.cssSelector("[data-testid=preview-alt]"), ALT);
            carl.until(d -> "loaded".equals(d.findElement(By.cssSelector("[data-testid=rail-image-preview]")).getAttribute("data-state")));
            assertTrue(inViewport(carl, save), "Save stays in view with the note shown");
            carl.screenshot("30-alt-only-override");
            carl.click(save);
            carl.waitForToast("Item updated");
            carl.until(d -> d.findElements(By.cssSelector("[data-testid=item-dialog]")).isEmpty());

            // Reopened, the alt text is still there; saving again unchanged says so instead of "updated".
            carl.click(editButton(headline));
            carl.byTestId("item-dialog");
            assertEquals(ALT, carl.driver.findElement(By.id("ov-alt")).getAttribute("value"));
            assertEquals("", carl.driver.findElement(By.id("ov-image")).getAttribute("value"));
            carl.click(By.cssSelector("[data-testid=save-item]"));
            carl.waitForToast("Nothing to save");
            carl.until(d -> d.findElements(By.cssSelector("[data-testid=item-dialog]")).isEmpty());

            // The bar names the change; publishing asks first and says what will happen.
            carl.waitForText(By.cssSelector("[data-testid=draft-differences] summary"), "image alt text override changed");
            carl.click(By.cssSelector("[data-testid=publish-list]"));
            WebElement confirm = carl.byTestId("confirm-publish-dialog");
            assertTrue(confirm.getText().contains("Readers will see the draft at once"), confirm.getText());
            assertTrue(confirm.getText().contains(headline), confirm.getText());
            carl.until(d -> d.switchTo().activeElement().getText().equals("Cancel")); // the safe choice has focus
            carl.screenshot("30-publish-confirm");
            carl.click(By.cssSelector("[data-testid=confirm-publish]"));
            carl.waitForToast("The list is live");
            carl.waitForText(By.cssSelector("[data-testid=draft-state]"), "same as the live list");
        }
        // Readers get the story's own picture with the curator's description.
        Map<?, ?> image = publicRailImage(ids.get(0), ALT);
        assertEquals(gateway + "/samples/" + STORIES[0][2], image.get("url"));
    }

    /** The image of a story in the public rail once it carries {@code alt} (the public cache refreshes within a second). */
    private static Map<?, ?> publicRailImage(String articleId, String alt) {
        Object image = null;
        for (int attempt = 0; attempt < 50; attempt++) {
            image = given().get("/public/v1/lists/" + LIST_SLUG).then().statusCode(200).extract().jsonPath()
                    .get("items.find { it.articleId == '" + articleId + "' }.image");
            if (image instanceof Map<?, ?> map && alt.equals(map.get("alt"))) {
                return map;
            }
            sleep();
        }
        throw new AssertionError("the public rail never showed the alt text \"" + alt + "\"; last image: " + image);
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    @Order(2)
    void thePublishingBarIsInViewOnALaptopAndATablet() {
        try (Browser carl = Browser.signIn("carl")) {
            for (int[] size : new int[][] {{1366, 768}, {768, 1024}}) {
                viewport(carl, size[0], size[1]);
                openList(carl);
                WebElement bar = carl.byTestId("action-bar");
                WebElement publish = carl.driver.findElement(By.cssSelector("[data-testid=publish-list]"));
                assertTrue(inViewport(carl, bar) && inViewport(carl, publish), "the bar and Publish now are in view at " + size[0] + "×" + size[1]);
                carl.screenshot("30-action-bar-" + size[0] + "x" + size[1]);
                // Still there at the foot of the page.
                carl.js("window.scrollTo(0, document.documentElement.scrollHeight)");
                carl.until(d -> inViewport(carl, publish));
                if (size[0] == 768) {
                    carl.screenshot("30-action-bar-768x1024-scrolled");
                }
            }
        }
    }

    @Test
    @Order(3)
    void theDraftSaysWhatDiffersFromLiveAndDiscardAsksFirst() {
        String added = STORIES[4][0];
        try (Browser carl = Browser.signIn("carl")) {
            viewport(carl, 1366, 768);
            openList(carl);
            carl.waitForText(By.cssSelector("[data-testid=draft-state]"), "same as the live list");
            assertTrue(carl.driver.findElements(By.cssSelector("[data-testid=discard-draft]")).isEmpty(), "nothing to discard");

            carl.replace(By.id("add-search"), added);
            carl.click(By.xpath("//button[@aria-label=" + Browser.xpathLiteral("Add “" + added + "”") + "]"));
            carl.waitForToast("Added");
            carl.waitForText(By.cssSelector("[data-testid=draft-state]"), "differs from the live list");
            carl.waitForText(By.cssSelector("[data-testid=draft-differences] summary"), "“" + added + "” added at position 5");
            carl.js("window.scrollTo(0, 0)");
            carl.screenshot("30-draft-differs");

            // Discard asks first; keeping the changes keeps them.
            carl.click(By.cssSelector("[data-testid=discard-draft]"));
            WebElement confirm = carl.byTestId("confirm-discard-dialog");
            assertTrue(confirm.getText().contains("These changes are lost"), confirm.getText());
            assertTrue(confirm.getText().contains(added), confirm.getText());
            carl.screenshot("30-discard-confirm");
            carl.clickButton("Keep my changes");
            carl.until(d -> d.findElements(By.cssSelector("[data-testid=confirm-discard-dialog]")).isEmpty());
            assertEquals(5, carl.driver.findElements(By.cssSelector("[data-testid=draft-item]")).size());

            carl.click(By.cssSelector("[data-testid=discard-draft]"));
            carl.click(By.cssSelector("[data-testid=confirm-discard]"));
            carl.waitForToast("Draft reset to the live version");
            carl.until(d -> d.findElements(By.cssSelector("[data-testid=draft-item]")).size() == 4);
            carl.waitForText(By.cssSelector("[data-testid=draft-state]"), "same as the live list");
        }
    }

    @Test
    @Order(4)
    void anEditorWhoMayOnlyLookIsToldWhyThereAreNoControls() {
        try (Browser erin = Browser.signIn("erin")) {
            viewport(erin, 1366, 768);
            erin.clickLink("Featured lists");
            erin.waitForText(By.cssSelector("[data-testid=read-only-reason]"), "only curators");
            openList(erin);
            WebElement reason = erin.byTestId("read-only-reason");
            assertTrue(reason.getText().contains("only curators"), reason.getText());
            assertTrue(inViewport(erin, reason), "the reason is in view");
            assertTrue(erin.driver.findElements(By.cssSelector("[data-testid=publish-list]")).isEmpty());
            assertFalse(erin.driver.findElement(By.cssSelector("[data-testid=draft-items]")).getText().contains("Remove"));
            erin.screenshot("30-editor-read-only");
        }
    }
}
