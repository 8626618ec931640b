package io.newsroom.cms.articles.rest;

import io.newsroom.cms.articles.api.ArticleRecords.ListOf;
import io.newsroom.cms.articles.api.PreviewRecords.CreatedPreviewLink;
import io.newsroom.cms.articles.api.PreviewRecords.PreviewLinkRequest;
import io.newsroom.cms.articles.api.PreviewRecords.PreviewLinkView;
import io.newsroom.cms.articles.service.ArticleWorkflow.Actor;
import io.newsroom.cms.articles.service.PreviewLinks;
import io.newsroom.cms.common.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/**
 * An article's preview links (editor API): make one for a revision, list them, revoke one. Editors and admins on any
 * article, a writer on their own ({@link PreviewLinks#mayShare}); the raw token is in the creation's answer only.
 */
@Path("/articles/" + ArticleResource.ID + "/previews")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "articles")
@RolesAllowed({Roles.WRITER, Roles.EDITOR, Roles.ADMIN})
public class PreviewLinkResource {
    @Inject
    PreviewLinks previews;

    @Inject
    SecurityIdentity identity;

    private Actor actor() {
        return new Actor(identity.getPrincipal().getName(), identity.hasRole(Roles.WRITER),
                identity.hasRole(Roles.EDITOR) || identity.hasRole(Roles.ADMIN));
    }

    @POST
    @Operation(summary = "Share a revision (default: the working one) through a secret link that opens it read-only, without"
            + " an account, until expiresAt (default 7 days, at most 30) or until revoked; the answer's url and token are"
            + " shown this once only",
            description = "A link pins its revision: an editing session of that revision ends, so later saves make a new"
                    + " revision and the link keeps showing exactly what was shared. Editors and admins share any article,"
                    + " a writer their own. 400 at `revision` (no such revision) or `expiresAt` (not ahead, or too far);"
                    + " 409 when the article has too many links that still open.")
    public Response create(@PathParam("id") UUID id, @Valid PreviewLinkRequest request) {
        CreatedPreviewLink created = previews.create(id, request == null ? new PreviewLinkRequest(null, null, null) : request, actor());
        // the token is a secret: nobody between here and the editor keeps this answer
        return Response.status(Response.Status.CREATED).entity(created).header("Cache-Control", "no-store").build();
    }

    @GET
    @Operation(summary = "The article's preview links, newest first: revision, whom for, who made it, expiry, and whether"
            + " it still opens (state active, expired or revoked); never their tokens")
    public ListOf<PreviewLinkView> list(@PathParam("id") UUID id) {
        return new ListOf<>(previews.list(id, actor()));
    }

    @DELETE
    @Path("{previewId: [0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}}")
    @Operation(summary = "Revoke a preview link: from now on it opens the same 'not found' page as an address that never"
            + " existed; it stays in the list as revoked")
    public Response revoke(@PathParam("id") UUID id, @PathParam("previewId") UUID previewId) {
        previews.revoke(id, previewId, actor());
        return Response.noContent().build();
    }
}
