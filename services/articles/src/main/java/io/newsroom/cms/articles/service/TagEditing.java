package io.newsroom.cms.articles.service;

import io.newsroom.cms.articles.api.TagRecords.MergeRequest;
import io.newsroom.cms.articles.api.TagRecords.TagList;
import io.newsroom.cms.articles.api.TagRecords.TagRequest;
import io.newsroom.cms.articles.api.TagRecords.TagView;
import io.newsroom.cms.articles.domain.Tag;
import io.newsroom.cms.articles.domain.TagSlugAlias;
import io.newsroom.cms.articles.published.PublishedViews;
import io.newsroom.cms.articles.repository.ArticleQueries;
import io.newsroom.cms.articles.repository.NameLocks;
import io.newsroom.cms.articles.repository.TagQueries;
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

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Editing the tag registry: create, rename (name or slug), describe, merge, delete. Each write checks the whole request
 * before writing anything and is one transaction. Articles carry tags by name, so a new name or a merge rewrites every
 * article that carries the tag (working copy and revisions) and the published documents and read-model rows of the live
 * ones, in the same transaction: it locks those articles first, in id order, then the tag rows, then the registry's
 * advisory lock, the order an article's save takes them in too ({@link TagRegistry}), so the two never deadlock and no
 * article keeps a name the registry no longer has.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class TagEditing {
    @Inject
    TagQueries queries;

    @Inject
    NameLocks names;

    @Inject
    PublishedViews publishedViews;

    /** The tag with this slug, or the one it now leads to (a former slug, a merged tag's). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Tag get(String slug) {
        return find(slug).orElseThrow(() -> ProblemException.notFound("Tag '" + slug + "'"));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Tag> find(String slug) {
        return queries.idBySlugOrAlias(slug).map(id -> Tag.findById(id));
    }

    /**
     * Tags whose name or slug starts with {@code prefix} (lowercased; all when null), by name, a page of them: none
     * that only articles an embargo hides from {@code actor} carry, and usage counts of the articles they may open.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public TagList list(String prefix, int offset, int limit, ArticleWorkflow.Actor actor) {
        ArticleQueries.Viewer viewer = Articles.viewer(actor);
        String q = prefix == null || prefix.isBlank() ? null : normalized(prefix);
        List<Tag> page = queries.search(q, offset, limit, viewer);
        Map<String, Long> usage = queries.usage(page.stream().map(t -> t.name).toList(), viewer);
        return new TagList(page.stream().map(t -> TagMapper.view(t, usage.getOrDefault(t.name, 0L), queries.aliases(t.id))).toList(),
                queries.count(q, viewer));
    }

    /** The tag with this slug (or the one it leads to) as {@code actor} may know it: a 404 problem if they may not. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Tag get(String slug, ArticleWorkflow.Actor actor) {
        Tag tag = get(slug);
        if (queries.hiddenFrom(tag, Articles.viewer(actor))) {
            throw ProblemException.notFound("Tag '" + slug + "'");
        }
        return tag;
    }

    /** The tag as {@code actor} sees it (its usage: the articles they may open). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public TagView view(Tag tag, ArticleWorkflow.Actor actor) {
        return TagMapper.view(tag, queries.usage(List.of(tag.name), Articles.viewer(actor)).getOrDefault(tag.name, 0L), queries.aliases(tag.id));
    }

    public Tag create(@NotNull @Valid TagRequest request) {
        names.lock("tags", TagRegistry.LOCK);
        String name = normalized(request.name());
        requireNameFree(name, null);
        String slug = request.slug() != null ? request.slug()
                : Slugs.firstFree(Slugs.from(name), queries::taken);
        requireSlugFree(slug, null);
        Tag tag = new Tag();
        tag.id = UUID.randomUUID();
        tag.slug = slug;
        tag.name = name;
        tag.description = blankToNull(request.description());
        tag.createdAt = Articles.now();
        tag.updatedAt = tag.createdAt;
        tag.persist();
        tag.flush();
        return tag;
    }

    /**
     * Renames or describes the tag. A tag {@code actor} may not know (only embargoed stories they may not open carry
     * it) is a 404 for them, as for reading it: guessing its slug changes nothing.
     */
    public Tag update(String slug, long expectedVersion, @NotNull @Valid TagRequest request, ArticleWorkflow.Actor actor) {
        Tag current = get(slug, actor);
        Versions.requireCurrent(expectedVersion, current.version);
        String name = normalized(request.name());
        String newSlug = request.slug() != null ? request.slug() : current.slug;
        requireNameFree(name, current.id);
        requireSlugFree(newSlug, current.id);
        boolean renamed = !name.equals(current.name);
        // the articles that carry the old name get the new one: lock them before the tag
        List<UUID> rewrite = renamed ? queries.articlesCarrying(current.name) : List.of();
        queries.lockArticles(rewrite);
        Tag tag = Tag.findById(current.id, LockModeType.PESSIMISTIC_WRITE);
        Versions.requireCurrent(expectedVersion, tag.version);
        names.lock("tags", TagRegistry.LOCK);
        requireNameFree(name, tag.id);
        requireSlugFree(newSlug, tag.id);
        if (!newSlug.equals(tag.slug)) {
            TagSlugAlias.deleteById(newSlug);
            TagSlugAlias alias = new TagSlugAlias();
            alias.slug = tag.slug;
            alias.tagId = tag.id;
            alias.persist();
            tag.slug = newSlug;
        }
        String oldName = tag.name;
        tag.name = name;
        tag.description = blankToNull(request.description());
        tag.updatedAt = Articles.now();
        tag.flush();
        if (renamed) {
            queries.replace(oldName, name);
            publishedViews.rewrite(queries.live(rewrite));
        }
        return tag;
    }

    /**
     * Merges the tag into another: every article that carries it carries the other instead (once), and its slugs lead
     * to the other from now on. The other keeps its name and description (it takes this one's when it has none). Either
     * tag hidden from {@code actor} by an embargo is as if it did not exist.
     */
    public Tag merge(String slug, long expectedVersion, @NotNull @Valid MergeRequest request, ArticleWorkflow.Actor actor) {
        Tag source = get(slug, actor);
        Versions.requireCurrent(expectedVersion, source.version);
        Tag target = find(request.into()).filter(t -> !queries.hiddenFrom(t, Articles.viewer(actor)))
                .orElseThrow(() -> ProblemException.invalid("into", "no such tag"));
        if (target.id.equals(source.id)) {
            throw ProblemException.invalid("into", "is this tag: pick another to merge it into");
        }
        List<UUID> rewrite = queries.articlesCarrying(source.name);
        queries.lockArticles(rewrite);
        Stream.of(source.id, target.id).sorted(Comparator.naturalOrder()).forEach(id -> Tag.findById(id, LockModeType.PESSIMISTIC_WRITE));
        source = Tag.findById(source.id);
        target = Tag.findById(target.id);
        if (source == null || target == null) {
            throw ProblemException.conflict("The tag was merged or deleted meanwhile: reload and try again");
        }
        Versions.requireCurrent(expectedVersion, source.version);
        names.lock("tags", TagRegistry.LOCK);
        TagSlugAlias.update("tagId = ?1 where tagId = ?2", target.id, source.id);
        String sourceSlug = source.slug;
        String sourceName = source.name;
        if (target.description == null) {
            target.description = source.description;
        }
        target.updatedAt = Articles.now();
        source.delete();
        source.flush();
        TagSlugAlias alias = new TagSlugAlias();
        alias.slug = sourceSlug;
        alias.tagId = target.id;
        alias.persist();
        target.flush();
        queries.replace(sourceName, target.name);
        publishedViews.rewrite(queries.live(rewrite));
        return target;
    }

    /** Deletes a tag no article carries (working copy or live version); its former slugs go with it. */
    public void delete(String slug, long expectedVersion, ArticleWorkflow.Actor actor) {
        Tag found = get(slug, actor);
        Tag tag = Tag.findById(found.id, LockModeType.PESSIMISTIC_WRITE);
        Versions.requireCurrent(expectedVersion, tag.version);
        if (queries.inUse(tag.name)) {
            throw ProblemException.conflict("The tag '" + tag.name + "' is still on articles: merge it into another instead");
        }
        TagSlugAlias.delete("tagId", tag.id);
        tag.delete();
    }

    /** A tag's name as articles carry it (ArticleEditing saves tags the same way). */
    static String normalized(String name) {
        return name.trim().toLowerCase();
    }

    private void requireNameFree(String name, UUID self) {
        Tag holder = Tag.find("name", name).firstResult();
        if (holder != null && !holder.id.equals(self)) {
            throw new ProblemException(ProblemType.CONFLICT, "There is already a tag '" + name + "'",
                    List.of(new Problem.FieldError("name", "already the name of another tag: merge into it instead")), Map.of());
        }
    }

    private void requireSlugFree(String slug, UUID self) {
        if (TagQueries.RESERVED.equals(slug)) {
            throw ProblemException.invalid("slug", "is reserved: pick another");
        }
        if (queries.idBySlugOrAlias(slug).filter(holder -> !holder.equals(self)).isPresent()) {
            throw new ProblemException(ProblemType.CONFLICT, "The slug '" + slug + "' belongs to another tag",
                    List.of(new Problem.FieldError("slug", "already taken by another tag")), Map.of());
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
