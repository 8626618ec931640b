package io.newsroom.cms.gateway;

import io.newsroom.cms.common.http.ContentTags;
import io.newsroom.cms.devstack.testing.KeycloakResource;
import io.newsroom.cms.devstack.testing.RawHttp;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The public API against stubbed services (WireMock): pass-through of the stored JSON byte for byte, the author page
 * composed from typed records, feed and sitemap, and the HTTP behaviour readers rely on (ETag, 304, Cache-Control,
 * redirects, problems, Warning 110 and Age for stale answers, with the cache's clock moved by hand).
 */
@QuarkusTest
@QuarkusTestResource(KeycloakResource.class)
@QuarkusTestResource(BackendStubs.class)
class PublicApiTest extends StubbedBackendsTest {

    @Test
    void anArticleIsTheArticlesServicesJsonByteForByteWithItsETagAnd304() {
        String json = PublicJson.article("pass-through", false);
        String etag = ContentTags.of(json.getBytes(StandardCharsets.UTF_8));
        backends.stubFor(get("/articles/published/pass-through").willReturn(okJson(json).withHeader("ETag", etag)
                .withHeader("Surrogate-Key", "article-0b6f author-5c1e")));
        Response first = given().get("/public/v1/articles/pass-through");
        first.then().statusCode(200).contentType("application/json").header("ETag", is(etag))
                .header("Cache-Control", is("public, max-age=30, stale-while-revalidate=300"))
                .header("Surrogate-Key", is("article-0b6f author-5c1e")).header("Cache-Tag", is("article-0b6f,author-5c1e"))
                .header("Warning", nullValue()).header("Age", nullValue());
        assertArrayEquals(json.getBytes(StandardCharsets.UTF_8), first.asByteArray(), "no text surgery on the way");
        given().header("If-None-Match", first.header("ETag")).get("/public/v1/articles/pass-through")
                .then().statusCode(304).header("ETag", is(first.header("ETag")));
        Response cached = given().header("If-None-Match", "\"other\"").get("/public/v1/articles/pass-through");
        cached.then().statusCode(200);
        for (String header : List.of("Content-Type", "ETag", "Cache-Control", "Surrogate-Key", "Cache-Tag", "Content-Length")) {
            assertEquals(first.header(header), cached.header(header), header + ": the cached answer (router fast path) as made");
        }
        assertArrayEquals(first.asByteArray(), cached.asByteArray());
        backends.verify(1, getRequestedFor(urlEqualTo("/articles/published/pass-through")));
    }

    /**
     * A cached article page is sent before Quarkus' filters only for a plain read; a read with an {@code Origin}, a
     * bearer token or a query meets every filter as before (CORS headers, the 401 problem for a malformed token, the
     * 400 problem for a control character in the query), and is still answered from the cache.
     */
    @Test
    void aCachedArticleReadWithAnOriginATokenOrAQueryMeetsEveryFilter() throws Exception {
        backends.stubFor(get("/articles/published/filtered").willReturn(okJson(PublicJson.article("filtered", false))));
        String etag = given().get("/public/v1/articles/filtered").then().statusCode(200).extract().header("ETag");
        given().get("/public/v1/articles/filtered").then().statusCode(200).header("ETag", is(etag))
                .header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", "http://localhost:8080").get("/public/v1/articles/filtered").then().statusCode(200)
                .header("ETag", is(etag)).header("Access-Control-Allow-Origin", is("http://localhost:8080"));
        given().header("Authorization", "Bearer not-a-token").get("/public/v1/articles/filtered").then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", containsString("invalid_token"));
        given().urlEncodingEnabled(false).get("/public/v1/articles/filtered?x=%01").then().statusCode(400)
                .contentType("application/problem+json");
        given().get("/public/v1/articles/filtered?utm_source=newsletter").then().statusCode(200).header("ETag", is(etag));
        backends.verify(1, getRequestedFor(urlEqualTo("/articles/published/filtered")));
        // a malformed escape where a slug goes: the HTTP guard's 400 problem, not the router's bare 400
        String answer = RawHttp.exchange(RestAssured.port, "GET /public/v1/articles/% HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
        assertTrue(answer.toLowerCase().contains("content-type: application/problem+json"), answer);
    }

    @Test
    void anArticleWithAnIncompleteAuthorBoxIsServedWithAWarningAndNotKept() {
        backends.stubFor(get("/articles/published/degraded").willReturn(okJson(PublicJson.article("degraded", true))
                .withHeader("Warning", "110 - \"An author on the byline is not known yet\"")));
        given().get("/public/v1/articles/degraded").then().statusCode(200).header("Warning", startsWith("110"))
                .body("authorsDegraded", is(true));
        given().get("/public/v1/articles/degraded").then().statusCode(200);
        backends.verify(2, getRequestedFor(urlEqualTo("/articles/published/degraded")));
    }

    @Test
    void renamedSlugsRedirectAndMissingOrBadOnesAreProblems() {
        backends.stubFor(get("/articles/published/old-name").willReturn(aResponse().withStatus(301)
                .withHeader("Location", "http://articles/articles/published/new-name")));
        for (int read = 0; read < 2; read++) { // made, then from the cache
            given().redirects().follow(false).get("/public/v1/articles/old-name").then().statusCode(301)
                    .header("Location", endsWith("/public/v1/articles/new-name")).header("Cache-Control", startsWith("public"));
        }
        backends.verify(1, getRequestedFor(urlEqualTo("/articles/published/old-name")));
        backends.stubFor(get("/articles/published/nothing-here").willReturn(aResponse().withStatus(404)));
        given().get("/public/v1/articles/nothing-here").then().statusCode(404).contentType("application/problem+json")
                .body("status", is(404));
        given().get("/public/v1/articles/NOT_A_SLUG").then().statusCode(400).contentType("application/problem+json");
        given().get("/public/v1/articles?limit=1000").then().statusCode(400).contentType("application/problem+json");
        given().get("/public/v1/search").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void pagesAndSearchPassThroughAndTheAuthorFilterTakesASlug() {
        String page = PublicJson.page("Y3Vy", PublicJson.summary("one", "Dek"), PublicJson.summary("two", null));
        backends.stubFor(get(urlPathEqualTo("/articles/published")).willReturn(okJson(page)));
        assertArrayEquals(page.getBytes(StandardCharsets.UTF_8), given().get("/public/v1/articles?limit=2&tag=cloud")
                .then().statusCode(200).extract().asByteArray());
        backends.verify(getRequestedFor(urlEqualTo("/articles/published?limit=2&tag=cloud")));

        backends.stubFor(get("/authors/public/by-slug/jane-doe").willReturn(okJson(PublicJson.profile("jane-doe", "Jane Doe"))));
        given().get("/public/v1/articles?author=jane-doe").then().statusCode(200).body("items.slug", contains("one", "two"));
        backends.verify(getRequestedFor(urlEqualTo("/articles/published?limit=10&author=" + PublicJson.AUTHOR_ID)));
        backends.stubFor(get("/authors/public/by-slug/nobody").willReturn(aResponse().withStatus(404)));
        given().get("/public/v1/articles?author=nobody").then().statusCode(404).contentType("application/problem+json");

        String results = PublicJson.search(PublicJson.summary("found", "Dek"));
        backends.stubFor(get(urlPathEqualTo("/articles/published/search")).willReturn(okJson(results)));
        assertArrayEquals(results.getBytes(StandardCharsets.UTF_8), given().get("/public/v1/search?q=cloud cover")
                .then().statusCode(200).extract().asByteArray());
        backends.verify(getRequestedFor(urlEqualTo("/articles/published/search?limit=10&q=cloud+cover")));
    }

    @Test
    void anAuthorPageIsTheProfileAndTheNewestArticles() {
        backends.stubFor(get("/authors/public/by-slug/jane-doe").willReturn(okJson(PublicJson.profile("jane-doe", "Jane Doe"))));
        backends.stubFor(get("/articles/published?limit=10&author=" + PublicJson.AUTHOR_ID)
                .willReturn(okJson(PublicJson.page(null, PublicJson.summary("recent", "Dek")))));
        given().get("/public/v1/authors/jane-doe").then().statusCode(200)
                .body("displayName", is("Jane Doe")).body("avatar.alt", is("Portrait of Jane Doe")).body("social.x", is("@Jane"))
                .body("articles.slug", contains("recent")).body("articles[0].authors[0].displayName", is("Jane Doe"))
                .body("$", not(hasKey("email")));
        backends.stubFor(get("/authors/public/by-slug/jane-old").willReturn(aResponse().withStatus(301)
                .withHeader("Location", "/authors/public/by-slug/jane-doe")));
        given().redirects().follow(false).get("/public/v1/authors/jane-old").then().statusCode(301)
                .header("Location", endsWith("/public/v1/authors/jane-doe"));
    }

    @Test
    void aListPassesThroughAndCurationsStaleWarningReachesReaders() {
        String list = PublicJson.list("featured");
        backends.stubFor(get("/lists/public/featured").willReturn(okJson(list)));
        assertArrayEquals(list.getBytes(StandardCharsets.UTF_8), given().get("/public/v1/lists/featured")
                .then().statusCode(200).header("Warning", nullValue()).extract().asByteArray());
        backends.stubFor(get("/lists/public/stale-rail").willReturn(okJson(PublicJson.list("stale-rail"))
                .withHeader("Warning", "110 - \"Response is stale\"")));
        given().get("/public/v1/lists/stale-rail").then().statusCode(200).header("Warning", startsWith("110"));
        backends.stubFor(get("/lists/public/no-such-list").willReturn(aResponse().withStatus(404)));
        given().get("/public/v1/lists/no-such-list").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void feedAndSitemapAreWrittenWithAnXmlWriterAndEscapeWhatTheyCarry() {
        backends.stubFor(get("/articles/published?limit=20").willReturn(okJson(PublicJson.page(null,
                PublicJson.summary("feed-one", "<img src=x onerror=alert(1)> & more"), PublicJson.summary("feed-two", null)))));
        String feed = given().get("/public/v1/feed.xml").then().statusCode(200).contentType(containsString("application/rss+xml"))
                .body("rss.channel.item.size()", is(2))
                .body("rss.channel.item[0].link", is("http://localhost:8080/public/v1/articles/feed-one"))
                .body("rss.channel.item[0].pubDate", is("Thu, 1 Jan 2026 09:00:00 GMT"))
                .extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(feed.contains("&amp;lt;img src=x onerror=alert(1)&amp;gt; &amp;amp; more"), feed);

        // the sitemap index and its pages: PublicFeedsTest
        backends.stubFor(get("/articles/published/sitemap/pages/1?size=3").willReturn(okJson("{\"items\":["
                + "{\"slug\":\"site-one\",\"updatedAt\":\"2026-01-02T09:00:00Z\"},{\"slug\":\"site & two\",\"updatedAt\":\"2026-01-02T09:00:00Z\"}]}")));
        given().get("/public/v1/sitemaps/articles-1.xml").then().statusCode(200).contentType(containsString("application/xml"))
                .body("urlset.url.loc", contains("http://localhost:8080/public/v1/articles/site-one", "http://localhost:8080/public/v1/articles/site+%26+two"))
                .body("urlset.url[0].lastmod", is("2026-01-02T09:00:00Z"));
    }

    @Test
    void theLastGoodAnswerIsServedWithAgeWhileTheServiceFailsThenAFreshOne() {
        String json = PublicJson.article("stale-one", false);
        backends.stubFor(get("/articles/published/stale-one").willReturn(okJson(json)));
        given().get("/public/v1/articles/stale-one").then().statusCode(200).header("Age", nullValue());
        backends.stubFor(get("/articles/published/stale-one").willReturn(aResponse().withStatus(500)));
        clock.advance(Duration.ofSeconds(5));
        given().get("/public/v1/articles/stale-one").then().statusCode(200).header("Age", is("5"))
                .header("Warning", startsWith("110")).body("slug", is("stale-one"));
        backends.stubFor(get("/articles/published/stale-one").willReturn(okJson(json)));
        clock.advance(Duration.ofSeconds(1));
        given().get("/public/v1/articles/stale-one").then().statusCode(200).header("Age", nullValue()).header("Warning", nullValue());
        backends.stubFor(get("/articles/published/never-read").willReturn(aResponse().withStatus(500)));
        given().get("/public/v1/articles/never-read").then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", notNullValue());
    }
}
