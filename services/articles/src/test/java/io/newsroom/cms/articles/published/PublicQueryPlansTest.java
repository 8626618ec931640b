package io.newsroom.cms.articles.published;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
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
    private static final String SERVER = System.getProperty("cms.test.postgres", "jdbc:postgresql://127.0.0.1:5432/");
    private static final String DATABASE = "articles_plans_" + ProcessHandle.current().pid();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Connection db;

    @BeforeAll
    static void tenThousandLiveArticlesNeverAnalyzed() throws SQLException {
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
             Statement s = admin.createStatement()) {
            s.execute("drop database if exists " + DATABASE + " with (force)");
            s.execute("create database " + DATABASE);
        }
        Flyway.configure().dataSource(SERVER + DATABASE, "postgres", "").locations("classpath:db/migration/articles").load().migrate();
        db = DriverManager.getConnection(SERVER + DATABASE, "postgres", "");
        try (Statement s = db.createStatement()) {
            s.execute("alter table article set (autovacuum_enabled = false)");
            s.execute("alter table published_article set (autovacuum_enabled = false)");
            s.execute("insert into article (id, slug, headline, status, owner, working_revision, live_revision, created_at,"
                    + " updated_at, first_published_at, last_published_at, version)"
                    + " select md5('a' || i)::uuid, 'article-' || i, 'Headline ' || i, 'PUBLISHED', 'alice', 1, 1,"
                    + " now() - i * interval '1 minute', now(), now() - i * interval '1 minute', now(), 0"
                    + " from generate_series(1, 10000) i");
            s.execute("insert into published_article (article_id, slug, published_at, tags, byline, search_vector, summary,"
                    + " item, document, etag, format, revision)"
                    + " select md5('a' || i)::uuid, 'article-' || i, now() - i * interval '1 minute',"
                    + " jsonb_build_array('tag-' || (i % 50)), jsonb_build_array(md5('w' || (i % 200))::uuid),"
                    + " to_tsvector('english', 'Headline ' || i), '{}', '{}', repeat('x', 3000), '\"e\"', 3, 1"
                    + " from generate_series(1, 10000) i");
            try (ResultSet r = s.executeQuery("select coalesce(last_analyze, last_autoanalyze) is null"
                    + " from pg_stat_user_tables where relname = 'published_article'")) {
                assertTrue(r.next() && r.getBoolean(1), "the table has never been analyzed");
            }
        }
    }

    @AfterAll
    static void dropTheDatabase() throws SQLException {
        if (db != null) {
            db.close();
        }
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
             Statement s = admin.createStatement()) {
            s.execute("drop database if exists " + DATABASE + " with (force)");
        }
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
    void filteredPagesAndSearchReadNoWholeTable() throws Exception {
        List<List<JsonNode>> all = List.of(
                plans(PublishedReads.newestSql(true, false, false), "'[\"tag-7\"]'", "10"),
                plans(PublishedReads.newestSql(false, true, true), "'[\"" + java.util.UUID.randomUUID() + "\"]'",
                        "now()", "'00000000-0000-0000-0000-000000000000'::uuid", "10"),
                plans(PublishedReads.SEARCH, "'headline 42'", "10"),
                plans(PublishedReads.BY_IDS, "array['" + java.util.UUID.randomUUID() + "']::uuid[]"));
        for (List<JsonNode> plans : all) {
            for (JsonNode plan : plans) {
                List<String> scans = scans(plan);
                assertFalse(scans.isEmpty());
                assertTrue(scans.stream().noneMatch(scan -> scan.startsWith("Seq Scan on published_article")), scans.toString());
            }
        }
    }

    /** The statement's custom plan (with these values) and its generic plan (as a prepared statement may reuse). */
    private static List<JsonNode> plans(String sql, String... values) throws Exception {
        List<JsonNode> plans = new ArrayList<>();
        try (Statement s = db.createStatement()) {
            s.execute("deallocate all");
            s.execute("prepare q as " + sql);
            for (String mode : List.of("force_custom_plan", "force_generic_plan")) {
                s.execute("set plan_cache_mode = " + mode);
                try (ResultSet r = s.executeQuery("explain (format json) execute q(" + String.join(", ", values) + ")")) {
                    r.next();
                    plans.add(JSON.readTree(r.getString(1)).path(0).path("Plan"));
                }
            }
            s.execute("reset plan_cache_mode");
        }
        return plans;
    }

    /** Every scan in the plan tree, as "Index Scan on table using index" / "Seq Scan on table". */
    private static List<String> scans(JsonNode plan) {
        List<String> found = new ArrayList<>();
        String type = plan.path("Node Type").asText();
        if (type.endsWith("Scan") && plan.has("Relation Name")) {
            found.add(type + " on " + plan.path("Relation Name").asText()
                    + (plan.has("Index Name") ? " using " + plan.path("Index Name").asText() : ""));
        }
        for (JsonNode child : plan.path("Plans")) {
            found.addAll(scans(child));
        }
        return found;
    }
}
