package io.newsroom.cms.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsroom.cms.devstack.testing.KeycloakResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Feeds (RSS 2.0, Atom, JSON Feed 1.1, of the site and of a tag), the sitemap index, its pages and the Google News
 * sitemap against stubbed services: each validated against its format (the sitemaps against the published XSDs in
 * {@code src/test/resources/xsd}, Atom against RFC 4287's required elements, RSS's and JSON Feed 1.1's required
 * fields), with the caching headers of every public answer. The sitemap pages are 3 articles long in tests.
 */
@QuarkusTest
@QuarkusTestResource(KeycloakResource.class)
@QuarkusTestResource(BackendStubs.class)
class PublicFeedsTest extends StubbedBackendsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final String SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9";

    private void stubNewest() {
        backends.stubFor(get("/articles/published?limit=20").willReturn(okJson(PublicJson.page("bmV4dA",
                PublicJson.summary("feed-one", "<img src=x onerror=alert(1)> & more"), PublicJson.summary("feed-two", null)))));
    }

    @Test
    void rssHasItsRequiredElementsAndTheCachingHeadersOfEveryPublicAnswer() throws Exception {
        stubNewest();
        Response rss = given().get("/public/v1/feed.xml");
        rss.then().statusCode(200).contentType(startsWith("application/rss+xml"))
                .header("ETag", notNullValue()).header("Cache-Control", startsWith("public, max-age="))
                .header("Surrogate-Key", is("articles"));
        Document doc = parse(rss.asByteArray());
        Element channel = only(doc.getDocumentElement(), null, "channel");
        assertEquals("rss", doc.getDocumentElement().getLocalName());
        assertEquals("2.0", doc.getDocumentElement().getAttribute("version"));
        assertEquals("Newsroom", text(channel, null, "title"));
        assertEquals("http://localhost:8080/public/v1", text(channel, null, "link"));
        assertEquals("Latest published articles", text(channel, null, "description"));
        assertEquals("en", text(channel, null, "language"));
        assertEquals("http://localhost:8080/public/v1/feed.xml", only(channel, ATOM, "link").getAttribute("href"));
        List<Element> items = children(channel, null, "item");
        assertEquals(2, items.size());
        for (Element item : items) { // RSS: an item has a title or a description; ours have both, a guid and a date
            assertFalse(text(item, null, "title").isEmpty());
            assertNotNull(only(item, null, "description"));
            assertNotNull(only(item, null, "guid"));
            assertNotNull(only(item, null, "pubDate"));
            assertEquals("Jane Doe", text(item, "http://purl.org/dc/elements/1.1/", "creator"));
            assertTrue(children(item, "http://purl.org/rss/1.0/modules/content/", "encoded").isEmpty(), "summaries only by default");
        }
        assertEquals("http://localhost:8080/public/v1/articles/feed-one", text(items.get(0), null, "link"));
        // the dek is text: HTML-escaped for readers' apps, then escaped again by the XML writer
        assertEquals("&lt;img src=x onerror=alert(1)&gt; &amp; more", text(items.get(0), null, "description"));
        given().header("If-None-Match", rss.header("ETag")).get("/public/v1/feed.xml").then().statusCode(304);
    }

    @Test
    void atomHasEveryElementRfc4287Requires() throws Exception {
        stubNewest();
        Response atom = given().get("/public/v1/feed.atom");
        atom.then().statusCode(200).contentType(startsWith("application/atom+xml")).header("ETag", notNullValue())
                .header("Surrogate-Key", is("articles"));
        Element feed = parse(atom.asByteArray()).getDocumentElement();
        assertEquals(ATOM, feed.getNamespaceURI());
        assertEquals("feed", feed.getLocalName());
        assertEquals("en", feed.getAttributeNS(XMLConstants.XML_NS_URI, "lang"));
        // atom:feed: exactly one id, title, updated; an author (or one in every entry); a self link recommended
        assertEquals("http://localhost:8080/public/v1/feed.atom", text(feed, ATOM, "id"));
        assertEquals("Newsroom", text(feed, ATOM, "title"));
        assertEquals("Latest published articles", text(feed, ATOM, "subtitle"));
        assertEquals("2026-01-02T09:00:00Z", text(feed, ATOM, "updated"));
        assertEquals("Newsroom", text(only(feed, ATOM, "author"), ATOM, "name"));
        List<String> rels = children(feed, ATOM, "link").stream().map(link -> link.getAttribute("rel")).toList();
        assertEquals(List.of("alternate", "self"), rels);
        List<Element> entries = children(feed, ATOM, "entry");
        assertEquals(2, entries.size());
        for (Element entry : entries) { // atom:entry: exactly one id, title, updated; an alternate link as there is no content
            assertTrue(text(entry, ATOM, "id").matches("urn:uuid:[0-9a-f-]{36}"), text(entry, ATOM, "id"));
            assertFalse(text(entry, ATOM, "title").isEmpty());
            assertEquals("2026-01-02T09:00:00Z", text(entry, ATOM, "updated"));
            assertEquals("2026-01-01T09:00:00Z", text(entry, ATOM, "published"));
            Element link = only(entry, ATOM, "link");
            assertEquals("alternate", link.getAttribute("rel"));
            assertTrue(link.getAttribute("href").startsWith("http://localhost:8080/public/v1/articles/feed-"));
            assertEquals("Jane Doe", text(only(entry, ATOM, "author"), ATOM, "name"));
            assertEquals("http://localhost:8080/public/v1/authors/jane-doe", text(only(entry, ATOM, "author"), ATOM, "uri"));
            assertEquals("cloud", only(entry, ATOM, "category").getAttribute("term"));
            assertTrue(children(entry, ATOM, "content").isEmpty(), "summaries only by default");
        }
        assertEquals("text", only(entries.get(0), ATOM, "summary").getAttribute("type"));
        assertEquals("<img src=x onerror=alert(1)> & more", text(entries.get(0), ATOM, "summary"), "a text construct: shown as text");
        assertTrue(children(entries.get(1), ATOM, "summary").isEmpty(), "no dek, no summary");
    }

    @Test
    void jsonFeedHasTheFieldsJsonFeed11Requires() throws Exception {
        stubNewest();
        Response feed = given().get("/public/v1/feed.json");
        feed.then().statusCode(200).contentType(startsWith("application/feed+json")).header("ETag", notNullValue());
        JsonNode doc = JSON.readTree(feed.asByteArray());
        assertEquals("https://jsonfeed.org/version/1.1", doc.path("version").asText());
        assertEquals("Newsroom", doc.path("title").asText());
        assertEquals("http://localhost:8080/public/v1", doc.path("home_page_url").asText());
        assertEquals("http://localhost:8080/public/v1/feed.json", doc.path("feed_url").asText());
        assertEquals("en", doc.path("language").asText());
        assertEquals(2, doc.path("items").size());
        for (JsonNode item : doc.path("items")) { // an item: an id, and content_html or content_text
            assertTrue(item.path("id").isTextual() && !item.path("id").asText().isEmpty());
            assertTrue(item.path("content_text").isTextual() ^ item.path("content_html").isTextual(), item.toString());
            assertEquals("Jane Doe", item.path("authors").path(0).path("name").asText());
            assertEquals("2026-01-01T09:00:00Z", item.path("date_published").asText());
        }
        assertEquals("<img src=x onerror=alert(1)> & more", doc.path("items").path(0).path("content_text").asText());
        assertEquals("Headline feed-two", doc.path("items").path(1).path("content_text").asText(), "no dek: the headline");
        assertFalse(doc.path("items").path(1).has("summary"));
    }

    @Test
    void aTagHasItsFeedsAndATagNoArticleCarriesIsA404() throws Exception {
        backends.stubFor(get("/articles/published?limit=20&tag=cloud").willReturn(okJson(PublicJson.page(null,
                PublicJson.summary("tagged", "Dek")))));
        backends.stubFor(get("/articles/published?limit=20&tag=nothing").willReturn(okJson(PublicJson.page(null))));
        Element channel = only(parse(given().get("/public/v1/tags/cloud/feed.xml").then().statusCode(200)
                .extract().asByteArray()).getDocumentElement(), null, "channel");
        assertEquals("Newsroom: cloud", text(channel, null, "title"));
        assertEquals("http://localhost:8080/public/v1/tags/cloud/feed.xml", only(channel, ATOM, "link").getAttribute("href"));
        assertEquals(1, children(channel, null, "item").size());
        Element atom = parse(given().get("/public/v1/tags/Cloud/feed.atom").then().statusCode(200)
                .extract().asByteArray()).getDocumentElement();
        assertEquals("http://localhost:8080/public/v1/tags/cloud/feed.atom", text(atom, ATOM, "id"));
        given().get("/public/v1/tags/cloud/feed.json").then().statusCode(200).body("items.id", hasSize(1));
        for (String format : List.of("xml", "atom", "json")) {
            given().get("/public/v1/tags/nothing/feed." + format).then().statusCode(404).contentType("application/problem+json")
                    .body("detail", containsString("tagged 'nothing'"));
        }
        backends.verify(3, getRequestedFor(urlEqualTo("/articles/published?limit=20&tag=cloud"))); // one per format, each kept
    }

    @Test
    void aSectionHasItsFeedsEvenEmptyAndAnUnknownSectionIsA404() throws Exception {
        backends.stubFor(get("/articles/published?limit=20&section=cloud").willReturn(okJson(PublicJson.page(null,
                PublicJson.summary("filed-in-cloud", "Dek")))));
        backends.stubFor(get("/articles/published?limit=20&section=quiet").willReturn(okJson(PublicJson.page(null))));
        backends.stubFor(get("/articles/published?limit=20&section=nowhere").willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,\"detail\":\"Section nowhere was not found\"}")));
        Element channel = only(parse(given().get("/public/v1/sections/cloud/feed.xml").then().statusCode(200)
                .extract().asByteArray()).getDocumentElement(), null, "channel");
        assertEquals("Newsroom: cloud", text(channel, null, "title"));
        assertEquals("http://localhost:8080/public/v1/sections/cloud/feed.xml", only(channel, ATOM, "link").getAttribute("href"));
        assertEquals(1, children(channel, null, "item").size());
        Element atom = parse(given().get("/public/v1/sections/cloud/feed.atom").then().statusCode(200)
                .extract().asByteArray()).getDocumentElement();
        assertEquals("http://localhost:8080/public/v1/sections/cloud/feed.atom", text(atom, ATOM, "id"));
        given().get("/public/v1/sections/cloud/feed.json").then().statusCode(200).body("items.id", hasSize(1));
        // a section with nothing published yet: an empty feed, not a 404
        given().get("/public/v1/sections/quiet/feed.json").then().statusCode(200).body("items", hasSize(0));
        for (String format : List.of("xml", "atom", "json")) {
            given().get("/public/v1/sections/nowhere/feed." + format).then().statusCode(404).contentType("application/problem+json");
            given().get("/public/v1/sections/Not_A_Slug/feed." + format).then().statusCode(400).contentType("application/problem+json");
        }
    }

    @Test
    void theSitemapIsAnIndexOfPagesAndTheNewsSitemapAllValidAgainstTheirSchemas() throws Exception {
        backends.stubFor(get("/articles/published/sitemap/pages?size=3").willReturn(okJson("{\"size\":3,\"pages\":["
                + "{\"page\":1,\"count\":3,\"lastModified\":\"2026-01-02T09:00:00.123456Z\"},"
                + "{\"page\":2,\"count\":1,\"lastModified\":\"2026-01-03T09:00:00Z\"}]}")));
        backends.stubFor(get("/articles/published/sitemap/pages/1?size=3").willReturn(okJson("{\"items\":["
                + "{\"slug\":\"first\",\"updatedAt\":\"2026-01-01T09:00:00Z\"},{\"slug\":\"second\",\"updatedAt\":\"2026-01-02T09:00:00.5Z\"},"
                + "{\"slug\":\"third\",\"updatedAt\":\"2026-01-02T09:00:00Z\"}]}")));
        backends.stubFor(get("/articles/published/sitemap/pages/3?size=3").willReturn(aResponse().withStatus(404)));

        Response index = given().get("/public/v1/sitemap.xml");
        index.then().statusCode(200).contentType(startsWith("application/xml")).header("ETag", notNullValue())
                .header("Surrogate-Key", is("articles"));
        valid(index.asString(), "siteindex.xsd");
        Element root = parse(index.asByteArray()).getDocumentElement();
        assertEquals("sitemapindex", root.getLocalName());
        List<String> locs = children(root, SITEMAP, "sitemap").stream().map(s -> text(s, SITEMAP, "loc")).toList();
        assertEquals(List.of("http://localhost:8080/public/v1/sitemaps/articles-1.xml", "http://localhost:8080/public/v1/sitemaps/articles-2.xml",
                "http://localhost:8080/public/v1/sitemap-news.xml"), locs);
        assertEquals("2026-01-02T09:00:00Z", text(children(root, SITEMAP, "sitemap").get(0), SITEMAP, "lastmod"));

        Response page = given().get("/public/v1/sitemaps/articles-1.xml");
        page.then().statusCode(200).contentType(startsWith("application/xml")).header("ETag", notNullValue());
        valid(page.asString(), "sitemap.xsd");
        List<Element> urls = children(parse(page.asByteArray()).getDocumentElement(), SITEMAP, "url");
        assertEquals(List.of("http://localhost:8080/public/v1/articles/first", "http://localhost:8080/public/v1/articles/second",
                "http://localhost:8080/public/v1/articles/third"), urls.stream().map(u -> text(u, SITEMAP, "loc")).toList());
        assertEquals("2026-01-02T09:00:00Z", text(urls.get(1), SITEMAP, "lastmod"));
        given().get("/public/v1/sitemaps/articles-3.xml").then().statusCode(404).contentType("application/problem+json");
        given().get("/public/v1/sitemaps/articles-0.xml").then().statusCode(400);
        given().get("/public/v1/sitemaps/articles-x.xml").then().statusCode(404);

        String since = clock.instant().minus(Duration.ofHours(48)).toString();
        backends.stubFor(get(urlPathEqualTo("/articles/published/sitemap/news")).willReturn(okJson("{\"items\":["
                + "{\"slug\":\"breaking\",\"headline\":\"Breaking & <entangled>\",\"publishedAt\":\"2026-01-01T08:00:00Z\"}]}")));
        Response news = given().get("/public/v1/sitemap-news.xml");
        news.then().statusCode(200).contentType(startsWith("application/xml"));
        backends.verify(getRequestedFor(urlPathEqualTo("/articles/published/sitemap/news"))
                .withQueryParam("since", equalTo(since)).withQueryParam("limit", equalTo("1000")));
        valid(news.asString(), "sitemap.xsd", "sitemap-news.xsd");
        String ns = "http://www.google.com/schemas/sitemap-news/0.9";
        Element url = only(parse(news.asByteArray()).getDocumentElement(), SITEMAP, "url");
        Element item = only(url, ns, "news");
        assertEquals("Newsroom", text(only(item, ns, "publication"), ns, "name"));
        assertEquals("en", text(only(item, ns, "publication"), ns, "language"));
        assertEquals("2026-01-01T08:00:00Z", text(item, ns, "publication_date"));
        assertEquals("Breaking & <entangled>", text(item, ns, "title"));

        // and the validation has teeth: a page without loc, a news entry without its title
        assertTrue(invalid(page.asString().replaceFirst("<loc>[^<]*</loc>", ""), "sitemap.xsd"));
        assertTrue(invalid(news.asString().replaceFirst("<news:title>[^<]*</news:title>", ""), "sitemap.xsd", "sitemap-news.xsd"));
    }

    @Test
    void anEmptySiteStillHasASitemapIndexWithItsFirstPage() throws Exception {
        backends.stubFor(get("/articles/published/sitemap/pages?size=3").willReturn(okJson("{\"size\":3,\"pages\":[]}")));
        String index = given().get("/public/v1/sitemap.xml").then().statusCode(200).extract().asString();
        valid(index, "siteindex.xsd");
        assertTrue(index.contains("/public/v1/sitemaps/articles-1.xml"), index);
    }

    @Test
    void theIndexOfAuthorsLinksEachAuthorsPageAndPages() throws Exception {
        backends.stubFor(get("/authors/public/active?limit=2").willReturn(okJson("{\"items\":[" + PublicJson.profile("jane-doe", "Jane Doe")
                + "," + PublicJson.profile("john-roe", "John Roe") + "],\"nextCursor\":\"am9obi1yb2U\"}")));
        backends.stubFor(get("/authors/public/active?limit=2&cursor=am9obi1yb2U").willReturn(okJson("{\"items\":[],\"nextCursor\":null}")));
        Response first = given().get("/public/v1/authors?limit=2");
        first.then().statusCode(200).contentType("application/json").header("ETag", notNullValue())
                .header("Surrogate-Key", is("authors"))
                .body("items.slug", contains("jane-doe", "john-roe"))
                .body("items[0].displayName", is("Jane Doe")).body("items[0].jobTitle", is("Correspondent"))
                .body("items[0].avatar.alt", is("Portrait of Jane Doe"))
                .body("items[0].url", is("http://localhost:8080/public/v1/authors/jane-doe"))
                .body("items[0]", not(hasKey("bio"))).body("nextCursor", is("am9obi1yb2U"));
        given().get("/public/v1/authors?limit=2&cursor=" + first.path("nextCursor")).then().statusCode(200)
                .body("items", hasSize(0)).body("nextCursor", nullValue());
        given().get("/public/v1/authors?limit=0").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void searchAndAuthorPagesPageOnWithACursor() {
        backends.stubFor(get("/articles/published/search?limit=1&q=cloud").willReturn(okJson(
                "{\"items\":[" + PublicJson.summary("hit-one", "Dek") + "],\"nextCursor\":\"c2VhcmNofDE\"}")));
        backends.stubFor(get("/articles/published/search?limit=1&q=cloud&cursor=c2VhcmNofDE").willReturn(okJson(
                "{\"items\":[" + PublicJson.summary("hit-two", "Dek") + "],\"nextCursor\":null}")));
        String next = given().get("/public/v1/search?q=cloud&limit=1").then().statusCode(200)
                .body("items.slug", contains("hit-one")).extract().path("nextCursor");
        given().get("/public/v1/search?q=cloud&limit=1&cursor=" + next).then().statusCode(200)
                .body("items.slug", contains("hit-two")).body("nextCursor", nullValue());

        backends.stubFor(get("/authors/public/by-slug/jane-doe").willReturn(okJson(PublicJson.profile("jane-doe", "Jane Doe"))));
        backends.stubFor(get("/articles/published?limit=10&author=" + PublicJson.AUTHOR_ID)
                .willReturn(okJson(PublicJson.page("bW9yZQ", PublicJson.summary("recent", "Dek")))));
        backends.stubFor(get("/articles/published?limit=10&cursor=bW9yZQ&author=" + PublicJson.AUTHOR_ID)
                .willReturn(okJson(PublicJson.page(null, PublicJson.summary("older", "Dek")))));
        given().get("/public/v1/authors/jane-doe").then().statusCode(200).body("articles.slug", contains("recent"))
                .body("nextCursor", is("bW9yZQ"));
        given().get("/public/v1/authors/jane-doe?cursor=bW9yZQ").then().statusCode(200).body("articles.slug", contains("older"))
                .body("nextCursor", nullValue()).body("displayName", is("Jane Doe"));
    }

    @Test
    void theListSortsAndSendsTheFieldsAskedForAndRefusesOthersNamingTheParameter() throws Exception {
        backends.stubFor(get("/articles/published?limit=2&sort=updated").willReturn(okJson(PublicJson.page("dXxu",
                PublicJson.summary("changed", "Dek"), PublicJson.summary("older", null)))));
        JsonNode page = JSON.readTree(given().get("/public/v1/articles?limit=2&sort=updated&fields=headline,slug")
                .then().statusCode(200).contentType("application/json").extract().asByteArray());
        assertEquals("dXxu", page.path("nextCursor").asText());
        List<String> names = new ArrayList<>();
        page.path("items").path(0).fieldNames().forEachRemaining(names::add);
        assertEquals(List.of("slug", "headline"), names, "the items' own order");
        given().get("/public/v1/articles?limit=2&sort=updated").then().statusCode(200).body("items[0].tags", contains("cloud"));
        backends.verify(2, getRequestedFor(urlEqualTo("/articles/published?limit=2&sort=updated"))); // with and without fields
        // newest is the default: the request the service gets is the one it always got
        backends.stubFor(get("/articles/published?limit=2").willReturn(okJson(PublicJson.page(null))));
        given().get("/public/v1/articles?limit=2&sort=newest").then().statusCode(200);

        given().get("/public/v1/articles?sort=random").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("sort"));
        given().get("/public/v1/articles?fields=slug,body").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("fields")).body("detail", containsString("body"));
    }

    @Test
    void aPublishedDateRangeReachesTheArticlesServiceAsInstantsAndKeysTheCache() {
        backends.stubFor(get(urlPathEqualTo("/articles/published")).withQueryParam("from", equalTo("2026-11-01T00:00:00Z"))
                .withQueryParam("to", equalTo("2026-11-30T23:59:59.999999Z"))
                .willReturn(okJson(PublicJson.page(null, PublicJson.summary("in-november", "Dek")))));
        given().get("/public/v1/articles?limit=2&from=2026-11-01&to=2026-11-30").then().statusCode(200)
                .body("items.slug", contains("in-november"));
        // the same range written as times is the same cache entry; another range is not
        given().queryParam("limit", 2).queryParam("from", "2026-11-01T01:00:00+01:00").queryParam("to", "2026-11-30T23:59:59.999999Z")
                .get("/public/v1/articles").then().statusCode(200).body("items.slug", contains("in-november"));
        backends.verify(1, getRequestedFor(urlPathEqualTo("/articles/published")).withQueryParam("from", equalTo("2026-11-01T00:00:00Z")));
        backends.stubFor(get(urlPathEqualTo("/articles/published")).withQueryParam("from", equalTo("2026-11-30T06:00:00Z"))
                .willReturn(okJson(PublicJson.page(null))));
        given().get("/public/v1/articles?limit=2&from=2026-11-30T06:00:00Z").then().statusCode(200).body("items", hasSize(0));
        backends.verify(1, getRequestedFor(urlPathEqualTo("/articles/published")).withQueryParam("from", equalTo("2026-11-30T06:00:00Z"))
                .withQueryParam("to", absent()));

        given().get("/public/v1/articles?from=last-week").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", is("from"));
        given().get("/public/v1/articles?from=2026-11-30&to=2026-11-01").then().statusCode(400)
                .body("errors[0].field", is("to")).body("errors[0].message", containsString("before from"));
        backends.verify(0, getRequestedFor(urlPathEqualTo("/articles/published")).withQueryParam("from", equalTo("last-week")));
    }

    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    /** Valid against the XSDs in {@code src/test/resources/xsd} (the published ones; nothing fetched). */
    private static void valid(String xml, String... schemas) throws Exception {
        Source[] sources = Arrays.stream(schemas).map(name -> new StreamSource(PublicFeedsTest.class.getResource("/xsd/" + name).toString()))
                .toArray(Source[]::new);
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.newSchema(sources).newValidator().validate(new StreamSource(new StringReader(xml)));
    }

    private static boolean invalid(String xml, String... schemas) {
        try {
            valid(xml, schemas);
            return false;
        } catch (Exception e) {
            return true;
        }
    }

    private static List<Element> children(Element parent, String ns, String name) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            if (node instanceof Element e && name.equals(e.getLocalName())
                    && (ns == null ? e.getNamespaceURI() == null : ns.equals(e.getNamespaceURI()))) {
                found.add(e);
            }
        }
        return found;
    }

    /** The one child {@code name}: exactly one, as the formats require. */
    private static Element only(Element parent, String ns, String name) {
        List<Element> found = children(parent, ns, name);
        assertEquals(1, found.size(), "one " + name + " in " + parent.getLocalName());
        return found.get(0);
    }

    private static String text(Element parent, String ns, String name) {
        return only(parent, ns, name).getTextContent();
    }
}
