package io.newsroom.cms.articles.service;

import io.newsroom.cms.articles.api.PreviewRecords.CreatedPreviewLink;
import io.newsroom.cms.articles.api.PreviewRecords.PreviewDocument;
import io.newsroom.cms.articles.api.PreviewRecords.PreviewLinkRequest;
import io.newsroom.cms.articles.api.PreviewRecords.PreviewLinkView;
import io.newsroom.cms.articles.config.PreviewLinksConfig;
import io.newsroom.cms.articles.domain.Article;
import io.newsroom.cms.articles.domain.ArticleRevision;
import io.newsroom.cms.articles.domain.PreviewLink;
import io.newsroom.cms.articles.domain.PreviewTokens;
import io.newsroom.cms.articles.published.PreviewDocuments;
import io.newsroom.cms.articles.service.ArticleWorkflow.Actor;
import io.newsroom.cms.common.problem.ProblemException;
import io.newsroom.cms.common.problem.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Preview links of an article's revisions: made, listed and revoked by the people who may share the article (editors
 * and admins on any article; a writer on their own, see {@link #mayShare}), and opened by anyone holding a link's
 * token. A link opens exactly one revision, read-only, and nothing else: it never touches what readers of the public
 * API get.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class PreviewLinks {
    /** Clocks differ a little: an expiry this much past the longest lifetime is still taken (as the longest). */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    /** The shortest life a link may be given: less is a mistake, not a preview. */
    static final Duration SHORTEST = Duration.ofMinutes(5);
    private static final int LISTED = 200;

    @Inject
    PreviewLinksConfig config;

    @Inject
    PreviewDocuments documents;

    @Inject
    EntityManager em;

    /**
     * Who may share an article's drafts outside the newsroom: editors and admins, on any article; a writer, on their
     * own article (its owner), as they may already show it to anyone by copying it; the link is listed on the article
     * for editors to see and revoke. Curators and other writers may not.
     */
    public static boolean mayShare(Article article, Actor actor) {
        return actor.editor() || actor.writer() && actor.owns(article);
    }

    public CreatedPreviewLink create(UUID articleId, PreviewLinkRequest request, Actor actor) {
        // the article's row lock: the same as every save takes, so the session closed below cannot take a save meanwhile
        Article article = Articles.lock(articleId, actor);
        requireMayShare(article, actor);
        Instant now = Articles.now();
        int number = request.revision() != null ? request.revision() : article.workingRevision;
        ArticleRevision revision = ArticleRevision.findById(new ArticleRevision.Key(articleId, number));
        if (revision == null) {
            throw ProblemException.invalid("revision", "no such revision of this article (it has revisions 1 to "
                    + article.workingRevision + ")");
        }
        Instant expiresAt = expiry(request.expiresAt(), now);
        long active = PreviewLink.count("articleId = ?1 and revokedAt is null and expiresAt > ?2", articleId, now);
        if (active >= config.maxActivePerArticle()) {
            throw ProblemException.conflict("This article has " + active + " preview links that still open; revoke one before"
                    + " making another");
        }
        // the revision a link shows never changes: an open editing session of it ends here, so the next save starts a new
        // revision. Not a change of the article's content, so its version (ETag) stays: nobody's next save is refused.
        if (article.openRevision != null && article.openRevision == number) {
            em.createNativeQuery("update article set open_revision = null where id = :id and open_revision = :n")
                    .setParameter("id", articleId).setParameter("n", number).executeUpdate();
        }
        String token = PreviewTokens.generate();
        PreviewLink link = new PreviewLink();
        link.id = UUID.randomUUID();
        link.articleId = articleId;
        link.revision = number;
        link.tokenHash = PreviewTokens.hash(token);
        link.label = request.label() == null || request.label().isBlank() ? null : request.label().trim();
        link.createdBy = actor.username();
        link.createdAt = now;
        link.expiresAt = expiresAt;
        link.persist();
        return new CreatedPreviewLink(link.id, link.revision, link.label, link.createdBy, link.createdAt, link.expiresAt,
                state(link, now), url(token), token);
    }

    /** The article's links, newest first (the latest {@value #LISTED}). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PreviewLinkView> list(UUID articleId, Actor actor) {
        requireMayShare(Articles.get(articleId, actor), actor);
        Instant now = Articles.now();
        return PreviewLink.<PreviewLink>find("articleId = ?1 order by createdAt desc, id", articleId).page(0, LISTED).list().stream()
                .map(l -> view(l, now)).toList();
    }

    /** Ends a link at once; revoking a revoked or expired one changes nothing. */
    public void revoke(UUID articleId, UUID previewId, Actor actor) {
        requireMayShare(Articles.get(articleId, actor), actor);
        PreviewLink link = PreviewLink.findById(previewId);
        if (link == null || !link.articleId.equals(articleId)) {
            throw ProblemException.notFound("Preview link " + previewId + " of article " + articleId);
        }
        if (link.revokedAt == null) {
            link.revokedAt = Articles.now();
            link.revokedBy = actor.username();
        }
    }

    /**
     * The revision a token opens, or a 404 that is the same whatever went wrong: a token of the wrong shape, altered,
     * never made, expired, revoked, or of a deleted article.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PreviewDocument open(String token) {
        if (!PreviewTokens.wellFormed(token)) {
            throw notFound();
        }
        PreviewLink link = PreviewLink.<PreviewLink>find("tokenHash", PreviewTokens.hash(token)).firstResult();
        if (link == null || !link.opensAt(Articles.now())) {
            throw notFound();
        }
        ArticleRevision revision = ArticleRevision.findById(new ArticleRevision.Key(link.articleId, link.revision));
        if (revision == null) {
            throw notFound();
        }
        return documents.of(revision, link.expiresAt);
    }

    /** The one answer for every token that opens nothing. */
    public static ProblemException notFound() {
        return new ProblemException(ProblemType.NOT_FOUND, "No preview at this address");
    }

    private Instant expiry(Instant asked, Instant now) {
        if (asked == null) {
            return now.plus(config.defaultLifetime());
        }
        if (asked.isBefore(now.plus(SHORTEST))) {
            throw ProblemException.invalid("expiresAt", "must be a time in the future, at least " + SHORTEST.toMinutes()
                    + " minutes from now");
        }
        Instant latest = now.plus(config.maxLifetime());
        if (asked.isAfter(latest.plus(CLOCK_SKEW))) {
            throw ProblemException.invalid("expiresAt", "must be at most " + config.maxLifetime().toDays()
                    + " days from now: a preview link lasts " + config.maxLifetime().toDays() + " days at the longest");
        }
        return asked.isAfter(latest) ? latest : asked;
    }

    private String url(String token) {
        return config.pageBase().map(base -> base.replaceAll("/+$", "")).orElse("") + "/preview/" + token;
    }

    private static void requireMayShare(Article article, Actor actor) {
        if (!mayShare(article, actor)) {
            throw new ProblemException(ProblemType.FORBIDDEN, actor.writer()
                    ? "Writers share previews of their own articles only" : "Only editors, admins and the article's writer share previews");
        }
    }

    static PreviewLinkView view(PreviewLink link, Instant now) {
        return new PreviewLinkView(link.id, link.revision, link.label, link.createdBy, link.createdAt, link.expiresAt,
                link.revokedAt, link.revokedBy, state(link, now));
    }

    private static String state(PreviewLink link, Instant now) {
        return link.state(now).name().toLowerCase(Locale.ROOT);
    }
}
