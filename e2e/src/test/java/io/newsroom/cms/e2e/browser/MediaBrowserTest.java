package io.newsroom.cms.e2e.browser;

import io.newsroom.cms.e2e.SystemExtension;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A writer on deadline fills the media library: adds two pictures and a text file named like a picture at once (the
 * text file is refused on its own row, in plain words, while the pictures go in), opens a new picture, describes it,
 * clicks where its subject is and sees the crops follow. A writer picks a library picture as an article's hero; the
 * editor publishing it is told, at the alt text field, to describe it first. Every picture box of the grid is one size,
 * whatever the picture's shape. Screenshots: 70-*, 71-*.
 */
@ExtendWith(SystemExtension.class)
class MediaBrowserTest {
    private static Path picture(Path folder, String name, int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        Random random = new Random();
        g.setColor(new Color(random.nextInt(0xffffff)));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.RED);
        g.fillOval(width / 10, height / 10, width / 5, height / 5); // the subject, top left
        g.dispose();
        Path file = folder.resolve(name);
        ImageIO.write(image, "jpg", file.toFile());
        return file;
    }

    @Test
    void aWriterUploadsDescribesAndSetsTheFocalPoint() throws IOException {
        Path folder = Files.createTempDirectory("media-story");
        Path harbour = picture(folder, "harbour.jpg", 1600, 1000);
        Path crane = picture(folder, "crane.jpg", 900, 1200);
        Path fake = Files.writeString(folder.resolve("notes.jpg"), "minutes of the meeting", StandardCharsets.UTF_8);
        try (Browser alice = Browser.signIn("alice")) {
            alice.open("/media");
            WebElement input = alice.driver.findElement(By.cssSelector("[data-testid=file-input]"));
            input.sendKeys(harbour + "\n" + crane + "\n" + fake);
            alice.until(d -> d.findElements(By.cssSelector("[data-testid=upload-row][data-state=added]")).size() == 2);
            alice.waitForText(By.xpath("//li[@data-testid='upload-row' and contains(., 'notes.jpg')]"), "not a JPEG, PNG, WebP or GIF");
            alice.screenshot("70-media-uploaded");

            alice.click(By.xpath("//li[@data-testid='upload-row' and contains(., 'harbour.jpg')]//a[@data-testid='describe-new']"));
            WebElement detail = alice.byTestId("media-detail");
            alice.type(By.cssSelector("[data-testid=media-alt]"), "Cranes over the harbour at dusk");
            alice.type(By.cssSelector("[data-testid=media-credit]"), "Staff photographer");
            WebElement frame = alice.byTestId("focal-frame");
            WebElement img = frame.findElement(By.cssSelector("img"));
            new Actions(alice.driver).moveToElement(img, -img.getSize().getWidth() / 2 + img.getSize().getWidth() / 5,
                    -img.getSize().getHeight() / 2 + img.getSize().getHeight() / 5).click().perform();
            alice.waitFor(By.cssSelector("[data-testid=focal-marker]"));
            alice.click(By.cssSelector("[data-testid=save-media]"));
            // the saved item's crops: their names carry the focal point (50-50 until the save is back)
            Pattern square = Pattern.compile("1x1-\\d+-(\\d+)-(\\d+)\\.");
            Matcher saved = alice.until(d -> {
                Matcher m = square.matcher(d.findElement(By.cssSelector("[data-testid=crop-previews]")).getAttribute("innerHTML"));
                return m.find() && !(m.group(1).equals("50") && m.group(2).equals("50")) ? m : null;
            });
            int x = Integer.parseInt(saved.group(1));
            int y = Integer.parseInt(saved.group(2));
            assertTrue(x >= 15 && x <= 25 && y >= 15 && y <= 25, "the crops follow the point clicked (20 %, 20 %): " + x + ", " + y);
            alice.screenshot("70-media-described");
            assertTrue(detail.isDisplayed());
            // the grid's picture boxes are all one size: the portrait crane fits inside its box, never stretches its card
            Object heights = alice.js("return [...document.querySelectorAll('[data-testid=media-grid] .media-thumb')]"
                    + ".map(e => Math.round(e.getBoundingClientRect().height)).filter((h, i, all) => all.indexOf(h) === i)");
            assertEquals(1, ((List<?>) heights).size(), "one picture-box height in the grid: " + heights);
        }
    }

    @Test
    void aWriterPicksALibraryPictureAsHeroAndTheEditorDescribesItBeforePublishing() throws IOException {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        Path folder = Files.createTempDirectory("hero-story");
        String mediaId = given().header("Authorization", SystemExtension.bearer("alice"))
                .multiPart("file", picture(folder, "ferry-" + suffix + ".jpg", 1600, 900).toFile(), "image/jpeg")
                .post("/api/media").then().statusCode(201).extract().path("item.id");
        String author = given().header("Authorization", SystemExtension.bearer("root")).contentType(ContentType.JSON)
                .body(Map.of("displayName", "Hero Story " + suffix)).post("/api/authors").then().statusCode(201).extract().path("id");
        String headline = "Ferry returns to the harbour " + suffix;
        String slug = "ferry-returns-" + suffix;
        String id = given().header("Authorization", SystemExtension.bearer("alice")).contentType(ContentType.JSON)
                .body(Map.of("slug", slug, "headline", headline, "body", "The ferry is back.", "byline", List.of(author)))
                .post("/api/articles").then().statusCode(201).extract().path("id");

        try (Browser alice = Browser.signIn("alice")) {
            alice.open("/articles/" + id);
            alice.click(By.cssSelector("[data-testid=hero-choose-from-library]"));
            alice.waitFor(By.cssSelector("[data-testid=media-picker]"));
            alice.click(By.cssSelector("[data-testid=picker-card][data-media-id='" + mediaId + "']"));
            alice.click(By.cssSelector("[data-testid=picker-choose]"));
            alice.waitFor(By.cssSelector("[data-testid=hero-media-preview][data-state=loaded]"));
            // the picture has no alt text yet: the section says so, in plain words, once
            alice.waitFor(By.cssSelector("[data-testid=hero-library-alt-missing]"));
            alice.until(d -> mediaId.equals(given().header("Authorization", SystemExtension.bearer("alice"))
                    .get("/api/articles/" + id).path("heroImage.mediaId")));
            alice.js("arguments[0].scrollIntoView({block: 'center'})", alice.byTestId("hero-media-preview"));
            alice.screenshot("71-hero-picked-from-library");
        }
        for (String[] step : new String[][]{{"alice", "submit"}, {"erin", "approve"}}) {
            given().header("Authorization", SystemExtension.bearer(step[0])).contentType(ContentType.JSON)
                    .header("If-Match", SystemExtension.etag("/api/articles/" + id)).body(Map.of("action", step[1]))
                    .post("/api/articles/" + id + "/transitions").then().statusCode(200);
        }

        try (Browser erin = Browser.signIn("erin")) {
            erin.open("/articles/" + id);
            erin.click(By.cssSelector("button[data-action=publish]"));
            erin.waitForText(By.id("hero-alt-override-error"), "Describe the picture");
            String error = erin.driver.findElement(By.id("hero-alt-override-error")).getText();
            assertEquals(1, ((Number) erin.js("return document.body.innerText.split(arguments[0]).length - 1", error)).intValue(),
                    "the alt text problem is said once, at its field: " + error);
            erin.screenshot("71-hero-alt-needed-to-publish");

            erin.type(By.cssSelector("[data-testid=hero-alt-override]"), "The ferry coming alongside the harbour wall");
            erin.until(d -> "The ferry coming alongside the harbour wall".equals(given().header("Authorization", SystemExtension.bearer("erin"))
                    .get("/api/articles/" + id).path("heroImage.alt")));
            erin.click(By.cssSelector("button[data-action=publish]"));
            erin.waitForText(By.cssSelector(".page-header .subtitle"), "Live");
            erin.screenshot("71-hero-published");
        }
        given().get("/public/v1/articles/" + slug).then().statusCode(200)
                .body("heroImage.mediaId", org.hamcrest.Matchers.is(mediaId))
                .body("heroImage.alt", org.hamcrest.Matchers.is("The ferry coming alongside the harbour wall"))
                .body("heroImage.srcset.webp", org.hamcrest.Matchers.containsString("1600w"));
    }

    /**
     * Story 72: the same library picture as an author's avatar (root, in the author dialog) and as a featured list item's
     * picture (carl, in the item dialog): chosen from the picker, previewed in the crop readers get, saved, and served to
     * readers with its library alt text.
     */
    @Test
    void aLibraryPictureBecomesAnAvatarAndAListItemsPicture() throws IOException {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Path folder = Files.createTempDirectory("cms-media-story-");
        String mediaId = given().header("Authorization", SystemExtension.bearer("alice"))
                .multiPart("file", picture(folder, "reporter-" + suffix + ".jpg", 1200, 1200).toFile(), "image/jpeg")
                .multiPart("altText", "A reporter with a notebook").post("/api/media").then().statusCode(201).extract().path("item.id");
        String name = "Avatar Story " + suffix;
        String authorId = given().header("Authorization", SystemExtension.bearer("root")).contentType(ContentType.JSON)
                .body(Map.of("displayName", name)).post("/api/authors").then().statusCode(201).extract().path("id");

        try (Browser root = Browser.signIn("root")) {
            root.open("/authors");
            root.click(By.cssSelector("button[aria-label='Edit " + name + "']"));
            root.waitFor(By.cssSelector("[data-testid=author-dialog] #a-name"));
            root.click(By.cssSelector("[data-testid=avatar-choose-from-library]"));
            root.waitFor(By.cssSelector("[data-testid=media-picker]"));
            root.click(By.cssSelector("[data-testid=picker-card][data-media-id='" + mediaId + "']"));
            root.click(By.cssSelector("[data-testid=picker-choose]"));
            root.waitFor(By.cssSelector("[data-testid=avatar-media-preview][data-state=loaded]"));
            root.waitForText(By.cssSelector("[data-testid=avatar-library-alt]"), "A reporter with a notebook");
            root.screenshot("72-avatar-picked-from-library");
            root.clickButton("Save author");
            root.until(d -> d.findElements(By.cssSelector("[data-testid=author-dialog]")).isEmpty());
        }
        String slug = given().header("Authorization", SystemExtension.bearer("root")).get("/api/authors/" + authorId)
                .then().statusCode(200).body("avatar.mediaId", org.hamcrest.Matchers.is(mediaId)).extract().path("slug");
        given().get("/public/v1/authors/" + slug).then().statusCode(200)
                .body("avatar.alt", org.hamcrest.Matchers.is("A reporter with a notebook"))
                .body("avatar.renditions.'1x1'.src", org.hamcrest.Matchers.containsString("/public/v1/media/"));

        String headline = "Notebook story " + suffix;
        String articleId = given().header("Authorization", SystemExtension.bearer("alice")).contentType(ContentType.JSON)
                .body(Map.of("slug", "notebook-" + suffix, "headline", headline, "body", "Notes.", "byline", List.of(authorId)))
                .post("/api/articles").then().statusCode(201).extract().path("id");
        for (String[] step : new String[][]{{"alice", "submit"}, {"erin", "approve"}, {"erin", "publish"}}) {
            given().header("Authorization", SystemExtension.bearer(step[0])).contentType(ContentType.JSON)
                    .header("If-Match", SystemExtension.etag("/api/articles/" + articleId)).body(Map.of("action", step[1]))
                    .post("/api/articles/" + articleId + "/transitions").then().statusCode(200);
        }
        String list = "notebooks-" + suffix;
        given().header("Authorization", SystemExtension.bearer("carl")).contentType(ContentType.JSON)
                .body(Map.of("slug", list, "title", "Notebooks " + suffix, "maxItems", 4)).post("/api/lists").then().statusCode(201);
        given().header("Authorization", SystemExtension.bearer("carl")).contentType(ContentType.JSON)
                .header("If-Match", SystemExtension.etag("/api/lists/" + list + "/draft")).body(Map.of("articleId", articleId))
                .post("/api/lists/" + list + "/draft/items").then().statusCode(200);

        try (Browser carl = Browser.signIn("carl")) {
            carl.open("/lists/" + list);
            carl.click(By.xpath("//button[@aria-label=" + Browser.xpathLiteral("Edit “" + headline + "”") + "]"));
            carl.byTestId("item-dialog");
            carl.click(By.cssSelector("[data-testid=item-image-choose-from-library]"));
            carl.waitFor(By.cssSelector("[data-testid=media-picker]"));
            carl.click(By.cssSelector("[data-testid=picker-card][data-media-id='" + mediaId + "']"));
            carl.click(By.cssSelector("[data-testid=picker-choose]"));
            carl.waitFor(By.cssSelector("[data-testid=item-image-media-preview][data-state=loaded]"));
            // the rail preview shows the chosen picture at once (no wait for typing to pause: nothing was typed)
            carl.until(d -> (Boolean) carl.js("const i = document.querySelector('[data-testid=override-preview] img');"
                    + " return !!i && i.complete && i.naturalWidth > 0"));
            carl.screenshot("72-list-item-picture-picked-from-library");
            carl.click(By.cssSelector("[data-testid=save-item]"));
            carl.waitForToast("Item updated");
            carl.until(d -> d.findElements(By.cssSelector("[data-testid=item-dialog]")).isEmpty());
        }
        given().header("Authorization", SystemExtension.bearer("carl")).get("/api/lists/" + list + "/draft").then().statusCode(200)
                .body("items[0].overrides.image.mediaId", org.hamcrest.Matchers.is(mediaId));
        given().header("Authorization", SystemExtension.bearer("alice")).get("/api/media/" + mediaId + "/usages").then().statusCode(200)
                .body("items.kind", org.hamcrest.Matchers.hasItems("author", "list-item"));
    }
}
