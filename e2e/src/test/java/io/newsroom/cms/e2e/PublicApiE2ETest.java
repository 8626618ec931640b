package io.newsroom.cms.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The public content API through the gateway, composed from all the real services. */
@ExtendWith(SystemExtension.class)
class PublicApiE2ETest {
    private static RequestSpecification as(String user) {
        return given().header("Authorization", SystemExtension.bearer(user)).contentType(ContentType.JSON);
    }

    private static String author(String name) {
        return as("root").body(Map.of("displayName", name, "jobTitle", "Correspondent", "bio", "Writes about **things**.",
                        "avatar", Map.of("url", "https://img.example/a.jpg", "alt", "Portrait of " + name),
                        "social", Map.of("x", "@" + name.replace(" ", ""))))
                .post("/api/authors").then().statusCode(201).extract().path("id");
    }

    private static String[] publish(String headline, String authorId, String tag) {
        return publish(headline, authorId, tag, Map.of());
    }

    /** {@link #publish(String, String, String)} with more fields of the article ({@code extra}). */
    private static String[] publish(String headline, String authorId, String tag, Map<String, Object> extra) {
        String slug = "pub-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body = new java.util.HashMap<>(Map.of("slug", slug, "headline", headline, "dek", "Standfirst for " + headline,
                "body", "Body of **" + headline + "**.\n\n<script>alert(1)</script>", "tags", List.of(tag),
                "heroImage", Map.of("url", "https://img.example/" + slug + ".jpg", "alt", "Hero of " + headline),
                "byline", List.of(authorId)));
        body.putAll(extra);
        String id = as("alice").body(body).post("/api/articles").then().statusCode(201).extract().path("id");
        for (String[] step : new String[][]{{"alice", "submit"}, {"erin", "approve"}, {"erin", "publish"}}) {
            as(step[0]).header("If-Match", SystemExtension.etag("/api/articles/" + id)).body(Map.of("action", step[1])).post("/api/articles/" + id + "/transitions").then().statusCode(200);
        }
        return new String[]{id, slug};
    }

    /** Polls until the condition holds; returns how long it took. */
    private static Duration within(Duration limit, Supplier<Boolean> condition) throws InterruptedException {
        Instant start = Instant.now();
        while (!condition.get()) {
            if (Duration.between(start, Instant.now()).compareTo(limit) > 0) {
                throw new AssertionError("not visible within " + limit);
            }
            Thread.sleep(50);
        }
        return Duration.between(start, Instant.now());
    }

    @Test
    void publishedContentIsVisibleEverywhereAndGoneAfterUnpublish() throws Exception {
        String tag = "t" + UUID.randomUUID().toString().substring(0, 6);
        String authorId = author("Jane Doe");
        String[] article = publish("Harbour cranes automated " + tag, authorId, tag);
        String slug = article[1];

        given().get("/public/v1/articles/" + slug).then().statusCode(200).contentType(ContentType.JSON)
                .header("ETag", notNullValue()).header("Cache-Control", containsString("max-age"))
                .header("Surrogate-Key", is("article-" + article[0] + " author-" + authorId))
                .header("Cache-Tag", is("article-" + article[0] + ",author-" + authorId))
                .body("headline", startsWith("Harbour cranes"))
                .body("bodyHtml", containsString("<strong>")).body("bodyHtml", not(containsString("<script")))
                .body("body", nullValue())
                .body("authors[0].displayName", is("Jane Doe")).body("authors[0].social.x", is("@JaneDoe"))
                .body("authors[0].avatar.alt", is("Portrait of Jane Doe")).body("authors[0]", not(hasKey("email")))
                .body("authorsDegraded", is(false));
        given().get("/public/v1/articles?tag=" + tag).then().statusCode(200).header("Surrogate-Key", is("articles"))
                .body("items.slug", contains(slug))
                .body("items[0].authors[0].displayName", is("Jane Doe"));
        within(Duration.ofSeconds(3), () -> given().get("/public/v1/search?q=cranes " + tag).path("items.slug").toString().contains(slug));
        given().get("/public/v1/feed.xml").then().statusCode(200).contentType(containsString("rss")).body(containsString(slug));
        given().get("/public/v1/sitemap-news.xml").then().statusCode(200).body(containsString(slug));

        String list = "featured-" + tag;
        as("carl").body(Map.of("slug", list, "title", "Featured", "maxItems", 6)).post("/api/lists").then().statusCode(201);
        String draftEtag = as("carl").get("/api/lists/" + list + "/draft").header("ETag");
        as("carl").header("If-Match", draftEtag).body(Map.of("articleId", article[0], "overrides",
                        Map.of("headline", "Cranes go robotic", "image", Map.of("url", "https://img.example/c.jpg", "alt", "Robotic cranes at dusk"))))
                .post("/api/lists/" + list + "/draft/items").then().statusCode(200);
        as("carl").header("If-Match", SystemExtension.etag("/api/lists/" + list + "/draft")).body(Map.of()).post("/api/lists/" + list + "/publish").then().statusCode(200);
        given().get("/public/v1/lists/" + list).then().statusCode(200)
                .body("items[0].headline", is("Cranes go robotic")).body("items[0].image.alt", is("Robotic cranes at dusk"))
                .body("items[0].slug", is(slug)).body("items[0].summary", startsWith("Standfirst"));

        as("erin").header("If-Match", SystemExtension.etag("/api/articles/" + article[0])).body(Map.of("action", "unpublish")).post("/api/articles/" + article[0] + "/transitions").then().statusCode(200);
        Duration gone = within(Duration.ofSeconds(2), () -> given().get("/public/v1/articles/" + slug).statusCode() == 404);
        within(Duration.ofSeconds(2), () -> !given().get("/public/v1/articles?tag=" + tag).asString().contains(slug));
        within(Duration.ofSeconds(2), () -> !given().get("/public/v1/lists/" + list).asString().contains(slug));
        within(Duration.ofSeconds(2), () -> !given().get("/public/v1/feed.xml").asString().contains(slug));
        within(Duration.ofSeconds(2), () -> !given().get("/public/v1/sitemap-news.xml").asString().contains(slug));
        within(Duration.ofSeconds(2), () -> !given().get("/public/v1/search?q=cranes " + tag).asString().contains(slug));
        assertTrue(gone.toMillis() <= 1000, "unpublish visible after " + gone.toMillis() + " ms");
    }

    @Test
    void aSiteCanBeBuiltFromThePublicApi() throws Exception {
        String tag = "site" + UUID.randomUUID().toString().substring(0, 6);
        String name = "Site " + tag; // its X handle, @Site<tag>, stays within 15 characters
        String authorId = author(name);
        String word = "quokka" + tag;
        Instant started = Instant.now().minusSeconds(60).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String[] first = publish("Site first " + word, authorId, tag);
        String[] second = publish("Site second " + word, authorId, tag);
        // asks search engines to leave it out: it has its page and its SEO fields, and no place in the sitemaps
        String[] hidden = publish("Site hidden " + word, authorId, tag + "x", Map.of("seo", Map.of("title", "Hidden " + word, "noindex", true)));
        given().get("/public/v1/articles/" + hidden[1]).then().statusCode(200).body("seo.noindex", is(true))
                .body("seo.title", is("Hidden " + word)).body("seo.description", is("Standfirst for Site hidden " + word))
                .body("seo.image.url", is("https://img.example/" + hidden[1] + ".jpg")).body("corrections", hasSize(0));

        // feeds of the site and of the tag, in the three formats
        for (String feed : List.of("/public/v1/feed.xml", "/public/v1/feed.atom", "/public/v1/feed.json",
                "/public/v1/tags/" + tag + "/feed.xml", "/public/v1/tags/" + tag + "/feed.atom", "/public/v1/tags/" + tag + "/feed.json")) {
            within(Duration.ofSeconds(5), () -> given().get(feed).asString().contains(second[1]));
            Response answer = given().get(feed);
            answer.then().statusCode(200).header("ETag", notNullValue()).header("Cache-Control", containsString("max-age"));
            given().header("If-None-Match", answer.header("ETag")).get(feed).then().statusCode(304);
        }
        given().get("/public/v1/feed.atom").then().contentType(startsWith("application/atom+xml"));
        given().get("/public/v1/feed.json").then().contentType(startsWith("application/feed+json"))
                .body("version", is("https://jsonfeed.org/version/1.1"));
        given().get("/public/v1/tags/" + tag + "/feed.json").then().body("items.url", hasItem(endsWith("/articles/" + first[1])));
        given().get("/public/v1/tags/no-such-" + tag + "/feed.xml").then().statusCode(404).contentType("application/problem+json");

        // sitemap index → its pages → every article URL there resolves; the new ones are on the last page
        String index = given().get("/public/v1/sitemap.xml").then().statusCode(200).extract().asString();
        List<String> pages = locs(index).stream().filter(loc -> loc.contains("/sitemaps/articles-")).toList();
        assertTrue(!pages.isEmpty() && locs(index).stream().anyMatch(loc -> loc.endsWith("/public/v1/sitemap-news.xml")), index);
        List<String> urls = new java.util.ArrayList<>();
        for (String page : pages) {
            urls.addAll(locs(given().get(page).then().statusCode(200).extract().asString()));
        }
        String firstUrl = urls.stream().filter(url -> url.endsWith("/articles/" + first[1])).findFirst().orElseThrow();
        given().get(firstUrl).then().statusCode(200).body("slug", is(first[1]));
        assertTrue(urls.get(urls.size() - 1).endsWith("/articles/" + second[1]), "oldest first: the newest indexable article is last");
        assertTrue(urls.stream().noneMatch(url -> url.endsWith("/articles/" + hidden[1])), "noindex: not in the sitemap");
        assertTrue(locs(given().get("/public/v1/sitemap-news.xml").asString()).stream().noneMatch(url -> url.endsWith("/articles/" + hidden[1])));
        given().get("/public/v1/sitemaps/articles-" + (pages.size() + 1) + ".xml").then().statusCode(404);
        assertTrue(locs(given().get("/public/v1/sitemap-news.xml").asString()).contains(firstUrl));

        // the index of authors, page by page, links the author's page
        String cursor = null;
        String authorUrl = null;
        for (int page = 0; page < 50 && authorUrl == null; page++) {
            Response authors = given().get("/public/v1/authors?limit=5" + (cursor == null ? "" : "&cursor=" + cursor));
            authors.then().statusCode(200);
            List<Map<String, Object>> items = authors.path("items");
            authorUrl = items.stream().filter(a -> name.equals(a.get("displayName"))).map(a -> (String) a.get("url")).findFirst().orElse(null);
            cursor = authors.path("nextCursor");
            if (cursor == null) {
                break;
            }
        }
        assertTrue(authorUrl != null, "the author is in the index");
        given().get(authorUrl).then().statusCode(200).body("displayName", is(name)).body("articles.slug", hasItem(second[1]));

        // search, a page at a time; the list sorted and cut to the fields asked for
        Response hits = given().get("/public/v1/search?limit=1&q=" + word);
        hits.then().statusCode(200).body("items", hasSize(1)).body("nextCursor", notNullValue())
                .body("items[0].snippet", containsString("<mark>" + word + "</mark>")).body("items[0].snippet", not(containsString("<script")));
        given().get("/public/v1/search?limit=1&q=" + word + "&cursor=" + hits.path("nextCursor")).then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].slug", not(is(hits.<String>path("items[0].slug"))));
        given().get("/public/v1/articles?tag=" + tag + "&sort=oldest&fields=slug,headline").then().statusCode(200)
                .body("items.slug", contains(first[1], second[1])).body("items[0]", not(hasKey("dek")));
        given().get("/public/v1/articles?sort=sideways").then().statusCode(400).body("errors.field", hasItem("sort"));

        // a section front (new articles start in News) for a published-date range: an archive page
        given().get("/public/v1/articles?section=news&tag=" + tag + "&from=" + started).then().statusCode(200)
                .body("items.slug", contains(second[1], first[1]));
        given().get("/public/v1/articles?section=news&tag=" + tag + "&to=" + started.minus(Duration.ofDays(1)).toString().substring(0, 10))
                .then().statusCode(200).body("items", hasSize(0));
        given().get("/public/v1/articles?tag=" + tag + "&from=" + Instant.now().plus(Duration.ofDays(2)).toString().substring(0, 10))
                .then().statusCode(200).body("items", hasSize(0));
        given().get("/public/v1/articles?from=2026-02-30").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("from"));

        // an article page's related articles: the one its editor picked first, then the one sharing its tag and section;
        // each links to a page that resolves, and the article itself is never among them
        String[] third = publish("Site third " + word, authorId, tag, Map.of("related", List.of(first[0])));
        Response related = given().get("/public/v1/articles/" + third[1] + "/related?limit=2");
        related.then().statusCode(200).header("ETag", notNullValue()).header("Cache-Control", containsString("max-age"))
                .body("items.slug", contains(first[1], second[1])).body("items.reason", contains("editor", "automatic"))
                .body("items[0].headline", is("Site first " + word));
        for (String relatedSlug : related.<List<String>>path("items.slug")) {
            given().get("/public/v1/articles/" + relatedSlug).then().statusCode(200).body("slug", is(relatedSlug));
        }
        given().header("If-None-Match", related.header("ETag")).get("/public/v1/articles/" + third[1] + "/related?limit=2").then().statusCode(304);
        given().get("/public/v1/articles/" + third[1] + "/related?limit=21").then().statusCode(400).contentType("application/problem+json");
        given().get("/public/v1/articles/no-such-" + tag + "/related").then().statusCode(404).contentType("application/problem+json");
    }

    private static List<String> locs(String xml) {
        java.util.regex.Matcher loc = java.util.regex.Pattern.compile("<loc>([^<]+)</loc>").matcher(xml);
        List<String> found = new java.util.ArrayList<>();
        while (loc.find()) {
            found.add(loc.group(1));
        }
        return found;
    }

    @Test
    void etagsAnswer304AndPublishIsVisibleWithinASecond() throws Exception {
        String authorId = author("Eve Etag");
        String tag = "e" + UUID.randomUUID().toString().substring(0, 6);
        String[] article = publish("Conditional requests " + tag, authorId, tag);
        Response first = given().get("/public/v1/articles/" + article[1]);
        String etag = first.header("ETag");
        given().header("If-None-Match", etag).get("/public/v1/articles/" + article[1]).then().statusCode(304).header("ETag", is(etag));
        given().header("If-None-Match", "\"other\"").get("/public/v1/articles/" + article[1]).then().statusCode(200);

        // an edit, published again: visible within a second
        Response current = as("erin").get("/api/articles/" + article[0]);
        as("erin").header("If-Match", current.header("ETag")).body(Map.of("slug", article[1], "headline", "Conditional requests, updated",
                "byline", List.of(authorId))).put("/api/articles/" + article[0]).then().statusCode(200);
        Instant publishedAt = Instant.now();
        as("erin").header("If-Match", SystemExtension.etag("/api/articles/" + article[0])).body(Map.of("action", "publish")).post("/api/articles/" + article[0] + "/transitions").then().statusCode(200);
        within(Duration.ofSeconds(2), () -> "Conditional requests, updated".equals(given().get("/public/v1/articles/" + article[1]).path("headline")));
        long visibleAfter = Duration.between(publishedAt, Instant.now()).toMillis();
        assertTrue(visibleAfter <= 1000, "visible after " + visibleAfter + " ms");
        given().header("If-None-Match", etag).get("/public/v1/articles/" + article[1]).then().statusCode(200);
    }

    @Test
    void anAuthorsEditReachesTheArticleAndTheListsWithinSeconds() throws Exception {
        String authorId = author("Nora Name");
        String tag = "n" + UUID.randomUUID().toString().substring(0, 6);
        String[] article = publish("Bylines follow renames " + tag, authorId, tag);
        given().get("/public/v1/articles?tag=" + tag).then().statusCode(200).body("items[0].authors[0].displayName", is("Nora Name"));
        given().get("/public/v1/search?q=renames " + tag).then().statusCode(200).body("items[0].authors[0].displayName", is("Nora Name"));

        Response profile = as("root").get("/api/authors/" + authorId);
        as("root").header("If-Match", profile.header("ETag")).body(Map.of("displayName", "Nora N. Newname", "jobTitle", "Editor"))
                .put("/api/authors/" + authorId).then().statusCode(200);
        Instant renamedAt = Instant.now();
        // the articles service's copy of the public profiles follows the authors' topic (well under 2 s)
        within(Duration.ofSeconds(10), () -> "Nora N. Newname".equals(given().get("/public/v1/articles/" + article[1]).path("authors[0].displayName")));
        long articleAfter = Duration.between(renamedAt, Instant.now()).toMillis();
        given().get("/public/v1/articles/" + article[1]).then().body("authors[0].jobTitle", is("Editor")).body("authorsDegraded", is(false));
        within(Duration.ofSeconds(3), () -> "Nora N. Newname".equals(given().get("/public/v1/articles?tag=" + tag).path("items[0].authors[0].displayName")));
        within(Duration.ofSeconds(3), () -> "Nora N. Newname".equals(given().get("/public/v1/search?q=renames " + tag).path("items[0].authors[0].displayName")));
        assertTrue(articleAfter <= 2_000, "the edit reached the article after " + articleAfter + " ms");
    }

    @Test
    void renamedSlugsRedirectAndBadInputIs4xx() throws InterruptedException {
        String authorId = author("Rita Rename");
        String[] article = publish("Rename me", authorId, "rename");
        Response current = as("erin").get("/api/articles/" + article[0]);
        as("erin").header("If-Match", current.header("ETag")).body(Map.of("slug", article[1] + "-v2", "headline", "Rename me",
                "byline", List.of(authorId))).put("/api/articles/" + article[0]).then().statusCode(200);
        as("erin").header("If-Match", SystemExtension.etag("/api/articles/" + article[0])).body(Map.of("action", "publish")).post("/api/articles/" + article[0] + "/transitions").then().statusCode(200);
        // the gateways hold the article from its publish event; the republish event moves it (within a second)
        within(Duration.ofSeconds(3), () -> given().redirects().follow(false).get("/public/v1/articles/" + article[1]).statusCode() == 301);
        given().redirects().follow(false).get("/public/v1/articles/" + article[1])
                .then().statusCode(301).header("Location", endsWith("/public/v1/articles/" + article[1] + "-v2"));
        given().get("/public/v1/articles/NOT_A_SLUG").then().statusCode(400).contentType("application/problem+json");
        given().get("/public/v1/articles?limit=1000").then().statusCode(400);
        given().get("/public/v1/search").then().statusCode(400);
        given().get("/public/v1/lists/no-such-list").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void lastGoodAnswersWhileAServiceIsDownThenRecovery() throws Exception {
        String authorId = author("Sam Stale");
        String authorSlug = as("root").get("/api/authors/" + authorId).path("slug");
        String tag = "s" + UUID.randomUUID().toString().substring(0, 6);
        String[] article = publish("Resilience " + tag, authorId, tag);
        given().get("/public/v1/articles/" + article[1]).then().statusCode(200);
        given().get("/public/v1/articles?tag=" + tag).then().statusCode(200);
        given().get("/public/v1/authors/" + authorSlug).then().statusCode(200);

        SystemExtension.stack().stop("authors");
        try {
            Thread.sleep(900); // past fresh-for + refresh-ahead (700 ms): the next read recomputes
            // the article and the lists carry their authors from the articles service's copy of the public profiles:
            // an authors outage does not touch them, and they are fresh answers, not stale ones
            given().get("/public/v1/articles/" + article[1]).then().statusCode(200).header("Age", nullValue())
                    .body("headline", startsWith("Resilience")).body("authors[0].displayName", is("Sam Stale"))
                    .body("authors[0].avatar.alt", is("Portrait of Sam Stale")).body("authorsDegraded", is(false));
            given().get("/public/v1/articles?tag=" + tag).then().statusCode(200).header("Age", nullValue())
                    .body("items[0].authors[0].displayName", is("Sam Stale"));
            // the author page is the authors service's own: its last good answer, marked stale
            given().get("/public/v1/authors/" + authorSlug).then().statusCode(200)
                    .header("Age", notNullValue()).body("displayName", is("Sam Stale"));
        } finally {
            SystemExtension.stack().restart("authors");
        }
        within(Duration.ofSeconds(3), () -> given().get("/public/v1/authors/" + authorSlug).header("Age") == null);

        SystemExtension.stack().stop("articles");
        try {
            Thread.sleep(900);
            // read before and untouched by any content event since: still the fresh answer (kept by the events), no
            // article service needed; without events it would be the last good answer, with Age (gateway module tests)
            given().get("/public/v1/articles/" + article[1]).then().statusCode(200).body("headline", startsWith("Resilience"));
            given().get("/public/v1/articles?tag=" + tag).then().statusCode(200);
            given().get("/public/v1/articles/never-cached-" + tag).then().statusCode(503).contentType("application/problem+json")
                    .header("Retry-After", notNullValue());
        } finally {
            SystemExtension.stack().restart("articles");
        }
        within(Duration.ofSeconds(3), () -> given().get("/public/v1/articles/" + article[1]).header("Age") == null);
    }

    /**
     * The public API's own OpenAPI document describes what the real system sends: each answer validates against the
     * schema the document gives for its path (networknt's JSON Schema validator, the document's components resolving
     * the references).
     */
    @Test
    void realAnswersValidateAgainstThePublicOpenApiDocument() throws Exception {
        String authorId = author("Olga Openapi");
        String authorSlug = as("root").get("/api/authors/" + authorId).path("slug");
        String tag = "o" + UUID.randomUUID().toString().substring(0, 6);
        String[] article = publish("Contract " + tag, authorId, tag);
        String list = "contract-" + tag;
        as("carl").body(Map.of("slug", list, "title", "Contract", "maxItems", 6)).post("/api/lists").then().statusCode(201);
        as("carl").header("If-Match", SystemExtension.etag("/api/lists/" + list + "/draft")).body(Map.of("articleId", article[0]))
                .post("/api/lists/" + list + "/draft/items").then().statusCode(200);
        as("carl").header("If-Match", SystemExtension.etag("/api/lists/" + list + "/draft")).body(Map.of()).post("/api/lists/" + list + "/publish").then().statusCode(200);

        ObjectMapper json = new ObjectMapper();
        JsonNode doc = json.readTree(given().get("/public/v1/openapi.json").then().statusCode(200).extract().asString());
        Map<String, String> answers = new java.util.LinkedHashMap<>();
        answers.put("/public/v1/articles/{slug}", "/public/v1/articles/" + article[1]);
        answers.put("/public/v1/articles", "/public/v1/articles?tag=" + tag);
        // automatic ones (its section, News, is everyone's), with their reason
        answers.put("/public/v1/articles/{slug}/related", "/public/v1/articles/" + article[1] + "/related?limit=20");
        answers.put("/public/v1/authors/{slug}", "/public/v1/authors/" + authorSlug);
        answers.put("/public/v1/lists/{slug}", "/public/v1/lists/" + list);
        within(Duration.ofSeconds(3), () -> given().get("/public/v1/search?q=contract " + tag).asString().contains(article[1]));
        answers.put("/public/v1/search", "/public/v1/search?q=contract " + tag);
        for (Map.Entry<String, String> answer : answers.entrySet()) {
            ObjectNode schema = json.createObjectNode();
            schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
            schema.setAll((ObjectNode) doc.path("paths").path(answer.getKey()).path("get").path("responses").path("200")
                    .path("content").path("application/json").path("schema"));
            schema.set("components", doc.path("components"));
            String body = given().get(answer.getValue()).then().statusCode(200).extract().asString();
            List<Error> errors = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(schema.toString(), InputFormat.JSON).validate(body, InputFormat.JSON);
            assertEquals(List.of(), errors.stream().map(Error::toString).toList(), answer.getValue() + ": " + body);
        }
    }
}
