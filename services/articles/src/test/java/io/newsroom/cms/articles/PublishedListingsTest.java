package io.newsroom.cms.articles;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.newsroom.cms.articles.ArticleApi.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The published reads a site is built from, on the real PostgreSQL: the list in its three orders with their cursors,
 * within a published-date range, search pages, the sitemap's pages (oldest first, each a slug and last change), the news sitemap's articles and the
 * article pages by id for full-content feeds.
 */
@QuarkusTest
class PublishedListingsTest {
    @Inject
    EntityManager em;

    private static String slugOf(String id) {
        return as("erin").get("/articles/" + id).path("slug");
    }

    @Test
    void theListSortsNewestOldestOrUpdatedWithACursorPerOrder() {
        String tag = unique("sorted");
        String writer = author("Sort Writer", true);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Map<String, Object> body = article(unique("Sorted " + i), List.of(writer));
            body.put("tags", List.of(tag));
            ids.add(publish(body));
        }
        // the first one is edited and published again: it is the last changed, still the first published
        Map<String, Object> edit = article(unique("Sorted 0 again"), List.of(writer));
        edit.put("tags", List.of(tag));
        as("erin").header("If-Match", etag(ids.get(0))).body(edit).put("/articles/" + ids.get(0)).then().statusCode(200);
        transition("erin", ids.get(0), "publish", null).then().statusCode(200);

        assertEquals(List.of(ids.get(2), ids.get(1), ids.get(0)), walk(tag, "newest"));
        assertEquals(List.of(ids.get(0), ids.get(1), ids.get(2)), walk(tag, "oldest"));
        assertEquals(List.of(ids.get(0), ids.get(2), ids.get(1)), walk(tag, "updated"));
        given().get("/articles/published?tag=" + tag).then().statusCode(200).body("items.id", contains(ids.get(2), ids.get(1), ids.get(0)));

