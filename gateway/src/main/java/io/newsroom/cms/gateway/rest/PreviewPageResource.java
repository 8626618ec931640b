package io.newsroom.cms.gateway.rest;

import io.newsroom.cms.common.problem.Problem;
import io.newsroom.cms.common.problem.ProblemType;
import io.newsroom.cms.gateway.service.PreviewPages;
import io.newsroom.cms.gateway.service.PreviewPages.Page;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Map;

/**
 * A preview link's page, {@code /preview/{token}} (anonymous): the shared revision as a reader would see it, marked as
 * a preview, for people without an account. Outside {@code /public/v1} on purpose: it is not part of the public API,
 * never passes its cache, and the editor app's routes leave it alone ({@link SpaRoutes}). Every answer is
 * {@code Cache-Control: private, no-store}, {@code X-Robots-Tag: noindex, nofollow} (and the page's meta robots) and
 * {@code Referrer-Policy: no-referrer}, so the address with its token is neither kept nor indexed nor passed on to the
 * sites its pictures and links come from. A browser (Accept: text/html) gets pages, the 404 one for every token that
 * opens nothing; any other client a problem+json for a failure, as everywhere in the API.
 */
@Path("/preview")
@PermitAll
@Tag(name = "preview", description = "Preview links' pages (HTML)")
public class PreviewPageResource {
    static final String HTML = "text/html; charset=utf-8";

    @Inject
    PreviewPages pages;

    @GET
    @Path("{token: .+}")
    @Operation(summary = "The page a preview link opens: one revision of an unpublished article, read-only, marked as a"
            + " preview, never cached or indexed; one and the same 404 for an unknown, altered, expired or revoked link")
    @APIResponse(responseCode = "200", description = "The preview page", content = @Content(mediaType = "text/html"))
    @APIResponse(responseCode = "404", description = "No preview at this address (an HTML page for browsers)",
            content = {@Content(mediaType = "text/html"), @Content(mediaType = Problem.MEDIA_TYPE)})
    public Uni<Response> page(@PathParam("token") String token, @HeaderParam("Accept") String accept) {
        boolean browser = accept != null && accept.contains("text/html");
        return pages.page(token).map(page -> page.status() == 200 || browser ? html(page) : problem(page));
    }

    private static Response html(Page page) {
        return secured(Response.status(page.status()).type(HTML).entity(page.html()), page);
    }

    private static Response problem(Page page) {
        ProblemType type = page.status() == 404 ? ProblemType.NOT_FOUND : ProblemType.SERVICE_UNAVAILABLE;
        String detail = page.status() == 404 ? "No preview at this address" : "The preview cannot be shown right now; try again shortly";
        Response.ResponseBuilder builder = Response.status(type.status()).type(Problem.MEDIA_TYPE)
                .entity(new Problem(type.uri(), type.title(), type.status(), detail, null, List.of(), Map.of()));
        return secured(builder, page);
    }

    private static Response secured(Response.ResponseBuilder builder, Page page) {
        if (page.status() == 503) {
            builder.header("Retry-After", "5");
        }
        return builder.header("Cache-Control", "private, no-store")
                .header("X-Robots-Tag", "noindex, nofollow")
                .header("Referrer-Policy", "no-referrer")
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Content-Security-Policy", page.contentSecurityPolicy())
                .build();
    }
}
