package io.newsroom.cms.articles.published;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsroom.cms.articles.domain.Article;
import io.newsroom.cms.articles.domain.ArticleRevision;
import io.newsroom.cms.articles.domain.Content;
import io.newsroom.cms.articles.rest.ArticleMapper;
import io.newsroom.cms.articles.repository.ArticleQueries;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The read model behind the published views: per live article, its public JSON (full and summary) and what the
 * public lookups filter on, written in the transaction that publishes, unpublishes or archives it. Reads return the
 * stored JSON verbatim, so a public read costs one indexed lookup and no rendering.
 */
@ApplicationScoped
public class PublishedViews {
    /** Version of the stored JSON and of the HTML sanitizer policy; raise it to have every row rewritten at start. */
    public static final int FORMAT = 1;
    private static final Logger LOG = Logger.getLogger(PublishedViews.class);

    public record Summary(UUID id, Instant publishedAt, String json) {
    }

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    /** Makes {@code content} (revision {@code revision} of the article) what readers see. */
    public void put(Article article, Content content, int revision) {
        String document = write(ArticleMapper.published(article, content, revision));
        String summary = write(ArticleMapper.publishedSummary(article, content));
        em.createNativeQuery("insert into published_article (article_id, slug, published_at, tags, byline, search_vector,"
                        + " summary, document, format) values (:id, :slug, :publishedAt, cast(:tags as jsonb), cast(:byline as jsonb),"
                        + " setweight(to_tsvector('english', :headline), 'A') || setweight(to_tsvector('english', :dek), 'B')"
                        + " || setweight(to_tsvector('english', :body), 'C'), :summary, :document, :format)"
                        + " on conflict (article_id) do update set slug = excluded.slug, published_at = excluded.published_at,"
                        + " tags = excluded.tags, byline = excluded.byline, search_vector = excluded.search_vector,"
                        + " summary = excluded.summary, document = excluded.document, format = excluded.format")
                .setParameter("id", article.id)
                .setParameter("slug", content.slug)
                .setParameter("publishedAt", article.firstPublishedAt)
                .setParameter("tags", write(content.tags))
                .setParameter("byline", write(content.byline))
                .setParameter("headline", content.headline)
                .setParameter("dek", content.dek == null ? "" : content.dek)
                .setParameter("body", content.body == null ? "" : content.body)
                .setParameter("summary", summary)
                .setParameter("document", document)
                .setParameter("format", FORMAT)
                .executeUpdate();
    }

    /** Readers no longer see the article. */
    public void remove(UUID articleId) {
        em.createNativeQuery("delete from published_article where article_id = :id").setParameter("id", articleId).executeUpdate();
    }

    /**
     * Brings the read model in line with the articles at start-up: rows for live articles that have none (data from
     * before the read model) or an older format are written from the live revision; rows of articles no longer live
     * are dropped. Idempotent, so replicas starting together do no harm.
     */
    void onStart(@Observes StartupEvent start) {
        catchUp();
    }

    @Transactional
    public void catchUp() {
        int dropped = em.createNativeQuery("delete from published_article p using article a where a.id = p.article_id"
                + " and a.live_revision is null").executeUpdate();
        List<UUID> stale = ArticleQueries.uuids(em.createNativeQuery("select a.id from article a left join published_article p"
                + " on p.article_id = a.id where a.live_revision is not null and (p.article_id is null or p.format <> :format)")
                .setParameter("format", FORMAT));
        for (UUID id : stale) {
            // under the article's row lock, like every transition: an unpublish on another replica cannot slip between
            // this read and the write and leave a row for an article that is no longer live
            Article article = Article.findById(id, LockModeType.PESSIMISTIC_WRITE);
            if (article == null || article.liveRevision == null) {
                continue;
            }
            ArticleRevision live = ArticleRevision.findById(new ArticleRevision.Key(id, article.liveRevision));
            put(article, live.content, live.key.number);
        }
        if (dropped + stale.size() > 0) {
            LOG.infof("Published views: %d written, %d dropped", stale.size(), dropped);
        }
    }

    public Optional<String> bySlug(String slug) {
        return first(em.createNativeQuery("select document from published_article where slug = :slug"
                + " order by published_at desc limit 1").setParameter("slug", slug));
    }

    public Optional<String> byId(UUID id) {
        return first(em.createNativeQuery("select document from published_article where article_id = :id").setParameter("id", id));
    }

    /** The published slug of an article, if it is live. */
    public Optional<String> slugOf(UUID id) {
        return first(em.createNativeQuery("select slug from published_article where article_id = :id").setParameter("id", id));
    }

    /** Newest first, strictly after the cursor position (publishedAt, id) when given. */
    public List<Summary> newest(int limit, String tag, UUID author, Instant afterPublishedAt, UUID afterId) {
        StringBuilder sql = new StringBuilder("select article_id, published_at, summary from published_article where true");
        Map<String, Object> params = new HashMap<>();
        if (tag != null && !tag.isBlank()) {
            sql.append(" and tags @> cast(:tag as jsonb)");
            params.put("tag", ArticleQueries.jsonArray(tag.toLowerCase()));
        }
        if (author != null) {
            sql.append(" and byline @> cast(:author as jsonb)");
            params.put("author", ArticleQueries.jsonArray(author.toString()));
        }
        if (afterPublishedAt != null) {
            sql.append(" and (published_at, article_id) < (:after, :afterId)");
            params.put("after", afterPublishedAt);
            params.put("afterId", afterId);
        }
        sql.append(" order by published_at desc, article_id desc limit :limit");
        Query query = em.createNativeQuery(sql.toString()).setParameter("limit", limit);
        params.forEach(query::setParameter);
        return summaries(query);
    }

    /** Full-text search over what readers see, best match first. */
    public List<Summary> search(String q, int limit) {
        return summaries(em.createNativeQuery("select article_id, published_at, summary from published_article"
                        + " where search_vector @@ websearch_to_tsquery('english', :q)"
                        + " order by ts_rank(search_vector, websearch_to_tsquery('english', :q)) desc, published_at desc limit :limit")
                .setParameter("q", q).setParameter("limit", limit));
    }

    /** The live ones among {@code ids}, in the order asked, each once. */
    public List<Summary> byIds(List<UUID> ids) {
        // one array parameter rather than an IN list: the statement and its plan stay the same whatever the count
        String array = "{" + String.join(",", ids.stream().map(UUID::toString).toList()) + "}";
        Map<UUID, Summary> found = new LinkedHashMap<>();
        summaries(em.createNativeQuery("select article_id, published_at, summary from published_article"
                + " where article_id = any(cast(:ids as uuid[]))").setParameter("ids", array))
                .forEach(s -> found.put(s.id(), s));
        return ids.stream().distinct().map(found::get).filter(java.util.Objects::nonNull).toList();
    }

    private static List<Summary> summaries(Query query) {
        List<?> rows = query.getResultList();
        List<Summary> result = new ArrayList<>(rows.size());
        for (Object row : rows) {
            Object[] columns = (Object[]) row;
            result.add(new Summary(ArticleQueries.uuid(columns[0]), instant(columns[1]), (String) columns[2]));
        }
        return result;
    }

    private static Optional<String> first(Query query) {
        List<?> rows = query.getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.of((String) rows.get(0));
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the published view", e);
        }
    }
}
