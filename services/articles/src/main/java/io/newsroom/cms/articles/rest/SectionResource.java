package io.newsroom.cms.articles.rest;

import io.newsroom.cms.articles.api.SectionRecords.SectionList;
import io.newsroom.cms.articles.api.SectionRecords.SectionRequest;
import io.newsroom.cms.articles.domain.Section;
import io.newsroom.cms.articles.service.SectionEditing;
import io.newsroom.cms.articles.service.SectionMapper;
import io.newsroom.cms.common.Roles;
import io.newsroom.cms.common.problem.Versions;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/**
 * Editor API for sections: the site's hierarchy. Everyone in the newsroom reads it (writers pick sections for their
 * articles); editors and admins change it.
 */
@Path("/sections")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "sections")
@RolesAllowed({Roles.WRITER, Roles.EDITOR, Roles.CURATOR, Roles.ADMIN})
public class SectionResource {
    @Inject
    SectionEditing sections;

    @GET
    @Operation(summary = "Every section, depth first and siblings in order (parentId, depth and path give the tree)")
    public SectionList list() {
        return SectionMapper.list(sections.tree());
    }

    @POST
    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    @Operation(summary = "Create a section (slug from the name when left out; last among its siblings unless a position is given)")
    public Response create(@NotNull @Valid SectionRequest request) {
        Section section = sections.create(request);
        return withEtag(Response.created(UriBuilder.fromResource(SectionResource.class).path(section.id.toString()).build()), section);
    }

    @GET
    @Path(ArticleResource.ID)
    public Response get(@PathParam("id") UUID id) {
        return withEtag(Response.ok(), sections.get(id));
    }

    @PUT
    @Path(ArticleResource.ID)
    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    @Operation(summary = "Rename, move (parentId) or reorder (position) a section (If-Match required); an old slug keeps"
            + " working for readers, and published articles in it show the new name and path")
    public Response update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, @NotNull @Valid SectionRequest request) {
        return withEtag(Response.ok(), sections.update(id, Versions.requireIfMatch(ifMatch), request));
    }

    @DELETE
    @Path(ArticleResource.ID)
    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    @Operation(summary = "Delete a section without subsections or articles (If-Match required)")
    public Response delete(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        sections.delete(id, Versions.requireIfMatch(ifMatch));
        return Response.noContent().build();
    }

    private Response withEtag(Response.ResponseBuilder builder, Section section) {
        return builder.tag(Versions.etag(section.version)).entity(SectionMapper.view(section, sections.tree())).build();
    }
}
