package io.newsroom.cms.articles.service;

import io.newsroom.cms.articles.client.AuthorsClient;
import io.newsroom.cms.articles.client.AuthorsClient.Claim;
import io.newsroom.cms.articles.client.MediaClient;
import io.newsroom.cms.articles.domain.Article;
import io.newsroom.cms.articles.domain.Content;
import io.newsroom.cms.articles.api.ArticleRecords.ArticleRequest;
import io.newsroom.cms.articles.api.ArticleRecords.HeroImage;
import io.newsroom.cms.articles.api.ArticleRecords.SocialImage;
import io.newsroom.cms.articles.published.SocialCards;
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
 * live version). The social image's library picture is a usage of its own, taken and withdrawn the same way.
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
        ArticleRequest withPictures = takePictures(id, new Content(), request);
        Claim claim = claimNew(id, List.of(), request.byline() == null ? List.of() : request.byline());
        return releasingOnFailure(id, claim, shown(withPictures), Shown.NONE,
                () -> articles.create(id, withPictures, actor, claim.profiles()));
    }

    public Article update(UUID id, long expectedVersion, ArticleRequest request, Actor actor) {
        Article current = articles.checkEdit(id, expectedVersion, actor);
        Shown before = Shown.of(current.content);
        ArticleRequest withPictures = takePictures(id, current.content, request);
        Claim claim = claimNew(id, current.content.byline, request.byline() == null ? List.of() : request.byline());
        Article saved = releasingOnFailure(id, claim, shown(withPictures), before,
                () -> articles.update(id, expectedVersion, withPictures, actor, claim.profiles()));
        dropIfUnused(id, before, saved);
        return saved;
    }

    public Article restore(UUID id, int number, long expectedVersion, Actor actor) {
        Article current = articles.checkEdit(id, expectedVersion, actor);
        Shown before = Shown.of(current.content);
        Content revision = articles.revision(id, number).content;
        Shown restored = Shown.of(revision);
        if (restored.hero() != null && !restored.hero().equals(before.hero())) {
            pictures.remember(media.use(id, restored.hero(), current.content.headline));
        }
        if (restored.social() != null && !restored.social().equals(before.social())) {
            try {
                pictures.remember(media.useAsSocialImage(id, restored.social(), current.content.headline));
            } catch (RuntimeException e) {
                releaseHero(id, restored.hero(), before.hero());
                throw e;
            }
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
        List<UUID> shownOnCards = pictures.everShownAsSocialImageBy(id);
        articles.delete(id, expectedVersion);
        authors.releaseAll(id);
        shown.forEach(mediaId -> media.release(id, mediaId));
        shownOnCards.forEach(mediaId -> media.releaseSocialImage(id, mediaId));
    }

    /**
     * Before an article goes live: when a library picture of it (hero or social image) has no alt text in the copy here
     * (neither has the article),
     * asks the library for the picture again, in case it was described a moment ago and its event is still on its way.
     * The transition then decides; the library out of reach changes nothing.
     */
    public void refreshUndescribedPicture(UUID articleId) {
        pictures.undescribed(articleId).forEach(picture -> {
            try {
                pictures.remember(picture.social() ? media.useAsSocialImage(articleId, picture.mediaId(), picture.headline())
                        : media.use(articleId, picture.mediaId(), picture.headline()));
            } catch (ProblemException e) {
                // the transition refuses with the alt text problem, which says what to do
            }
        });
    }

    /** The library pictures a working copy shows: as its hero image and on its social card (null: none). */
    private record Shown(UUID hero, UUID social) {
        static final Shown NONE = new Shown(null, null);

        static Shown of(Content content) {
            return new Shown(content.heroMediaId, content.seoImageMediaId);
        }
    }

    private Article releasingOnFailure(UUID id, Claim claim, Shown pictured, Shown before, Supplier<Article> write) {
        try {
            return write.get();
        } catch (RuntimeException e) {
            authors.release(id, claim.newlyClaimed());
            releaseHero(id, pictured.hero(), before.hero());
            releaseSocialImage(id, pictured.social(), before.social());
            throw e;
        }
    }

    /** Withdraws the hero usage of {@code picture} unless the working copy had it {@code before} or the live version shows it. */
    private void releaseHero(UUID id, UUID picture, UUID before) {
        if (picture != null && !picture.equals(before) && !picture.equals(pictures.liveOn(id))) {
            media.release(id, picture);
        }
    }

    /** The same for the social image's usage. */
    private void releaseSocialImage(UUID id, UUID picture, UUID before) {
        if (picture != null && !picture.equals(before) && !picture.equals(pictures.socialLiveOn(id))) {
            media.releaseSocialImage(id, picture);
        }
    }

    private static Shown shown(ArticleRequest request) {
        return new Shown(request.heroImage() == null ? null : request.heroImage().mediaId(),
                request.socialImage() == null ? null : request.socialImage().mediaId());
    }

    /**
     * The request with its library pictures taken, the hero image's and the social image's: each reported to the
     * media library and copied here when it is new to the article (a 400 at {@code heroImage.mediaId} or
     * {@code seo.socialImage.mediaId} when the library has no such picture), and given the library's URL. When the
     * social image cannot be taken, the hero usage just reported is withdrawn again.
     */
    private ArticleRequest takePictures(UUID articleId, Content before, ArticleRequest request) {
        ArticleRequest withHero = takePicture(articleId, before.heroMediaId, before.heroUrl, request);
        try {
            return takeSocialImage(articleId, before, withHero);
        } catch (RuntimeException e) {
            releaseHero(articleId, shown(withHero).hero(), before.heroMediaId);
            throw e;
        }
    }

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

    /** The social image's library picture taken (its URL: the social-card crop, {@link SocialCards}). */
    private ArticleRequest takeSocialImage(UUID articleId, Content before, ArticleRequest request) {
        SocialImage image = request.socialImage();
        if (image == null || image.mediaId() == null) {
            return request;
        }
        String url = before.seoImageUrl;
        if (!image.mediaId().equals(before.seoImageMediaId)) {
            JsonNode picture = media.useAsSocialImage(articleId, image.mediaId(), request.headline());
            pictures.remember(picture);
            url = SocialCards.crop(picture).map(SocialCards.Crop::url).orElse(null);
        }
        return request.withSocialImage(new SocialImage(url, image.alt(), image.mediaId()));
    }

    /** Withdraws the usages of the pictures the working copy showed before, unless it or the live version still shows them. */
    private void dropIfUnused(UUID articleId, Shown before, Article saved) {
        Shown now = Shown.of(saved.content);
        if (before.hero() != null && !before.hero().equals(now.hero())) {
            releaseHero(articleId, before.hero(), null);
        }
        if (before.social() != null && !before.social().equals(now.social())) {
            releaseSocialImage(articleId, before.social(), null);
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
