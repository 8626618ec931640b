package io.newsroom.cms.articles.published;

import io.newsroom.cms.articles.api.Raw;
import io.newsroom.cms.articles.repository.ArticleQueries;
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

    /** A published article by slug: {@code json} for its published slug, {@code movedTo} for another slug it had. */
    public record BySlug(Raw json, String movedTo) {
    }

    @Inject
    Pool pool;

    public Uni<Optional<BySlug>> bySlug(String slug) {
        return pool.preparedQuery("select document from published_article where slug = $1 order by published_at desc limit 1")
                .execute(Tuple.of(slug)).flatMap(rows -> {
                    Optional<Row> live = first(rows);
                    if (live.isPresent()) {
                        return Uni.createFrom().item(Optional.of(new BySlug(new Raw(live.get().getString(0)), null)));
                    }
                    // a working or former slug of a live article: send readers to the slug they can see
                    return pool.preparedQuery("select p.slug from published_article p where p.article_id ="
                                    + " coalesce((select a.id from article a where a.slug = $1),"
                                    + " (select s.article_id from article_slug_alias s where s.slug = $1))")
                            .execute(Tuple.of(slug)).map(moved -> first(moved).map(row -> new BySlug(null, row.getString(0))));
                });
    }

    /** Newest first, strictly after the cursor position (publishedAt, id) when given: readers' list items. */
    public Uni<List<Item>> newest(int limit, String tag, UUID author, Instant afterPublishedAt, UUID afterId) {
        // a statement per filter combination (each prepared once per connection), so every one gets its index
        StringBuilder sql = new StringBuilder("select article_id, published_at, item from published_article where true");
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
        return items(pool.preparedQuery(sql.toString()).execute(params));
    }

    /** Full-text search over what readers see, best match first: readers' list items. */
    public Uni<List<Item>> search(String q, int limit) {
        return items(pool.preparedQuery("select article_id, published_at, item from published_article"
                        + " where search_vector @@ websearch_to_tsquery('english', $1)"
                        + " order by ts_rank(search_vector, websearch_to_tsquery('english', $1)) desc, published_at desc limit $2")
                .execute(Tuple.of(q, limit)));
    }

    /** The curation service's summaries of the live ones among {@code ids}, in the order asked, each once. */
    public Uni<List<Item>> byIds(List<UUID> ids) {
        // one array parameter rather than an IN list: the statement and its plan stay the same whatever the count
        UUID[] asked = ids.stream().distinct().toArray(UUID[]::new);
        return items(pool.preparedQuery("select p.article_id, p.published_at, p.summary"
                + " from unnest($1::uuid[]) with ordinality as asked(id, n) join published_article p on p.article_id = asked.id"
                + " order by asked.n").execute(Tuple.of(asked)));
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
