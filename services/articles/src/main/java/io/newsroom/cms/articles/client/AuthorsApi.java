package io.newsroom.cms.articles.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.List;
import java.util.UUID;

/** The authors service, as this service uses it. The caller's Authorization header is propagated. */
@RegisterRestClient(configKey = "authors")
@RegisterClientHeaders
@Path("/authors")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface AuthorsApi {
    record Ids(List<UUID> ids) {
    }

    /** The claimed authors' public profiles. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Claimed(List<JsonNode> items) {
    }

    /** A 4xx answer is the caller's problem, not a sign of an unhealthy service: it does not trip the breaker. */
    @POST
    @Path("byline-claims")
    @Timeout(2_000)
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.75, delay = 5_000, skipOn = WebApplicationException.class)
    Claimed claimForByline(Ids ids);
}
