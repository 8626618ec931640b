package io.newsroom.cms.e2e.browser;

import io.newsroom.cms.e2e.SystemExtension;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two people on one article, in two real browsers: the writer edits her draft, the editor opening it is warned who is
 * editing since when and takes over with the keyboard; the writer is told at once, her editor turns read-only and the
 * words she had not saved yet stay on her screen; closing her tab ends her presence on the editor's screen by itself.
 * Screens are e2e/target/screenshots/69-*.png, each checked by axe-core.
 */
@ExtendWith(SystemExtension.class)
class PresenceBrowserTest {
    private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 6);

    private static RequestSpecification as(String user) {
        return given().header("Authorization", SystemExtension.bearer(user)).contentType(ContentType.JSON);
    }

    private static List<String> present(Browser browser) {
        return browser.texts(By.cssSelector("[data-testid=presence-person]"));
    }

    @Test
    void theEditorSeesTheWriterTakesOverAndTheWriterIsToldAtOnce() {
        String articleId = as("alice").body(Map.of("slug", "harbour-dredging-" + SUFFIX, "headline", "Harbour dredging starts in spring",
                        "dek", "The port authority signed the contract.", "body", "Dredging of the inner harbour begins in April.",
                        "tags", List.of("harbour")))
                .post("/api/articles").then().statusCode(201).extract().path("id");
        try (Browser alice = Browser.signIn("alice"); Browser erin = Browser.signIn("erin")) {
            // alice edits her draft (in a second tab, so that closing it later leaves her browser open)
            String home = alice.driver.getWindowHandle();
            alice.driver.switchTo().newWindow(WindowType.TAB);
            alice.open("/articles/" + articleId);
            alice.waitForText(By.cssSelector("[data-testid=presence-bar]"), "Nobody else has this article open.");
            assertTrue(alice.waitFor(By.id("body")).isEnabled());

            // erin opens it: warned who edits since when, focus on the safe choice; alice sees her arrive
            erin.open("/articles/" + articleId);
            erin.waitForText(By.cssSelector("[data-testid=lock-dialog]"), "Alice Archer is editing this article since");
            assertTrue(erin.byTestId("lock-sentence").getText().matches("Alice Archer is editing this article since \\d\\d:\\d\\d\\."),
                    erin.byTestId("lock-sentence").getText());
            assertEquals("Open read-only", erin.js("return document.activeElement.textContent"));
            assertFalse(erin.driver.findElement(By.id("headline")).isEnabled(), "read-only while the question is open");
            alice.waitForText(By.cssSelector("[data-testid=presence-bar]"), "Erin Ellis");
            assertTrue(present(alice).get(0).contains("Erin Ellis") && present(alice).get(0).contains("viewing"), present(alice).toString());
            erin.screenshot("69-someone-is-editing");
            alice.screenshot("69-writer-sees-the-editor-arrive");

            // alice is typing; before her autosave goes out, erin takes over with the keyboard
            WebElement body = alice.driver.findElement(By.id("body"));
            alice.click(body);
            body.sendKeys(Keys.chord(Keys.CONTROL, Keys.END), " Dredgers arrive from Rotterdam.");
            new org.openqa.selenium.interactions.Actions(erin.driver).sendKeys(Keys.TAB).perform();
            assertEquals("Take over", erin.js("return document.activeElement.textContent"));
            new org.openqa.selenium.interactions.Actions(erin.driver).sendKeys(Keys.ENTER).perform();
            long takenAt = System.nanoTime();

            // alice is told at once: read-only, who and when, her unsaved words kept in view; focus moved to the message
            alice.waitForText(By.cssSelector("[data-testid=lock-banner]"), "Erin Ellis took over editing at");
            long toldAfterMs = (System.nanoTime() - takenAt) / 1_000_000;
            assertTrue(toldAfterMs < 3_000, "told after " + toldAfterMs + " ms");
            alice.until(d -> !d.findElement(By.id("body")).isEnabled());
            assertFalse(alice.driver.findElement(By.id("headline")).isEnabled());
            String unsent = alice.driver.findElement(By.cssSelector("[data-testid=unsent-text] textarea")).getAttribute("value");
            assertTrue(unsent.endsWith("Dredgers arrive from Rotterdam."), unsent);
            assertEquals("lock-banner", alice.js("return document.activeElement.dataset.testid"));
            assertEquals("alert", alice.byTestId("lock-banner").getAttribute("role"));
            // nothing of hers went over erin's lock behind her back, and nothing of erin's was overwritten
            assertFalse(as("erin").get("/api/articles/" + articleId).<String>path("body").contains("Rotterdam"));
            alice.waitForText(By.cssSelector("[data-testid=presence-bar]"), "editing since");
            alice.screenshot("69-writer-told-taken-over");

            // erin edits; she sees alice still there, viewing
            erin.until(d -> d.findElements(By.cssSelector("[data-testid=lock-dialog]")).isEmpty());
            erin.until(d -> d.findElement(By.id("body")).isEnabled());
            erin.waitForText(By.cssSelector("[data-testid=presence-bar]"), "Alice Archer");
            assertTrue(present(erin).get(0).contains("viewing"), present(erin).toString());
            erin.screenshot("69-editor-took-over");

            // alice closes her tab: her presence ends on erin's screen by itself (well within the 40 s expiry)
            long closing = System.nanoTime();
            alice.driver.close();
            alice.driver.switchTo().window(home);
            // (a tab that could not say goodbye is dropped at the 40 s expiry: wait a little longer than that)
            new WebDriverWait(erin.driver, Duration.ofSeconds(50)).pollingEvery(Duration.ofMillis(100))
                    .until(d -> !d.findElement(By.cssSelector("[data-testid=presence-bar]")).getText().contains("Alice Archer"));
            long goneAfterMs = (System.nanoTime() - closing) / 1_000_000;
            System.out.printf("[presence] take-over told after %d ms; closed tab gone after %d ms%n", toldAfterMs, goneAfterMs);
            assertTrue(goneAfterMs < 45_000, "gone after " + goneAfterMs + " ms");
            erin.waitForText(By.cssSelector("[data-testid=presence-bar]"), "Nobody else has this article open.");
            erin.screenshot("69-writer-tab-closed");
            assertEquals(List.of(), as("erin").get("/api/articles/" + articleId + "/presence").jsonPath().getList("people.findAll { it.username == 'alice' }"));
        }
    }
}
