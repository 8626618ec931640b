package io.newsroom.cms.articles.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsroom.cms.articles.domain.Article;
import io.newsroom.cms.articles.domain.ArticleSlugAlias;
import io.newsroom.cms.articles.domain.ArticleStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import org.hibernate.Session;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The list and search queries, in SQL: JSONB containment and PostgreSQL full-text search are not HQL. */
@ApplicationScoped
public class ArticleQueries {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EntityManager em;

    /**
     * {@code changesRequested}: only drafts handed back with request_changes (false: no filter); {@code sections}: only
     * articles filed under one of these (primary or secondary; null: no filter); {@code assignee}: only the articles
     * assigned to this user (null: no filter).
     */
    public record Filter(ArticleStatus status, UUID author, String tag, String q, String owner, boolean changesRequested,
                         String sort, java.util.Collection<UUID> sections, String assignee, Viewer viewer) {
    }

    /**
     * Who lists: an article an embargo holds at {@code now} is left out unless this person owns it, or the embargo names
     * them or one of their {@code roles}; {@code everything}: no embargo hides anything from them (admins).
     */
    public record Viewer(String username, java.util.Collection<String> roles, boolean everything, java.time.Instant now) {
    }

    public record Page(List<Article> items, long total) {
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

    /**
     * The condition ({@code " and (...)"} on an article aliased {@code a}, its parameters put in {@code params}) that
     * keeps only the articles {@code viewer} may open, as in {@code ArticleWorkflow.mayOpen}: an embargo that holds hides
     * an article from everyone it does not name (its owner aside). Empty for a viewer no embargo hides anything from.
     */
    public static String openTo(Viewer viewer, Map<String, Object> params) {
        if (viewer == null || viewer.everything()) {
            return "";
        }
        StringBuilder open = new StringBuilder(" and (a.embargo_until is null or a.embargo_until <= :now or a.owner = :viewer"
                + " or a.embargo_users @> cast(:viewerJson as jsonb)");
        params.put("now", viewer.now());
        params.put("viewer", viewer.username());
        params.put("viewerJson", jsonArray(viewer.username()));
        int n = 0;
        for (String role : viewer.roles()) {
            open.append(" or a.embargo_roles @> cast(:role").append(n).append(" as jsonb)");
            params.put("role" + n++, jsonArray(role));
        }
        return open.append(')').toString();
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
            params.put("author", jsonArray(filter.author().toString()));
        }
        if (filter.tag() != null) {
            where.append(" and a.tags @> cast(:tag as jsonb)");
            params.put("tag", jsonArray(filter.tag().toLowerCase()));
        }
        if (filter.sections() != null) {
            // one containment test per section, so the secondary sections' GIN index serves each (a subtree is small)
            where.append(" and (a.primary_section_id in (:sections)");
            params.put("sections", List.copyOf(filter.sections()));
            int n = 0;
            for (UUID section : filter.sections()) {
                where.append(" or a.secondary_section_ids @> cast(:section").append(n).append(" as jsonb)");
                params.put("section" + n++, jsonArray(section.toString()));
            }
            where.append(')');
        }
        if (filter.q() != null) {
            where.append(" and a.search_vector @@ websearch_to_tsquery('english', :q)");
            params.put("q", filter.q());
        }
        if (filter.changesRequested()) {
            where.append(" and a.changes_requested and a.status = 'DRAFT'");
        }
        if (filter.owner() != null) {
            where.append(" and a.owner = :owner");
            params.put("owner", filter.owner());
        }
        if (filter.assignee() != null) {
            where.append(" and exists (select 1 from article_assignment s where s.article_id = a.id and s.assignee = :assignee)");
            params.put("assignee", filter.assignee());
        }
        where.append(openTo(filter.viewer(), params));
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

    /**
     * Those of {@code ids} that are articles (of any status), in the order given: related articles chosen by hand that
     * were not deleted since. An "in" list is fine here: at most 10 ids.
     */
    public List<UUID> existing(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        java.util.Set<UUID> found = new java.util.HashSet<>(uuids(em.createNativeQuery("select id from article where id in (:ids)")
                .setParameter("ids", ids)));
        return ids.stream().filter(found::contains).toList();
    }

    /** The article that has this slug as its working slug or had it before (the public views redirect from it). */
    public Optional<UUID> articleIdBySlugOrAlias(String slug) {
        Article holder = Article.find("content.slug", slug).firstResult();
        if (holder != null) {
            return Optional.of(holder.id);
        }
        ArticleSlugAlias alias = ArticleSlugAlias.findById(slug);
        return alias == null ? Optional.empty() : Optional.of(alias.articleId);
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
        rows.forEach(row -> ids.add(uuid(row)));
        return ids;
    }

    private List<Article> load(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        // Hibernate's multi-load keeps the order asked, with one reusable statement (an "in" list is re-planned per call)
        return em.unwrap(Session.class).findMultiple(Article.class, ids);
    }

    /** {@code ["value"]}, for JSONB containment ({@code @>}) filters on tags and bylines. */
    public static String jsonArray(String value) {
        try {
            return JSON.writeValueAsString(List.of(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A uuid column's value as the JDBC driver returned it. */
    public static UUID uuid(Object value) {
        return value instanceof UUID id ? id : UUID.fromString(value.toString());
    }
}
