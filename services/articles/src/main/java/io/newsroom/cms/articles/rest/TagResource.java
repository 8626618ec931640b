package io.newsroom.cms.articles.rest;

import io.newsroom.cms.articles.api.TagRecords.MergeRequest;
import io.newsroom.cms.articles.api.TagRecords.TagList;
import io.newsroom.cms.articles.api.TagRecords.TagPatch;
import io.newsroom.cms.articles.api.TagRecords.TagRequest;
import io.newsroom.cms.articles.domain.Tag;
import io.newsroom.cms.articles.service.ArticleWorkflow;
import io.newsroom.cms.articles.service.TagEditing;
import io.newsroom.cms.common.Roles;
import io.newsroom.cms.common.problem.Versions;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Editor API for the tag registry. Everyone in the newsroom reads it (the article editor completes tags from it);
 * editors and admins rename, describe, merge and delete tags. A tag is addressed by its slug; a former one (renamed,
 * or a tag merged into it) answers with the tag it leads to.
 */
@Path("/tags")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@org.eclipse.microprofile.openapi.annotations.tags.Tag(name = "tags")
@RolesAllowed({Roles.WRITER, Roles.EDITOR, Roles.CURATOR, Roles.ADMIN})
public class TagResource {
    static final String SLUG = "{slug: [a-z0-9]+(-[a-z0-9]+)*}";

    @Inject
    TagEditing tags;

    @Inject
    SecurityIdentity identity;

    @GET
    @Operation(summary = "Tags by name, those whose name or slug starts with q when given (autocomplete), with how many"
            + " articles carry each; a page of them and the total. A tag that only articles under an embargo hidden from the"
            + " caller carry is left out, and usage counts only the articles the caller may open")
    public TagList list(@QueryParam("q") @Size(max = 60) String q,
                        @QueryParam("offset") @DefaultValue("0") @Min(0) @Max(100_000) int offset,
                        @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit) {
        return tags.list(q, offset, limit, Callers.actor(identity));
    }

    @POST
    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    @Operation(summary = "Register a tag before any article carries it (slug from the name when left out)")
    public Response create(@NotNull @Valid TagRequest request) {
        Tag tag = tags.create(request);
        return withEtag(Response.created(UriBuilder.fromResource(TagResource.class).path(tag.slug).build()), tag);
    }

    @GET
    @Path(SLUG)
    @Operation(summary = "A tag by its slug; a former slug answers with the tag it leads to")
    public Response get(@PathParam("slug") String slug) {
        return withEtag(Response.ok(), tags.get(slug, Callers.actor(identity)));
    }

    @PUT
    @Path(SLUG)
    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    @Operation(summary = "Rename (name, slug) or describe a tag (If-Match required); a new name is carried by every article"
            + " at once, published ones included, and an old slug keeps leading to the tag")
    public Response update(@PathParam("slug") String slug, @HeaderParam("If-Match") String ifMatch, @NotNull @Valid TagRequest request) {
        return withEtag(Response.ok(), tags.update(slug, Versions.requireIfMatch(ifMatch), request, Callers.actor(identity)));
    }

    @PATCH
    @Path(SLUG)
    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    @Operation(summary = "Change some of a tag (If-Match required): what is left out stays; as PUT otherwise")
    public Response patch(@PathParam("slug") String slug, @HeaderParam("If-Match") String ifMatch, @NotNull @Valid TagPatch patch) {
        long version = Versions.requireIfMatch(ifMatch);
        ArticleWorkflow.Actor actor = Callers.actor(identity);
        Tag current = tags.get(slug, actor);
        return withEtag(Response.ok(), tags.update(slug, version, patch.over(current.slug, current.name, current.description), actor));
    }

    @POST
    @Path(SLUG + "/merge")
    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    @Operation(summary = "Merge the tag into another (If-Match: this tag's version): every article carrying it carries the"
            + " other instead, published ones included, and its slugs lead to the other; answers the other tag")
    public Response merge(@PathParam("slug") String slug, @HeaderParam("If-Match") String ifMatch, @NotNull @Valid MergeRequest request) {
        return withEtag(Response.ok(), tags.merge(slug, Versions.requireIfMatch(ifMatch), request, Callers.actor(identity)));
    }

    @DELETE
    @Path(SLUG)
    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    @Operation(summary = "Delete a tag no article carries (If-Match required); one in use is merged instead")
    public Response delete(@PathParam("slug") String slug, @HeaderParam("If-Match") String ifMatch) {
        tags.delete(slug, Versions.requireIfMatch(ifMatch), Callers.actor(identity));
        return Response.noContent().build();
    }

    private Response withEtag(Response.ResponseBuilder builder, Tag tag) {
        return builder.tag(Versions.etag(tag.version)).entity(tags.view(tag, Callers.actor(identity))).build();
    }
}
