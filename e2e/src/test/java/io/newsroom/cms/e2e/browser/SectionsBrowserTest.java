package io.newsroom.cms.e2e.browser;

import io.newsroom.cms.e2e.SystemExtension;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sections as an editor keeps them: a new section and a subsection, a move refused (under its own subsection) with
 * the reason at the field once, then a writer files an article under the subsection and another section in the
 * article editor, and readers get it by section. Screens: e2e/target/screenshots/60-*.png (each checked by axe-core).
 */
@ExtendWith(SystemExtension.class)
class SectionsBrowserTest {
    private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 6);

    private static RequestSpecification as(String user) {
        return given().header("Authorization", SystemExtension.bearer(user)).contentType(ContentType.JSON);
    }

    private static long count(Browser browser, String text) {
        return ((Number) browser.js("return document.body.innerText.split(arguments[0]).length - 1", text)).longValue();
    }

    @Test
    void anEditorBuildsTheTreeAndAWriterFilesAnArticleInIt() {
        String world = "world-" + SUFFIX;
        String europe = "europe-" + SUFFIX;
        try (Browser erin = Browser.signIn("erin")) {
            erin.click(By.cssSelector("[data-testid=nav-sections]"));
            erin.waitFor(By.cssSelector("[data-testid=section-news]"));
            erin.click(By.cssSelector("[data-testid=new-section]"));
            erin.type(By.id("section-name"), "World " + SUFFIX);
            erin.until(d -> d.findElement(By.id("section-slug")).getAttribute("value").equals(world));
            erin.clickButton("Create section");
            erin.waitFor(By.cssSelector("[data-testid=section-" + world + "]"));

            erin.click(By.cssSelector("[data-testid=add-under-" + world + "]"));
            erin.type(By.id("section-name"), "Europe " + SUFFIX);
            assertEquals("World " + SUFFIX, new Select(erin.waitFor(By.id("section-parent"))).getFirstSelectedOption().getText());
            erin.clickButton("Create section");
            erin.waitFor(By.cssSelector("[data-testid=section-" + world + "] [data-testid=section-" + europe + "]"));
            erin.screenshot("60-section-tree");

            // a section cannot go under its own subsection: the parent list does not offer it, and a direct attempt is refused
            erin.click(By.cssSelector("[data-testid=edit-" + world + "]"));
            List<String> parents = new Select(erin.waitFor(By.id("section-parent"))).getOptions().stream().map(o -> o.getText()).toList();
            assertTrue(parents.stream().noneMatch(p -> p.contains("Europe " + SUFFIX)), parents.toString());
            erin.replace(By.id("section-slug"), "news");
            erin.clickButton("Save section");
            String taken = "Another section has (or had) this address. Choose another.";
            erin.waitForText(By.id("section-slug-error"), taken);
            assertEquals(1, count(erin, taken), "the problem is said once, at its field");
            erin.screenshot("60-section-slug-taken");
            erin.replace(By.id("section-slug"), world);
            erin.clickButton("Save section");
            erin.until(d -> d.findElements(By.cssSelector("[data-testid=section-dialog]")).isEmpty());
        }

        String europeId = ((List<Map<String, Object>>) as("erin").get("/api/sections").then().statusCode(200).extract().path("items"))
                .stream().filter(s -> europe.equals(s.get("slug"))).map(s -> (String) s.get("id")).findFirst().orElseThrow();
        String author = as("root").body(Map.of("slug", "sam-sections-" + SUFFIX, "displayName", "Sam Sections " + SUFFIX))
                .post("/api/authors").then().statusCode(201).extract().path("id");
        String id = as("alice").body(Map.of("headline", "Ferry strike spreads " + SUFFIX, "body", "Text.", "byline", List.of(author)))
                .post("/api/articles").then().statusCode(201).extract().path("id");
        try (Browser alice = Browser.signIn("alice")) {
            alice.open("/articles/" + id);
            Select primary = new Select(alice.waitFor(By.id("primarySection")));
            alice.until(d -> primary.getOptions().stream().anyMatch(o -> o.getText().equals("World " + SUFFIX + " › Europe " + SUFFIX)));
            primary.selectByVisibleText("World " + SUFFIX + " › Europe " + SUFFIX);
            alice.click(By.xpath("//div[@class='section-secondary']/label[normalize-space()='News']/input"));
            alice.until(d -> europeId.equals(as("alice").get("/api/articles/" + id).path("primarySectionId"))
                    && ((List<?>) as("alice").get("/api/articles/" + id).path("secondarySectionIds")).size() == 1);
            alice.screenshot("60-article-sections");

            // the dashboard lists a section's articles, its subsections' included
            alice.open("/?scope=all");
            Select filter = new Select(alice.waitFor(By.id("f-section")));
            alice.until(d -> filter.getOptions().stream().anyMatch(o -> o.getText().equals("World " + SUFFIX)));
            filter.selectByVisibleText("World " + SUFFIX);
            alice.until(d -> d.getCurrentUrl().contains("section=" + world));
            alice.waitForText(By.cssSelector("p.muted[aria-live]"), "1 article");
            assertTrue(String.join(" ", alice.texts(By.cssSelector("table"))).contains("Ferry strike spreads " + SUFFIX));
            alice.screenshot("60-dashboard-by-section");
        }
        for (String[] step : new String[][]{{"alice", "submit"}, {"erin", "approve"}, {"erin", "publish"}}) {
            as(step[0]).header("If-Match", SystemExtension.etag("/api/articles/" + id)).body(Map.of("action", step[1]))
                    .post("/api/articles/" + id + "/transitions").then().statusCode(200);
        }
        String slug = as("alice").get("/api/articles/" + id).path("slug");
        given().get("/public/v1/articles/" + slug).then().statusCode(200)
                .body("section.path", org.hamcrest.Matchers.contains(world, europe));
        // the public cache answers a section's list within its freshness (a section filter is not kept fresh by events)
        new org.openqa.selenium.support.ui.FluentWait<>(slug).withTimeout(java.time.Duration.ofSeconds(10))
                .pollingEvery(java.time.Duration.ofMillis(200)).until(s -> given().get("/public/v1/articles?section=" + world)
                        .then().extract().<List<String>>path("items.slug").contains(s));
        given().get("/public/v1/articles?section=" + world + "&includeChildren=false").then().statusCode(200)
                .body("items.slug", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(slug)));
        given().get("/public/v1/articles?section=nowhere-" + SUFFIX).then().statusCode(404);
    }
}
