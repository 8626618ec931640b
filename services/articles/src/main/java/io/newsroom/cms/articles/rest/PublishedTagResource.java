package io.newsroom.cms.articles.rest;

import io.newsroom.cms.articles.api.TagRecords.PublicTag;
import io.newsroom.cms.articles.api.TagRecords.PublicTagIndex;
import io.newsroom.cms.articles.published.TagReads;
import io.newsroom.cms.common.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The tags as readers' sites get them (through the gateway's public API): anonymous, the index and one tag. */
@Path("/tags/published")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "published")
@PermitAll
public class PublishedTagResource {
    @Inject
    TagReads tags;

    @GET
    @Operation(summary = "The tags published articles carry, the most used first, each with its slug, name, description and"
            + " how many published articles carry it; cursor pagination (limit 1-" + TagReads.INDEX_PAGE_MAX + ", 100 if none)")
    public Uni<PublicTagIndex> index(@QueryParam("limit") @DefaultValue("" + TagReads.INDEX_PAGE) @Min(1) @Max(TagReads.INDEX_PAGE_MAX) int limit,
                                     @QueryParam("cursor") @Size(max = 200) String cursor) {
        return tags.index(limit, cursor);
    }

    @GET
    @Path("{slug}")
    @Operation(summary = "A tag published articles carry; a former slug (renamed tag, or one merged into another) answers 301"
            + " to the current one")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PublicTag.class)))
    @APIResponse(responseCode = "301", description = "The tag's slug changed: Location names the current one")
    public Uni<Response> bySlug(@PathParam("slug") @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*") String slug) {
        return tags.resolve(slug).map(found -> {
            PublicTag tag = found.orElseThrow(() -> ProblemException.notFound("Tag '" + slug + "'"));
            if (!tag.slug().equals(slug)) {
                return Response.status(Response.Status.MOVED_PERMANENTLY)
                        .location(UriBuilder.fromResource(PublishedTagResource.class).path(tag.slug()).build()).build();
            }
            return Response.ok(tag).build();
        });
    }
}
