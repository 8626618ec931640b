package io.newsroom.cms.gateway;

import io.newsroom.cms.devstack.testing.KeycloakResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A preview link's page on the gateway ({@code /preview/{token}}): the articles service is asked with the token in the
 * body (never in a URL), every time (nothing cached: a revoked link fails at once); the page is escaped, marked as a
 * preview, never stored, indexed or referred from; and every link that opens nothing (unknown, altered, expired,
 * revoked, malformed) is one and the same 404 page.
 */
@QuarkusTest
@QuarkusTestResource(KeycloakResource.class)
@QuarkusTestResource(BackendStubs.class)
class PreviewPageTest extends StubbedBackendsTest {
    static final String TOKEN = "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcde";
    static final String OTHER = "ZZZdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcde";
    static final String DOCUMENT = "{\"headline\":\"Harbour <script>alert(1)</script> tolls\",\"dek\":\"What \\\"it\\\" costs & why\","
            + "\"bodyHtml\":\"<p>First <strong>paragraph</strong>.</p><blockquote><p>A quote</p></blockquote>\","
            + "\"heroImage\":{\"url\":\"/public/v1/media/abc/original-640-50-50.jpg\",\"alt\":\"Cranes \\\"at\\\" dusk\",\"caption\":\"The port\","
            + "\"credit\":\"Staff\",\"mediaId\":null,\"width\":1600,\"height\":1000,"
            + "\"srcset\":{\"webp\":\"/public/v1/media/abc/original-320-50-50.webp 320w\",\"jpg\":\"/public/v1/media/abc/original-320-50-50.jpg 320w\"}},"
            + "\"byline\":[{\"displayName\":\"Jane Doe\",\"jobTitle\":\"Correspondent\",\"organization\":null},"
            + "{\"displayName\":\"Sam <b>Lee</b>\",\"jobTitle\":null,\"organization\":null}],"
            + "\"tags\":[\"ports\"],\"section\":{\"slug\":\"business\",\"name\":\"Business\",\"path\":[\"business\"]},"
            + "\"revision\":3,\"savedAt\":\"2026-12-02T09:15:00Z\",\"expiresAt\":\"2026-12-09T09:15:00Z\"}";
    private static final Pattern STYLE_NONCE = Pattern.compile("<style nonce=\"([^\"]+)\">");

    private void stubOpens(String token, String document) {
        backends.stubFor(post("/previews/open").withRequestBody(equalToJson("{\"token\":\"" + token + "\"}"))
                .willReturn(okJson(document).withHeader("Cache-Control", "private, no-store")));
    }

