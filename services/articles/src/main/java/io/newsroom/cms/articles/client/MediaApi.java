package io.newsroom.cms.articles.client;

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

/** The media service, as this service uses it: usage of library pictures, reported with this service's own token. */
@RegisterRestClient(configKey = "media")
@OidcClientFilter
@Path("/media/{mediaId}/usages")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface MediaApi {
    record Usage(String kind, String ref, String label) {
    }

    /** Records the usage; answers what readers are to see of the picture (its public view). A 4xx does not trip the breaker. */
    @PUT
    @Timeout(2_000)
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.75, delay = 5_000, skipOn = WebApplicationException.class)
    JsonNode use(@PathParam("mediaId") UUID mediaId, Usage usage);

    @DELETE
    @Path("article/{ref}")
    @Timeout(2_000)
    void release(@PathParam("mediaId") UUID mediaId, @PathParam("ref") String articleId);
}
