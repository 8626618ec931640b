package io.newsroom.cms.e2e;

import io.newsroom.cms.devstack.Env;
import io.newsroom.cms.devstack.testing.RawHttp;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Regression tests for the defects the trust issue listed that show at the gateway, each through the whole system:
 * public list ETags, author filters, feed escaping and links, body sizes, the HTTP layer's own errors, bad characters
 * in the public API, tokens with junk, and the internal endpoints the editor API does not expose.
 */
@ExtendWith(SystemExtension.class)
class TrustDefectsE2ETest {
    private static final String PROBLEM = "application/problem+json";

    private static RequestSpecification as(String user) {
        return given().header("Authorization", SystemExtension.bearer(user)).contentType(ContentType.JSON);
    }

    private static String tag() {
        return "t" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String author(String name) {
        return as("root").body(Map.of("displayName", name)).post("/api/authors").then().statusCode(201).extract().path("id");
    }

    /** Publishes an article and returns {id, slug}. */
    private static String[] publish(String headline, String dek, String authorId, String tag) {
        Response created = as("alice").body(Map.of("headline", headline, "dek", dek, "tags", List.of(tag), "byline", List.of(authorId)))
                .post("/api/articles");
        created.then().statusCode(201);
        String id = created.path("id");
        String etag = created.header("ETag");
        for (String[] step : new String[][]{{"alice", "submit"}, {"erin", "approve"}, {"erin", "publish"}}) {
            etag = as(step[0]).header("If-Match", etag).body(Map.of("action", step[1])).post("/api/articles/" + id + "/transitions")
                    .then().statusCode(200).extract().header("ETag");
        }
        return new String[]{id, created.path("slug")};
    }

    @Test
    void aPublicListKeepsItsEtagAcrossRefreshesAndCarriesNoInternalFlags() throws Exception {
        String tag = tag();
        String[] article = publish("Steady list " + tag, "A list that does not change", author("Lena List"), tag);
        String list = "steady-" + tag;
        as("carl").body(Map.of("slug", list, "title", "Steady", "maxItems", 4)).post("/api/lists").then().statusCode(201);
        as("carl").header("If-Match", SystemExtension.etag("/api/lists/" + list + "/draft")).body(Map.of("articleId", article[0]))
                .post("/api/lists/" + list + "/draft/items").then().statusCode(200);
        as("carl").header("If-Match", SystemExtension.etag("/api/lists/" + list + "/draft")).body(Map.of())
                .post("/api/lists/" + list + "/publish").then().statusCode(200);

        Response first = given().get("/public/v1/lists/" + list);
        first.then().statusCode(200).header("Warning", nullValue()).body("$", not(hasKey("stale"))).body("$", not(hasKey("asOf")))
                .body("items[0].slug", is(article[1]));
        String etag = first.header("ETag");
        for (int i = 0; i < 3; i++) {
            Thread.sleep(800); // past the gateway's fresh-for + refresh-ahead: each read is a new composition
            given().header("If-None-Match", etag).get("/public/v1/lists/" + list).then().statusCode(304).header("ETag", is(etag));
        }
    }

    @Test
    void anAuthorFilterFollowsRenamesAndAnUnknownAuthorIsNotEverything() {
        String tag = tag();
        String authorId = author("Otto Oldname");
        String oldSlug = as("root").get("/api/authors/" + authorId).path("slug");
        String[] mine = publish("By Otto " + tag, "Otto's piece", authorId, tag);
        publish("By someone else " + tag, "Not Otto's", author("Somebody Else"), tag);
        Response profile = as("root").get("/api/authors/" + authorId);
        as("root").header("If-Match", profile.header("ETag")).body(Map.of("slug", oldSlug + "-renamed", "displayName", "Otto Newname"))
                .put("/api/authors/" + authorId).then().statusCode(200);

        given().get("/public/v1/articles?author=" + oldSlug).then().statusCode(200).body("items.slug", contains(mine[1]));
        given().get("/public/v1/articles?author=" + oldSlug + "-renamed").then().statusCode(200).body("items.slug", contains(mine[1]));
        given().get("/public/v1/articles?author=" + authorId).then().statusCode(200).body("items.slug", contains(mine[1]));
        given().get("/public/v1/articles?author=nobody-" + tag).then().statusCode(404).contentType(PROBLEM);
        // a tag no published article carries names nothing readers can see (issue 19: managed tags): a 404 like an unknown author
        given().get("/public/v1/articles?tag=never-used-" + tag).then().statusCode(404).contentType(PROBLEM);
        given().get("/public/v1/articles?cursor=not-a-cursor").then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void theFeedCarriesPlainTextAsTextAndLinksToTheConfiguredSite() throws Exception {
        String tag = tag();
        String dek = "<img src=x onerror=alert(1)> & \"quotes\" " + tag;
        String[] article = publish("Escaping " + tag, dek, author("Xavier Escape"), tag);
        byte[] feed = new byte[0];
        for (int attempt = 0; attempt < 40 && !new String(feed, StandardCharsets.UTF_8).contains("Escaping " + tag); attempt++) {
            Thread.sleep(attempt == 0 ? 0 : 100); // the gateway keeps an answer up to 700 ms
            feed = given().get("/public/v1/feed.xml").then().statusCode(200).contentType(containsString("rss")).extract().asByteArray();
        }
        Document rss = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(feed));
        NodeList items = rss.getElementsByTagName("item");
        String description = null;
        String link = null;
        for (int i = 0; i < items.getLength(); i++) {
            org.w3c.dom.Element item = (org.w3c.dom.Element) items.item(i);
            if (item.getElementsByTagName("title").item(0).getTextContent().equals("Escaping " + tag)) {
                description = item.getElementsByTagName("description").item(0).getTextContent();
                link = item.getElementsByTagName("link").item(0).getTextContent();
            }
        }
        // what a feed reader renders as HTML: the dek's markup is escaped text, not an element
        assertEquals("&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot; " + tag, description);
        String site = "http://localhost:" + SystemExtension.GATEWAY_PORT + "/public/v1";
        assertEquals(site + "/articles/" + article[1], link);
        // the channel's own link comes before any item's
        assertEquals(site, ((org.w3c.dom.Element) rss.getElementsByTagName("channel").item(0)).getElementsByTagName("link").item(0).getTextContent());
        // the sitemap index names its pages on the configured site; the newest article is on the last page (oldest first)
        List<String> urls = new ArrayList<>();
        for (int attempt = 0; attempt < 40 && !urls.contains(site + "/articles/" + article[1]); attempt++) {
            Thread.sleep(attempt == 0 ? 0 : 100); // the gateway keeps an answer up to 700 ms
            List<String> pages = locs("/public/v1/sitemap.xml").stream().filter(loc -> loc.contains("/sitemaps/articles-")).toList();
            assertTrue(!pages.isEmpty() && pages.stream().allMatch(page -> page.startsWith(site + "/sitemaps/")), pages.toString());
            urls = locs(pages.get(pages.size() - 1).substring(site.length() - "/public/v1".length()));
        }
        assertTrue(urls.contains(site + "/articles/" + article[1]), urls.toString());
    }

    /** The {@code <loc>}s of the XML at {@code path} on the gateway. */
    private static List<String> locs(String path) throws Exception {
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(given().get(path).then().statusCode(200).extract().asByteArray()));
        NodeList locs = xml.getElementsByTagName("loc");
        List<String> found = new ArrayList<>();
        for (int i = 0; i < locs.getLength(); i++) {
            found.add(locs.item(i).getTextContent());
        }
        return found;
    }

