package io.newsroom.cms.articles.published;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The plans of readers' statements ({@link PublishedReads}) on a fresh database migrated by Flyway, with 10,000 live
 * articles and no statistics at all (never analyzed, autovacuum off for the table, as on machines that run PostgreSQL
 * with autovacuum off). Each statement is planned both ways the reactive client runs it: with its parameters (custom
 * plan) and as the generic plan a prepared statement switches to. No plan may walk the table or an index in an order
 * the statement does not ask for: before the slug became unique, the by-slug read walked the newest-first index until
 * it met the slug (~8 ms at 10,000 articles).
 */
class PublicQueryPlansTest {
    private static final String DATABASE = "articles_plans_" + ProcessHandle.current().pid();
    private static Connection db;

    @BeforeAll
    static void tenThousandLiveArticlesNeverAnalyzed() throws SQLException {
        db = QueryPlans.freshDatabase(DATABASE);
        try (Statement s = db.createStatement()) {
            s.execute("alter table article set (autovacuum_enabled = false)");
            s.execute("alter table published_article set (autovacuum_enabled = false)");
            s.execute("insert into article (id, slug, headline, status, owner, working_revision, live_revision, created_at,"
                    + " updated_at, first_published_at, last_published_at, version)"
                    + " select md5('a' || i)::uuid, 'article-' || i, 'Headline ' || i, 'PUBLISHED', 'alice', 1, 1,"
                    + " now() - i * interval '1 minute', now(), now() - i * interval '1 minute', now(), 0"
                    + " from generate_series(1, 10000) i");
            s.execute("insert into published_article (article_id, slug, published_at, tags, byline, search_vector, title_vector,"
                    + " summary, item, document, etag, format, revision)"
                    + " select md5('a' || i)::uuid, 'article-' || i, now() - i * interval '1 minute',"
                    + " jsonb_build_array('tag-' || (i % 50)), jsonb_build_array(md5('w' || (i % 200))::uuid),"
                    + " to_tsvector('english', 'Headline ' || i || ' ' || repeat('body' || (i % 7) || ' ', 200)),"
                    + " setweight(to_tsvector('english', 'Headline ' || i), 'A'), '{}', '{}', repeat('x', 3000), '\"e\"', 3, 1"
                    + " from generate_series(1, 10000) i");
            // as PublishedViews.put files them: one row per article and tag
            s.execute("alter table published_article_tag set (autovacuum_enabled = false)");
            s.execute("insert into published_article_tag (article_id, tag, published_at)"
                    + " select md5('a' || i)::uuid, 'tag-' || (i % 50), now() - i * interval '1 minute' from generate_series(1, 10000) i");
            try (ResultSet r = s.executeQuery("select coalesce(last_analyze, last_autoanalyze) is null"
                    + " from pg_stat_user_tables where relname = 'published_article'")) {
                assertTrue(r.next() && r.getBoolean(1), "the table has never been analyzed");
            }
        }
    }

    @AfterAll
    static void dropTheDatabase() throws SQLException {
        QueryPlans.dropDatabase(db, DATABASE);
    }

    @Test
    void anArticleBySlugIsOneUniqueIndexLookup() throws Exception {
        for (JsonNode plan : plans(PublishedReads.BY_SLUG, "'article-5000'")) {
            assertEquals(List.of("Index Scan on published_article using published_article_slug_unique"), scans(plan), plan.toString());
        }
    }

    @Test
    void aFormerSlugIsFoundThroughUniqueIndexesOnly() throws Exception {
        for (JsonNode plan : plans(PublishedReads.MOVED, "'old-slug'")) {
            List<String> scans = scans(plan);
            assertTrue(scans.contains("Index Scan on published_article using published_article_pkey"), scans.toString());
            assertTrue(scans.stream().noneMatch(scan -> scan.startsWith("Seq Scan")), scans.toString());
        }
    }

