package io.newsroom.cms.articles.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsroom.cms.pictures.PictureUsageApi.Usage;
import io.newsroom.cms.pictures.PictureUsages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.UUID;

/**
 * Hero pictures from the media library: an article that takes a picture reports it to the media service (so the
 * picture cannot be deleted while it is used) and gets what readers are to see of it, for its copy. Like byline
 * claims: outside any transaction, a short timeout and a circuit breaker ({@link PictureUsages}); an unknown picture is
 * a 400 at {@code heroImage.mediaId}, the media service down or slow a 503 problem (nothing saved).
 * <p>
 * The social image is a usage of its own ({@code <article id>:social}, labelled "{@code <headline> (social image)}"): an
 * article may show one picture as both, and letting go of it in one place must not withdraw the other's usage.
 */
@ApplicationScoped
public class MediaClient {
    public static final String FIELD = "heroImage.mediaId";
    public static final String SOCIAL_FIELD = "seo.socialImage.mediaId";
    private static final String KIND = "article";
    private static final String SOCIAL_REF = ":social";

    @Inject
    PictureUsages usages;

    /** Records that article {@code articleId} ("{@code label}") shows picture {@code mediaId}; its public view. */
    public JsonNode use(UUID articleId, UUID mediaId, String label) {
        NoTransaction.require("media: report a picture's usage");
        return usages.use(new Usage(KIND, articleId.toString(), label), mediaId, FIELD, "hero picture");
    }

    /** Tells the media service the article no longer shows the picture (best effort, see {@link PictureUsages#release}). */
    public void release(UUID articleId, UUID mediaId) {
        NoTransaction.require("media: withdraw a picture's usage");
        usages.release(KIND, articleId.toString(), mediaId);
    }

    /** Records that article {@code articleId} ("{@code headline}") shows picture {@code mediaId} on its social card. */
    public JsonNode useAsSocialImage(UUID articleId, UUID mediaId, String headline) {
        NoTransaction.require("media: report a picture's usage");
        return usages.use(new Usage(KIND, articleId + SOCIAL_REF, headline + " (social image)"), mediaId, SOCIAL_FIELD,
                "social image");
    }

    /** Tells the media service the article's social card no longer shows the picture (best effort). */
    public void releaseSocialImage(UUID articleId, UUID mediaId) {
        NoTransaction.require("media: withdraw a picture's usage");
        usages.release(KIND, articleId + SOCIAL_REF, mediaId);
    }
}
