package io.newsroom.cms.pictures;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.UUID;

/**
 * The media service's usage endpoints, called with the calling service's own token (its realm client's service
 * account: {@code articles-service}, {@code authors-service} or {@code curation-service}, each allowed its own kind of
 * usage only). Configured as rest client {@code media}.
 */
@RegisterRestClient(configKey = "media")
@OidcClientFilter
@Path("/media/{mediaId}/usages")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface PictureUsageApi {
    /** A place that shows a picture: {@code kind} is {@code article}, {@code author} or {@code list-item}. */
    record Usage(String kind, String ref, String label) {
    }

    /** Records the usage; answers what readers are to see of the picture (its public view). A 4xx does not trip the breaker. */
    @PUT
    @Timeout(2_000)
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.75, delay = 5_000, skipOn = WebApplicationException.class)
    JsonNode use(@PathParam("mediaId") UUID mediaId, Usage usage);

    @DELETE
    @Path("{kind}/{ref}")
    @Timeout(2_000)
    void release(@PathParam("mediaId") UUID mediaId, @PathParam("kind") String kind, @PathParam("ref") String ref);
}
