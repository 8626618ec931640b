package io.newsroom.cms.e2e.browser;

import io.newsroom.cms.e2e.SystemExtension;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Search and social as an editor on deadline uses them: on a published story, a too-long SEO title warned about at its
 * field once, a canonical address that is no address refused at its field once, the search result preview following
 * the typing, then a correction note that readers get with the next publish, with its time; and a social image picked
 * from the media library, which the social card preview and readers' {@code seo.image} then show. Screens:
 * e2e/target/screenshots/61-*.png and 62-*.png (each checked by axe-core).
 */
@ExtendWith(SystemExtension.class)
class SeoBrowserTest {
    private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 6);

    private static RequestSpecification as(String user) {
        return given().header("Authorization", SystemExtension.bearer(user)).contentType(ContentType.JSON);
    }

    private static long count(Browser browser, String text) {
        return ((Number) browser.js("return document.body.innerText.split(arguments[0]).length - 1", text)).longValue();
    }

    private static void transition(String user, String id, String action) {
        as(user).header("If-Match", SystemExtension.etag("/api/articles/" + id)).body(Map.of("action", action))
                .post("/api/articles/" + id + "/transitions").then().statusCode(200);
    }

    @Test
    void anEditorWritesTheSearchResultAndCorrectsAPublishedStory() {
        String author = as("root").body(Map.of("slug", "sue-seo-" + SUFFIX, "displayName", "Sue Seo " + SUFFIX))
                .post("/api/authors").then().statusCode(201).extract().path("id");
        String id = as("alice").body(Map.of("headline", "Harbour bridge reopens " + SUFFIX, "dek", "Traffic flows again after repairs.",
                        "body", "The bridge reopened on Tuesday.", "byline", List.of(author)))
                .post("/api/articles").then().statusCode(201).extract().path("id");
        transition("alice", id, "submit");
        transition("erin", id, "approve");
        transition("erin", id, "publish");

        String title = "Harbour bridge reopens " + SUFFIX + " after a year of repairs";
        try (Browser erin = Browser.signIn("erin")) {
            erin.open("/articles/" + id);
            erin.click(By.cssSelector("[data-testid=seo-panel] summary"));
            erin.type(By.id("seoTitle"), title + ", say engineers and the city's mayor");
            String cut = "search results show about 60, so its end will be cut off.";
            erin.waitForText(By.id("seoTitle-hint"), cut);
            assertEquals(1, count(erin, cut), "the warning is said once, at its field");

            erin.type(By.id("seoCanonicalUrl"), "partner site");
            String notAnAddress = "Enter a full address starting with https:// (or http://)";
            erin.until(d -> count(erin, notAnAddress) == 1 || !d.findElements(By.id("seoCanonicalUrl-error")).isEmpty());
            assertTrue(count(erin, notAnAddress) <= 1, "said once at most");
            erin.screenshot("61-seo-warnings");

            erin.replace(By.id("seoTitle"), title);
            erin.replace(By.id("seoCanonicalUrl"), "https://partner.example/harbour-bridge");
            erin.type(By.id("seoDescription"), "The harbour bridge is open to traffic again " + SUFFIX + ".");
            erin.waitForText(By.cssSelector("[data-testid=search-preview] .search-preview-title"), title);
            erin.until(d -> d.findElements(By.id("seoCanonicalUrl-error")).isEmpty() && count(erin, notAnAddress) == 0);

            new Select(erin.waitFor(By.id("correctionKind"))).selectByValue("correction");
            erin.type(By.id("correctionNote"), "An earlier version gave the wrong reopening day.");
            erin.until(d -> "An earlier version gave the wrong reopening day.".equals(as("erin").get("/api/articles/" + id).path("correction.note"))
                    && title.equals(as("erin").get("/api/articles/" + id).path("seo.title")));
            erin.screenshot("61-seo-panel");
        }

        transition("erin", id, "publish");
        String slug = as("erin").get("/api/articles/" + id).path("slug");
        new org.openqa.selenium.support.ui.FluentWait<>(slug).withTimeout(Duration.ofSeconds(10)).pollingEvery(Duration.ofMillis(200))
                .until(s -> !given().get("/public/v1/articles/" + s).then().extract().<List<?>>path("corrections").isEmpty());
        given().get("/public/v1/articles/" + slug).then().statusCode(200)
                .body("seo.title", is(title)).body("seo.canonicalUrl", is("https://partner.example/harbour-bridge"))
                .body("seo.description", is("The harbour bridge is open to traffic again " + SUFFIX + "."))
                .body("corrections", hasSize(1)).body("corrections.kind", contains("correction"))
                .body("corrections[0].note", is("An earlier version gave the wrong reopening day."));
        as("erin").get("/api/articles/" + id).then().body("correction", org.hamcrest.Matchers.nullValue());
    }

    /** A landscape JPEG that looks like something (a sky over a sea), for the social card's screenshot. */
    private static byte[] seascape(int width, int height) throws java.io.IOException {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(width, height, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = image.createGraphics();
        g.setPaint(new java.awt.GradientPaint(0, 0, new java.awt.Color(0x87, 0xb5, 0xe0), 0, height * 0.6f, new java.awt.Color(0xf4, 0xd0, 0x9c)));
        g.fillRect(0, 0, width, height);
        g.setColor(new java.awt.Color(0x1f, 0x4e, 0x79));
        g.fillRect(0, (int) (height * 0.6), width, height);
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(width / 3, (int) (height * 0.5), width / 4, height / 10);
        g.dispose();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }

    @Test
    void anEditorPicksTheSocialImageFromTheLibraryAndTheCardShowsIt() throws Exception {
        String mediaId = given().header("Authorization", SystemExtension.bearer("alice"))
                .multiPart("file", "ferry-" + SUFFIX + ".jpg", seascape(1800, 1100), "image/jpeg")
                .multiPart("altText", "The ferry crossing the bay at sunset").post("/api/media").then().statusCode(201)
                .extract().path("item.id");
        String author = as("root").body(Map.of("slug", "sam-social-" + SUFFIX, "displayName", "Sam Social " + SUFFIX))
                .post("/api/authors").then().statusCode(201).extract().path("id");
        String id = as("alice").body(Map.of("headline", "Evening ferry returns " + SUFFIX, "dek", "The crossing runs until ten again.",
                        "body", "The evening ferry is back.", "byline", List.of(author)))
                .post("/api/articles").then().statusCode(201).extract().path("id");

        try (Browser erin = Browser.signIn("erin")) {
            erin.open("/articles/" + id);
            erin.click(By.cssSelector("[data-testid=seo-panel] summary"));
            erin.waitForText(By.cssSelector("[data-testid=social-card] .social-card-noimage"), "the card has no picture");
            erin.click(By.cssSelector("[data-testid=social-choose-from-library]"));
            erin.waitFor(By.cssSelector("[data-testid=media-picker]"));
            erin.click(By.cssSelector("[data-testid=picker-card][data-media-id='" + mediaId + "']"));
            erin.click(By.cssSelector("[data-testid=picker-choose]"));
            erin.waitFor(By.cssSelector("[data-testid=social-media-preview][data-state=loaded]"));
            org.openqa.selenium.WebElement card = erin.waitFor(By.cssSelector("[data-testid=social-card-image][data-from=social]"));
            assertTrue(card.getAttribute("src").contains("16x9"), card.getAttribute("src"));
            assertEquals("The ferry crossing the bay at sunset", card.getAttribute("alt"));
            erin.until(d -> mediaId.equals(as("erin").get("/api/articles/" + id).path("seo.socialImage.mediaId")));
            erin.until(d -> (Boolean) erin.js("return arguments[0].complete && arguments[0].naturalWidth > 0", card));
            erin.js("arguments[0].scrollIntoView({block: 'center'})", erin.byTestId("social-card"));
            erin.screenshot("62-social-card-library-picture");
        }
        transition("alice", id, "submit");
        transition("erin", id, "approve");
        transition("erin", id, "publish");
        String slug = as("erin").get("/api/articles/" + id).path("slug");
        given().get("/public/v1/articles/" + slug).then().statusCode(200)
                .body("seo.image.url", org.hamcrest.Matchers.containsString("16x9")).body("seo.image.width", is(1600))
                .body("seo.image.height", is(900)).body("seo.image.alt", is("The ferry crossing the bay at sunset"));
    }
}