    @Test
    void theNewestPageWalksTheNewestFirstIndexWithALimit() throws Exception {
        for (JsonNode plan : plans(PublishedReads.newestSql(false, false, false), "10")) {
            assertEquals("Limit", plan.path("Node Type").asText());
            assertEquals(List.of("Index Scan on published_article using published_article_newest_idx"), scans(plan), plan.toString());
        }
        for (JsonNode plan : plans(PublishedReads.newestSql(false, false, true), "now() - interval '1 day'",
                "'00000000-0000-0000-0000-000000000000'::uuid", "10")) {
            assertEquals(List.of("Index Scan on published_article using published_article_newest_idx"), scans(plan), plan.toString());
        }
    }

    @Test
    void aDateRangeNarrowsTheWalkOfTheIndexTheOrderTakes() throws Exception {
        String month = "now() - interval '40 days'";
        String tenDaysAgo = "now() - interval '10 days'";
        for (JsonNode plan : plans(PublishedReads.listSql(PublishedReads.Order.NEWEST, false, false, true, true, false), month, tenDaysAgo, "10")) {
            assertEquals("Limit", plan.path("Node Type").asText());
            assertEquals(List.of("Index Scan on published_article using published_article_newest_idx"), scans(plan), plan.toString());
        }
        for (PublishedReads.Order order : List.of(PublishedReads.Order.NEWEST, PublishedReads.Order.OLDEST)) {
            for (JsonNode plan : plans(PublishedReads.listSql(order, true, false, true, true, true), "'tag-7'", month, tenDaysAgo,
                    "now() - interval '20 days'", "'00000000-0000-0000-0000-000000000000'::uuid", "10")) {
                List<String> scans = scans(plan);
                assertTrue(scans.stream().anyMatch(scan -> scan.startsWith("Index") && scan.contains("published_article_tag_newest_idx")), scans.toString());
                assertTrue(scans.stream().noneMatch(scan -> scan.startsWith("Seq Scan")), scans.toString());
            }
        }
    }

    @Test
    void filteredPagesReadNoWholeTable() throws Exception {
        List<List<JsonNode>> all = List.of(
                plans(PublishedReads.newestSql(true, false, false), "'tag-7'", "10"),
                plans(PublishedReads.newestSql(true, true, false), "'[\"tag-7\"]'", "'[\"" + java.util.UUID.randomUUID() + "\"]'", "10"),
                plans(PublishedReads.newestSql(false, true, true), "'[\"" + java.util.UUID.randomUUID() + "\"]'",
                        "now()", "'00000000-0000-0000-0000-000000000000'::uuid", "10"),
                plans(PublishedReads.listSql(PublishedReads.Order.UPDATED, true, false, true), "'[\"tag-7\"]'", "now()",
                        "'00000000-0000-0000-0000-000000000000'::uuid", "10"),
                plans(PublishedReads.DOCUMENTS_BY_IDS, "array['" + java.util.UUID.randomUUID() + "']::uuid[]"),
                plans(PublishedReads.BY_IDS, "array['" + java.util.UUID.randomUUID() + "']::uuid[]"));
        for (List<JsonNode> plans : all) {
            for (JsonNode plan : plans) {
                List<String> scans = scans(plan);
                assertFalse(scans.isEmpty());
                assertTrue(scans.stream().noneMatch(scan -> scan.startsWith("Seq Scan on published_article")), scans.toString());
            }
        }
    }