    private void stubOpensNothing() {
        backends.stubFor(post("/previews/open").atPriority(10).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"status\":404,\"detail\":\"No preview at this address\"}")));
    }

    private static Response page(String path) {
        return given().accept("text/html,application/xhtml+xml,*/*;q=0.8").redirects().follow(false).get(path);
    }

    private static void privateAndUnindexed(Response answer) {
        answer.then().header("Cache-Control", "private, no-store").header("X-Robots-Tag", "noindex, nofollow")
                .header("Referrer-Policy", "no-referrer").header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY").header("Content-Security-Policy", containsString("default-src 'none'"));
    }

    @Test
    void theRevisionIsShownEscapedMarkedAsAPreviewAndNeverKeptIndexedOrReferred() {
        stubOpens(TOKEN, DOCUMENT);
        Response answer = page("/preview/" + TOKEN);
        answer.then().statusCode(200).contentType(startsWith("text/html"));
        privateAndUnindexed(answer);
        String html = answer.asString();
        assertTrue(html.contains("<meta name=\"robots\" content=\"noindex, nofollow\">"), html);
        assertTrue(html.contains("<meta name=\"referrer\" content=\"no-referrer\">"));
        assertTrue(html.contains("data-testid=\"preview-banner\"") && html.contains(">Preview</strong>"));
        assertTrue(html.contains("revision 3 of an unpublished article, as saved on 2 December 2026 at 09:15 UTC"), html);
        assertTrue(html.contains("works until 9 December 2026 at 09:15 UTC"));
        assertTrue(html.contains("<title>Preview: Harbour &lt;script&gt;alert(1)&lt;/script&gt; tolls</title>"));
        assertTrue(html.contains("<h1>Harbour &lt;script&gt;alert(1)&lt;/script&gt; tolls</h1>"));
        assertFalse(html.contains("<script"), "no script of any kind");
        assertTrue(html.contains("What &quot;it&quot; costs &amp; why"));
        assertTrue(html.contains("<p>First <strong>paragraph</strong>.</p><blockquote>"), "the sanitized body as it came");
        assertTrue(html.contains("src=\"/public/v1/media/abc/original-640-50-50.jpg\" alt=\"Cranes &quot;at&quot; dusk\""));
        assertTrue(html.contains("type=\"image/webp\" srcset=\"/public/v1/media/abc/original-320-50-50.webp 320w\""));
        assertTrue(html.contains("width=\"1600\" height=\"1000\""));
        assertTrue(html.contains("The port <span class=\"credit\">Staff</span>"));
        assertTrue(html.contains("By <span class=\"author\">Jane Doe</span> <span class=\"role\">(Correspondent)</span> and"
                + " <span class=\"author\">Sam &lt;b&gt;Lee&lt;/b&gt;</span>"), html);
        assertTrue(html.contains("<p class=\"kicker\">Business</p>"));
        // the style element carries this answer's nonce, and the policy allows nothing else
        Matcher nonce = STYLE_NONCE.matcher(html);
        assertTrue(nonce.find());
        assertTrue(answer.header("Content-Security-Policy").contains("style-src 'nonce-" + nonce.group(1) + "'"));
        String again = page("/preview/" + TOKEN).asString();
        Matcher second = STYLE_NONCE.matcher(again);
        assertTrue(second.find());
        assertFalse(nonce.group(1).equals(second.group(1)), "a fresh nonce per answer");

        // the token went to the articles service in the body, never in a URL
        backends.verify(2, postRequestedFor(urlEqualTo("/previews/open")).withRequestBody(containing(TOKEN)));
        backends.verify(0, postRequestedFor(urlMatching(".*" + TOKEN + ".*")));
    }

    @Test
    void everyLinkThatOpensNothingIsTheSame404Page() {
        stubOpensNothing();
        stubOpens(TOKEN, DOCUMENT);
        String expected = null;
        for (String path : List.of("/preview/" + OTHER, "/preview/" + TOKEN.substring(1), "/preview/" + TOKEN + "x",
                "/preview/" + TOKEN + "/more", "/preview/not-a-token", "/preview/%3Cscript%3E", "/preview/" + "A".repeat(200))) {
            // (a path segment over 256 characters never reaches a route: the HTTP guard's 404 problem, for every path)
            Response answer = page(path);
            assertEquals(404, answer.statusCode(), path);
            assertTrue(answer.contentType().startsWith("text/html"), path + " → " + answer.contentType());
            privateAndUnindexed(answer);
            String html = STYLE_NONCE.matcher(answer.asString()).replaceAll("<style>");
            assertTrue(html.contains("This preview is not available"), path);
            assertTrue(html.contains("<meta name=\"robots\" content=\"noindex, nofollow\">"));
            assertFalse(html.contains("id=\"root\""), "the gateway's page, not the editor app");
            if (expected == null) {
                expected = html;
            }
            assertEquals(expected, html, "one and the same page: " + path);
        }
        // only well-formed tokens are sent on at all
        backends.verify(1, postRequestedFor(urlEqualTo("/previews/open")));

        // clients that do not ask for HTML get the API's problem+json, with the same headers
        Response problem = given().get("/preview/" + OTHER);
        problem.then().statusCode(404).contentType("application/problem+json").body("detail", is("No preview at this address"))
                .body(not(containsString(OTHER)));
        privateAndUnindexed(problem);
    }

    @Test
    void aRevokedLinkFailsAtOnceBecauseNothingIsCached() {
        stubOpens(TOKEN, DOCUMENT);
        page("/preview/" + TOKEN).then().statusCode(200);
        backends.resetAll();
        stubOpensNothing(); // revoked meanwhile
        page("/preview/" + TOKEN).then().statusCode(404);
        backends.verify(1, postRequestedFor(urlEqualTo("/previews/open")));
        // nor is the page part of the public API or its document
        given().get("/public/v1/openapi.json").then().statusCode(200).body(not(containsString("/preview")));
    }

    @Test
    void whileTheArticlesServiceIsAwayThePageSaysTryAgain() {
        backends.stubFor(post("/previews/open").willReturn(aResponse().withStatus(500)));
        Response answer = page("/preview/" + TOKEN);
        answer.then().statusCode(503).contentType(startsWith("text/html")).header("Retry-After", "5")
                .body(containsString("cannot be shown right now"));
        privateAndUnindexed(answer);
        given().get("/preview/" + TOKEN).then().statusCode(503).contentType("application/problem+json");
    }
}
