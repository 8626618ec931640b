package io.newsroom.cms.articles.published;

import io.newsroom.cms.articles.api.Raw;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A published article's related articles, as readers get them: first the ones its editor chose (in the live revision,
 * in the editor's order; only those published now), then, up to the limit, ones found by what they share with it: its
 * primary section and its tags. Each is the stored list item (as the public lists send it) with a {@code "reason"}
 * added: {@value #EDITOR} or {@value #AUTOMATIC}, so a site can tell "chosen by our editors" from "more on this".
 * Read with the reactive client on the event loop, like {@link PublishedReads}; every statement has one sensible plan
 * without statistics ({@code PublicQueryPlansTest}).
 */
@ApplicationScoped
public class RelatedReads {
    public static final String EDITOR = "editor";
    public static final String AUTOMATIC = "automatic";
    /**
     * How many of the newest articles with each of the article's tags, and in its section, the automatic ones are
     * chosen from: the bound of the read (at most 31 index walks of this many rows, whatever the table's size). An
     * article sharing a tag but older than the newest this many with it does not count that tag: for related reading,
     * older is worse anyway. Kept small on purpose: without statistics a tag is guessed at a few hundred rows, and a
     * limit near that had the planner read them all (a bitmap) and sort them instead of walking the index (200: 12,500
     * rows read at 50,000 articles, RelatedQueryPlansTest).
     */
    public static final int CANDIDATES_PER_TAG = 50;

    /**
     * The published article at slug $1: its id, primary section, tags and the related articles its live revision names
     * (the row's revision, by primary key).
     */
    public static final String SOURCE = "select p.article_id, p.section_id, array(select jsonb_array_elements_text(p.tags)),"
            + " array(select jsonb_array_elements_text(r.related_ids)::uuid) from published_article p left join article_revision r on r.article_id = p.article_id"
            + " and r.number = p.revision where p.slug = $1";
    /** The stored items of the published ones among $1, in the order asked (each once: the editor's list has no repeats). */
    public static final String PICKS = "select p.article_id, p.item from unnest($1::uuid[]) with ordinality as asked(id, n)"
            + " join published_article p on p.article_id = asked.id order by asked.n";
    /**
     * The automatic ones: published articles sharing the section $1 (filed in it directly, as primary or secondary
     * section) or any of the tags $2, none of $3 (the article itself and the editor's), at most $4. Ranked by what they
     * share, a shared tag counting one and the section one, then newest first. Each tag's and the section's newest
     * {@value #CANDIDATES_PER_TAG} are walked on their indexes (published_article_tag_newest_idx,
     * published_article_section_direct_idx) and counted; only the page's items are read, by primary key.
     */
    public static final String AUTOMATIC_SQL = "with c as ("
            + "select t.article_id, t.published_at, 1 as tags, 0 as section from unnest($2::text[]) as asked(tag)"
            + " cross join lateral (select g.article_id, g.published_at from published_article_tag g where g.tag = asked.tag"
            + " order by g.published_at desc, g.article_id desc limit " + CANDIDATES_PER_TAG + ") t"
            + " union all (select s.article_id, s.published_at, 0, 1 from published_article_section s where s.section_id = $1"
            + " and s.direct order by s.published_at desc, s.article_id desc limit " + CANDIDATES_PER_TAG + ")),"
            + " r as (select article_id, max(published_at) as d, sum(tags) + max(section) as k from c"
            + " where article_id <> all($3::uuid[]) group by article_id order by k desc, d desc, article_id desc limit $4)"
            + " select r.article_id, p.item from r join published_article p on p.article_id = r.article_id"
            + " order by r.k desc, r.d desc, r.article_id desc";

    /** The related items of a published article, or where its slug moved to (then {@code items} is null). */
    public record Related(List<Raw> items, String movedTo) {
    }

    @Inject
    Pool pool;

    @Inject
    PublishedReads published;

    /**
     * Up to {@code limit} related articles of the article published at {@code slug}: empty when there is none; for a
     * working or former slug of a live article, where readers find it.
     */
    public Uni<Optional<Related>> of(String slug, int limit) {
        return pool.preparedQuery(SOURCE).execute(Tuple.of(slug)).flatMap(rows -> {
            RowIterator<Row> found = rows.iterator();
            if (!found.hasNext()) {
                return published.bySlug(slug).map(moved -> moved.filter(m -> m.movedTo() != null)
                        .map(m -> new Related(null, m.movedTo())));
            }
            Row source = found.next();
            UUID self = source.getUUID(0);
            UUID section = source.getUUID(1);
            String[] tags = source.getArrayOfStrings(2);
            UUID[] chosen = source.getValue(3) == null ? new UUID[0] : source.getArrayOfUUIDs(3); // null: no live revision row
            return picks(chosen, limit).flatMap(picked -> {
                if (picked.size() >= limit || section == null && (tags == null || tags.length == 0)) {
                    return Uni.createFrom().item(Optional.of(new Related(picked, null)));
                }
                List<UUID> excluded = new ArrayList<>(List.of(chosen));
                excluded.add(self);
                Tuple params = Tuple.tuple().addUUID(section).addArrayOfString(tags == null ? new String[0] : tags)
                        .addArrayOfUUID(excluded.toArray(UUID[]::new)).addInteger(limit - picked.size());
                return pool.preparedQuery(AUTOMATIC_SQL).execute(params).map(more -> {
                    List<Raw> items = new ArrayList<>(picked);
                    for (Row row : more) {
                        items.add(withReason(new Raw(row.getString(1)), AUTOMATIC));
                    }
                    return Optional.of(new Related(items, null));
                });
            });
        });
    }

    private Uni<List<Raw>> picks(UUID[] chosen, int limit) {
        if (chosen.length == 0) {
            return Uni.createFrom().item(List.of());
        }
        return pool.preparedQuery(PICKS).execute(Tuple.of(chosen)).map(rows -> {
            List<Raw> items = new ArrayList<>();
            for (Row row : rows) {
                if (items.size() < limit) {
                    items.add(withReason(new Raw(row.getString(1)), EDITOR));
                }
            }
            return items;
        });
    }

    /** {@code item} (a stored list item, a JSON object) with {@code "reason"} added. */
    static Raw withReason(Raw item, String reason) {
        return item.with("reason", reason);
    }
}
