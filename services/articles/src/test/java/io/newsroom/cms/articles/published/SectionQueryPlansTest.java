package io.newsroom.cms.articles.published;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsroom.cms.articles.published.PublishedReads.Order;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A section's newest articles stay one index walk with a limit at 100,000 live articles, never analyzed: each article
 * in one of twenty sections (under five top-level ones) and a secondary one, so the read model holds 300,000 rows of
 * (section, article). Planned both ways the reactive client runs the statements (custom and generic plans), and timed.
 */
class SectionQueryPlansTest {
    private static final String DATABASE = "articles_section_plans_" + ProcessHandle.current().pid();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOP = "'00000000-0000-4000-8000-000000000101'::uuid";
    private static final String LEAF = "'00000000-0000-4000-8000-000000000207'::uuid";
    private static Connection db;

    @BeforeAll
    static void aHundredThousandArticlesInSections() throws SQLException {
        db = QueryPlans.freshDatabase(DATABASE);
        try (Statement s = db.createStatement()) {
            s.execute("alter table published_article set (autovacuum_enabled = false)");
            s.execute("alter table published_article_section set (autovacuum_enabled = false)");
            s.execute("insert into article (id, slug, headline, status, owner, working_revision, live_revision, created_at,"
                    + " updated_at, first_published_at, last_published_at, version)"
                    + " select md5('a' || i)::uuid, 'article-' || i, 'Headline ' || i, 'PUBLISHED', 'alice', 1, 1,"
                    + " now() - i * interval '1 minute', now(), now() - i * interval '1 minute', now(), 0"
                    + " from generate_series(1, 100000) i");
            s.execute("insert into published_article (article_id, slug, published_at, tags, byline, search_vector, summary,"
                    + " item, document, etag, format, revision)"
                    + " select md5('a' || i)::uuid, 'article-' || i, now() - i * interval '1 minute',"
                    + " jsonb_build_array('tag-' || (i % 50)), jsonb_build_array(md5('w' || (i % 200))::uuid),"
                    + " to_tsvector('english', 'Headline ' || i), '{}', '{\"id\":' || i || '}', '{}', '\"e\"', 5, 1"
                    + " from generate_series(1, 100000) i");
            // leaf sections ...201..220 under top-level ones ...101..105: its own (direct), its parent's, and a secondary one
            String leaf = "('00000000-0000-4000-8000-000000000' || (201 + i % 20))::uuid";
            String top = "('00000000-0000-4000-8000-000000000' || (101 + i % 5))::uuid";
            String secondary = "('00000000-0000-4000-8000-000000000' || (201 + (i + 7) % 20))::uuid";
            for (String[] row : List.of(new String[]{leaf, "true"}, new String[]{top, "false"}, new String[]{secondary, "true"})) {
                s.execute("insert into published_article_section (section_id, article_id, published_at, direct)"
                        + " select " + row[0] + ", md5('a' || i)::uuid, now() - i * interval '1 minute', " + row[1]
                        + " from generate_series(1, 100000) i on conflict do nothing");
            }
        }
    }

    @AfterAll
    static void dropTheDatabase() throws SQLException {
        QueryPlans.dropDatabase(db, DATABASE);
    }

    @Test
    void theNewestOfASectionWalkItsIndexWithALimit() throws Exception {
        for (boolean children : List.of(true, false)) {
            for (JsonNode plan : plans(SectionReads.listSql(Order.NEWEST, children, false, false, false), TOP, "11")) {
                assertEquals("Limit", plan.path("Node Type").asText(), plan.toString());
                List<String> scans = scans(plan);
                assertTrue(scans.stream().anyMatch(scan -> scan.matches("Index (Only )?Scan on published_article_section using published_article_section_.*")),
                        scans.toString());
                assertTrue(scans.stream().noneMatch(scan -> scan.startsWith("Seq Scan")), scans.toString());
            }
        }
        for (JsonNode plan : plans(SectionReads.listSql(Order.NEWEST, true, true, false, true), LEAF, "'[\"tag-7\"]'",
                "now() - interval '1 day'", "'00000000-0000-0000-0000-000000000000'::uuid", "11")) {
            assertTrue(scans(plan).stream().noneMatch(scan -> scan.startsWith("Seq Scan")), scans(plan).toString());
        }
    }

    @Test
    void aSectionWithinADateRangeWalksTheSameIndexFromTheRangesEnd() throws Exception {
        for (Order order : List.of(Order.NEWEST, Order.OLDEST)) {
            for (JsonNode plan : plans(SectionReads.listSql(order, true, false, false, true, true, false), TOP,
                    "now() - interval '40 days'", "now() - interval '10 days'", "11")) {
                assertEquals("Limit", plan.path("Node Type").asText(), plan.toString());
                List<String> scans = scans(plan);
                assertTrue(scans.stream().anyMatch(scan -> scan.matches("Index (Only )?Scan (Backward )?on published_article_section using published_article_section_.*")),
                        scans.toString());
                assertTrue(scans.stream().noneMatch(scan -> scan.startsWith("Seq Scan")), scans.toString());
                assertTrue(plan.toString().contains("Index Cond") && plan.toString().contains("published_at <"),
                        "the range bounds the index walk: " + plan);
            }
        }
    }

    /**
     * How much a page reads, counted rather than timed (the time is the listings benchmark's to measure): the rows the
     * scans of the section's table return or throw away, a few pages' worth at 100,000 articles whether the page is the
     * newest, a later one, or a month's.
     */
    @Test
    void aPageOfASectionReadsAboutAPageOfRowsAtAHundredThousandArticles() throws Exception {
        for (String section : List.of(TOP, LEAF)) {
            assertTrue(rowsRead(SectionReads.listSql(Order.NEWEST, true, false, false, false), section, "11") <= 50);
            assertTrue(rowsRead(SectionReads.listSql(Order.OLDEST, false, false, false, true), section,
                    "now() - interval '30 days'", "'00000000-0000-0000-0000-000000000000'::uuid", "11") <= 50);
            assertTrue(rowsRead(SectionReads.listSql(Order.NEWEST, true, false, false, true, true, false), section,
                    "now() - interval '40 days'", "now() - interval '10 days'", "11") <= 50);
        }
    }

    /** The rows the scans of published_article_section returned or filtered out in one run of {@code sql}. */
    private static long rowsRead(String sql, String... values) throws Exception {
        try (Statement s = db.createStatement()) {
            s.execute("deallocate all");
            s.execute("prepare q as " + sql);
            try (ResultSet r = s.executeQuery("explain (analyze, format json) execute q(" + String.join(", ", values) + ")")) {
                r.next();
                return sectionRows(JSON.readTree(r.getString(1)).path(0).path("Plan"));
            }
        }
    }

    private static long sectionRows(JsonNode plan) {
        long rows = "published_article_section".equals(plan.path("Relation Name").asText())
                ? plan.path("Actual Rows").asLong() + plan.path("Rows Removed by Filter").asLong()
                + plan.path("Rows Removed by Index Recheck").asLong() : 0;
        for (JsonNode child : plan.path("Plans")) {
            rows += sectionRows(child);
        }
        return rows;
    }

    private static List<JsonNode> plans(String sql, String... values) throws Exception {
        return QueryPlans.of(db, sql, values);
    }

    private static List<String> scans(JsonNode plan) {
        return QueryPlans.scans(plan);
    }
}
