package io.newsroom.cms.pictures;

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
 * Library pictures as a service that shows them uses them: taking a picture reports the usage to the media service
 * (so it cannot be deleted while it is shown) and answers its public view, which the caller copies; letting it go
 * withdraws the usage. Callers make these calls outside any transaction (a slow media service must never hold a row
 * lock). An unknown picture is a 400 problem at the caller's field, the media service down, slow or refusing this
 * service's token a 503 problem: the caller saves nothing.
 */
@ApplicationScoped
public class PictureUsages {
    private static final Logger LOG = Logger.getLogger(PictureUsages.class);

    @Inject
    @RestClient
    PictureUsageApi api;

    /**
     * Records that {@code usage} shows picture {@code mediaId}; its public view. {@code field} is the request field that
     * named the picture (for the 400 when there is no such picture), {@code what} what it is for, in readers' words.
     */
    public JsonNode use(PictureUsageApi.Usage usage, UUID mediaId, String field, String what) {
        try {
            return api.use(mediaId, usage);
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status == 404) {
                throw ProblemException.invalid(field, "names no picture in the media library (it may have been deleted)");
            }
            if (status == 401 || status == 403) {
                LOG.errorf("The media service refused this service's usage report of kind %s (%d): check this service's"
                        + " realm client and its role", usage.kind(), status);
            }
            throw unavailable(what, e);
        } catch (ProblemException e) {
            throw e;
        } catch (RuntimeException e) {
            throw unavailable(what, e);
        }
    }

    /**
     * Tells the media service that {@code kind}/{@code ref} no longer shows picture {@code mediaId}. Best effort: when
     * it cannot be told, the usage stays (the picture cannot be deleted until it is withdrawn) and a warning says which.
     */
    public void release(String kind, String ref, UUID mediaId) {
        try {
            api.release(mediaId, kind, ref);
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() != 404) { // a picture already gone has no usage to withdraw
                LOG.warnf("Could not withdraw %s %s's usage of picture %s: %s", kind, ref, mediaId, e.toString());
            }
        } catch (RuntimeException e) {
            LOG.warnf("Could not withdraw %s %s's usage of picture %s: %s", kind, ref, mediaId, e.toString());
        }
    }

    private static ProblemException unavailable(String what, Exception cause) {
        LOG.warnf("Media service unavailable for %s: %s", what, cause.toString());
        return new ProblemException(ProblemType.SERVICE_UNAVAILABLE, "The media library cannot be reached to check the "
                + what + " right now; nothing was saved, try again shortly");
    }
}
