package io.newsroom.cms.e2e.browser;

import io.newsroom.cms.e2e.SystemExtension;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The newsroom's day in a real browser, against the real stack and the real Keycloak login page:
 * a writer creates and submits an article (meeting a save conflict on the way); an editor requests changes, then
 * approves and publishes; a curator builds a Featured list by drag and drop (and keyboard) and publishes it; the
 * reader preview shows the article, its author box and the rail. Each screen is saved under e2e/target/screenshots.
 *
 * <p>Setup data that is not the story under test (the author, the other published stories) goes in through the API.
 */
@ExtendWith(SystemExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NewsroomStoriesBrowserTest {
    private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 6);
    private static final String HEADLINE = "Regional cloud outage knocks newsrooms offline";
    private static final String ARTICLE_SLUG = "cloud-outage-" + SUFFIX;
    private static final String LIST_SLUG = "featured-" + SUFFIX;
    private static final String OVERRIDE_HEADLINE = "Outage: what newsrooms learned";

    private static String gateway;
    private static String authorId;
    private static String articleId;
    private static final List<String> others = new java.util.ArrayList<>();

    private static RequestSpecification as(String user) {
        return given().header("Authorization", SystemExtension.bearer(user)).contentType(ContentType.JSON);
    }

    private static String image(String name) {
        return gateway + "/samples/" + name;
    }

    @BeforeAll
    static void seed() {
        gateway = SystemExtension.stack().gatewayUrl();
        // Jane is linked to no login (the demo content may link its own Jane Doe to alice); Bob's profile is his own.
        authorId = as("root").body(Map.of("slug", "jane-doe-" + SUFFIX, "displayName", "Jane Doe",
                        "jobTitle", "Senior Technology Reporter", "organization", "The Daily Ledger",
                        "bio", "Jane covers **cloud infrastructure** and the business of news. Before joining the Ledger she ran a regional newsroom's data desk.",
                        "avatar", Map.of("url", image("avatar-jane.svg"), "alt", "Portrait of Jane Doe, smiling, in a blue jacket"),
                        "social", Map.of("x", "@JaneDoeNews", "website", "https://janedoe.example"),
                        "email", "jane.doe." + SUFFIX + "@ledger.example"))
                .post("/api/authors").then().statusCode(201).extract().path("id");
        Map<String, Object> bob = new HashMap<>(Map.of("slug", "bob-baker-" + SUFFIX, "displayName", "Bob Baker",
                "jobTitle", "Business Reporter", "organization", "The Daily Ledger",
                "avatar", Map.of("url", image("avatar-bob.svg"), "alt", "Portrait of Bob Baker in a green shirt"),
                "email", "bob.baker." + SUFFIX + "@ledger.example", "username", "bob"));
        if (as("root").body(bob).post("/api/authors").statusCode() == 409) { // bob already has a profile in this stack
            bob.remove("username");
            as("root").body(bob).post("/api/authors").then().statusCode(201);
        }

        String[][] stories = {
                {"Solar farms feed a record share of the grid", "Output beat forecasts for the third month running.", "solar.svg", "Rows of solar panels under a bright sun"},
                {"City council approves late-night transit pilot", "Buses will run every 20 minutes until 3 a.m. on weekends.", "city.svg", "A city skyline at dusk"},
                {"Local print edition returns to a weekly schedule", "Subscribers asked for it; the press is running again on Sundays.", "press.svg", "A printed newspaper page"},
        };
        for (String[] s : stories) {
            String id = as("erin").body(Map.of("slug", slugOf(s[0]), "headline", s[0], "dek", s[1],
                            "body", "The first paragraph of the story.\n\nA second paragraph with more detail.",
                            "heroImage", Map.of("url", image(s[2]), "alt", s[3]), "tags", List.of("local"), "byline", List.of(authorId)))
                    .post("/api/articles").then().statusCode(201).extract().path("id");
            for (String action : List.of("submit", "approve", "publish")) {
                as("erin").header("If-Match", SystemExtension.etag("/api/articles/" + id)).body(Map.of("action", action)).post("/api/articles/" + id + "/transitions").then().statusCode(200);
            }
            others.add(id);
        }
    }

    private static String slugOf(String headline) {
        return headline.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "") + "-" + SUFFIX;
    }

    private static Map<String, Object> article(String user) {
        return as(user).get("/api/articles/" + articleId).then().statusCode(200).extract().jsonPath().getMap("");
    }

    private static void waitForStatus(Browser browser, String label) {
        browser.waitForText(By.cssSelector(".page-header .subtitle"), label);
    }

    private static void waitUntilSaved(Browser browser) {
        browser.until(d -> {
            String state = d.findElement(By.cssSelector("[data-testid=save-state]")).getText();
            return state.equals("Saved just now") || state.equals("All changes saved");
        });
    }

    @Test
    @Order(1)
    void writerCreatesAndSubmitsAnArticle() {
        try (Browser alice = Browser.signIn("alice")) {
            alice.clickLink("New article");
            alice.type(By.id("headline"), HEADLINE);
            String dek = "Publishing systems at three regional papers went dark for two hours on Tuesday morning.";
            String text = "Editors at three regional papers lost access to their publishing systems on Tuesday.\n\n"
                    + "> \"We wrote the morning briefing in a shared document and pasted it in by hand,\" said one managing editor.\n\n"
                    + "The provider blamed a **faulty network update** and said service was fully restored by 11:00.";
            alice.type(By.id("dek"), dek);
            alice.type(By.id("body"), text);
            alice.type(By.id("hero-url"), image("servers.svg"));
            alice.type(By.id("hero-alt"), "Racks of servers with status lights in a dark data centre");
            alice.type(By.id("hero-caption"), "The provider's regional data centre.");
            alice.type(By.id("hero-credit"), "Illustration: Newsroom CMS");
            alice.type(By.id("tags"), "technology, cloud, media");
            alice.type(By.cssSelector("[data-testid=byline-search]"), "Jane");
            alice.click(By.xpath("//button[contains(@class,'picker-option')][contains(., 'Senior Technology Reporter')]"));
            alice.click(By.xpath("//summary[normalize-space()='Address (slug)']"));
            // the first autosave may already have filled in the address made from the headline: she replaces it
            alice.replace(By.id("slug"), ARTICLE_SLUG);

            alice.until(d -> d.getCurrentUrl().matches(".*/articles/[0-9a-f-]{36}$"));
            articleId = alice.driver.getCurrentUrl().replaceAll(".*/articles/", "");
            waitUntilSaved(alice);
            alice.until(d -> ARTICLE_SLUG.equals(article("alice").get("slug")) && ((List<?>) article("alice").get("byline")).size() == 1);
            assertEquals(dek, article("alice").get("dek"), "every key typed is saved");
            assertEquals(text, article("alice").get("body"), "every key typed is saved");
            alice.byTestId("body-preview").findElement(By.tagName("blockquote"));
            alice.fullPageScreenshot("02-editor");

            // Someone saves meanwhile (the desk fixes the dek through the API): the next autosave meets a 412.
            Response current = as("alice").get("/api/articles/" + articleId);
            Map<String, Object> theirs = new HashMap<>(current.jsonPath().getMap(""));
            String deskDek = "Publishing systems at three regional papers went dark for about two hours on Tuesday.";
            Map<String, Object> update = new HashMap<>();
            for (String field : List.of("slug", "headline", "body", "heroImage", "tags", "byline")) {
                update.put(field, theirs.get(field));
            }
            update.put("dek", deskDek);
            as("alice").header("If-Match", current.header("ETag")).body(update).put("/api/articles/" + articleId).then().statusCode(200);

            WebElement body = alice.waitFor(By.id("body"));
            alice.click(body);
            body.sendKeys(Keys.chord(Keys.CONTROL, Keys.END), "\n\nThe papers will review their backup plans.");
            WebElement dialog = alice.byTestId("conflict-dialog");
            assertTrue(dialog.getText().contains("Dek"), dialog.getText());
            assertTrue(dialog.getText().contains("Body"), dialog.getText());
            alice.screenshot("03-conflict-dialog");
            alice.click(By.cssSelector("[data-testid=keep-choices]"));
            waitUntilSaved(alice);
            alice.until(d -> {
                Map<String, Object> saved = article("alice");
                return deskDek.equals(saved.get("dek")) && String.valueOf(saved.get("body")).contains("backup plans");
            });

            alice.click(By.cssSelector("button[data-action=submit]"));
            waitForStatus(alice, "In review");
            alice.waitForToast("Submitted for review");
            assertEquals("IN_REVIEW", article("alice").get("status"));
        }
    }

    @Test
    @Order(2)
    void editorRequestsChangesThenApprovesAndPublishes() {
        String comment = "Please name the provider and add when the outage began.";
        try (Browser erin = Browser.signIn("erin")) {
            erin.waitForText(By.cssSelector("[data-testid=article-table]"), HEADLINE);
            erin.screenshot("01-dashboard");
            erin.driver.manage().window().setSize(new Dimension(820, 1180)); // a tablet held upright
            erin.waitForText(By.cssSelector("[data-testid=article-table]"), HEADLINE);
            erin.screenshot("01b-dashboard-tablet");
            erin.driver.manage().window().setSize(new Dimension(1366, 900));
            erin.clickLink(HEADLINE);
            waitForStatus(erin, "In review");

            erin.click(By.cssSelector("button[data-action=request_changes]"));
            erin.byTestId("transition-dialog");
            erin.click(By.cssSelector("[data-testid=confirm-transition]"));
            erin.waitForText(By.id("transition-comment-error"), "Say what needs to change");
            erin.type(By.id("transition-comment"), comment);
            erin.screenshot("04-workflow-comment-dialog");
            erin.click(By.cssSelector("[data-testid=confirm-transition]"));
            waitForStatus(erin, "Changes requested");
            erin.waitForText(By.cssSelector("[data-testid=history]"), comment);
            assertEquals("DRAFT", article("erin").get("status"));

            try (Browser alice = Browser.signIn("alice")) {
                alice.openTakingOver("/articles/" + articleId); // erin's tab is still on it
                alice.waitForText(By.cssSelector("[data-testid=history]"), comment);
                WebElement body = alice.waitFor(By.id("body"));
                alice.click(body);
                body.sendKeys(Keys.chord(Keys.CONTROL, Keys.END), "\n\nThe outage at Northwind Cloud began at 08:55 UTC.");
                alice.until(d -> String.valueOf(article("alice").get("body")).contains("Northwind Cloud"));
                waitUntilSaved(alice);
                alice.click(By.cssSelector("button[data-action=submit]"));
                waitForStatus(alice, "In review");
            }

            erin.driver.navigate().refresh();
            waitForStatus(erin, "In review");
            erin.click(By.cssSelector("button[data-action=approve]"));
            waitForStatus(erin, "Approved");
            erin.click(By.cssSelector("button[data-action=publish]"));
            waitForStatus(erin, "Live");
            erin.waitForToast("Published");
            Map<String, Object> published = article("erin");
            assertEquals("PUBLISHED", published.get("status"));
            assertEquals(true, published.get("live"));

            erin.clickLink("Revisions");
            erin.byTestId("body-diff");
            assertTrue(erin.byTestId("body-diff").getText().contains("Northwind Cloud"));
            erin.screenshot("05-revisions-diff");
        }
    }

    @Test
    @Order(3)
    void curatorBuildsTheFeaturedListByDragAndDropAndPublishesIt() {
        try (Browser carl = Browser.signIn("carl")) {
            carl.clickLink("Featured lists");
            carl.clickButton("New list");
            carl.type(By.id("list-title"), "Featured");
            carl.replace(By.id("list-slug"), LIST_SLUG);
            carl.clickButton("Create list");
            carl.until(d -> d.getCurrentUrl().endsWith("/lists/" + LIST_SLUG));

            // Add the four published stories through the search box.
            List<String> headlines = List.of(HEADLINE, "Solar farms feed a record share of the grid",
                    "City council approves late-night transit pilot", "Local print edition returns to a weekly schedule");
            for (int i = 0; i < headlines.size(); i++) {
                carl.replace(By.id("add-search"), headlines.get(i));
                int expected = i + 1;
                carl.click(By.xpath("//button[@aria-label=" + Browser.xpathLiteral("Add “" + headlines.get(expected - 1) + "”") + "]"));
                carl.until(d -> d.findElements(By.cssSelector("[data-testid=draft-item]")).size() == expected);
            }
            carl.until(d -> carl.texts(By.cssSelector("[data-testid=item-headline]")).equals(headlines));

            // Drag the last story to the top by its handle.
            List<WebElement> handles = carl.driver.findElements(By.cssSelector("[data-testid=draft-item] .drag-handle"));
            WebElement source = handles.get(3);
            WebElement target = handles.get(0);
            new Actions(carl.driver).moveToElement(source).clickAndHold().pause(Duration.ofMillis(250))
                    .moveByOffset(0, -12).pause(Duration.ofMillis(250))
                    .moveToElement(target).pause(Duration.ofMillis(250))
                    .moveToElement(target, 0, -14).pause(Duration.ofMillis(400)).perform();
            carl.screenshot("06-lists-drag-and-drop");
            new Actions(carl.driver).release().perform();
            carl.until(d -> draftOrder().get(0).equals(others.get(2)));
            carl.until(d -> carl.texts(By.cssSelector("[data-testid=item-headline]")).get(0).equals(headlines.get(3)));

            // And by keyboard: the story now second moves down one place with Alt+ArrowDown, announced to screen readers.
            WebElement second = carl.driver.findElements(By.cssSelector("[data-testid=draft-item] .drag-handle")).get(1);
            carl.js("arguments[0].focus()", second);
            new Actions(carl.driver).keyDown(Keys.ALT).sendKeys(Keys.ARROW_DOWN).keyUp(Keys.ALT).perform();
            carl.until(d -> d.findElement(By.cssSelector("[data-testid=reorder-announcement]")).getAttribute("textContent")
                    .contains("position 3 of 4"));
            carl.until(d -> draftOrder().equals(List.of(others.get(2), others.get(0), articleId, others.get(1))));

            // Overrides for the outage story, with the rail item previewed live.
            WebElement outage = carl.driver.findElements(By.cssSelector("[data-testid=draft-item]")).get(2);
            carl.click(outage.findElement(By.xpath(".//button[normalize-space()='Edit']")));
            carl.byTestId("item-dialog");
            carl.type(By.id("ov-headline"), OVERRIDE_HEADLINE);
            carl.type(By.id("ov-summary"), "Three papers lost their publishing systems for two hours. Here is how they still got the news out.");
            carl.type(By.id("ov-image"), image("chart.svg"));
            carl.type(By.id("ov-alt"), "Bar chart of newsroom downtime by hour");
            carl.waitForText(By.cssSelector("[data-testid=override-preview]"), OVERRIDE_HEADLINE);
            carl.screenshot("07-list-item-overrides");
            carl.click(By.cssSelector("[data-testid=save-item]"));
            carl.waitForToast("Item updated");

            carl.click(By.cssSelector("[data-testid=publish-list]"));
            carl.byTestId("confirm-publish-dialog"); // publishing asks first
            carl.click(By.cssSelector("[data-testid=confirm-publish]"));
            carl.waitForToast("The list is live");
            carl.click(By.xpath("//button[@role='tab'][normalize-space()='Live and preview']"));
            carl.until(d -> d.findElements(By.cssSelector("[data-testid=live-rail] .rail-item")).size() == 4);
            Map<String, Object> preview = as("carl").get("/api/lists/" + LIST_SLUG + "/preview").then().statusCode(200)
                    .extract().jsonPath().getMap("");
            List<Map<String, Object>> items = castList(preview.get("items"));
            assertEquals(4, items.size());
            assertEquals(OVERRIDE_HEADLINE, items.get(2).get("headline"));
        }
    }

    @Test
    @Order(4)
    void readerPreviewShowsTheArticleItsAuthorAndTheRail() {
        try (Browser alice = Browser.signIn("alice")) {
            alice.open("/read/" + ARTICLE_SLUG + "?rail=" + LIST_SLUG);
            alice.waitForText(By.cssSelector(".reader-headline"), HEADLINE);
            alice.waitForText(By.cssSelector("[data-testid=reader-body]"), "Northwind Cloud");
            WebElement about = alice.byTestId("about-author");
            assertTrue(about.getText().contains("Jane Doe"), about.getText());
            assertTrue(about.getText().contains("@JaneDoeNews"), about.getText());
            assertEquals("Portrait of Jane Doe, smiling, in a blue jacket", about.findElement(By.tagName("img")).getAttribute("alt"));
            alice.until(d -> d.findElements(By.cssSelector("[data-testid=featured-rail] .rail-item")).size() == 4);
            assertTrue(alice.byTestId("featured-rail").getText().contains(OVERRIDE_HEADLINE));
            assertEquals("Bar chart of newsroom downtime by hour",
                    alice.driver.findElements(By.cssSelector("[data-testid=featured-rail] .rail-item img")).get(2).getAttribute("alt"));
            alice.fullPageScreenshot("10-reader-preview");
        }
    }

    @Test
    @Order(5)
    void adminManagesAuthorsAndAWriterEditsTheirProfile() {
        try (Browser root = Browser.signIn("root")) {
            root.clickLink("Authors");
            root.waitForText(By.cssSelector("[data-testid=author-list]"), "Jane Doe");
            root.clickButton("New author");
            root.type(By.id("a-name"), "Sam Rivera");
            root.type(By.id("a-job"), "Data Editor");
            root.type(By.id("a-org"), "The Daily Ledger");
            root.type(By.id("a-slug"), "sam-rivera-" + SUFFIX);
            root.clickButton("Create author");
            root.waitForToast("Author created");
            root.waitForText(By.cssSelector("[data-testid=author-list]"), "Sam Rivera");
            root.screenshot("08-authors");
            root.click(By.cssSelector("button[aria-label='Edit Jane Doe']"));
            root.waitFor(By.cssSelector("[data-testid=author-dialog] #a-name"));
            root.screenshot("08b-author-edit");
            root.driver.findElement(By.cssSelector("[data-testid=author-dialog]")).sendKeys(Keys.ESCAPE);
            root.until(d -> d.findElements(By.cssSelector("[data-testid=author-dialog]")).isEmpty());
        }
        try (Browser bob = Browser.signIn("bob")) {
            bob.clickLink("My profile");
            bob.until(d -> !d.findElements(By.id("a-job")).isEmpty() || d.findElement(By.id("main")).getText().contains("No author profile is linked"));
            if (bob.driver.findElements(By.id("a-job")).isEmpty()) {
                bob.waitForText(By.cssSelector(".panel"), "No author profile is linked");
            } else {
                bob.replace(By.id("a-job"), "Senior Business Reporter");
                bob.clickButton("Save my profile");
                bob.waitForToast("Your profile is saved");
                assertEquals("Senior Business Reporter", as("bob").get("/api/authors/me").then().statusCode(200).extract().path("jobTitle"));
            }
            bob.fullPageScreenshot("09-my-profile");

            // Signing out ends the Keycloak session: the app asks for the password again.
            bob.clickButton("Sign out");
            bob.waitFor(By.id("username"));
            bob.waitFor(By.id("password"));
        }
    }

    private static List<String> draftOrder() {
        List<Map<String, Object>> items = castList(as("carl").get("/api/lists/" + LIST_SLUG + "/draft").then().statusCode(200)
                .extract().jsonPath().getList("items"));
        return items.stream().map(i -> String.valueOf(i.get("articleId"))).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> castList(Object value) {
        return (List<Map<String, Object>>) value;
    }
}
