package io.newsroom.cms.media.rest;

import io.newsroom.cms.media.service.RenditionMaker;
import io.newsroom.cms.media.service.RenditionMaker.Rendition;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Renditions for readers (anonymous; the gateway serves them as {@code /public/v1/media/...}). The name says
 * everything that made the bytes and the original's content hash comes first, so an answer never changes: cached for
 * a year, {@code immutable}, and its ETag is its name.
 */
@Path("/media/renditions")
@PermitAll
@Tag(name = "renditions")
public class RenditionResource {
    static final String CACHE_FOR_EVER = "public, max-age=31536000, immutable";

    @Inject
    RenditionMaker renditions;

    @GET
    @Path("{hash: [0-9a-f]{64}}/{name: [a-z0-9x.-]{1,40}}")
    @Operation(summary = "A rendition, e.g. 16x9-640-50-30.webp (shape, width, focal point in percent, format)")
    public Response rendition(@PathParam("hash") String hash, @PathParam("name") String name,
                              @HeaderParam("If-None-Match") String ifNoneMatch) {
        String etag = "\"" + hash.substring(0, 16) + "-" + name + "\"";
        if (etag.equals(ifNoneMatch)) {
            return Response.notModified().header("ETag", etag).header("Cache-Control", CACHE_FOR_EVER).build();
        }
        Rendition rendition = renditions.get(hash, name);
        return Response.ok(rendition.bytes(), rendition.mimeType()).header("ETag", etag)
                .header("Cache-Control", CACHE_FOR_EVER).header("X-Content-Type-Options", "nosniff").build();
    }
}
