package io.newsroom.cms.articles.rest;

import io.newsroom.cms.articles.api.SectionRecords.PublicSection;
import io.newsroom.cms.articles.api.SectionRecords.PublicSectionTree;
import io.newsroom.cms.articles.published.SectionReads;
import io.newsroom.cms.common.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The sections as readers' sites get them (through the gateway's public API): anonymous, the tree and one section. */
@Path("/sections/published")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "published")
@PermitAll
public class PublishedSectionResource {
    @Inject
    SectionReads sections;

    @GET
    @Operation(summary = "The section tree readers' sites build navigation from: top-level sections, each with its"
            + " subsections in order, and each section's URL path")
    public Uni<PublicSectionTree> tree() {
        return sections.tree();
    }

    @GET
    @Path("{slug}")
    @Operation(summary = "A section with its subsections; a former slug (renamed section) answers 301 to the current one")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PublicSection.class)))
    @APIResponse(responseCode = "301", description = "The section's slug changed: Location names the current one")
    public Uni<Response> bySlug(@PathParam("slug") @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*") String slug) {
        return sections.resolve(slug).flatMap(found -> {
            SectionReads.Found section = found.orElseThrow(() -> ProblemException.notFound("Section '" + slug + "'"));
            if (!section.slug().equals(slug)) {
                return Uni.createFrom().item(Response.status(Response.Status.MOVED_PERMANENTLY)
                        .location(UriBuilder.fromResource(PublishedSectionResource.class).path(section.slug()).build()).build());
            }
            return sections.bySlug(slug).map(view -> Response.ok(view.orElseThrow(
                    () -> ProblemException.notFound("Section '" + slug + "'"))).build());
        });
    }
}
