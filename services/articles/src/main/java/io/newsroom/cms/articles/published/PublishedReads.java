package io.newsroom.cms.articles.published;

import io.newsroom.cms.articles.api.PublishedRecords.NewsEntry;
import io.newsroom.cms.articles.api.PublishedRecords.SitemapEntry;
import io.newsroom.cms.articles.api.PublishedRecords.SitemapPage;
import io.newsroom.cms.articles.api.Raw;
import io.newsroom.cms.articles.repository.ArticleQueries;
import io.newsroom.cms.common.time.PublishedRange;
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
    /**
     * A stored list item, with its position in the order asked (for the cursor): its {@code publishedAt}, or its
     * {@code updatedAt} in the {@link Order#UPDATED} order.
     */
    public record Item(UUID id, Instant at, Raw json) {
    }

    /** The orders of the public list, each walking an index in its own direction: newest and oldest the same one. */
    public enum Order {
        NEWEST("published_at", false), OLDEST("published_at", true), UPDATED("updated_at", false);

        final String column;
        final boolean ascending;

        Order(String column, boolean ascending) {
            this.column = column;
            this.ascending = ascending;
        }
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
    /** How many matches search ranks at most: the newest {@value}. */
    public static final int SEARCH_CANDIDATES = 1000;
    /**
     * Best match among the newest {@value #SEARCH_CANDIDATES} matches, ties newest first: a total order, so pages ($3 =
     * rows before this page) neither skip nor repeat; the pages end after the candidates. A match is ranked on its
     * headline and dek ({@code title_vector}: a match there first, the headline before the dek), so an article matched
     * only by its body ranks by recency among the others; the full text is matched by the GIN index and never read
     * (detoasted) at all, which was most of the time at 100,000 articles (bench/results/2026-12-02T0239-listings.md:
     * p99 89 ms, 185 ms on a busy day).
     * <p>
     * The newest matches are found in the newest window of published time that holds enough of them, windows of the
     * time since the first article ({@code b}): the last 1/40 ({@code w}), else the last 1/4 ({@code x}), else all of it
     * ({@code y}); each step runs only when the one before found fewer than the candidates (a one-time filter on the
     * count of the step before), and a window is taken only when it holds them all, so the candidates are exactly the
     * newest matches whatever the windows hold. {@code x} is skipped when {@code w} found fewer than 50 (a word that
     * rare has few matches in all: reading them all is cheaper than the wider window, whose date range costs the
     * index about as much as a common word; pgbench at 100,000 articles: p50 25 → 19 ms, p99 73–85 → 57 ms under load). The index over (search_vector, published_at) answers "matches published
     * since" by itself, so a word in most articles reads the rows of the short window only, a rare word its few rows.
     * One plan suits every word, with or without statistics and as the generic plan ({@code PublicQueryPlansTest}). The
     * statement stays under 1,024 characters, so pg_stat_activity shows it whole (track_activity_query_size).
     */
    public static final String SEARCH = "with t as (select websearch_to_tsquery('english',$1) q),"
            + " m as not materialized (select article_id a,published_at d,title_vector v from published_article"
            + " where search_vector @@ (select q from t)),"
            + " b as (select max(published_at) n,max(published_at)-min(published_at) s from published_article),"
            + " w as (select * from m where d >= (select n-s/40 from b) order by 2 desc,1 desc limit 1000),"
            + " x as (select * from m where d >= (select n-s/4 from b) and (select count(*) from w) between 50 and 999 order by 2 desc,1 desc limit 1000),"
            + " y as (select * from m where (select count(*) from w) < 1000 and (select count(*) from x) < 1000 order by 2 desc,1 desc limit 1000),"
            + " g as (select a,d,ts_rank(v,(select q from t)) k from (select * from w where (select count(*) from w) >= 1000"
            + " union all select * from x where (select count(*) from x) >= 1000 union all select * from y) c"
            + " order by 3 desc,2 desc,1 desc limit $2 offset $3)"
            + " select a,d,item from g join published_article on article_id = a order by k desc,d desc,a desc";
    /**
     * The sitemap's pages of at most $1 articles each, oldest first (a new article lands on the last page, so earlier
     * pages and their lastmod stay as they were): one pass over the table, which counting needs anyway. Articles that ask
     * not to be indexed are left out of every sitemap.
     */
    public static final String SITEMAP_PAGES = "select (n - 1) / $1 + 1, count(*), max(updated_at) from"
            + " (select row_number() over (order by published_at, article_id) as n, updated_at from published_article"
            + " where not noindex) numbered"
            + " group by 1 order by 1";
    /** A sitemap page: the oldest-first index walked from row $1, $2 rows (the page's offset is bounded by the table). */
    public static final String SITEMAP_PAGE = "select slug, updated_at from published_article where not noindex"
            + " order by published_at, article_id offset $1 limit $2";
    /**
     * First published at or after $1, newest first, at most $2: the news sitemap. The newest $2 are taken first (the
     * newest-first index walked with a limit, whatever the statistics say of the range) and then cut at $1 and rid of
     * the articles that ask not to be indexed (after the limit, which a filter inside would have the planner trade for a
     * sort of the table).
     */
    public static final String NEWS_SINCE = "select slug, item::jsonb ->> 'headline', published_at from"
            + " (select slug, item, published_at, article_id, noindex from published_article order by published_at desc, article_id desc limit $2) newest"
            + " where published_at >= $1 and not noindex order by published_at desc, article_id desc";
    /** The article pages (the stored documents) of the live ones among $1, in the order asked: full-content feeds. */
    public static final String DOCUMENTS_BY_IDS = "select p.article_id, p.published_at, p.document"
            + " from unnest($1::uuid[]) with ordinality as asked(id, n) join published_article p on p.article_id = asked.id"
            + " order by asked.n";
    public static final String BY_IDS = "select p.article_id, p.published_at, p.summary"
            + " from unnest($1::uuid[]) with ordinality as asked(id, n) join published_article p on p.article_id = asked.id"
            + " order by asked.n";

    /**
     * The rest of a range's start, {@code (published_at, article_id) >= ($n} + this: the same rows as
     * {@code published_at >= $n} (no id is below the nil UUID), written as a row comparison so the planner does not
     * pair it with the range's end. Paired, both ends of an unanalyzed table's range are guessed at 0.5 % of the rows,
     * and a section's month was read whole by a bitmap scan and sorted (20 ms at 100,000 articles) instead of walked
     * on its index from the newest end to the limit.
     */
    static final String FROM_FIRST_ID = ", '00000000-0000-0000-0000-000000000000'::uuid)";

    @Inject
    Pool pool;

    /**
     * Newest first, with the filters asked for: a statement per combination (each prepared once per connection), its
     * parameters in the order tag, author, cursor position (published_at, id), limit.
     */
    public static String newestSql(boolean tag, boolean author, boolean after) {
        return listSql(Order.NEWEST, tag, author, after);
    }

    /**
     * {@link #newestSql} in {@code order}: the cursor position is then (the order's column, id). With a tag (and no
     * author), newest and oldest walk the tag's own (tag, published_at, id) index of published_article_tag
     * ({@link #byTag}: the tag itself, lowercased, is the parameter); otherwise a tag filters on the tags' GIN-indexed
     * column (the tag as a JSON array).
     */
    public static String listSql(Order order, boolean tag, boolean author, boolean after) {
        return listSql(order, tag, author, false, false, after);
    }

    /**
     * {@link #listSql(Order, boolean, boolean, boolean)} within a published-date range: first published at or after
     * {@code from}, before {@code until} (each a parameter after the author's, when asked). The range narrows the walk
     * of the same index the order takes (published_at's own, or the tag's), never a second one.
     */
    public static String listSql(Order order, boolean tag, boolean author, boolean from, boolean until, boolean after) {
        if (tag && byTag(order, author)) {
            return tagListSql(order, from, until, after);
        }
        StringBuilder sql = new StringBuilder("select article_id, ").append(order.column).append(", item from published_article where true");
        int n = 0;
        if (tag) {
            sql.append(" and tags @> $").append(++n).append("::text::jsonb");
        }
        if (author) {
            sql.append(" and byline @> $").append(++n).append("::text::jsonb");
        }
        if (from) {
            sql.append(" and (published_at, article_id) >= ($").append(++n).append(FROM_FIRST_ID);
        }
        if (until) {
            sql.append(" and published_at < $").append(++n);
        }
        if (after) {
            sql.append(" and (").append(order.column).append(", article_id) ").append(order.ascending ? '>' : '<')
                    .append(" ($").append(++n).append(", $").append(++n).append(')');
        }
        String direction = order.ascending ? "" : " desc";
        return sql.append(" order by ").append(order.column).append(direction).append(", article_id").append(direction)
                .append(" limit $").append(++n).toString();
    }

    /**
     * Whether the list in {@code order} with a tag reads published_article_tag (its parameter then the tag, not a JSON
     * array): newest and oldest without an author. With an author too, or last changed first, the tags' GIN-indexed
     * column filters published_article as before (a tag table joined to the author's articles gave the planner hash
     * joins of both to choose from without statistics).
     */
    static boolean byTag(Order order, boolean author) {
        return order != Order.UPDATED && !author;
    }

    /**
     * The newest or oldest with a tag ($1, lowercased), then cursor position, limit as in {@link #listSql}: the tag's
     * rows walked on their (tag, published_at, id) index in the order asked until the limit, then each joined to its
     * article by primary key. The limit is taken from the tag's rows before the join, so even a plan that reads the
     * tag's rows and sorts them (a custom plan for a later page may, the cursor's range estimated without statistics)
     * sorts narrow rows and joins only the page.
     */
    private static String tagListSql(Order order, boolean from, boolean until, boolean after) {
        String direction = order.ascending ? "" : " desc";
        StringBuilder where = new StringBuilder(" where t.tag = $1");
        int n = 1;
        if (from) {
            where.append(" and (t.published_at, t.article_id) >= ($").append(++n).append(FROM_FIRST_ID);
        }
        if (until) {
            where.append(" and t.published_at < $").append(++n);
        }
        if (after) {
            where.append(" and (t.published_at, t.article_id) ").append(order.ascending ? '>' : '<')
                    .append(" ($").append(++n).append(", $").append(++n).append(')');
        }
        return "select p.article_id, t.published_at, p.item from (select t.article_id, t.published_at from published_article_tag t"
                + where + " order by t.published_at" + direction + ", t.article_id" + direction
                + " limit $" + (n + 1) + ") t join published_article p on p.article_id = t.article_id"
                + " order by t.published_at" + direction + ", t.article_id" + direction;
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
        return list(Order.NEWEST, limit, tag, author, afterPublishedAt, afterId);
    }

    /** {@link #newest} in {@code order}, strictly after the cursor position (the order's time, id) when given. */
    public Uni<List<Item>> list(Order order, int limit, String tag, UUID author, Instant afterPublishedAt, UUID afterId) {
        return list(order, limit, tag, author, null, afterPublishedAt, afterId);
    }

    /** {@link #list(Order, int, String, UUID, Instant, UUID)} first published within {@code range} (null: any time). */
    public Uni<List<Item>> list(Order order, int limit, String tag, UUID author, PublishedRange range, Instant afterPublishedAt,
                                UUID afterId) {
        boolean byTag = tag != null && !tag.isBlank();
        Tuple params = Tuple.tuple();
        if (byTag) {
            // tags are saved lowercased: the tag's own rows, or (last changed first) the tags column's JSON array
            params.addString(byTag(order, author != null) ? tag.toLowerCase() : ArticleQueries.jsonArray(tag.toLowerCase()));
        }
        if (author != null) {
            params.addString(ArticleQueries.jsonArray(author.toString()));
        }
        boolean from = addRange(params, range);
        if (afterPublishedAt != null) {
            params.addOffsetDateTime(afterPublishedAt.atOffset(ZoneOffset.UTC)).addUUID(afterId);
        }
        params.addInteger(limit);
        return items(pool.preparedQuery(listSql(order, byTag, author != null, from, range != null && range.until() != null,
                afterPublishedAt != null)).execute(params));
    }

    /** Adds {@code range}'s ends that are set (from, then until) to {@code params}; whether it had a start. */
    static boolean addRange(Tuple params, PublishedRange range) {
        if (range == null) {
            return false;
        }
        if (range.from() != null) {
            params.addOffsetDateTime(range.from().atOffset(ZoneOffset.UTC));
        }
        if (range.until() != null) {
            params.addOffsetDateTime(range.until().atOffset(ZoneOffset.UTC));
        }
        return range.from() != null;
    }

    /**
     * Full-text search over what readers see, best match among the newest {@value #SEARCH_CANDIDATES} matches first,
     * after the first {@code offset} of them: readers' list items (none at or past that many).
     */
    public Uni<List<Item>> search(String q, int limit, int offset) {
        return items(pool.preparedQuery(SEARCH).execute(Tuple.of(q, limit, offset)))
                .flatMap(found -> found.isEmpty() ? Uni.createFrom().item(found) : withSnippets(q, found));
    }

    /**
     * A passage of each found article's live text (dek and body) around the words searched for, for the results page:
     * up to two fragments of 10–24 words ({@code ts_headline}), the matches between {@link #MARK_START} and
     * {@link #MARK_END}. Markdown's markup (emphasis, code ticks, link targets, headings and quotes at a line's start)
     * and control characters are taken out first, so the passage reads as text. Asked once the page is known, for its
     * articles only (at most 50): the ranking statement stays as it is, and highlighting reads no more than the page.
     */
    static final String SNIPPETS = "select p.article_id, ts_headline('english',"
            + " regexp_replace(coalesce(r.dek, '') || E'\\n' || r.body, '^\\s*(#+|>+)|[\\x01-\\x08*_`~]+|\\]\\([^)]*\\)|\\[', ' ', 'gn'),"
            + " websearch_to_tsquery('english', $1), $3)"
            + " from published_article p join article_revision r on r.article_id = p.article_id and r.number = p.revision"
            + " where p.article_id = any($2)";
    static final char MARK_START = '\u0002';
    static final char MARK_END = '\u0003';
    private static final String SNIPPET_OPTIONS = "MaxFragments=2, MaxWords=24, MinWords=10, FragmentDelimiter=\" … \","
            + " StartSel=" + MARK_START + ", StopSel=" + MARK_END;

    private Uni<List<Item>> withSnippets(String q, List<Item> found) {
        UUID[] ids = found.stream().map(Item::id).toArray(UUID[]::new);
        return pool.preparedQuery(SNIPPETS).execute(Tuple.of(q, ids, SNIPPET_OPTIONS)).map(rows -> {
            java.util.Map<UUID, String> snippets = new java.util.HashMap<>();
            for (Row row : rows) {
                snippets.put(row.getUUID(0), row.getString(1));
            }
            return found.stream().map(item -> new Item(item.id(), item.at(), Snippets.add(item.json(), snippets.get(item.id())))).toList();
        });
    }

    /** The sitemap's pages of at most {@code size} articles, oldest first (none when nothing is published). */
    public Uni<List<SitemapPage>> sitemapPages(int size) {
        return pool.preparedQuery(SITEMAP_PAGES).execute(Tuple.of((long) size)).map(rows -> {
            List<SitemapPage> pages = new ArrayList<>(rows.size());
            for (Row row : rows) {
                pages.add(new SitemapPage(row.getLong(0), row.getLong(1), row.getOffsetDateTime(2).toInstant()));
            }
            return pages;
        });
    }

    /** Page {@code page} (from 1) of the sitemap's pages of {@code size}: slug and last change of each article, oldest first. */
    public Uni<List<SitemapEntry>> sitemapPage(long page, int size) {
        return pool.preparedQuery(SITEMAP_PAGE).execute(Tuple.of((page - 1) * size, (long) size)).map(rows -> {
            List<SitemapEntry> entries = new ArrayList<>(rows.size());
            for (Row row : rows) {
                entries.add(new SitemapEntry(row.getString(0), row.getOffsetDateTime(1).toInstant()));
            }
            return entries;
        });
    }

    /** The articles first published at or after {@code since}, newest first, at most {@code limit}. */
    public Uni<List<NewsEntry>> publishedSince(Instant since, int limit) {
        return pool.preparedQuery(NEWS_SINCE).execute(Tuple.of(since.atOffset(ZoneOffset.UTC), limit)).map(rows -> {
            List<NewsEntry> entries = new ArrayList<>(rows.size());
            for (Row row : rows) {
                entries.add(new NewsEntry(row.getString(0), row.getString(1), row.getOffsetDateTime(2).toInstant()));
            }
            return entries;
        });
    }

    /** The article pages of the live ones among {@code ids}, in the order asked, each once. */
    public Uni<List<Item>> documents(List<UUID> ids) {
        return items(pool.preparedQuery(DOCUMENTS_BY_IDS).execute(Tuple.of(ids.stream().distinct().toArray(UUID[]::new))));
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
