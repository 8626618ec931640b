package io.newsroom.cms.articles.service;

import io.newsroom.cms.articles.client.AuthorsClient;
import io.newsroom.cms.articles.client.AuthorsClient.Claim;
import io.newsroom.cms.articles.client.MediaClient;
import io.newsroom.cms.articles.domain.Article;
import io.newsroom.cms.articles.domain.Content;
import io.newsroom.cms.articles.api.ArticleRecords.ArticleRequest;
import io.newsroom.cms.articles.api.ArticleRecords.HeroImage;
import io.newsroom.cms.articles.published.HeroPictures;
import com.fasterxml.jackson.databind.JsonNode;
import io.newsroom.cms.articles.service.ArticleWorkflow.Actor;
import io.newsroom.cms.common.problem.Problem;
import io.newsroom.cms.common.problem.ProblemException;
import io.newsroom.cms.common.problem.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Saves that can put authors on a byline: create, replace, restore. Authors new on the byline are claimed from the
 * authors service first, outside any transaction (no remote call while the article's row is locked); then
 * {@link ArticleEditing} writes in one transaction, re-checking everything under the lock. When that write fails
 * (a stale If-Match, a taken slug, a database outage) the claims this save made are released, so they do not keep
 * authors undeletable for an article that never named them.
 * <p>
 * A hero picture from the media library is reported to the media service the same way when the article takes it
 * ({@link MediaClient#use}: the library keeps it from being deleted, and the answer is copied for the published
 * views), and withdrawn when the save fails or when the article no longer shows it (neither its working copy nor its
 * live version).
 */
@ApplicationScoped
public class ArticleSaves {
    @Inject
    ArticleEditing articles;

    @Inject
    AuthorsClient authors;

    @Inject
    MediaClient media;

    @Inject
    HeroPictures pictures;

    public Article create(ArticleRequest request, Actor actor) {
        ArticleEditing.requireMayCreate(actor);
        UUID id = UUID.randomUUID();
        ArticleRequest withPicture = takePicture(id, null, null, request);
        Claim claim = claimNew(id, List.of(), request.byline() == null ? List.of() : request.byline());
        return releasingOnFailure(id, claim, picture(withPicture), null,
                () -> articles.create(id, withPicture, actor, claim.profiles()));
    }

    public Article update(UUID id, long expectedVersion, ArticleRequest request, Actor actor) {
        Article current = articles.checkEdit(id, expectedVersion, actor);
        UUID before = current.content.heroMediaId;
        ArticleRequest withPicture = takePicture(id, before, current.content.heroUrl, request);
        Claim claim = claimNew(id, current.content.byline, request.byline() == null ? List.of() : request.byline());
        Article saved = releasingOnFailure(id, claim, picture(withPicture), before,
                () -> articles.update(id, expectedVersion, withPicture, actor, claim.profiles()));
        dropIfUnused(id, before, saved);
        return saved;
    }

    public Article restore(UUID id, int number, long expectedVersion, Actor actor) {
        Article current = articles.checkEdit(id, expectedVersion, actor);
        UUID before = current.content.heroMediaId;
        Content revision = articles.revision(id, number).content;
        UUID restored = revision.heroMediaId;
        if (restored != null && !restored.equals(before)) {
            pictures.remember(media.use(id, restored, current.content.headline));
        }
        Claim claim = claimNew(id, current.content.byline, revision.byline);
        Article saved = releasingOnFailure(id, claim, restored, before,
                () -> articles.restore(id, number, expectedVersion, actor, claim.profiles()));
        dropIfUnused(id, before, saved);
        return saved;
    }

    /** Deletes the article, then gives back its claims on authors and its pictures (best effort). */
    public void delete(UUID id, long expectedVersion) {
        List<UUID> shown = pictures.everShownBy(id);
        articles.delete(id, expectedVersion);
        authors.releaseAll(id);
        shown.forEach(mediaId -> media.release(id, mediaId));
    }

    /**
     * Before an article goes live: when its library picture has no alt text in the copy here (neither has the article),
     * asks the library for the picture again, in case it was described a moment ago and its event is still on its way.
     * The transition then decides; the library out of reach changes nothing.
     */
    public void refreshUndescribedPicture(UUID articleId) {
        pictures.undescribed(articleId).ifPresent(hero -> {
            try {
                pictures.remember(media.use(articleId, hero.mediaId(), hero.headline()));
            } catch (ProblemException e) {
                // the transition refuses with the alt text problem, which says what to do
            }
        });
    }

    private Article releasingOnFailure(UUID id, Claim claim, UUID picture, UUID before, Supplier<Article> write) {
        try {
            return write.get();
        } catch (RuntimeException e) {
            authors.release(id, claim.newlyClaimed());
            if (picture != null && !picture.equals(before) && !picture.equals(pictures.liveOn(id))) {
                media.release(id, picture);
            }
            throw e;
        }
    }

    private static UUID picture(ArticleRequest request) {
        return request.heroImage() == null ? null : request.heroImage().mediaId();
    }

    /**
     * The request with its library picture taken: reported to the media library and copied here when it is new to the
     * article (a 400 at {@code heroImage.mediaId} when the library has no such picture), and with the library's URL.
     */
    private ArticleRequest takePicture(UUID articleId, UUID before, String urlBefore, ArticleRequest request) {
        HeroImage hero = request.heroImage();
        if (hero == null || hero.mediaId() == null) {
            return request;
        }
        String url = urlBefore;
        if (!hero.mediaId().equals(before)) {
            JsonNode picture = media.use(articleId, hero.mediaId(), request.headline());
            pictures.remember(picture);
            url = picture.path("renditions").path("original").path("src").asText(null);
        }
        return request.withHero(new HeroImage(url, hero.alt(), hero.caption(), hero.credit(), hero.mediaId()));
    }

    /** Withdraws the usage of the picture the working copy showed before, unless the live version still shows it. */
    private void dropIfUnused(UUID articleId, UUID before, Article saved) {
        if (before != null && !before.equals(saved.content.heroMediaId) && !before.equals(pictures.liveOn(articleId))) {
            media.release(articleId, before);
        }
    }

    /** Claims the authors new on the byline; deactivated authors keep the bylines they are already on. */
    private Claim claimNew(UUID articleId, List<UUID> before, List<UUID> after) {
        Set<UUID> seen = new HashSet<>();
        List<Problem.FieldError> duplicates = new ArrayList<>();
        List<UUID> added = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < after.size(); i++) {
            UUID id = after.get(i);
            if (!seen.add(id)) {
                duplicates.add(new Problem.FieldError("byline[" + i + "]", "names the same author twice"));
            } else if (!before.contains(id)) {
                added.add(id);
                positions.add(i);
            }
        }
        if (!duplicates.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, "The byline names an author twice", duplicates, Map.of());
        }
        return authors.claim(articleId, added, positions);
    }
}
