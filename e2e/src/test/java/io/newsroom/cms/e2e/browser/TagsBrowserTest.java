package io.newsroom.cms.e2e.browser;

import io.newsroom.cms.e2e.SystemExtension;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Managed tags as an editor tidies them: a duplicate tag merged into the one to keep (the confirmation says what
 * happens), readers following the old tag's address to the kept one, a slug already taken refused at its field once;
 * then a writer gets the kept tag offered while typing. Screens: e2e/target/screenshots/62-*.png (checked by axe-core).
 */
@ExtendWith(SystemExtension.class)
class TagsBrowserTest {
    private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 6);

    private static RequestSpecification as(String user) {
        return given().header("Authorization", SystemExtension.bearer(user)).contentType(ContentType.JSON);
    }

    private static long count(Browser browser, String text) {
        return ((Number) browser.js("return document.body.innerText.split(arguments[0]).length - 1", text)).longValue();
    }

    private static String publish(String headline, String author, String tag) {
        String id = as("alice").body(Map.of("headline", headline, "body", "Text.", "byline", List.of(author), "tags", List.of(tag)))
                .post("/api/articles").then().statusCode(201).extract().path("id");
        for (String[] step : new String[][]{{"alice", "submit"}, {"erin", "approve"}, {"erin", "publish"}}) {
            as(step[0]).header("If-Match", SystemExtension.etag("/api/articles/" + id)).body(Map.of("action", step[1]))
                    .post("/api/articles/" + id + "/transitions").then().statusCode(200);
        }
        return as("alice").get("/api/articles/" + id).path("slug");
    }

    @Test
    void anEditorMergesADuplicateTagAndAWriterIsOfferedTheKeptOne() {
        String kept = "kubernetes" + SUFFIX;
        String duplicate = "k8s" + SUFFIX;
        String author = as("root").body(Map.of("slug", "tom-tags-" + SUFFIX, "displayName", "Tom Tags " + SUFFIX))
                .post("/api/authors").then().statusCode(201).extract().path("id");
        String keptSlug = publish("Cluster upgrade lands " + SUFFIX, author, kept);
        String duplicateSlug = publish("Cluster outage explained " + SUFFIX, author, duplicate);
        String other = "containers" + SUFFIX;
        as("erin").body(Map.of("name", other)).post("/api/tags").then().statusCode(201);

        try (Browser erin = Browser.signIn("erin")) {
            erin.click(By.cssSelector("[data-testid=nav-tags]"));
            erin.type(By.id("tag-search"), duplicate);
            erin.click(By.cssSelector("[data-testid=merge-" + duplicate + "]"));
            erin.type(By.id("merge-into"), kept);
            erin.click(By.xpath("//ul[@data-testid='merge-candidates']//button[starts-with(normalize-space(), " + Browser.xpathLiteral(kept) + ")]"));
            erin.waitForText(By.cssSelector("[data-testid=merge-summary]"), "will be tagged “" + kept + "” instead");
            erin.screenshot("62-tag-merge");
            erin.click(By.cssSelector("[data-testid=confirm-merge]"));
            erin.until(d -> d.findElements(By.cssSelector("[data-testid=merge-tag-dialog]")).isEmpty());

            // the kept tag's address cannot become one another tag has (or had): the merged one's is now the kept one's
            erin.replace(By.id("tag-search"), kept);
            erin.click(By.cssSelector("[data-testid=edit-" + kept + "]"));
            erin.replace(By.id("tag-slug"), other);
            erin.type(By.id("tag-description"), "Container orchestration, clusters and the cloud.");
            erin.clickButton("Save tag");
            String taken = "Another tag has (or had) this address. Choose another.";
            erin.waitForText(By.id("tag-slug-error"), taken);
            assertEquals(1, count(erin, taken), "the problem is said once, at its field");
            erin.screenshot("62-tag-edit-refused");
            erin.replace(By.id("tag-slug"), kept);
            erin.clickButton("Save tag");
            erin.until(d -> d.findElements(By.cssSelector("[data-testid=tag-dialog]")).isEmpty());
        }

        // readers: the merged tag's articles are under the kept one; the old tag's address leads there
        as("erin").get("/api/tags/" + kept).then().statusCode(200).body("description", is("Container orchestration, clusters and the cloud."));
        new org.openqa.selenium.support.ui.FluentWait<>(duplicateSlug).withTimeout(Duration.ofSeconds(10)).pollingEvery(Duration.ofMillis(200))
                .until(s -> given().get("/public/v1/articles/" + s).then().extract().<List<String>>path("tags").contains(kept));
        given().get("/public/v1/articles?tag=" + duplicate).then().statusCode(200)
                .body("items.slug", contains(duplicateSlug, keptSlug));
        given().redirects().follow(false).get("/public/v1/tags/" + duplicate).then().statusCode(301)
                .header("Location", endsWith("/public/v1/tags/" + kept));

        String draft = as("alice").body(Map.of("headline", "Draft about clusters " + SUFFIX, "body", "Text.", "byline", List.of(author)))
                .post("/api/articles").then().statusCode(201).extract().path("id");
        try (Browser alice = Browser.signIn("alice")) {
            alice.open("/articles/" + draft);
            alice.type(By.id("tags"), kept.substring(0, 8));
            alice.waitForText(By.cssSelector("[data-testid=tag-suggestions]"), kept);
            List<String> offered = alice.texts(By.cssSelector("[data-testid=tag-suggestions] li"));
            assertTrue(offered.stream().anyMatch(o -> o.startsWith(kept)), offered.toString());
            assertTrue(offered.stream().noneMatch(o -> o.startsWith(duplicate)), "a merged tag is not offered: " + offered);
            alice.screenshot("62-tag-suggestions");
            alice.click(By.xpath("//ul[@data-testid='tag-suggestions']/li[starts-with(normalize-space(), " + Browser.xpathLiteral(kept) + ")]"));
            alice.until(d -> List.of(kept).equals(as("alice").get("/api/articles/" + draft).path("tags")));
        }
        assertEquals(List.of(kept), as("alice").get("/api/articles/" + draft).path("tags"));
    }
}
