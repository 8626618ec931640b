package io.newsroom.cms.e2e.browser;

import io.newsroom.cms.e2e.SystemExtension;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A preview link as a newsroom uses it: an editor shares a writer's draft from the article editor ("Share preview",
 * 7 days, for a named source) and copies the address; the writer keeps editing; someone who never signed in opens the
 * address in a fresh browser and reads exactly the shared revision, marked as a preview and not to be indexed, while
 * the public API still knows nothing of the draft; the editor revokes the link, and the same address is then the
 * "not available" page, the very page an address that never existed gets. Screens:
 * e2e/target/screenshots/64-share-preview.png, 64-preview-page.png, 64-share-preview-revoked.png,
 * 64-preview-not-available.png (each checked by axe-core).
 */
@ExtendWith(SystemExtension.class)
class PreviewLinksBrowserTest {
    private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 6);

    private static RequestSpecification as(String user) {
        return given().header("Authorization", SystemExtension.bearer(user)).contentType(ContentType.JSON);
    }

    private static String heading(Browser browser) {
        return browser.waitFor(By.tagName("h1")).getText();
    }

    @Test
    void anEditorSharesADraftSomeoneWithoutAnAccountReadsItAndTheRevokedLinkIsNotFound() {
        String word = "quayside" + SUFFIX;
        String author = as("root").body(Map.of("slug", "pia-preview-" + SUFFIX, "displayName", "Pia Preview " + SUFFIX,
                        "jobTitle", "Harbour reporter"))
                .post("/api/authors").then().statusCode(201).extract().path("id");
        String headline = "Quayside warehouses to become homes " + word;
        String id = as("alice").body(Map.of("headline", headline, "dek", "The council backs the plan; the port is not convinced.",
                        "body", "The old warehouses on the quay will be **flats** by 2028.\n\n> \"We were not asked,\" said the harbour master.",
                        "heroImage", Map.of("url", SystemExtension.stack().gatewayUrl() + "/samples/city.svg", "alt",
                                "Warehouses along the quay at dusk", "credit", "Staff"),
                        "byline", List.of(author)))
                .post("/api/articles").then().statusCode(201).extract().path("id");

        String url;
        try (Browser erin = Browser.signIn("erin")) {
            erin.open("/articles/" + id);
            erin.waitFor(By.cssSelector("[data-testid=share-preview]"));
            new Select(erin.waitFor(By.id("preview-lifetime"))).selectByValue("7");
            erin.type(By.id("preview-label"), "Harbour master, for his quote");
            erin.clickButton("Create link");
            url = erin.byTestId("preview-url").getAttribute("value");
            assertTrue(url.matches("http://localhost:\\d+/preview/[A-Za-z0-9_-]{43}"), url);
            erin.waitForText(By.cssSelector("[data-testid=preview-links]"), "Harbour master, for his quote");
            erin.waitForText(By.cssSelector("[data-testid=preview-link][data-state=active]"), "Works until");
            erin.screenshot("64-share-preview");
        }
        String path = url.substring(url.indexOf("/preview/"));

        // the writer goes on editing: the link still shows the revision that was shared
        String etag = SystemExtension.etag("/api/articles/" + id);
        as("alice").header("If-Match", etag).body(Map.of("headline", "Warehouses plan changed " + word, "body", "Rewritten.",
                "byline", List.of(author))).put("/api/articles/" + id).then().statusCode(200);

        try (Browser stranger = Browser.anonymous()) {
            stranger.visit(path);
            assertEquals(headline, heading(stranger), "exactly the shared revision");
            stranger.waitForText(By.cssSelector("[data-testid=preview-banner]"), "Not published");
            assertEquals("noindex, nofollow", stranger.driver.findElement(By.cssSelector("meta[name=robots]")).getAttribute("content"));
            assertTrue(stranger.driver.getTitle().startsWith("Preview: "));
            stranger.waitForText(By.cssSelector("[data-testid=preview-body] blockquote"), "said the harbour master");
            stranger.waitForText(By.cssSelector(".byline"), "Pia Preview " + SUFFIX);
            assertEquals("Warehouses along the quay at dusk", stranger.driver.findElement(By.cssSelector(".hero img")).getAttribute("alt"));
            assertTrue(stranger.driver.findElements(By.id("username")).isEmpty(), "no sign-in asked for");
            stranger.fullPageScreenshot("64-preview-page");

            Response page = given().accept("text/html").get(path);
            page.then().statusCode(200).header("X-Robots-Tag", "noindex, nofollow").header("Cache-Control", "private, no-store")
                    .header("Referrer-Policy", "no-referrer");
            // the draft is still nowhere in the public API
            given().get("/public/v1/search?q=" + word).then().statusCode(200).body("items", hasSize(0));
            given().get("/public/v1/articles?limit=50").then().statusCode(200).body(not(containsString(word)));
            given().get("/public/v1/sitemap-news.xml").then().statusCode(200).body(not(containsString(word)));
            given().get("/public/v1/feed.xml").then().statusCode(200).body(not(containsString(word)));

            try (Browser erin = Browser.signIn("erin")) {
                erin.open("/articles/" + id);
                erin.click(By.xpath("//button[starts-with(@aria-label, 'Revoke the link to revision 1 for Harbour master')]"));
                erin.clickButton("Revoke now");
                erin.waitForToast("Link revoked");
                erin.waitForText(By.cssSelector("[data-testid=preview-link][data-state=revoked]"), "Revoked by erin");
                erin.screenshot("64-share-preview-revoked");
            }

            stranger.visit(path);
            assertEquals("This preview is not available", heading(stranger));
            assertEquals("noindex, nofollow", stranger.driver.findElement(By.cssSelector("meta[name=robots]")).getAttribute("content"));
            String revokedText = stranger.driver.findElement(By.tagName("main")).getText();
            stranger.screenshot("64-preview-not-available");
            given().accept("text/html").get(path).then().statusCode(404).header("X-Robots-Tag", "noindex, nofollow")
                    .header("Cache-Control", "private, no-store");

            // the same page as an address that never existed: nothing tells that a draft was here
            stranger.visit("/preview/" + "Q".repeat(43));
            assertEquals("This preview is not available", heading(stranger));
            assertEquals(revokedText, stranger.driver.findElement(By.tagName("main")).getText());
        }
    }
}
