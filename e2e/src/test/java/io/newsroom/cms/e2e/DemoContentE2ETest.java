package io.newsroom.cms.e2e;

import io.newsroom.cms.devstack.DemoContent;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What ./cms up loads on first run, through the services' APIs, and what readers then get. Runs after every other class:
 * the demo links the user alice to the "Alice Archer" profile (her new articles then carry her own byline) and fills
 * the feed and the "newest" lists, which stories that check alice's byline or those lists do not expect.
 */
@Order(Integer.MAX_VALUE)
@ExtendWith(SystemExtension.class)
class DemoContentE2ETest {
    @Test
    void demoContentLoadsOnceAndShowsThroughThePublicApi() {
        var stack = SystemExtension.stack();
        DemoContent demo = new DemoContent(stack.gatewayUrl(), stack.issuer());
        assertTrue(demo.loadIfMissing(), "first run loads");
        assertFalse(demo.loadIfMissing(), "second run finds it and skips");

        given().get("/public/v1/articles/" + DemoContent.FULL_ARTICLE).then().statusCode(200)
                .body("headline", startsWith("Regional cloud outage"))
                .body("bodyHtml", containsString("<blockquote>"))
                .body("heroImage.alt", not(emptyString()))
                .body("authors[0].displayName", is("Alice Archer"))
                .body("authors[0].social.x", is("@AliceArcherNews"))
                .body("authors[0].jobTitle", is("Senior Technology Correspondent"))
                .body("authors[0].avatar.alt", containsString("Alice Archer"))
                // the demo's pictures live in the media library: srcset-ready, alt text from the library
                .body("authors[0].avatar.mediaId", notNullValue())
                .body("authors[0].avatar.renditions.'1x1'.src", containsString("/public/v1/media/"))
                .body("heroImage.alt", startsWith("Racks of servers"))
                .body("heroImage.mediaId", notNullValue())
                .body("heroImage.width", is(2400))
                .body("heroImage.srcset.webp", containsString(" 2400w"));
        String hero = given().get("/public/v1/articles/" + DemoContent.FULL_ARTICLE).path("heroImage.renditions.'16x9'.src");
        given().get(hero).then().statusCode(200).contentType("image/jpeg");
        given().get("/samples/servers.svg").then().statusCode(200); // the app's sample pictures are served by the gateway
        given().get("/public/v1/lists/" + DemoContent.LIST).then().statusCode(200)
                .body("title", is("Featured"))
                .body("items", hasSize(4))
                .body("items[0].headline", is("Chips are back"))
                .body("items.image.alt", everyItem(not(emptyOrNullString())))
                .body("items[2].image.mediaId", notNullValue())
                .body("items[2].image.alt", startsWith("A newspaper page seen up close"))
                .body("items[2].image.srcset.webp", containsString("w"))
                .body("items.slug", not(hasItem(DemoContent.FULL_ARTICLE)));
        given().get("/public/v1/authors/" + DemoContent.AUTHOR).then().statusCode(200).body("articles", hasSize(5))
                .body("$", not(hasKey("email")));
    }
}
