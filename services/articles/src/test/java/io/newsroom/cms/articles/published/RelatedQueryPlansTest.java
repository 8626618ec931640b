package io.newsroom.cms.articles.published;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The related-articles read stays a few bounded index walks at 50,000 live articles on fresh, never analyzed tables:
 * the article by slug, the editor's picks by primary key, and the automatic ones from each tag's and the section's
 * newest {@value RelatedReads#CANDIDATES_PER_TAG}, planned both ways the reactive client runs them (custom and
 * generic plans), with the rows they read counted.
 */
class RelatedQueryPlansTest {
    private static final String DATABASE = "articles_related_plans_" + ProcessHandle.current().pid();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECTION = "'00000000-0000-4000-8000-000000000203'::uuid";
    private static final String TAGS = "array['tag-3', 'tag-7', 'tag-11']";
    private static final String EXCLUDED = "array[md5('a1')::uuid, md5('a2')::uuid]";
    private static final Set<String> TABLES = Set.of("published_article", "published_article_tag", "published_article_section",
            "article_revision");
    private static Connection db;

    @BeforeAll
    static void fiftyThousandArticlesWithTagsAndSections() throws SQLException {
        db = QueryPlans.freshDatabase(DATABASE);
        try (Statement s = db.createStatement()) {
            for (String table : List.of("article", "article_revision", "published_article", "published_article_tag", "published_article_section")) {
                s.execute("alter table " + table + " set (autovacuum_enabled = false)");
            }
            s.execute("insert into article (id, slug, headline, status, owner, working_revision, live_revision, created_at,"
                    + " updated_at, first_published_at, last_published_at, version)"
                    + " select md5('a' || i)::uuid, 'article-' || i, 'Headline ' || i, 'PUBLISHED', 'alice', 1, 1,"
                    + " now() - i * interval '1 minute', now(), now() - i * interval '1 minute', now(), 0"
                    + " from generate_series(1, 50000) i");
            s.execute("insert into article_revision (article_id, number, slug, headline, author, created_at, updated_at, saves, related_ids)"
                    + " select md5('a' || i)::uuid, 1, 'article-' || i, 'Headline ' || i, 'alice', now(), now(), 1,"
                    + " jsonb_build_array(md5('a' || (i + 1))::uuid, md5('a' || (i + 2))::uuid) from generate_series(1, 50000) i");
            s.execute("insert into published_article (article_id, slug, published_at, tags, byline, search_vector, summary,"
                    + " item, document, etag, format, revision, section_id)"
                    + " select md5('a' || i)::uuid, 'article-' || i, now() - i * interval '1 minute',"
                    + " jsonb_build_array('tag-' || (i % 50), 'tag-' || (i % 7)), '[]', to_tsvector('english', 'Headline ' || i),"
                    + " '{}', '{\"id\":' || i || '}', '{}', '\"e\"', 5, 1, ('00000000-0000-4000-8000-000000000' || (201 + i % 20))::uuid"
                    + " from generate_series(1, 50000) i");
            s.execute("insert into published_article_tag (article_id, tag, published_at)"
                    + " select p.article_id, t.tag, p.published_at from published_article p"
                    + " cross join lateral jsonb_array_elements_text(p.tags) as t(tag) on conflict do nothing");
            s.execute("insert into published_article_section (section_id, article_id, published_at, direct)"
                    + " select section_id, article_id, published_at, true from published_article");
        }
    }

    @AfterAll
    static void dropTheDatabase() throws SQLException {
        QueryPlans.dropDatabase(db, DATABASE);
    }

    @Test
    void theArticleAndItsPicksAreLookedUpByKey() throws Exception {
        for (JsonNode plan : QueryPlans.of(db, RelatedReads.SOURCE, "'article-42'")) {
            List<String> scans = QueryPlans.scans(plan);
            assertTrue(scans.stream().noneMatch(scan -> scan.startsWith("Seq Scan") || scan.startsWith("Bitmap")), scans.toString());
            assertTrue(scans.contains("Index Scan on published_article using published_article_slug_unique"), scans.toString());
        }
        for (JsonNode plan : QueryPlans.of(db, RelatedReads.PICKS, "array[md5('a5')::uuid, md5('a9')::uuid]")) {
            List<String> scans = QueryPlans.scans(plan);
            assertTrue(scans.stream().noneMatch(scan -> scan.startsWith("Seq Scan")), scans.toString());
        }
    }

    @Test
    void theAutomaticOnesWalkTheTagAndSectionIndexesWithALimit() throws Exception {
        for (JsonNode plan : QueryPlans.of(db, RelatedReads.AUTOMATIC_SQL, SECTION, TAGS, EXCLUDED, "5")) {
            List<String> scans = QueryPlans.scans(plan);
            assertTrue(scans.stream().noneMatch(scan -> scan.startsWith("Seq Scan") || scan.startsWith("Bitmap")), scans.toString());
            assertTrue(scans.stream().anyMatch(scan -> scan.matches("Index (Only )?Scan on published_article_tag using published_article_tag_newest_idx")),
                    scans.toString());
            assertTrue(scans.stream().anyMatch(scan -> scan.matches("Index (Only )?Scan on published_article_section using published_article_section_direct_idx")),
                    scans.toString());
        }
    }

    /**
     * Counted rather than timed: the rows the scans read (or threw away) are the candidates' bound, three tags and the
     * section of {@value RelatedReads#CANDIDATES_PER_TAG} each, and the page's items, not the thousands sharing a tag.
     */
    @Test
    void theAutomaticOnesReadABoundedNumberOfRows() throws Exception {
        try (Statement s = db.createStatement()) {
            s.execute("deallocate all");
            s.execute("prepare q as " + RelatedReads.AUTOMATIC_SQL);
            try (ResultSet r = s.executeQuery("explain (analyze, format json) execute q(" + String.join(", ", SECTION, TAGS, EXCLUDED, "5") + ")")) {
                r.next();
                long read = rows(JSON.readTree(r.getString(1)).path(0).path("Plan"));
                assertTrue(read <= 4L * RelatedReads.CANDIDATES_PER_TAG + 50, "rows read: " + read);
            }
        }
    }

    private static long rows(JsonNode plan) {
        long rows = TABLES.contains(plan.path("Relation Name").asText())
                ? plan.path("Actual Rows").asLong() * Math.max(1, plan.path("Actual Loops").asLong())
                + plan.path("Rows Removed by Filter").asLong() : 0;
        for (JsonNode child : plan.path("Plans")) {
            rows += rows(child);
        }
        return rows;
    }
}