    @Test
    void aTagsNewestAndOldestWalkTheTagsIndexWithALimit() throws Exception {
        String cursor = "'00000000-0000-0000-0000-000000000000'::uuid";
        // the first page (and every page with the generic plan a prepared statement settles on): the tag's index walked
        // in the order asked with a limit, no sort; the articles read by primary key
        List<List<JsonNode>> walks = List.of(
                plans(PublishedReads.newestSql(true, false, false), "'tag-7'", "11"),
                plans(PublishedReads.listSql(PublishedReads.Order.OLDEST, true, false, false), "'tag-7'", "11"),
                plans(PublishedReads.newestSql(true, false, true), "'tag-7'", "now() - interval '1 day'", cursor, "11").subList(1, 2),
                plans(PublishedReads.listSql(PublishedReads.Order.OLDEST, true, false, true), "'tag-7'",
                        "now() - interval '100 days'", cursor, "11").subList(1, 2));
        for (List<JsonNode> plans : walks) {
            for (JsonNode plan : plans) {
                List<String> scans = scans(plan);
                assertEquals(2, scans.size(), scans.toString());
                assertTrue(scans.get(0).matches("Index (Only )?Scan on published_article_tag using published_article_tag_newest_idx"),
                        plan.toString());
                assertEquals("Index Scan on published_article using published_article_pkey", scans.get(1), plan.toString());
                assertFalse(plan.toString().contains("\"Sort\""), plan.toString());
            }
        }
        // a later page's custom plan (the cursor's range estimated without statistics) may read the tag's rows from the
        // same index and sort them: narrow rows, the articles still read by primary key for the page only
        for (JsonNode plan : plans(PublishedReads.newestSql(true, false, true), "'tag-7'", "now() - interval '1 day'", cursor, "11")) {
            List<String> scans = scans(plan);
            assertEquals(2, scans.size(), scans.toString());
            assertTrue(scans.get(0).contains("on published_article_tag"), plan.toString());
            assertEquals("Index Scan on published_article using published_article_pkey", scans.get(1), plan.toString());
        }
    }

    @Test
    void aTagsListIsTheTagsArticlesInOrder() throws Exception {
        try (Statement s = db.createStatement()) {
            s.execute("deallocate all");
            s.execute("prepare t as " + PublishedReads.newestSql(true, false, true));
            List<String> ids = new ArrayList<>();
            try (ResultSet r = s.executeQuery("execute t('tag-7', now() - interval '100 minutes',"
                    + " '00000000-0000-0000-0000-000000000000'::uuid, 3)")) {
                while (r.next()) {
                    ids.add(r.getString(1));
                }
            }
            // articles 107, 157, 207 (published i minutes ago, tag-(i % 50)): strictly after the cursor, newest first
            List<String> expected = new ArrayList<>();
            try (ResultSet r = s.executeQuery("select md5('a' || i)::uuid from unnest(array[107, 157, 207]) with ordinality as x(i, n) order by n")) {
                while (r.next()) {
                    expected.add(r.getString(1));
                }
            }
            assertEquals(expected, ids);
        }
    }

    @Test
    void searchRanksABoundedSetOfCandidates() throws Exception {
        // "headline" is in every article, "headline 42" in one, "body3" in every 7th (only in the body): each plan finds
        // the matches in the index over (search_vector, published_at), never by reading the table, and never reads an
        // article's full text vector (no filter on it: the index's answer is exact; ranking reads title_vector)
        for (String q : List.of("'headline'", "'headline 42'", "'body3'", "'nothing'")) {
            for (JsonNode plan : plans(PublishedReads.SEARCH, q, "11", "0")) {
                assertTrue(scans(plan).contains("Bitmap Heap Scan on published_article"), plan.toString());
                assertTrue(plan.toString().contains("published_article_search_recent_idx"), plan.toString());
                assertFalse(textTestedOnEveryRow(plan), plan.toString());
                assertFalse(filtersOn(plan, "search_vector"), plan.toString());
            }
        }
        // pg_stat_activity shows statements up to track_activity_query_size (1,024 bytes by default): this one whole
        assertTrue(PublishedReads.SEARCH.length() < 1024, PublishedReads.SEARCH.length() + " characters");
        try (Statement s = db.createStatement()) {
            s.execute("deallocate all");
            s.execute("prepare q as " + PublishedReads.SEARCH);
            // the common word: 1,000 candidates, so pages end there
            assertEquals(10, count(s, "execute q('headline', 10, 990)"));
            assertEquals(0, count(s, "execute q('headline', 10, 1000)"));
            assertEquals(1, count(s, "execute q('headline 42', 10, 0)"));
            // a word in every 7th article: its newest 1,000 (found in the newest quarter of the time: 2,500 articles
            // hold only 357 of them, so the whole archive is searched), newest first as they rank alike
            List<String> found = new ArrayList<>();
            try (ResultSet r = s.executeQuery("execute q('body3', 1000, 0)")) {
                while (r.next()) {
                    found.add(r.getString(1));
                }
            }
            List<String> expected = new ArrayList<>();
            try (ResultSet r = s.executeQuery("select md5('a' || i)::uuid from generate_series(1, 10000) i where i % 7 = 3 order by i limit 1000")) {
                while (r.next()) {
                    expected.add(r.getString(1));
                }
            }
            assertEquals(expected, found);
            // a headline match ranks before the ~430 newer articles that match only in the body
            assertEquals(firstOf(s, "select md5('a3003')::uuid::text"), firstOf(s, "execute q('body0 or 3003', 1, 0)"));
        }
    }

