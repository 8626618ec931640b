package io.newsroom.cms.articles.published;

import io.newsroom.cms.articles.api.SectionRecords.PublicSection;
import io.newsroom.cms.articles.api.SectionRecords.PublicSectionTree;
import io.newsroom.cms.articles.domain.Section;
import io.newsroom.cms.articles.domain.SectionTree;
import io.newsroom.cms.articles.published.PublishedReads.Item;
import io.newsroom.cms.articles.published.PublishedReads.Order;
import io.newsroom.cms.articles.repository.ArticleQueries;
import io.newsroom.cms.common.time.PublishedRange;
import io.newsroom.cms.common.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
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
 * The sections readers' sites see, read with the reactive client on the event loop: the tree (small, read whole), a
 * section by slug (an old slug says where it went), and the published articles of a section, its subsections' included
 * or not, from the read model's {@code published_article_section} (one index walk in the order asked).
 */
@ApplicationScoped
public class SectionReads {
    public static final String TREE = "select id, slug, name, description, parent_id, position from section";
    /** The section that has the slug now ($1), or, for a former slug, the one that had it. */
    public static final String RESOLVE = "select id, slug from section where slug = $1 union all"
            + " select s.id, s.slug from section_slug_alias a join section s on s.id = a.section_id where a.slug = $1";

    /** A section found by slug: {@code slug} is its current one (another than asked for a renamed section). */
    public record Found(UUID id, String slug) {
    }

    @Inject
    Pool pool;

    public Uni<PublicSectionTree> tree() {
        return loadTree().map(tree -> new PublicSectionTree(tree.children(null).stream().map(s -> view(tree, s)).toList()));
    }

    /** The section with this (current) slug, with its subsections. */
    public Uni<Optional<PublicSection>> bySlug(String slug) {
        return loadTree().map(tree -> tree.depthFirst().stream().filter(s -> s.slug.equals(slug)).findFirst()
                .map(s -> view(tree, s)));
    }

    public Uni<Optional<Found>> resolve(String slug) {
        return pool.preparedQuery(RESOLVE).execute(Tuple.of(slug)).map(rows -> {
            for (Row row : rows) {
                return Optional.of(new Found(row.getUUID(0), row.getString(1)));
            }
            return Optional.empty();
        });
    }

    /**
     * The published articles of the section at {@code slug} (a former slug is followed; an unknown one is a 404
     * problem, never an unfiltered list), primary or secondary, {@code includeChildren}: those of its subsections too.
     */
    public Uni<List<Item>> list(String slug, boolean includeChildren, Order order, int limit, String tag, UUID author,
                                Instant after, UUID afterId) {
        return list(slug, includeChildren, order, limit, tag, author, null, after, afterId);
    }

    /** {@link #list(String, boolean, Order, int, String, UUID, Instant, UUID)} first published within {@code range} (null: any time). */
    public Uni<List<Item>> list(String slug, boolean includeChildren, Order order, int limit, String tag, UUID author,
                                PublishedRange range, Instant after, UUID afterId) {
        return resolve(slug).flatMap(found -> {
            UUID section = found.orElseThrow(() -> ProblemException.notFound("Section '" + slug + "'")).id();
            boolean byTag = tag != null && !tag.isBlank();
            Tuple params = Tuple.tuple().addUUID(section);
            if (byTag) {
                params.addString(ArticleQueries.jsonArray(tag.toLowerCase()));
            }
            if (author != null) {
                params.addString(ArticleQueries.jsonArray(author.toString()));
            }
            boolean from = PublishedReads.addRange(params, range);
            if (after != null) {
                params.addOffsetDateTime(after.atOffset(ZoneOffset.UTC)).addUUID(afterId);
            }
            params.addInteger(limit);
            return pool.preparedQuery(listSql(order, includeChildren, byTag, author != null, from,
                            range != null && range.until() != null, after != null)).execute(params)
                    .map(SectionReads::items);
        });
    }

    /**
     * The section's list: parameters section, then tag, author, cursor position, limit as asked. Newest and oldest walk
     * the section's own (section, published_at, id) index; last-changed-first sorts the section's rows.
     */
    public static String listSql(Order order, boolean includeChildren, boolean tag, boolean author, boolean after) {
        return listSql(order, includeChildren, tag, author, false, false, after);
    }

    /**
     * {@link #listSql(Order, boolean, boolean, boolean, boolean)} within a published-date range (from, until: parameters
     * after the author's when asked), which narrows the walk of the section's index.
     */
    public static String listSql(Order order, boolean includeChildren, boolean tag, boolean author, boolean from,
                                 boolean until, boolean after) {
        String column = order == Order.UPDATED ? "p.updated_at" : "s.published_at";
        String id = order == Order.UPDATED ? "p.article_id" : "s.article_id";
        StringBuilder sql = new StringBuilder("select p.article_id, ").append(column).append(", p.item from published_article_section s")
                .append(" join published_article p on p.article_id = s.article_id where s.section_id = $1");
        int n = 1;
        if (!includeChildren) {
            sql.append(" and s.direct");
        }
        if (tag) {
            sql.append(" and p.tags @> $").append(++n).append("::text::jsonb");
        }
        if (author) {
            sql.append(" and p.byline @> $").append(++n).append("::text::jsonb");
        }
        if (from) {
            sql.append(" and (s.published_at, s.article_id) >= ($").append(++n).append(PublishedReads.FROM_FIRST_ID);
        }
        if (until) {
            sql.append(" and s.published_at < $").append(++n);
        }
        boolean ascending = order == Order.OLDEST;
        if (after) {
            sql.append(" and (").append(column).append(", ").append(id).append(ascending ? ") > ($" : ") < ($")
                    .append(++n).append(", $").append(++n).append(')');
        }
        String direction = ascending ? "" : " desc";
        return sql.append(" order by ").append(column).append(direction).append(", ").append(id).append(direction)
                .append(" limit $").append(++n).toString();
    }

    private Uni<SectionTree> loadTree() {
        return pool.query(TREE).execute().map(rows -> {
            List<Section> sections = new ArrayList<>(rows.size());
            for (Row row : rows) {
                Section s = new Section();
                s.id = row.getUUID(0);
                s.slug = row.getString(1);
                s.name = row.getString(2);
                s.description = row.getString(3);
                s.parentId = row.getUUID(4);
                s.position = row.getInteger(5);
                sections.add(s);
            }
            return new SectionTree(sections);
        });
    }

    private static PublicSection view(SectionTree tree, Section s) {
        List<String> path = tree.slugPath(s.id);
        return new PublicSection(s.id, s.slug, s.name, s.description, path, "/" + String.join("/", path),
                tree.children(s.id).stream().map(child -> view(tree, child)).toList());
    }

    private static List<Item> items(RowSet<Row> rows) {
        List<Item> result = new ArrayList<>(rows.size());
        for (Row row : rows) {
            result.add(new Item(row.getUUID(0), row.getOffsetDateTime(1).toInstant(), new io.newsroom.cms.articles.api.Raw(row.getString(2))));
        }
        return result;
    }
}
