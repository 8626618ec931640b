package io.newsroom.cms.e2e.browser;

import io.newsroom.cms.e2e.SystemExtension;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Revisions are editing sessions, in a real browser: an editor types with pauses (every pause an autosave) and finds
 * one revision for the session; compares two revisions word by word, with fields named in words and the byline as
 * names; a restore asks first, and a restore that meets someone else's save says so in words.
 */
@ExtendWith(SystemExtension.class)
class RevisionsBrowserTest {
    private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 6);
    private static final String BODY = "Council members met on Tuesday evening to debate the transit budget.\n\n"
            + "The mayor said the late-night buses would run until March.";
    private static final String LONG_URL = "https://images.example/newsroom/2026/11/30/council-chamber-during-the-late-night-transit-"
            + "budget-debate-wide-angle-photograph-by-the-city-desk-" + SUFFIX + ".jpg";

    private static String articleId;
    private static String janeId;

    private static RequestSpecification as(String user) {
        return given().header("Authorization", SystemExtension.bearer(user)).contentType(ContentType.JSON);
    }

    @BeforeAll
    static void seed() {
        janeId = author("Jane Doe", "jane-doe-rev-" + SUFFIX);
        articleId = as("erin").body(Map.of("slug", "transit-budget-" + SUFFIX, "headline", "Council debates the transit budget",
                        "dek", "Late-night buses are on the table.", "body", BODY,
                        "heroImage", Map.of("url", "https://images.example/council.jpg", "alt", "The council chamber at night"),
                        "tags", List.of("transit"), "byline", List.of(janeId)))
                .post("/api/articles").then().statusCode(201).extract().path("id");
    }

    private static String author(String name, String slug) {
        return as("root").body(Map.of("slug", slug, "displayName", name)).post("/api/authors").then().statusCode(201).extract().path("id");
    }

    private static List<Map<String, Object>> revisions() {
        return as("erin").get("/api/articles/" + articleId + "/revisions").then().statusCode(200).extract().jsonPath().getList("items");
    }

    /** A save by someone else (the desk, through the API): headline, hero image, byline. */
    private static void deskSave(Map<String, Object> changes) {
        Response current = as("root").get("/api/articles/" + articleId);
        Map<String, Object> body = new HashMap<>(current.jsonPath().getMap(""));
        body.keySet().retainAll(List.of("slug", "headline", "dek", "body", "heroImage", "tags", "byline"));
        body.putAll(changes);
        as("root").header("If-Match", current.header("ETag")).body(body).put("/api/articles/" + articleId).then().statusCode(200);
    }

    private static void waitUntilSaved(Browser browser) {
        browser.until(d -> {
            String state = d.findElement(By.cssSelector("[data-testid=save-state]")).getText();
            return state.equals("Saved just now") || state.equals("All changes saved");
        });
    }

    @Test
    void anEditorTypesWithPausesComparesTwoRevisionsAndRestoringAsksFirst() throws Exception {
        String samId = author("Sam Roe", "sam-roe-rev-" + SUFFIX);
        try (Browser erin = Browser.signIn("erin")) {
            erin.open("/articles/" + articleId);
            WebElement body = erin.waitFor(By.id("body"));
            erin.click(body);
            body.sendKeys(Keys.chord(Keys.CONTROL, Keys.END));
            // one sentence typed in bursts, each pause long enough for an autosave
            for (String burst : List.of("\n\nTransit riders ", "packed the gallery ", "and applauded ", "the vote.")) {
                body.sendKeys(burst);
                Thread.sleep(1_600);
                waitUntilSaved(erin);
            }
            erin.until(d -> as("erin").get("/api/articles/" + articleId).<String>path("body").endsWith("the vote."));
            List<Map<String, Object>> afterTyping = revisions();
            assertEquals(2, afterTyping.size(), "the typing session is one revision after the created one: " + afterTyping);
            assertEquals("erin", afterTyping.get(0).get("author"));
            assertTrue((Integer) afterTyping.get(0).get("saves") >= 3, "the session holds every autosave: " + afterTyping.get(0));

            // the desk changes the headline, the hero image and the byline: another person, another revision
            deskSave(Map.of("headline", "Council approves the transit budget",
                    "body", as("erin").get("/api/articles/" + articleId).<String>path("body").replace("Tuesday evening", "Tuesday night"),
                    "heroImage", Map.of("url", LONG_URL, "alt", "The council chamber during the vote"),
                    "byline", List.of(janeId, samId)));
            assertEquals(3, revisions().size());

            erin.clickLink("Revisions");
            erin.waitForText(By.cssSelector("[data-testid=revision-2]"), "saves");
            String session = erin.byTestId("revision-2").getText();
            assertTrue(session.contains("erin") && session.matches("(?s).*\\b\\d+ saves.*"), session);
            assertTrue(erin.byTestId("revision-1").getText().contains("created"), erin.byTestId("revision-1").getText());
            erin.screenshot("20-revisions-sessions");

            erin.click(By.cssSelector("input[aria-label='Compare from revision 1']"));
            erin.waitForText(By.id("diff-title"), "Revision 1 → revision 3");
            erin.waitForText(By.cssSelector("[data-testid=field-changes]"), "Sam Roe");
            String fields = erin.byTestId("field-changes").getText();
            assertTrue(fields.contains("Headline") && fields.contains("Hero image URL") && fields.contains("Hero image alt text")
                    && fields.contains("Byline"), fields);
            assertTrue(fields.contains("Jane Doe, Sam Roe"), fields);
            assertFalse(fields.contains(janeId) || fields.contains("heroImage") || fields.contains("{"), fields);
            List<String> headlineMarks = erin.texts(By.cssSelector("[data-testid=field-changes] ins.diff-word"));
            assertTrue(headlineMarks.contains("approves"), "only the changed words are marked: " + headlineMarks);
            List<String> bodyMarks = erin.texts(By.cssSelector("[data-testid=body-diff] ins.diff-word"));
            assertTrue(String.join(" ", bodyMarks).contains("Transit riders packed the gallery and applauded the vote."), bodyMarks.toString());
            assertTrue(bodyMarks.contains("night"), "inside a changed line only the changed word is marked: " + bodyMarks);
            assertTrue(erin.texts(By.cssSelector("[data-testid=body-diff] del.diff-word")).contains("evening"));
            assertTrue(bodyMarks.stream().noneMatch(m -> m.contains("Council members")), "unchanged words are not marked: " + bodyMarks);
            Object overflow = erin.js("const p = document.querySelector('.diff-panel'); return p.scrollWidth - p.clientWidth;");
            assertEquals(0L, ((Number) overflow).longValue(), "the diff fits its panel, long URL included");
            assertEquals(0L, ((Number) erin.js("return document.documentElement.scrollWidth - document.documentElement.clientWidth;")).longValue());
            erin.fullPageScreenshot("20-revisions-compare");

            // restore asks first; cancelling changes nothing
            erin.click(By.cssSelector("[data-testid=revision-1] button"));
            erin.waitForText(By.cssSelector("[data-testid=restore-dialog]"), "Revision 1 becomes a new working revision");
            assertTrue(erin.byTestId("restore-dialog").getText().contains("nothing is deleted"));
            erin.screenshot("20-restore-asks-first");
            erin.clickButton("Cancel");
            erin.until(d -> d.findElements(By.cssSelector("[data-testid=restore-dialog]")).isEmpty());
            assertEquals(3, revisions().size(), "cancel restores nothing");

            // the desk saves again while the dialog is open (folded into the desk's own session): the restore is refused
            // in words, the list shows the change, and a second try goes through
            erin.click(By.cssSelector("[data-testid=revision-1] button"));
            erin.byTestId("restore-dialog");
            deskSave(Map.of("dek", "Late-night buses run until March."));
            erin.click(By.cssSelector("[data-testid=confirm-restore]"));
            erin.waitForText(By.cssSelector("[data-testid=restore-error]"), "This article changed since you opened this page");
            erin.screenshot("20-restore-refused-stale");
            erin.waitForText(By.cssSelector("[data-testid=revision-3]"), "2 saves");
            erin.click(By.cssSelector("[data-testid=confirm-restore]"));
            erin.waitForToast("Revision 1 restored");
            List<Map<String, Object>> after = revisions();
            assertEquals(4, after.size(), after.toString());
            assertEquals("restored from revision 1", after.get(0).get("note"));
            assertEquals(BODY, as("erin").get("/api/articles/" + articleId).path("body"));
            erin.waitForText(By.cssSelector("[data-testid=revision-4]"), "restored from revision 1");
            erin.screenshot("20-restored");
        }
    }
}
