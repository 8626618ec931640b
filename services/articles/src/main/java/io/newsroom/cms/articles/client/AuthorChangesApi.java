package io.newsroom.cms.articles.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The authors service's feed of changed public names and profiles (anonymous; asked by the background sync, which
 * has no caller whose token could be passed on). Timeouts are those of the {@code authors} client.
 */
@RegisterRestClient(configKey = "authors")
@Path("/authors/public/changes")
@Produces(MediaType.APPLICATION_JSON)
public interface AuthorChangesApi {
    /** An author's public name and profile (the JSON readers get in "About the Author") as of {@code updatedAt}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ProfileChange(UUID id, String slug, String displayName, Instant updatedAt, JsonNode profile) {
        /** A public profile as the byline check answers it (no change time). */
        public static ProfileChange of(JsonNode profile) {
            return new ProfileChange(UUID.fromString(profile.path("id").asText()), profile.path("slug").asText(),
                    profile.path("displayName").asText(), null, profile);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ProfileChanges(List<ProfileChange> items) {
    }

    /** Profiles changed after {@code (since, after)} in (updatedAt, id) order, at most {@code limit}. */
    @GET
    Uni<ProfileChanges> after(@QueryParam("since") Instant since, @QueryParam("after") UUID after, @QueryParam("limit") int limit);
}
