package io.newsroom.cms.articles.rest;

import io.newsroom.cms.articles.api.PreviewRecords.OpenPreviewRequest;
import io.newsroom.cms.articles.api.PreviewRecords.PreviewDocument;
import io.newsroom.cms.articles.service.PreviewLinks;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Opening a preview link (anonymous): the gateway's preview page asks here with the token from its address. The token
 * travels in the body, so no URL between the gateway and this service (metrics, proxies) ever carries it. Every token
 * that opens nothing is the same 404 problem; an answer is never to be stored or indexed.
 */
@Path("/previews")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "previews")
@PermitAll
public class PreviewResource {
    static final String NOINDEX = "noindex, nofollow";
    static final String NO_STORE = "private, no-store";

    @Inject
    PreviewLinks previews;

    @POST
    @Path("open")
    @Operation(summary = "The revision a preview link's token opens, read-only: headline, dek, sanitized body HTML, hero"
            + " image, byline, section, tags, revision, when it was saved and until when the link opens. An unknown,"
            + " altered, expired or revoked token: the same 404 problem")
    public Response open(@NotNull @Valid OpenPreviewRequest request) {
        PreviewDocument document = previews.open(request.token());
        return Response.ok(document).header("Cache-Control", NO_STORE).header("X-Robots-Tag", NOINDEX)
                .header("Referrer-Policy", "no-referrer").build();
    }
}