    private static String firstOf(Statement s, String sql) throws SQLException {
        try (ResultSet r = s.executeQuery(sql)) {
            return r.next() ? r.getString(1) : null;
        }
    }

    /** Whether any step of the plan filters rows on {@code column} (reads it from each row it tests). */
    private static boolean filtersOn(JsonNode plan, String column) {
        if (plan.path("Filter").asText().contains(column)) {
            return true;
        }
        for (JsonNode child : plan.path("Plans")) {
            if (filtersOn(child, column)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a sequential scan of published_article tests the search vector of each row it reads. */
    private static boolean textTestedOnEveryRow(JsonNode plan) {
        if (plan.path("Node Type").asText().equals("Seq Scan") && plan.path("Filter").asText().contains("search_vector")) {
            return true;
        }
        for (JsonNode child : plan.path("Plans")) {
            if (textTestedOnEveryRow(child)) {
                return true;
            }
        }
        return false;
    }

    private static int count(Statement s, String sql) throws SQLException {
        int n = 0;
        try (ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                n++;
            }
        }
        return n;
    }

    @Test
    void theOtherOrdersWalkTheirIndexesWithALimit() throws Exception {
        for (JsonNode plan : plans(PublishedReads.listSql(PublishedReads.Order.OLDEST, false, false, true), "now() - interval '1 day'",
                "'00000000-0000-0000-0000-000000000000'::uuid", "10")) {
            assertEquals("Limit", plan.path("Node Type").asText());
            assertEquals(List.of("Index Scan on published_article using published_article_newest_idx"), scans(plan), plan.toString());
            assertEquals("Backward", plan.path("Plans").path(0).path("Scan Direction").asText(), plan.toString());
        }
        for (JsonNode plan : plans(PublishedReads.listSql(PublishedReads.Order.UPDATED, false, false, false), "10")) {
            assertEquals("Limit", plan.path("Node Type").asText());
            assertEquals(List.of("Index Scan on published_article using published_article_updated_idx"), scans(plan), plan.toString());
        }
    }

    @Test
    void sitemapPagesAndTheNewsSitemapWalkTheNewestFirstIndex() throws Exception {
        // a page small against the table: the oldest-first walk of the index with a limit (a page as large as the
        // table is read once and sorted, which the planner rightly finds cheaper)
        for (JsonNode plan : plans(PublishedReads.SITEMAP_PAGE, "0", "100")) {
            assertEquals("Limit", plan.path("Node Type").asText());
            assertEquals(List.of("Index Scan on published_article using published_article_newest_idx"), scans(plan), plan.toString());
        }
        // a page far into the table reads most rows either way: the index walked, or the table once and sorted (the
        // planner's choice by cost); never more than one pass
        for (JsonNode plan : plans(PublishedReads.SITEMAP_PAGE, "6000", "3000")) {
            assertEquals(1, scans(plan).size(), plan.toString());
        }
        for (JsonNode plan : plans(PublishedReads.NEWS_SINCE, "now() - interval '48 hours'", "1000")) {
            assertEquals(List.of("Index Scan on published_article using published_article_newest_idx"), scans(plan), plan.toString());
        }
        // the page list reads every row once (counting needs that), in the index's order: no sort of the whole table
        for (JsonNode plan : plans(PublishedReads.SITEMAP_PAGES, "3000")) {
            List<String> scans = scans(plan);
            assertEquals(1, scans.size(), scans.toString());
        }
    }

    private static List<JsonNode> plans(String sql, String... values) throws Exception {
        return QueryPlans.of(db, sql, values);
    }

    private static List<String> scans(JsonNode plan) {
        return QueryPlans.scans(plan);
    }
}
