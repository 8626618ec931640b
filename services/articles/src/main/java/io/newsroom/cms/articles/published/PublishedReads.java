package io.newsroom.cms.articles.published;

import io.newsroom.cms.articles.api.Raw;
import io.newsroom.cms.articles.repository.ArticleQueries;
import io.newsroom.cms.common.http.SurrogateKeys;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The read model behind the published views, read: one indexed lookup each, with the reactive client on the event loop
 * that received the request (no worker thread, no session). What comes back is the JSON {@link PublishedViews} stored,
 * untouched.
 */
@ApplicationScoped
public class PublishedReads {
    /** A stored list item, with its position in the newest-first order (for the cursor). */
    public record Item(UUID id, Instant publishedAt, Raw json) {
    }

    /**
     * A published article by slug: for its published slug, {@code json} with its ETag and whether its author box is
     * incomplete; for another slug it had, {@code movedTo}. {@code version}: the article's, either way (the id of the
     * event that wrote its public row, {@link PublishedViews#put}).
     */
    public record BySlug(Raw json, String etag, boolean authorsDegraded, String movedTo, String surrogateKeys, long version) {
    }

    /**
     * The statements readers' requests run. Each has one sensible plan, whatever the table's statistics say (a unique
     * index, or an index walked in the order asked with a limit); {@code PublicQueryPlansTest} checks the plans on a
     * fresh, never analyzed table of 10,000 rows.
     */
    public static final String BY_SLUG = "select document, etag, authors_degraded, article_id, byline, version from published_article where slug = $1";
    /** A working or former slug of a live article: the slug readers can see it at. */
    public static final String MOVED = "select p.slug, p.version from published_article p where p.article_id ="
            + " coalesce((select a.id from article a where a.slug = $1), (select s.article_id from article_slug_alias s where s.slug = $1))";
    public static final String SEARCH = "select article_id, published_at, item from published_article"
            + " where search_vector @@ websearch_to_tsquery('english', $1)"
            + " order by ts_rank(search_vector, websearch_to_tsquery('english', $1)) desc, published_at desc limit $2";
    public static final String BY_IDS = "select p.article_id, p.published_at, p.summary"
            + " from unnest($1::uuid[]) with ordinality as asked(id, n) join published_article p on p.article_id = asked.id"
            + " order by asked.n";

    @Inject
    Pool pool;

    /**
     * Newest first, with the filters asked for: a statement per combination (each prepared once per connection), its
     * parameters in the order tag, author, cursor position (published_at, id), limit.
     */
    public static String newestSql(boolean tag, boolean author, boolean after) {
        StringBuilder sql = new StringBuilder("select article_id, published_at, item from published_article where true");
        int n = 0;
        if (tag) {
            sql.append(" and tags @> $").append(++n).append("::text::jsonb");
        }
        if (author) {
            sql.append(" and byline @> $").append(++n).append("::text::jsonb");
        }
        if (after) {
            sql.append(" and (published_at, article_id) < ($").append(++n).append(", $").append(++n).append(')');
        }
        return sql.append(" order by published_at desc, article_id desc limit $").append(++n).toString();
    }

    public Uni<Optional<BySlug>> bySlug(String slug) {
        return pool.preparedQuery(BY_SLUG)
                .execute(Tuple.of(slug)).flatMap(rows -> {
                    Optional<Row> live = first(rows);
                    if (live.isPresent()) {
                        Row row = live.get();
                        io.vertx.core.json.JsonArray byline = row.getJsonArray(4);
                        return Uni.createFrom().item(Optional.of(new BySlug(new Raw(row.getString(0)), row.getString(1),
                                row.getBoolean(2), null, SurrogateKeys.ofArticle(row.getUUID(3), byline == null ? null : byline.getList()),
                                row.getLong(5))));
                    }
                    // a working or former slug of a live article: send readers to the slug they can see
                    return pool.preparedQuery(MOVED).execute(Tuple.of(slug))
                            .map(moved -> first(moved).map(row -> new BySlug(null, null, false, row.getString(0), null, row.getLong(1))));
                });
    }

    /** Newest first, strictly after the cursor position (publishedAt, id) when given: readers' list items. */
    public Uni<List<Item>> newest(int limit, String tag, UUID author, Instant afterPublishedAt, UUID afterId) {
        boolean byTag = tag != null && !tag.isBlank();
        Tuple params = Tuple.tuple();
        if (byTag) {
            params.addString(ArticleQueries.jsonArray(tag.toLowerCase()));
        }
        if (author != null) {
            params.addString(ArticleQueries.jsonArray(author.toString()));
        }
        if (afterPublishedAt != null) {
            params.addOffsetDateTime(afterPublishedAt.atOffset(ZoneOffset.UTC)).addUUID(afterId);
        }
        params.addInteger(limit);
        return items(pool.preparedQuery(newestSql(byTag, author != null, afterPublishedAt != null)).execute(params));
    }

    /** Full-text search over what readers see, best match first: readers' list items. */
    public Uni<List<Item>> search(String q, int limit) {
        return items(pool.preparedQuery(SEARCH).execute(Tuple.of(q, limit)));
    }

    /** The curation service's summaries of the live ones among {@code ids}, in the order asked, each once. */
    public Uni<List<Item>> byIds(List<UUID> ids) {
        // one array parameter rather than an IN list: the statement and its plan stay the same whatever the count
        UUID[] asked = ids.stream().distinct().toArray(UUID[]::new);
        return items(pool.preparedQuery(BY_IDS).execute(Tuple.of(asked)));
    }

    private static Uni<List<Item>> items(Uni<RowSet<Row>> query) {
        return query.map(rows -> {
            List<Item> result = new ArrayList<>(rows.size());
            for (Row row : rows) {
                result.add(new Item(row.getUUID(0), row.getOffsetDateTime(1).toInstant(), new Raw(row.getString(2))));
            }
            return result;
        });
    }

    private static Optional<Row> first(RowSet<Row> rows) {
        RowIterator<Row> iterator = rows.iterator();
        return iterator.hasNext() ? Optional.of(iterator.next()) : Optional.empty();
    }
}
