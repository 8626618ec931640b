package io.newsroom.cms.articles.service;

import io.newsroom.cms.articles.domain.Article;
import io.newsroom.cms.articles.domain.ArticleCorrection;
import io.newsroom.cms.articles.domain.ArticleRevision;
import io.newsroom.cms.articles.domain.Content;
import io.newsroom.cms.articles.domain.Embargo;
import io.newsroom.cms.articles.domain.ReviewComment;
import io.newsroom.cms.articles.domain.WorkflowEvent;
import io.newsroom.cms.articles.api.ArticleRecords.*;
import io.newsroom.cms.articles.domain.Action;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Entity → API records of the editor API, explicitly: entities never leave the service. */
public final class ArticleMapper {
    private ArticleMapper() {
    }

    /**
     * {@code related}: the article's related articles that still exist (one deleted since it was picked drops out, so
     * the editor sends back only ones a save accepts).
     */
    public static ArticleView view(Article a, Set<Action> allowedActions, List<ArticleCorrection> corrections, List<UUID> related,
                                   AssignmentView assignment) {
        Content c = a.content;
        return new ArticleView(a.id, c.slug, c.headline, c.dek, c.body, hero(c), c.tags, c.byline, a.status, a.isLive(),
                a.liveRevision, a.workingRevision, a.owner, a.createdAt, a.updatedAt, a.submittedAt, a.firstPublishedAt,
                a.lastPublishedAt, a.scheduledPublishAt, a.scheduledUnpublishAt, allowedActions, a.changesRequested(), a.version,
                c.primarySectionId, c.secondarySectionIds, seo(c), correction(c),
                corrections.stream().map(n -> new CorrectionView(n.kind, n.note, n.at, n.key.revision)).toList(), related,
                assignment, embargo(a));
    }

    public static ArticleSummary summary(Article a, String assignee) {
        return new ArticleSummary(a.id, a.content.slug, a.content.headline, a.status, a.isLive(), a.content.tags,
                a.content.byline, a.owner, a.updatedAt, a.firstPublishedAt, a.scheduledPublishAt, a.changesRequested(),
                a.content.primarySectionId, assignee, a.embargoed(Instant.now()) ? a.embargo.until : null);
    }

    /** The embargo that holds the article now, or null (one whose time has passed holds nothing). */
    private static EmbargoView embargo(Article a) {
        if (!a.embargoed(Instant.now())) {
            return null;
        }
        Embargo e = a.embargo;
        return new EmbargoView(e.until, new EmbargoAccess(List.copyOf(e.users), List.copyOf(e.roles)), e.setBy, e.setAt);
    }

    public static RevisionSummary revisionSummary(ArticleRevision r, Article a, List<WorkflowEvent> events) {
        List<RevisionStep> steps = events.stream().filter(e -> e.revision != null && e.revision == r.key.number)
                .map(e -> new RevisionStep(e.action, e.actor, e.at)).toList();
        return new RevisionSummary(r.key.number, r.author, r.createdAt, r.note,
                a.liveRevision != null && a.liveRevision == r.key.number, a.workingRevision == r.key.number, r.content.headline,
                r.updatedAt, r.saves, steps);
    }

    public static RevisionView revision(ArticleRevision r) {
        Content c = r.content;
        return new RevisionView(r.key.number, r.author, r.createdAt, r.note, c.slug, c.headline, c.dek, c.body, hero(c),
                c.tags, c.byline, r.updatedAt, r.saves, c.primarySectionId, c.secondarySectionIds, seo(c), correction(c), c.relatedIds);
    }

    public static WorkflowEventView event(WorkflowEvent e) {
        return new WorkflowEventView(e.action, e.fromStatus, e.toStatus, e.actor, e.at, e.comment, e.revision);
    }

    public static CommentView comment(ReviewComment c) {
        return new CommentView(c.id, c.author, c.body, c.createdAt);
    }

    private static Seo seo(Content c) {
        return new Seo(c.seoTitle, c.seoDescription, c.seoCanonicalUrl, c.seoNoindex,
                c.seoImageUrl == null && c.seoImageMediaId == null ? null
                        : new SocialImage(c.seoImageUrl, c.seoImageAlt, c.seoImageMediaId));
    }

    private static CorrectionNote correction(Content c) {
        return c.correctionNote == null ? null : new CorrectionNote(c.correctionKind, c.correctionNote);
    }

    private static HeroImage hero(Content c) {
        return c.heroUrl == null && c.heroMediaId == null ? null
                : new HeroImage(c.heroUrl, c.heroAlt, c.heroCaption, c.heroCredit, c.heroMediaId);
    }
}
