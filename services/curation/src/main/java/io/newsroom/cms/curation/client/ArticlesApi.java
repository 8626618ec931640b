package io.newsroom.cms.curation.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import io.newsroom.cms.pictures.PublicImage;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The articles service's published views (anonymous), as this service uses them. */
@RegisterRestClient(configKey = "articles")
@Path("/articles/published")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface ArticlesApi {
    record Ids(List<UUID> ids) {
    }

    /**
     * The article's hero image as readers get it: a library picture with its size, srcset and renditions, or a pasted URL
     * with its words. Passed on to list items as it is ({@link #toPublic}); fields added later are ignored, not refused.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record HeroImage(String url, String alt, String caption, String credit, UUID mediaId, Integer width, Integer height,
                     Map<String, String> srcset, JsonNode renditions) {
        public PublicImage toPublic() {
            return new PublicImage(url, alt, caption, credit, mediaId, width, height, srcset,
                    renditions == null || renditions.isNull() ? null : renditions);
        }
    }

    record PublishedSummary(UUID id, String slug, String headline, String dek, HeroImage heroImage, List<String> tags,
                            List<UUID> byline, Instant publishedAt, Instant updatedAt) {
    }

    record Summaries(List<PublishedSummary> items) {
    }

    /** One call for all the ids of a list: never one call per item. */
    @POST
    @Path("batch")
    @Timeout(2_000)
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.75, delay = 5_000, skipOn = WebApplicationException.class)
    Summaries published(Ids ids);
}
