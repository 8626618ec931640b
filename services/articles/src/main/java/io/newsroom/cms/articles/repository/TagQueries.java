package io.newsroom.cms.articles.repository;

import io.newsroom.cms.articles.domain.Tag;
import io.newsroom.cms.articles.domain.TagSlugAlias;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The tag queries: lookups by name and slug (current or former), autocomplete, who carries a tag, and its rewrite. */
@ApplicationScoped
public class TagQueries {
    @Inject
    EntityManager em;

    /** A slug no tag may have: {@code /tags/published} is the readers' side of the registry. */
    public static final String RESERVED = "published";

    /** Whether a new tag (or a renamed one) cannot have the slug. */
    public boolean taken(String slug) {
        return RESERVED.equals(slug) || idBySlugOrAlias(slug).isPresent();
    }

    /** The tag that has this slug now or had it before. */
    public Optional<UUID> idBySlugOrAlias(String slug) {
        Tag holder = Tag.find("slug", slug).firstResult();
        if (holder != null) {
            return Optional.of(holder.id);
        }
        TagSlugAlias alias = TagSlugAlias.findById(slug);
        return alias == null ? Optional.empty() : Optional.of(alias.tagId);
    }

    /**
     * The name of the tag called {@code name}, or else of the one whose slug (current or former) is {@code slug}, with
     * a share lock on its row as committed now: a rename or merge holding it is waited for, and its outcome seen (a
     * merged tag's name leads to the tag it went into, through the alias).
     */
    public Optional<String> lockedName(String name, String slug) {
        List<?> found = em.createNativeQuery("select name from tag where name = :name for share")
                .setParameter("name", name).getResultList();
        if (found.isEmpty()) {
            found = em.createNativeQuery("select t.name from tag t where t.slug = :slug or t.id = (select a.tag_id"
                            + " from tag_slug_alias a where a.slug = :slug) order by t.slug = :slug desc limit 1 for share of t")
                    .setParameter("slug", slug).getResultList();
        }
        return found.isEmpty() ? Optional.empty() : Optional.of((String) found.get(0));
    }

    /** Tags whose name or slug starts with {@code prefix} (every tag when null), by name, a page of them. */
    public List<Tag> search(String prefix, int offset, int limit) {
        return (prefix == null ? Tag.find("order by name") : Tag.find("name like ?1 or slug like ?1 order by name", like(prefix)))
                .range(offset, offset + limit - 1).list();
    }

    public long count(String prefix) {
        return prefix == null ? Tag.count() : Tag.count("name like ?1 or slug like ?1", like(prefix));
    }

    private static String like(String prefix) {
        return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /** How many articles' working copies carry each of the names (the tags' GIN index, one probe per name). */
    @SuppressWarnings("unchecked")
    public Map<String, Long> usage(List<String> names) {
        Map<String, Long> counts = new HashMap<>();
        if (names.isEmpty()) {
            return counts;
        }
        for (Object[] row : (List<Object[]>) em.createNativeQuery("select n.name, (select count(*) from article a"
                        + " where a.tags @> jsonb_build_array(n.name)) from unnest(cast(:names as text[])) n(name)")
                .setParameter("names", names.toArray(String[]::new)).getResultList()) {
            counts.put((String) row[0], ((Number) row[1]).longValue());
        }
        return counts;
    }

    /** The slugs that lead to the tag besides its own. */
    public List<String> aliases(UUID tagId) {
        return TagSlugAlias.<TagSlugAlias>find("tagId = ?1 order by slug", tagId).list().stream().map(a -> a.slug).toList();
    }

    /** Whether some article's working copy or live version carries the name. */
    public boolean inUse(String name) {
        return !em.createNativeQuery("select 1 from article where tags @> cast(:tag as jsonb)"
                        + " union all select 1 from published_article_tag where tag = :name")
                .setParameter("tag", ArticleQueries.jsonArray(name)).setParameter("name", name)
                .setMaxResults(1).getResultList().isEmpty();
    }

    /** The articles whose working copy or one of whose revisions carries the name, in id order (the order they are locked in). */
    public List<UUID> articlesCarrying(String name) {
        return ArticleQueries.uuids(em.createNativeQuery("select a.id from article a where a.tags @> cast(:tag as jsonb)"
                        + " or exists (select 1 from article_revision r where r.article_id = a.id and r.tags @> cast(:tag as jsonb))"
                        + " order by a.id")
                .setParameter("tag", ArticleQueries.jsonArray(name)));
    }

    /** Of the given articles, the live ones, in the order given. */
    public List<UUID> live(List<UUID> articleIds) {
        if (articleIds.isEmpty()) {
            return List.of();
        }
        List<UUID> live = new ArrayList<>(ArticleQueries.uuids(em.createNativeQuery("select id from article where id in (:ids)"
                + " and live_revision is not null").setParameter("ids", articleIds)));
        live.sort(null);
        return live;
    }

    /**
     * Replaces the name {@code from} by {@code to} in the tags of every article's working copy and revision that carries
     * it, keeping their order and each name once (an article with both keeps {@code to} where it had the first of them).
     * A changed working copy gets a new version: an editor's open copy of it is stale, and a save from it a 412.
     */
    public void replace(String from, String to) {
        String rewritten = "(select coalesce(jsonb_agg(t.tag order by t.first), '[]'::jsonb) from (select case when e.tag = :from"
                + " then :to else e.tag end as tag, min(e.ord) as first from jsonb_array_elements_text(tags) with ordinality"
                + " e(tag, ord) group by 1) t)";
        em.createNativeQuery("update article set tags = " + rewritten + ", version = version + 1 where tags @> cast(:json as jsonb)")
                .setParameter("from", from).setParameter("to", to).setParameter("json", ArticleQueries.jsonArray(from))
                .executeUpdate();
        em.createNativeQuery("update article_revision set tags = " + rewritten + " where tags @> cast(:json as jsonb)")
                .setParameter("from", from).setParameter("to", to).setParameter("json", ArticleQueries.jsonArray(from))
                .executeUpdate();
    }

    /**
     * Every name articles carry (working copies and live versions) that no tag has: the registry's backfill. In byte
     * order, whatever the database's collation: of two names with one slug, the same one gets it everywhere.
     */
    @SuppressWarnings("unchecked")
    public List<String> unregistered() {
        return (List<String>) em.createNativeQuery("select u.tag from (select e.tag from article a"
                + " cross join lateral jsonb_array_elements_text(a.tags) e(tag) where not exists (select 1 from tag t where t.name = e.tag)"
                + " union select p.tag from published_article_tag p where not exists (select 1 from tag t where t.name = p.tag)) u"
                + " order by u.tag collate \"C\"").getResultList();
    }

    /** Row locks on the articles, in the order given (id order: the same in every tag change, so no deadlock). */
    public void lockArticles(List<UUID> articleIds) {
        for (int from = 0; from < articleIds.size(); from += 500) {
            List<UUID> chunk = articleIds.subList(from, Math.min(articleIds.size(), from + 500));
            em.createNativeQuery("select id from article where id in (:ids) order by id for update")
                    .setParameter("ids", new ArrayList<>(chunk)).getResultList();
        }
    }
}
