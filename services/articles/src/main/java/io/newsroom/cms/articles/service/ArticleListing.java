package io.newsroom.cms.articles.service;

import io.newsroom.cms.articles.api.ArticleRecords.ArticlePage;
import io.newsroom.cms.articles.domain.ArticleStatus;
import io.newsroom.cms.articles.repository.ArticleQueries;
import io.newsroom.cms.common.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.UUID;

/** The editors' list of articles: filters, sort, pages. */
@ApplicationScoped
public class ArticleListing {
    @Inject
    ArticleQueries queries;

    @Inject
    io.newsroom.cms.articles.repository.SectionQueries sectionQueries;

    @Inject
    Assignments assignments;

    /**
     * One page of the articles matching every given filter; {@code owner}: only the articles of this user (mine);
     * {@code changesRequested}: only drafts handed back with request_changes; {@code section}: a section's slug (a former one too), the articles filed under it (primary or secondary) and, with
     * {@code includeChildren}, under its subsections; one that names no section is a 400 problem, never the whole list;
     * {@code assignee}: only the articles assigned to this user (the queue). An article under embargo is listed only to
     * those who may open it ({@link ArticleWorkflow#mayOpen}).
     */
    public ArticlePage list(ArticleStatus status, UUID author, String tag, String q, String owner, boolean changesRequested,
                            String sort, String section, boolean includeChildren, String assignee, int page, int size,
                            ArticleWorkflow.Actor actor) {
        java.util.Collection<UUID> sections = null;
        if (section != null) {
            UUID id = sectionQueries.idBySlugOrAlias(section.trim().toLowerCase(java.util.Locale.ROOT))
                    .orElseThrow(() -> ProblemException.invalid("section", "names no section"));
            sections = includeChildren ? sectionQueries.tree().subtree(id) : java.util.Set.of(id);
        }
        if (sort != null && !ArticleQueries.knownSort(sort)) {
            throw ProblemException.invalid("sort", "must be one of updated, -updated, created, -created, headline, -headline, published, -published, relevance");
        }
        ArticleQueries.Viewer viewer = Articles.viewer(actor);
        ArticleQueries.Page result = queries.editorial(new ArticleQueries.Filter(status, author, tag, q, owner,
                changesRequested, sort, sections, assignee, viewer), page, size);
        java.util.Map<UUID, String> assignees = assignments.assignees(result.items().stream().map(a -> a.id).toList());
        return new ArticlePage(result.items().stream().map(a -> ArticleMapper.summary(a, assignees.get(a.id))).toList(), result.total());
    }
}
