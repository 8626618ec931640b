package io.newsroom.cms.articles.repository;

import io.newsroom.cms.articles.domain.Tag;
import io.newsroom.cms.articles.domain.TagSlugAlias;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

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

    /**
     * Tags whose name or slug starts with {@code prefix} (every tag when null), by name, a page of them; none that
     * {@code viewer} may not know of ({@link #shownTo}).
     */
    @SuppressWarnings("unchecked")
    public List<Tag> search(String prefix, int offset, int limit, ArticleQueries.Viewer viewer) {
        Map<String, Object> params = new HashMap<>();
        Query select = em.createNativeQuery("select t.* from tag t" + where(prefix, viewer, params) + " order by t.name", Tag.class)
                .setFirstResult(offset).setMaxResults(limit);
        params.forEach(select::setParameter);
        return (List<Tag>) select.getResultList();
    }

    public long count(String prefix, ArticleQueries.Viewer viewer) {
        Map<String, Object> params = new HashMap<>();
        Query count = em.createNativeQuery("select count(*) from tag t" + where(prefix, viewer, params));
        params.forEach(count::setParameter);
        return ((Number) count.getSingleResult()).longValue();
    }

    /** Whether {@code viewer} may not know of the tag ({@link #shownTo}). */
    public boolean hiddenFrom(Tag tag, ArticleQueries.Viewer viewer) {
        Map<String, Object> params = new HashMap<>();
        Query query = em.createNativeQuery("select count(*) from tag t" + where(null, viewer, params) + " and t.id = :id")
                .setParameter("id", tag.id);
        params.forEach(query::setParameter);
        return ((Number) query.getSingleResult()).longValue() == 0;
    }

    private static String where(String prefix, ArticleQueries.Viewer viewer, Map<String, Object> params) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        if (prefix != null) {
            where.append(" and (t.name like :prefix or t.slug like :prefix)");
            params.put("prefix", like(prefix));
        }
        return where.append(shownTo(viewer, params)).toString();
    }

    /**
     * The condition on a tag {@code t} that leaves out a tag every article carrying it is hidden from {@code viewer} by an
     * embargo: the name an embargoed story brought into the registry ("acme-takeover") says what the story is about. A
     * tag no article carries (registered by an editor, or its articles deleted) is shown to everyone.
     */
    private static String shownTo(ArticleQueries.Viewer viewer, Map<String, Object> params) {
        String open = ArticleQueries.openTo(viewer, params);
        if (open.isEmpty()) {
            return "";
        }
        return " and (not exists (select 1 from article a where a.tags @> jsonb_build_array(t.name))"
                + " or exists (select 1 from article a where a.tags @> jsonb_build_array(t.name)" + open + "))";
    }

    private static String like(String prefix) {
        return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /**
     * How many articles' working copies carry each of the names (the tags' GIN index, one probe per name), counting only
     * those {@code viewer} may open (all with a null viewer).
     */
    @SuppressWarnings("unchecked")
    public Map<String, Long> usage(List<String> names, ArticleQueries.Viewer viewer) {
        Map<String, Long> counts = new HashMap<>();
        if (names.isEmpty()) {
            return counts;
        }
        Map<String, Object> params = new HashMap<>();
        String open = ArticleQueries.openTo(viewer, params);
        Query query = em.createNativeQuery("select n.name, (select count(*) from article a where a.tags @> jsonb_build_array(n.name)"
                + open + ") from unnest(cast(:names as text[])) n(name)").setParameter("names", names.toArray(String[]::new));
        params.forEach(query::setParameter);
        for (Object[] row : (List<Object[]>) query.getResultList()) {
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