    @Test
    void aProductionGatewayWithoutTheSiteUrlDoesNotStart() throws Exception {
        Path jar = Env.repoRoot().resolve("gateway/target/quarkus-app/quarkus-run.jar");
        Path log = Files.createTempFile("gateway-no-site", ".log");
        Process gateway = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx96m",
                "-XX:TieredStopAtLevel=1", "-Dquarkus.http.port=0", "-Dquarkus.http.host=127.0.0.1", "-jar", jar.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            assertTrue(gateway.waitFor(60, TimeUnit.SECONDS), "the gateway should stop by itself");
            assertTrue(gateway.exitValue() != 0, "exit code");
            String output = Files.readString(log);
            assertTrue(output.contains("cms.public-api.site-url"), output);
        } finally {
            gateway.destroyForcibly();
            Files.deleteIfExists(log);
        }
    }

    @Test
    void aBodyLargerThanTheServicesTakeIs413AtTheGateway() throws Exception {
        String huge = "{\"headline\":\"Big\",\"body\":\"" + "x".repeat(600_000) + "\"}";
        as("alice").body(huge).post("/api/articles").then().statusCode(413).contentType(PROBLEM);
        as("alice").body("{\"headline\":\"Big\",\"body\":\"" + "x".repeat(300_000) + "\"}").post("/api/articles")
                .then().statusCode(413).contentType(PROBLEM);
        // the same without a length (chunked): counted, and refused the same way
        String answer = raw("POST /api/articles HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + SystemExtension.bearer("alice")
                + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                + Integer.toHexString(huge.length()) + "\r\n" + huge + "\r\n0\r\n\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 413"), answer.substring(0, Math.min(300, answer.length())));
        assertTrue(answer.toLowerCase().contains("content-type: application/problem+json"), answer);
        // a small chunked body goes through with its length
        String small = "{\"headline\":\"Chunked but small\"}";
        String created = raw("POST /api/articles HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + SystemExtension.bearer("alice")
                + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                + Integer.toHexString(small.length()) + "\r\n" + small + "\r\n0\r\n\r\n");
        assertTrue(created.startsWith("HTTP/1.1 201"), created);
    }

    @Test
    void theHttpLayersOwnErrorsAreProblems() throws Exception {
        for (String target : new String[]{"/api/articles?status=%", "/public/v1/articles?tag=%zz", "/public/v1/articles/%"}) {
            String answer = raw("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + SystemExtension.bearer("alice")
                    + "\r\nConnection: close\r\n\r\n");
            assertTrue(answer.startsWith("HTTP/1.1 400"), target + " → " + answer);
            assertTrue(answer.toLowerCase().contains("content-type: application/problem+json"), answer);
        }
        given().get("/public/v1/articles?tag=" + "a".repeat(9_000)).then().statusCode(414).contentType(PROBLEM);
        given().header("X-Padding", "a".repeat(40_000)).get("/public/v1/articles").then().statusCode(431).contentType(PROBLEM);
        as("alice").header("X-Padding", "a".repeat(40_000)).get("/api/articles").then().statusCode(431).contentType(PROBLEM);
    }

    @Test
    void badCharactersAreA400EverywhereNeverA5xx() throws Exception {
        for (String target : new String[]{"/public/v1/articles?tag=%00", "/public/v1/articles?author=%00", "/public/v1/search?q=a%00b",
                "/api/articles?tag=%00", "/api/articles?q=%00", "/api/authors?q=%01"}) {
            String answer = raw("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + SystemExtension.bearer("alice")
                    + "\r\nConnection: close\r\n\r\n");
            assertTrue(answer.startsWith("HTTP/1.1 400"), target + " → " + answer);
        }
        String id = as("alice").body(Map.of("headline", "Clean")).post("/api/articles").then().statusCode(201).extract().path("id");
        as("alice").body("{\"body\":\"nul \\u0000 here\"}").post("/api/articles/" + id + "/comments").then().statusCode(400)
                .contentType(PROBLEM).body("errors[0].field", is("body"));
        as("alice").body("{\"headline\":\"nul \\u0000 here\"}").post("/api/articles").then().statusCode(400).contentType(PROBLEM);
        as("alice").header("If-Match", "\"1\"").body("{\"displayName\":\"nul \\u0000\"}").put("/api/authors/me").then().statusCode(400);
    }

    @Test
    void aRealTokenWithJunkAppendedIsRefused() {
        String token = SystemExtension.bearer("alice");
        for (String junk : new String[]{"!!", "*", "é"}) {
            given().header("Authorization", token + junk).get("/api/articles").then().statusCode(401).contentType(PROBLEM);
        }
        given().header("Authorization", token).get("/api/articles").then().statusCode(200);
    }

    @Test
    void internalEndpointsAreNotPartOfTheEditorApi() {
        as("alice").body(Map.of("articleId", UUID.randomUUID().toString(), "ids", List.of(UUID.randomUUID().toString())))
                .post("/api/authors/byline-claims").then().statusCode(404).contentType(PROBLEM);
        as("alice").get("/api/articles/published").then().statusCode(404).contentType(PROBLEM);
        as("alice").get("/api/authors/public/changes?since=2026-01-01T00:00:00Z").then().statusCode(404).contentType(PROBLEM);
        as("alice").get("/api/lists/public/featured").then().statusCode(404).contentType(PROBLEM);
    }

    /** Sends bytes as they are (a URL no HTTP library would send) to the gateway and returns the whole answer. */
    private static String raw(String request) throws IOException {
        return RawHttp.exchange(SystemExtension.GATEWAY_PORT, request);
    }
}
