package io.newsroom.cms.articles.published;

import io.newsroom.cms.articles.api.TagRecords.PublicTag;
import io.newsroom.cms.articles.api.TagRecords.PublicTagIndex;
import io.newsroom.cms.common.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The tags readers' sites see, read with the reactive client on the event loop: the index (the tags published articles
 * carry, with their counts), one tag by slug (a former slug says where it went), and what a {@code ?tag=} filter names.
 * Only tags some published article carries are shown or followed: a tag used only on drafts (an embargoed story's) is
 * not news to readers, so it answers like a tag that does not exist.
 */
@ApplicationScoped
public class TagReads {
    /**
     * A page of the tags published articles carry, the most used first, ties by name: at most $1 after the tag with
     * count $2 and name $3 (both null: from the start). One pass over published_article_tag (a count per tag has to
     * see every row; the gateway caches the pages).
     */
    public static final String INDEX = "select t.slug, t.name, t.description, c.n from (select tag, count(*) as n"
            + " from published_article_tag group by tag) c join tag t on t.name = c.tag"
            + " where $2::bigint is null or c.n < $2 or (c.n = $2 and t.name > $3::text)"
            + " order by c.n desc, t.name limit $1";
    /** Tags on a page of the index when none is asked: a tag cloud's worth. */
    public static final int INDEX_PAGE = 100;
    /** The most tags a page of the index holds. */
    public static final int INDEX_PAGE_MAX = 500;
    /** The tag with the slug $1 now, or that had it (a rename, a merge), when published articles carry it. */
    public static final String RESOLVE = "select t.slug, t.name, t.description, (select count(*) from published_article_tag p"
            + " where p.tag = t.name) as n from tag t where t.slug = $1 or t.id = (select a.tag_id from tag_slug_alias a"
            + " where a.slug = $1) order by t.slug = $1 desc limit 1";
    /**
     * The name of the tag a {@code ?tag=} value ($1, lowercased) names: its name (as articles carry it, as the filter
     * always took), else its slug, else a former slug; only a tag published articles carry.
     */
    public static final String FILTER = "select t.name from tag t where (t.name = $1 or t.slug = $1 or t.id = (select a.tag_id"
            + " from tag_slug_alias a where a.slug = $1)) and exists (select 1 from published_article_tag p where p.tag = t.name)"
            + " order by t.name = $1 desc, t.slug = $1 desc limit 1";

    @Inject
    Pool pool;

    /**
     * Up to {@code limit} tags after the one {@code cursor} names (the {@code nextCursor} of the page before; null: the
     * first page). A cursor carries the count and name of the page's last tag, so a page goes on after the tag it ended
     * with even when counts changed in between (a tag whose count moved may be met twice or not at all, as on any
     * ranking that changes while it is paged).
     */
    public Uni<PublicTagIndex> index(int limit, String cursor) {
        Long afterCount = null;
        String afterName = null;
        if (cursor != null && !cursor.isBlank()) {
            try {
                String[] parts = Cursors.decode(cursor, 3);
                if (parts.length != 3 || !"tags".equals(parts[0]) || parts[2].isEmpty()) {
                    throw new IllegalArgumentException("not a tags cursor");
                }
                afterCount = Long.parseLong(parts[1]);
                afterName = parts[2];
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid("cursor", "is not a cursor this API issued for the tags");
            }
        }
        return pool.preparedQuery(INDEX).execute(Tuple.of(limit + 1, afterCount, afterName)).map(rows -> {
            List<PublicTag> items = new ArrayList<>(rows.size());
            for (Row row : rows) {
                items.add(tag(row));
            }
            String next = null;
            if (items.size() > limit) {
                items = items.subList(0, limit);
                PublicTag last = items.get(limit - 1);
                next = Cursors.encode("tags|" + last.articles() + "|" + last.name());
            }
            return new PublicTagIndex(items, next);
        });
    }

    /** The tag that has or had {@code slug}, when published articles carry it ({@code slug()} differs for a former one). */
    public Uni<Optional<PublicTag>> resolve(String slug) {
        return pool.preparedQuery(RESOLVE).execute(Tuple.of(slug)).map(rows -> {
            for (Row row : rows) {
                PublicTag tag = tag(row);
                return tag.articles() > 0 ? Optional.of(tag) : Optional.<PublicTag>empty();
            }
            return Optional.empty();
        });
    }

    /**
     * The tag name a {@code ?tag=} filter value names (null for none asked): a 404 problem for one that names no tag
     * published articles carry, never an unfiltered list.
     */
    public Uni<String> filter(String value) {
        if (value == null || value.isBlank()) {
            return Uni.createFrom().nullItem();
        }
        String asked = value.trim().toLowerCase(Locale.ROOT);
        return pool.preparedQuery(FILTER).execute(Tuple.of(asked)).map(rows -> {
            for (Row row : rows) {
                return row.getString(0);
            }
            throw ProblemException.notFound("Tag '" + value + "'");
        });
    }

    private static PublicTag tag(Row row) {
        return new PublicTag(row.getString(0), row.getString(1), row.getString(2), row.getLong(3));
    }
}
