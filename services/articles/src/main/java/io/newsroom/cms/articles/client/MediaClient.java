package io.newsroom.cms.articles.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsroom.cms.common.problem.ProblemException;
import io.newsroom.cms.common.problem.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import java.util.UUID;

/**
 * Hero pictures from the media library: an article that takes a picture reports it to the media service (so the
 * picture cannot be deleted while it is used) and gets what readers are to see of it, for its copy. Like byline
 * claims: outside any transaction, a short timeout and a circuit breaker; an unknown picture is a 400 at
 * {@code heroImage.mediaId}, the media service down or slow a 503 problem (nothing saved).
 */
@ApplicationScoped
public class MediaClient {
    private static final Logger LOG = Logger.getLogger(MediaClient.class);
    public static final String FIELD = "heroImage.mediaId";

    @Inject
    @RestClient
    MediaApi api;

    /** Records that article {@code articleId} ("{@code label}") shows picture {@code mediaId}; its public view. */
    public JsonNode use(UUID articleId, UUID mediaId, String label) {
        NoTransaction.require("media: report a picture's usage");
        try {
            return api.use(mediaId, new MediaApi.Usage("article", articleId.toString(), label));
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status == 404) {
                throw ProblemException.invalid(FIELD, "names no picture in the media library (it may have been deleted)");
            }
            if (status == 401 || status == 403) {
                LOG.errorf("The media service refused this service's usage report (%d): check the cms-articles client", status);
            }
            throw unavailable(e);
        } catch (ProblemException e) {
            throw e;
        } catch (RuntimeException e) {
            throw unavailable(e);
        }
    }

    /**
     * Tells the media service the article no longer shows the picture. Best effort: when it cannot be told, the usage
     * stays (the picture cannot be deleted until it is withdrawn) and a warning says which.
     */
    public void release(UUID articleId, UUID mediaId) {
        NoTransaction.require("media: withdraw a picture's usage");
        try {
            api.release(mediaId, articleId.toString());
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() != 404) { // a picture already gone has no usage to withdraw
                LOG.warnf("Could not withdraw article %s's usage of picture %s: %s", articleId, mediaId, e.toString());
            }
        } catch (RuntimeException e) {
            LOG.warnf("Could not withdraw article %s's usage of picture %s: %s", articleId, mediaId, e.toString());
        }
    }

    private static ProblemException unavailable(Exception cause) {
        LOG.warnf("Media service unavailable for a hero picture: %s", cause.toString());
        return new ProblemException(ProblemType.SERVICE_UNAVAILABLE,
                "The media library cannot be reached to check the hero picture right now; nothing was saved, try again shortly");
    }
}
