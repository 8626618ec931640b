package io.newsroom.cms.articles.repository;

import io.newsroom.cms.articles.domain.Article;
import io.newsroom.cms.articles.domain.ArticleRevision;
import io.newsroom.cms.articles.domain.ArticleSlugAlias;
import io.newsroom.cms.articles.domain.ArticleStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The list and search queries, in SQL: JSONB containment and PostgreSQL full-text search are not HQL. */
@ApplicationScoped
public class ArticleQueries {
    @Inject
    EntityManager em;

    public record Filter(ArticleStatus status, UUID author, String tag, String q, String owner, String sort) {
    }

    public record Page(List<Article> items, long total) {
    }

    public record Live(Article article, ArticleRevision revision) {
    }

    private static final Map<String, String> SORTS = Map.of(
            "-updated", "a.updated_at desc, a.id", "updated", "a.updated_at asc, a.id",
            "-created", "a.created_at desc, a.id", "created", "a.created_at asc, a.id",
            "headline", "lower(a.headline) asc, a.id", "-headline", "lower(a.headline) desc, a.id",
            "-published", "a.first_published_at desc nulls last, a.id", "published", "a.first_published_at asc nulls last, a.id",
            "relevance", "ts_rank(a.search_vector, websearch_to_tsquery('english', :q)) desc, a.id");

    public static boolean knownSort(String sort) {
        return SORTS.containsKey(sort);
    }

    public Page editorial(Filter filter, int page, int size) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (filter.status() != null) {
            where.append(" and a.status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.author() != null) {
            where.append(" and a.byline @> cast(:author as jsonb)");
            params.put("author", "[\"" + filter.author() + "\"]");
        }
        if (filter.tag() != null) {
            where.append(" and a.tags @> cast(:tag as jsonb)");
            params.put("tag", jsonArray(filter.tag().toLowerCase()));
        }
        if (filter.q() != null) {
            where.append(" and a.search_vector @@ websearch_to_tsquery('english', :q)");
            params.put("q", filter.q());
        }
        if (filter.owner() != null) {
            where.append(" and a.owner = :owner");
            params.put("owner", filter.owner());
        }
        String sort = filter.sort() != null ? filter.sort() : filter.q() != null ? "relevance" : "-updated";
        if (sort.equals("relevance") && filter.q() == null) {
            sort = "-updated";
        }
        Query count = em.createNativeQuery("select count(*) from article a" + where);
        Query select = em.createNativeQuery("select a.id from article a" + where + " order by " + SORTS.get(sort));
        params.forEach((k, v) -> {
            count.setParameter(k, v);
            select.setParameter(k, v);
        });
        List<UUID> ids = uuids(select.setFirstResult(page * size).setMaxResults(size));
        return new Page(load(ids), ((Number) count.getSingleResult()).longValue());
    }

    /** Live articles newest first, after the cursor position (publishedAt, id) when given. */
    public List<Live> newest(int limit, String tag, UUID author, Instant afterPublishedAt, UUID afterId) {
        StringBuilder sql = new StringBuilder("select a.id from article a join article_revision r"
                + " on r.article_id = a.id and r.number = a.live_revision where a.live_revision is not null");
        Map<String, Object> params = new HashMap<>();
        if (tag != null) {
            sql.append(" and r.tags @> cast(:tag as jsonb)");
            params.put("tag", jsonArray(tag.toLowerCase()));
        }
        if (author != null) {
            sql.append(" and r.byline @> cast(:author as jsonb)");
            params.put("author", "[\"" + author + "\"]");
        }
        if (afterPublishedAt != null) {
            sql.append(" and (a.first_published_at, a.id) < (:after, :afterId)");
            params.put("after", afterPublishedAt);
            params.put("afterId", afterId);
        }
        sql.append(" order by a.first_published_at desc, a.id desc");
        return live(ids(sql.toString(), params, limit));
    }

    /** Full-text search over what readers can see (live revisions), best match first. */
    public List<Live> searchLive(String q, int limit) {
        String sql = "select a.id from article a join article_revision r on r.article_id = a.id and r.number = a.live_revision"
                + " where a.live_revision is not null and r.search_vector @@ websearch_to_tsquery('english', :q)"
                + " order by ts_rank(r.search_vector, websearch_to_tsquery('english', :q)) desc, a.first_published_at desc";
        return live(ids(sql, Map.of("q", q), limit));
    }

    public List<Live> liveByIds(List<UUID> ids) {
        Map<UUID, Live> byId = new LinkedHashMap<>();
        live(ids).forEach(l -> byId.put(l.article().id, l));
        return ids.stream().distinct().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    /** By the slug readers see (the live revision's), else the working slug or an old slug (→ redirect). */
    public Optional<Live> liveBySlug(String slug) {
        List<UUID> ids = uuids(em.createNativeQuery("select a.id from article a join article_revision r on r.article_id = a.id"
                + " and r.number = a.live_revision where r.slug = :slug").setParameter("slug", slug));
        if (ids.isEmpty()) {
            Article holder = Article.find("content.slug", slug).firstResult();
            ArticleSlugAlias alias = ArticleSlugAlias.findById(slug);
            UUID id = holder != null ? holder.id : alias != null ? alias.articleId : null;
            ids = id == null ? List.of() : List.of(id);
        }
        return live(ids).stream().findFirst();
    }

    /**
     * The ids a native query selects. Native queries are created without a result class on purpose: Hibernate 7.2's
     * plan cache keys for {@code createNativeQuery(sql, UUID.class)} never compare equal, so every execution added
     * an entry (up to 2,048, all colliding) and each lookup walked them — measured as most of the CPU of a published
     * read. Untyped, the key is the SQL and the plan is reused.
     */
    public static List<UUID> uuids(Query query) {
        List<?> rows = query.getResultList();
        List<UUID> ids = new ArrayList<>(rows.size());
        rows.forEach(row -> ids.add(row instanceof UUID id ? id : UUID.fromString(row.toString())));
        return ids;
    }

    private List<UUID> ids(String sql, Map<String, Object> params, int limit) {
        Query query = em.createNativeQuery(sql).setMaxResults(limit);
        params.forEach(query::setParameter);
        return uuids(query);
    }

    private List<Article> load(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, Article> byId = new HashMap<>();
        Article.<Article>list("id in ?1", ids).forEach(a -> byId.put(a.id, a));
        List<Article> ordered = new ArrayList<>();
        ids.forEach(id -> ordered.add(byId.get(id)));
        return ordered;
    }

    /** Articles with their live revisions, in the order of {@code ids}: two queries, whatever the count. */
    private List<Live> live(List<UUID> ids) {
        List<Article> articles = load(ids);
        if (articles.isEmpty()) {
            return List.of();
        }
        Map<UUID, ArticleRevision> liveRevisions = new HashMap<>();
        em.createQuery("select r from ArticleRevision r, Article a where a.id in :ids and r.key.articleId = a.id"
                        + " and r.key.number = a.liveRevision", ArticleRevision.class)
                .setParameter("ids", ids).getResultList()
                .forEach(r -> liveRevisions.put(r.key.articleId, r));
        List<Live> result = new ArrayList<>();
        for (Article article : articles) {
            ArticleRevision revision = article == null ? null : liveRevisions.get(article.id);
            if (revision != null && article.liveRevision != null) {
                result.add(new Live(article, revision));
            }
        }
        return result;
    }

    private static String jsonArray(String value) {
        return "[\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"]";
    }
}
