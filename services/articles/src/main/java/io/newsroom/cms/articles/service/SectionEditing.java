package io.newsroom.cms.articles.service;

import io.newsroom.cms.articles.api.SectionRecords.SectionRequest;
import io.newsroom.cms.articles.config.SectionsConfig;
import io.newsroom.cms.articles.domain.Section;
import io.newsroom.cms.articles.domain.SectionSlugAlias;
import io.newsroom.cms.articles.domain.SectionTree;
import io.newsroom.cms.articles.published.PublishedViews;
import io.newsroom.cms.articles.repository.NameLocks;
import io.newsroom.cms.articles.repository.SectionQueries;
import io.newsroom.cms.common.content.Slugs;
import io.newsroom.cms.common.problem.Problem;
import io.newsroom.cms.common.problem.ProblemException;
import io.newsroom.cms.common.problem.ProblemType;
import io.newsroom.cms.common.problem.Versions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Editing the section tree: create, rename, move, reorder, delete. Every write holds one tree-wide lock (two moves at
 * once could otherwise make a cycle neither saw), checks the whole request before writing anything, and is one
 * transaction. A rename or move rewrites the published documents that show the section (their {@code section.path})
 * in the same transaction: it locks those articles first, in id order, and then the section, the order a publish takes
 * them in too ({@link PublishedViews}), so the two never deadlock and no document keeps an old name.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class SectionEditing {
    @Inject
    NameLocks names;

    @Inject
    SectionQueries queries;

    @Inject
    PublishedViews publishedViews;

    @Inject
    SectionsConfig config;

    /** The section a new article starts in when it names none (configured; null when there is none such). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public UUID defaultSection() {
        return config.defaultSlug().filter(slug -> !slug.isBlank()).flatMap(slug -> {
            Section section = Section.find("slug", slug).firstResult();
            return java.util.Optional.ofNullable(section == null ? null : section.id);
        }).orElse(null);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public SectionTree tree() {
        return queries.tree();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Section get(UUID id) {
        Section section = Section.findById(id);
        if (section == null) {
            throw ProblemException.notFound("Section " + id);
        }
        return section;
    }

    public Section create(@NotNull @Valid SectionRequest request) {
        names.lock("sections", "tree");
        SectionTree tree = queries.tree();
        requireParent(tree, request.parentId());
        String slug = request.slug() != null ? request.slug() : Slugs.from(request.name());
        if (request.slug() == null) {
            slug = Slugs.firstFree(slug, taken -> queries.idBySlugOrAlias(taken).isPresent());
        }
        requireSlugFree(slug, null);
        Section section = new Section();
        section.id = UUID.randomUUID();
        section.slug = slug;
        section.name = request.name().trim();
        section.description = blankToNull(request.description());
        section.parentId = request.parentId();
        section.createdAt = Articles.now();
        section.updatedAt = section.createdAt;
        List<Section> siblings = siblings(section.parentId, null);
        section.position = place(request.position(), siblings.size());
        section.persist();
        renumber(siblings, section);
        section.flush();
        return section;
    }

    public Section update(UUID id, long expectedVersion, @NotNull @Valid SectionRequest request) {
        names.lock("sections", "tree");
        Section current = get(id);
        Versions.requireCurrent(expectedVersion, current.version);
        SectionTree tree = queries.tree();
        requireParent(tree, request.parentId());
        if (tree.wouldCycle(id, request.parentId())) {
            throw new ProblemException(ProblemType.VALIDATION, request.parentId().equals(id)
                    ? "A section cannot be its own parent" : "A section cannot move under one of its own subsections",
                    List.of(new Problem.FieldError("parentId", "is this section or one under it: pick a section outside it")), Map.of());
        }
        String slug = request.slug() != null ? request.slug() : current.slug;
        if (!slug.equals(current.slug)) {
            requireSlugFree(slug, id);
        }
        boolean moved = !Objects.equals(request.parentId(), current.parentId);
        boolean shownDifferently = moved || !slug.equals(current.slug) || !request.name().trim().equals(current.name);
        // the documents that show this section (or one under it) are rewritten: lock their articles before the section
        List<UUID> rewrite = shownDifferently ? queries.liveArticlesIn(tree.subtree(id)) : List.of();
        queries.lockArticles(rewrite);
        Section section = Section.findById(id, LockModeType.PESSIMISTIC_WRITE);
        Versions.requireCurrent(expectedVersion, section.version);
        if (!slug.equals(section.slug)) {
            SectionSlugAlias.deleteById(slug);
            SectionSlugAlias alias = new SectionSlugAlias();
            alias.slug = section.slug;
            alias.sectionId = id;
            alias.persist();
            section.slug = slug;
        }
        section.name = request.name().trim();
        section.description = blankToNull(request.description());
        List<Section> oldSiblings = moved ? siblings(section.parentId, id) : List.of();
        section.parentId = request.parentId();
        List<Section> siblings = siblings(section.parentId, id);
        int position = request.position() != null ? request.position() : moved ? siblings.size() : section.position;
        section.position = place(position, siblings.size());
        section.updatedAt = Articles.now();
        renumber(siblings, section);
        if (moved) {
            renumber(oldSiblings, null);
        }
        section.flush();
        publishedViews.rewrite(rewrite);
        return section;
    }

    public void delete(UUID id, long expectedVersion) {
        names.lock("sections", "tree");
        Section section = Section.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (section == null) {
            throw ProblemException.notFound("Section " + id);
        }
        Versions.requireCurrent(expectedVersion, section.version);
        if (Section.count("parentId", id) > 0) {
            throw ProblemException.conflict("The section '" + section.slug + "' still has subsections: move or delete them first");
        }
        if (queries.hasArticles(id)) {
            throw ProblemException.conflict("The section '" + section.slug + "' still has articles: move them to another section first");
        }
        List<Section> siblings = siblings(section.parentId, id);
        SectionSlugAlias.delete("sectionId", id);
        section.delete();
        renumber(siblings, null);
    }

    /**
     * The sections an article names exist: a 400 at the field that names one that does not. Share-locks them first, so a
     * delete of one of them waits for the article's save (and then sees the article) or has happened (and this says so).
     */
    public void requireExisting(UUID primary, List<UUID> secondary) {
        List<UUID> named = new ArrayList<>(secondary);
        if (primary != null) {
            named.add(primary);
        }
        queries.lockShared(named);
        SectionTree tree = queries.tree();
        List<Problem.FieldError> errors = new ArrayList<>();
        if (primary != null && !tree.contains(primary)) {
            errors.add(new Problem.FieldError("primarySectionId", "no such section"));
        }
        for (int i = 0; i < secondary.size(); i++) {
            UUID id = secondary.get(i);
            if (!tree.contains(id)) {
                errors.add(new Problem.FieldError("secondarySectionIds[" + i + "]", "no such section"));
            } else if (id.equals(primary)) {
                errors.add(new Problem.FieldError("secondarySectionIds[" + i + "]", "is already the primary section"));
            } else if (secondary.subList(0, i).contains(id)) {
                errors.add(new Problem.FieldError("secondarySectionIds[" + i + "]", "names the same section twice"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, "The article names sections that cannot be used", errors, Map.of());
        }
    }

    private static void requireParent(SectionTree tree, UUID parentId) {
        if (parentId != null && !tree.contains(parentId)) {
            throw ProblemException.invalid("parentId", "no such section");
        }
    }

    private void requireSlugFree(String slug, UUID self) {
        if (queries.idBySlugOrAlias(slug).filter(holder -> !holder.equals(self)).isPresent()) {
            throw new ProblemException(ProblemType.CONFLICT, "The slug '" + slug + "' belongs to another section",
                    List.of(new Problem.FieldError("slug", "already taken by another section")), Map.of());
        }
    }

    /** The sections under {@code parent} except {@code self}, in order, row-locked (their positions are rewritten). */
    private static List<Section> siblings(UUID parent, UUID self) {
        List<Section> found = parent == null
                ? Section.find("parentId is null order by position, slug").withLock(LockModeType.PESSIMISTIC_WRITE).list()
                : Section.find("parentId = ?1 order by position, slug", parent).withLock(LockModeType.PESSIMISTIC_WRITE).list();
        return new ArrayList<>(found.stream().filter(s -> !s.id.equals(self)).toList());
    }

    /** {@code section} (if any) at its position among {@code siblings}, and everyone numbered 0, 1, 2, ... again. */
    private static void renumber(List<Section> siblings, Section section) {
        List<Section> ordered = new ArrayList<>(siblings);
        if (section != null) {
            ordered.add(Math.min(section.position, ordered.size()), section);
        }
        for (int i = 0; i < ordered.size(); i++) {
            if (ordered.get(i).position != i) {
                ordered.get(i).position = i;
            }
        }
    }

    private static int place(Integer asked, int siblings) {
        return asked == null ? siblings : Math.min(asked, siblings);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
