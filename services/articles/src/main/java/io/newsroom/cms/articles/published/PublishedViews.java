package io.newsroom.cms.articles.published;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsroom.cms.articles.domain.Article;
import io.newsroom.cms.articles.domain.ArticleRevision;
import io.newsroom.cms.articles.domain.Content;
import io.newsroom.cms.articles.rest.ArticleMapper;
import io.newsroom.cms.articles.repository.ArticleQueries;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

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

    /**
     * A published summary: its stored JSON, and its authors' links (the contents of a JSON array, null when none is
     * known; stored with the row and kept current by {@link BylineAuthors}).
     */
    public record Summary(UUID id, Instant publishedAt, String json, String authors) {
    }

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    Pool pool;

    /** Makes {@code content} (revision {@code revision} of the article) what readers see. */
    public void put(Article article, Content content, int revision) {
        String document = write(ArticleMapper.published(article, content, revision));
        String summary = write(ArticleMapper.publishedSummary(article, content));
        em.createNativeQuery("insert into published_article (article_id, slug, published_at, tags, byline, search_vector,"
                        + " summary, document, format, revision, authors, profiles) select :id, :slug, :publishedAt, cast(:tags as jsonb),"
                        + " cast(:byline as jsonb), setweight(to_tsvector('english', :headline), 'A')"
                        + " || setweight(to_tsvector('english', :dek), 'B') || setweight(to_tsvector('english', :body), 'C'),"
                        + " :summary, :document, :format, :revision, x.links, x.profiles"
                        + " from " + BylineAuthors.authorsOf("cast(:byline as jsonb)") + " x"
                        + " on conflict (article_id) do update set slug = excluded.slug, published_at = excluded.published_at,"
                        + " tags = excluded.tags, byline = excluded.byline, search_vector = excluded.search_vector,"
                        + " summary = excluded.summary, document = excluded.document, format = excluded.format,"
                        + " revision = excluded.revision, authors = excluded.authors, profiles = excluded.profiles")
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
                .setParameter("revision", revision)
                .executeUpdate();
    }

    /** Readers no longer see the article. */
    public void remove(UUID articleId) {
        em.createNativeQuery("delete from published_article where article_id = :id").setParameter("id", articleId).executeUpdate();
    }

    /**
     * Brings the read model in line with the articles, at start-up and then every
     * {@code cms.articles.read-model.reconcile-every}: rows for live articles that have none (data from before the read
     * model), one of an older format or one written from another revision are written from the live revision; rows of
     * articles no longer live are dropped. Every publish writes its row in its own transaction, so this finds work
     * only after an upgrade (replicas of the old version still running) or a format change. Idempotent, so replicas
     * doing it together do no harm.
     */
    void onStart(@Observes StartupEvent start) {
        catchUp();
    }

    // first run 30 s after start: the start-up has just done it
    @Scheduled(every = "${cms.articles.read-model.reconcile-every}", delay = 30, delayUnit = TimeUnit.SECONDS,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void reconcile() {
        catchUp();
    }

    @Transactional
    public void catchUp() {
        int dropped = em.createNativeQuery("delete from published_article p using article a where a.id = p.article_id"
                + " and a.live_revision is null").executeUpdate();
        List<UUID> stale = ArticleQueries.uuids(em.createNativeQuery("select a.id from article a left join published_article p"
                + " on p.article_id = a.id where a.live_revision is not null and (p.article_id is null or p.format <> :format"
                + " or p.revision is distinct from a.live_revision)")
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

    // --- reads: the reactive client on the event loop that received the request (no worker thread, no session) ---

    /**
     * A published article by slug: {@code json} (with its authors' profiles) for its published slug, {@code movedTo}
     * for another slug it had.
     */
    public record BySlug(String json, String movedTo) {
    }

    public Uni<Optional<BySlug>> bySlug(String slug) {
        return pool.preparedQuery("select document, profiles from published_article where slug = $1 order by published_at desc limit 1")
                .execute(Tuple.of(slug)).flatMap(rows -> {
                    Optional<Row> live = first(rows);
                    if (live.isPresent()) {
                        return Uni.createFrom().item(Optional.of(new BySlug(withAuthors(live.get()), null)));
                    }
                    // a working or former slug of a live article: send readers to the slug they can see
                    return pool.preparedQuery("select p.slug from published_article p where p.article_id ="
                                    + " coalesce((select a.id from article a where a.slug = $1),"
                                    + " (select s.article_id from article_slug_alias s where s.slug = $1))")
                            .execute(Tuple.of(slug)).map(moved -> first(moved).map(row -> new BySlug(null, row.getString(0))));
                });
    }

    public Uni<Optional<String>> byId(UUID id) {
        return pool.preparedQuery("select document, profiles from published_article where article_id = $1").execute(Tuple.of(id))
                .map(rows -> first(rows).map(PublishedViews::withAuthors));
    }

    /** The stored document with its authors' public profiles last: {@code "authors":[...]} (see {@link BylineAuthors}). */
    private static String withAuthors(Row row) {
        String document = row.getString(0);
        String profiles = row.getString(1);
        return new StringBuilder(document.length() + (profiles == null ? 16 : profiles.length() + 16))
                .append(document, 0, document.lastIndexOf('}')).append(",\"authors\":[")
                .append(profiles == null ? "" : profiles).append("]}").toString();
    }

    /** Newest first, strictly after the cursor position (publishedAt, id) when given; with the authors' names. */
    public Uni<List<Summary>> newest(int limit, String tag, UUID author, Instant afterPublishedAt, UUID afterId) {
        // a statement per filter combination (each prepared once per connection), so every one gets its index
        StringBuilder sql = new StringBuilder("select article_id, published_at, summary, authors from published_article where true");
        Tuple params = Tuple.tuple();
        if (tag != null && !tag.isBlank()) {
            params.addString(ArticleQueries.jsonArray(tag.toLowerCase()));
            sql.append(" and tags @> $").append(params.size()).append("::text::jsonb");
        }
        if (author != null) {
            params.addString(ArticleQueries.jsonArray(author.toString()));
            sql.append(" and byline @> $").append(params.size()).append("::text::jsonb");
        }
        if (afterPublishedAt != null) {
            params.addOffsetDateTime(afterPublishedAt.atOffset(ZoneOffset.UTC)).addUUID(afterId);
            sql.append(" and (published_at, article_id) < ($").append(params.size() - 1).append(", $").append(params.size()).append(')');
        }
        params.addInteger(limit);
        sql.append(" order by published_at desc, article_id desc limit $").append(params.size());
        return summaries(pool.preparedQuery(sql.toString()).execute(params));
    }

    /** Full-text search over what readers see, best match first; with the authors' names. */
    public Uni<List<Summary>> search(String q, int limit) {
        return summaries(pool.preparedQuery("select article_id, published_at, summary, authors from published_article"
                        + " where search_vector @@ websearch_to_tsquery('english', $1)"
                        + " order by ts_rank(search_vector, websearch_to_tsquery('english', $1)) desc, published_at desc limit $2")
                .execute(Tuple.of(q, limit)));
    }

    /** The live ones among {@code ids}, in the order asked, each once. */
    public Uni<List<Summary>> byIds(List<UUID> ids) {
        // one array parameter rather than an IN list: the statement and its plan stay the same whatever the count
        UUID[] asked = ids.stream().distinct().toArray(UUID[]::new);
        return summaries(pool.preparedQuery("select p.article_id, p.published_at, p.summary, p.authors"
                + " from unnest($1::uuid[]) with ordinality as asked(id, n) join published_article p on p.article_id = asked.id"
                + " order by asked.n").execute(Tuple.of(asked)));
    }

    private static Uni<List<Summary>> summaries(Uni<RowSet<Row>> query) {
        return query.map(rows -> {
            List<Summary> result = new ArrayList<>(rows.size());
            for (Row row : rows) {
                result.add(new Summary(row.getUUID(0), row.getOffsetDateTime(1).toInstant(), row.getString(2), row.getString(3)));
            }
            return result;
        });
    }

    private static Optional<Row> first(RowSet<Row> rows) {
        RowIterator<Row> iterator = rows.iterator();
        return iterator.hasNext() ? Optional.of(iterator.next()) : Optional.empty();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the published view", e);
        }
    }
}