        String newestCursor = given().get("/articles/published?limit=1&tag=" + tag).then().extract().path("nextCursor");
        given().get("/articles/published?limit=1&sort=updated&tag=" + tag + "&cursor=" + newestCursor).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("cursor"));
        given().get("/articles/published?sort=random").then().statusCode(400).contentType("application/problem+json");
    }

    private static List<String> listed(String query) {
        Response page = given().get("/articles/published?" + query);
        page.then().statusCode(200);
        return page.path("items.id");
    }

    /** Every id of the tag's list in {@code sort} order, one page (of 1) at a time. */
    private static List<String> walk(String tag, String sort) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            Response page = given().get("/articles/published?limit=1&sort=" + sort + "&tag=" + tag + (cursor == null ? "" : "&cursor=" + cursor));
            page.then().statusCode(200);
            ids.addAll(page.path("items.id"));
            cursor = page.path("nextCursor");
        } while (cursor != null && ids.size() < 10);
        return ids;
    }

    @Test
    void aPublishedDateRangeNarrowsEveryListAndItsCursorPagesWithinIt() {
        String tag = unique("ranged");
        String writer = author("Range Writer", true);
        List<String> ids = new ArrayList<>();
        for (int day = 1; day <= 4; day++) {
            Map<String, Object> body = article(unique("Ranged " + day), List.of(writer));
            body.put("tags", List.of(tag));
            String id = publish(body);
            ids.add(id);
            // first published on 1 to 4 March 2001 at 23:30 UTC, in every read model that keeps the date
            String at = "timestamptz '2001-03-0" + day + "T23:30:00Z'";
            QuarkusTransaction.requiringNew().run(() -> {
                for (String table : List.of("published_article", "published_article_tag", "published_article_section")) {
                    em.createNativeQuery("update " + table + " set published_at = " + at + " where article_id = cast(?1 as uuid)")
                            .setParameter(1, id).executeUpdate();
                }
            });
        }
        // the tag's own rows, the author's (published_article), a section's with the author, and tag with author
        for (String filter : List.of("tag=" + tag, "author=" + writer, "section=news&author=" + writer, "tag=" + tag + "&author=" + writer)) {
            assertEquals(List.of(ids.get(2), ids.get(1)), listed(filter + "&from=2001-03-02&to=2001-03-03"), filter);
            assertEquals(List.of(ids.get(3), ids.get(2)), listed(filter + "&from=2001-03-03T23:30:00Z"), filter);
            assertEquals(List.of(ids.get(0)), listed(filter + "&to=2001-03-01T23:30:00Z&sort=oldest"), filter);
            assertEquals(List.of(), listed(filter + "&from=2001-03-05"), filter);
        }
        List<String> paged = new ArrayList<>();
        String cursor = null;
        do {
            Response page = given().get("/articles/published?limit=1&sort=oldest&tag=" + tag + "&from=2001-03-02&to=2001-03-04"
                    + (cursor == null ? "" : "&cursor=" + cursor));
            page.then().statusCode(200);
            paged.addAll(page.path("items.id"));
            cursor = page.path("nextCursor");
        } while (cursor != null && paged.size() < 10);
        assertEquals(ids.subList(1, 4), paged);

        // a NUL byte PostgreSQL refuses in text: the reactive client's refusal is a 4xx problem too, never a 500
        given().urlEncodingEnabled(false).get("/articles/published?tag=a%00b").then().statusCode(anyOf(is(400), is(404)))
                .contentType("application/problem+json");
        given().urlEncodingEnabled(false).get("/articles/published?section=news&tag=a%00b&author=" + writer).then()
                .statusCode(anyOf(is(400), is(404))).contentType("application/problem+json");
        given().get("/articles/published?from=yesterday").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", is("from"));
        given().get("/articles/published?to=2001-02-30").then().statusCode(400).body("errors[0].field", is("to"));
        given().get("/articles/published?from=2001-03-03&to=2001-03-02").then().statusCode(400).body("errors[0].field", is("to"))
                .body("errors[0].message", containsString("before from"));
    }

    @Test
    void searchPagesOnWithItsCursor() {
        String word = unique("zebracorn").replace("-", "");
        String writer = author("Search Writer", true);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(publish(article("The " + word + " story " + i, List.of(writer))));
        }
        List<String> found = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Response page = given().get("/articles/published/search?limit=2&q=" + word + (cursor == null ? "" : "&cursor=" + cursor));
            page.then().statusCode(200);
            found.addAll(page.path("items.id"));
            cursor = page.path("nextCursor");
            pages++;
        } while (cursor != null && pages < 5);
        assertEquals(2, pages);
        assertEquals(3, found.size());
        assertTrue(found.containsAll(ids), found.toString());
        given().get("/articles/published/search?q=" + word + "&cursor=bm90LWEtY3Vyc29y").then().statusCode(400)
                .body("errors.field", hasItem("cursor"));

        // each result has a passage of its text with the words searched for marked, the rest of it escaped
        Map<String, Object> body = article("Harbour story " + word, List.of(writer));
        body.put("body", "## Ferries\n\nFerries & <b>tugs</b> were **back**; the [harbour master](https://example.org/hm) said the "
                + word + " had gone.\n\n> Quoted: the " + word + " swam off.");
        String marked = publish(body);
        Response hit = given().get("/articles/published/search?limit=10&q=" + word);
        List<Map<String, Object>> items = hit.path("items");
        String snippet = (String) items.stream().filter(i -> marked.equals(i.get("id"))).findFirst().orElseThrow().get("snippet");
        assertTrue(snippet.contains("<mark>" + word + "</mark>"), snippet);
        assertTrue(snippet.contains("Ferries &amp; tugs were back"), "escaped (the tags went when the body was saved): " + snippet);
        assertTrue(snippet.contains("the harbour master said"), "link targets and markup left out: " + snippet);
        assertTrue(!snippet.contains("**") && !snippet.contains("](") && !snippet.contains("<b>"), snippet);
    }

    @Test
    void theSitemapPagesAreTheOldestFirstOrderInPagesOfTheSizeAsked() {
        String writer = author("Sitemap Writer", true);
        String newest = publish(article(unique("Sitemap newest"), List.of(writer)));
        long published = QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery("select count(*) from published_article where not noindex").getSingleResult()).longValue());
        List<String> oldestFirst = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select slug from published_article where not noindex order by published_at, article_id").getResultList()).stream().map(String.class::cast).toList();

        Response index = given().get("/articles/published/sitemap/pages?size=2");
        index.then().statusCode(200).body("size", is(2));
        List<Integer> counts = index.path("pages.count");
        assertEquals((published + 1) / 2, counts.size());
        assertEquals(published, counts.stream().mapToLong(Integer::longValue).sum());
        assertEquals(1, index.<Integer>path("pages[0].page"), "numbered from 1");

        List<String> walked = new ArrayList<>();
        for (int page = 1; page <= counts.size(); page++) {
            Response entries = given().get("/articles/published/sitemap/pages/" + page + "?size=2");
            entries.then().statusCode(200).body("items", hasSize(counts.get(page - 1))).body("items[0].updatedAt", notNullValue());
            walked.addAll(entries.path("items.slug"));
        }
        assertEquals(oldestFirst, walked);
        assertEquals(slugOf(newest), walked.get(walked.size() - 1), "a new article lands on the last page");
        given().get("/articles/published/sitemap/pages/" + (counts.size() + 1) + "?size=2").then().statusCode(404)
                .contentType("application/problem+json");
        given().get("/articles/published/sitemap/pages/0").then().statusCode(400);
        given().get("/articles/published/sitemap/pages?size=50001").then().statusCode(400);
    }

    @Test
    void theNewsSitemapHasTheArticlesFirstPublishedSinceAndTheFullContentFeedTheirPages() {
        Instant before = Instant.now().minusSeconds(1);
        String writer = author("News Writer", true);
        String headline = unique("Breaking <news> & more");
        String first = publish(article(headline, List.of(writer)));
        String second = publish(article(unique("Breaking second"), List.of(writer)));

        Response news = given().get("/articles/published/sitemap/news?since=" + before + "&limit=1000");
        news.then().statusCode(200);
        List<String> slugs = news.path("items.slug");
        assertEquals(List.of(slugOf(second), slugOf(first)), slugs.subList(0, 2), "newest first");
        assertEquals(headline, news.path("items[1].headline"));
        assertTrue(news.<String>path("items[1].publishedAt").startsWith(before.toString().substring(0, 4)));
        given().get("/articles/published/sitemap/news?since=2999-01-01T00:00:00Z").then().statusCode(200).body("items", hasSize(0));
        given().get("/articles/published/sitemap/news?since=yesterday").then().statusCode(400);
        given().get("/articles/published/sitemap/news").then().statusCode(400);

        String unknown = "00000000-0000-4000-8000-000000000000";
        Response documents = given().get("/articles/published/documents/by-ids?ids=" + second + "&ids=" + unknown + "&ids=" + first);
        documents.then().statusCode(200).body("items.id", contains(second, first)).body("items[0].bodyHtml", containsString("<p>"));
        assertNull(documents.path("items[0].body"), "no Markdown");
        given().get("/articles/published/documents/by-ids").then().statusCode(400);
        given().get("/articles/published/documents/by-ids?ids=not-a-uuid").then().statusCode(anyOf(is(400), is(404)));
    }
}
