package io.newsroom.cms.e2e.browser;

import io.newsroom.cms.e2e.SystemExtension;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Related articles as an editor picks them: two published stories found by a word of their headlines and added, the
 * second moved above the first from the keyboard, saved with the article; once published, readers get them first, in
 * that order. Screen: e2e/target/screenshots/63-related-panel.png (checked by axe-core).
 */
@ExtendWith(SystemExtension.class)
class RelatedBrowserTest {
    private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 6);

    private static RequestSpecification as(String user) {
        return given().header("Authorization", SystemExtension.bearer(user)).contentType(ContentType.JSON);
    }

    private static void transition(String user, String id, String action) {
        as(user).header("If-Match", SystemExtension.etag("/api/articles/" + id)).body(Map.of("action", action))
                .post("/api/articles/" + id + "/transitions").then().statusCode(200);
    }

    private static String published(String author, String headline) {
        String id = as("alice").body(Map.of("headline", headline, "body", "Story.", "byline", List.of(author)))
                .post("/api/articles").then().statusCode(201).extract().path("id");
        transition("alice", id, "submit");
        transition("erin", id, "approve");
        transition("erin", id, "publish");
        return id;
    }

    @Test
    void anEditorPicksAndOrdersRelatedArticles() {
        String author = as("root").body(Map.of("slug", "rita-related-" + SUFFIX, "displayName", "Rita Related " + SUFFIX))
                .post("/api/authors").then().statusCode(201).extract().path("id");
        String word = "ferry" + SUFFIX;
        String first = published(author, "Ferry timetable changes " + word);
        String second = published(author, "Ferry fares rise " + word);
        String id = as("alice").body(Map.of("headline", "Harbour tolls rise " + SUFFIX, "body", "Tolls rise.", "byline", List.of(author)))
                .post("/api/articles").then().statusCode(201).extract().path("id");

        try (Browser erin = Browser.signIn("erin")) {
            erin.open("/articles/" + id);
            erin.click(By.cssSelector("[data-testid=related-panel] summary"));
            erin.type(By.id("related-search"), word);
            erin.click(By.xpath("//button[@aria-label=" + Browser.xpathLiteral("Add “Ferry timetable changes " + word + "”") + "]"));
            erin.click(By.xpath("//button[@aria-label=" + Browser.xpathLiteral("Add “Ferry fares rise " + word + "”") + "]"));
            erin.waitForText(By.cssSelector("[data-testid=related-list]"), "Ferry fares rise " + word);
            // from the keyboard: focus the second pick's "up" and press Enter
            erin.waitFor(By.xpath("//button[@aria-label=" + Browser.xpathLiteral("Move “Ferry fares rise " + word + "” up") + "]"))
                    .sendKeys(Keys.ENTER);
            erin.waitForText(By.cssSelector("[data-testid=related-announcement]"), "to position 1 of 2");
            erin.until(d -> List.of(second, first).equals(as("erin").get("/api/articles/" + id).path("related")));
            assertEquals(List.of("Ferry fares rise " + word, "Ferry timetable changes " + word),
                    erin.texts(By.cssSelector("[data-testid=related-list] li > span:first-child")));
            erin.screenshot("63-related-panel");
        }

        transition("alice", id, "submit");
        transition("erin", id, "approve");
        transition("erin", id, "publish");
        String slug = as("erin").get("/api/articles/" + id).path("slug");
        given().get("/public/v1/articles/" + slug + "/related?limit=2").then().statusCode(200)
                .body("items.id", contains(second, first)).body("items.reason", hasItems("editor"));
    }
}
