package io.newsroom.cms.articles.repository;

import io.newsroom.cms.articles.domain.Section;
import io.newsroom.cms.articles.domain.SectionSlugAlias;
import io.newsroom.cms.articles.domain.SectionTree;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The section queries: the whole tree (small: a site has tens of sections, not thousands), slugs, and who uses a section. */
@ApplicationScoped
public class SectionQueries {
    @Inject
    EntityManager em;

    /**
     * The tree as committed now: read with SQL into unmanaged copies, never from the session's cache, so a read after
     * waiting for a lock ({@link #lockShared}) sees what the other transaction wrote.
     */
    @SuppressWarnings("unchecked")
    public SectionTree tree() {
        List<Section> sections = new ArrayList<>();
        for (Object[] row : (List<Object[]>) em.createNativeQuery("select id, slug, name, description, parent_id, position,"
                + " version from section").getResultList()) {
            Section s = new Section();
            s.id = ArticleQueries.uuid(row[0]);
            s.slug = (String) row[1];
            s.name = (String) row[2];
            s.description = (String) row[3];
            s.parentId = row[4] == null ? null : ArticleQueries.uuid(row[4]);
            s.position = ((Number) row[5]).intValue();
            s.version = ((Number) row[6]).longValue();
            sections.add(s);
        }
        return new SectionTree(sections);
    }

    /** The section that has this slug now or had it before. */
    public Optional<UUID> idBySlugOrAlias(String slug) {
        Section holder = Section.find("slug", slug).firstResult();
        if (holder != null) {
            return Optional.of(holder.id);
        }
        SectionSlugAlias alias = SectionSlugAlias.findById(slug);
        return alias == null ? Optional.empty() : Optional.of(alias.sectionId);
    }

    /** Whether some article's working copy or live version is filed under the section (primary or secondary). */
    public boolean hasArticles(UUID sectionId) {
        return !em.createNativeQuery("select 1 from article where primary_section_id = :id"
                        + " or secondary_section_ids @> cast(:ids as jsonb)"
                        + " union all select 1 from published_article_section where section_id = :id and direct")
                .setParameter("id", sectionId).setParameter("ids", ArticleQueries.jsonArray(sectionId.toString()))
                .setMaxResults(1).getResultList().isEmpty();
    }

    /**
     * The live articles whose public documents show one of {@code sections} (as their section or in its path), by their
     * working copy or their published row; in id order, the order every section change locks them in.
     */
    public List<UUID> liveArticlesIn(Collection<UUID> sections) {
        if (sections.isEmpty()) {
            return List.of();
        }
        List<String> ids = sections.stream().map(UUID::toString).toList();
        return ArticleQueries.uuids(em.createNativeQuery("select a.id from article a where a.live_revision is not null and ("
                        + " cast(a.primary_section_id as text) in (:ids)"
                        + " or exists (select 1 from jsonb_array_elements_text(a.secondary_section_ids) s(id) where s.id in (:ids))"
                        + " or exists (select 1 from published_article_section p where p.article_id = a.id and cast(p.section_id as text) in (:ids)))"
                        + " order by a.id")
                .setParameter("ids", ids));
    }

    /** Row locks on the articles, in the order given (id order: the same in every section change, so no deadlock). */
    public void lockArticles(List<UUID> articleIds) {
        for (int from = 0; from < articleIds.size(); from += 500) {
            List<UUID> chunk = articleIds.subList(from, Math.min(articleIds.size(), from + 500));
            em.createNativeQuery("select id from article where id in (:ids) order by id for update")
                    .setParameter("ids", new ArrayList<>(chunk)).getResultList();
        }
    }

    /**
     * Share locks on the sections an article is about to show (its sections and their ancestors): a rename or move of
     * one of them, which holds its row lock until it commits, is waited for, so the document is written with its result.
     */
    public void lockShared(Collection<UUID> sectionIds) {
        if (!sectionIds.isEmpty()) {
            em.createNativeQuery("select id from section where id in (:ids) order by id for share")
                    .setParameter("ids", new ArrayList<>(sectionIds)).getResultList();
        }
    }
}
