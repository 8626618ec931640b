package io.newsroom.cms.articles.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.List;
import java.util.UUID;

/** The authors service, as this service uses it: byline claims, made with this service's own token. */
@RegisterRestClient(configKey = "authors")
@OidcClientFilter
@Path("/authors/byline-claims")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface AuthorsApi {
    record Claim(UUID articleId, List<UUID> ids) {
    }

    /** The claimed authors' public profiles, and the ids whose claim was new. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Claimed(List<JsonNode> items, List<UUID> claimed) {
    }

    /** A 4xx answer is the caller's problem, not a sign of an unhealthy service: it does not trip the breaker. */
    @POST
    @Timeout(2_000)
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.75, delay = 5_000, skipOn = WebApplicationException.class)
    Claimed claim(Claim claim);

    @DELETE
    @Path("{articleId}")
    @Timeout(2_000)
    void release(@PathParam("articleId") UUID articleId, @QueryParam("author") List<UUID> authorIds);
}
