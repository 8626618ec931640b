package io.newsroom.cms.articles.rest;

import io.newsroom.cms.articles.api.ArticleRecords.IdsRequest;
import io.newsroom.cms.articles.api.PublishedRecords.CurationSummary;
import io.newsroom.cms.articles.api.PublishedRecords.Items;
import io.newsroom.cms.articles.api.PublishedRecords.PublicArticle;
import io.newsroom.cms.articles.api.PublishedRecords.PublicSummary;
import io.newsroom.cms.articles.api.PublishedRecords.PublishedPage;
import io.newsroom.cms.articles.published.PublishedReads;
import io.newsroom.cms.articles.published.PublishedReads.Item;
import io.newsroom.cms.common.http.ContentTags;
import io.newsroom.cms.common.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.*;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Published views: live revisions only, anonymous, for the gateway's public API and the curation service. A draft,
 * an unpublished or an archived article is simply not here. The article page, list items and search results are the
 * public API's JSON as the read model stored it, passed through (pages composed with typed records around the stored
 * JSON). Non-blocking: each answer is one or two statements of the reactive client, run on the event loop that
 * received the request.
 */
@Path("/articles/published")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "published")
@PermitAll
public class PublishedResource {
    @Inject
    PublishedReads views;

    @GET
    @Operation(summary = "Newest-first published summaries as readers get them, cursor pagination, tag/author filters")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SummaryPage.class)))
    public Uni<PublishedPage> newest(@QueryParam("limit") @DefaultValue("10") @Min(1) @Max(50) int limit,
                                     @QueryParam("cursor") @Size(max = 200) String cursor,
                                     @QueryParam("tag") @Size(max = 60) String tag, @QueryParam("author") UUID author) {
        Instant after = null;
        UUID afterId = null;
        if (cursor != null && !cursor.isBlank()) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
                after = Instant.parse(parts[0]);
                afterId = UUID.fromString(parts[1]);
            } catch (RuntimeException e) {
                throw ProblemException.invalid("cursor", "is not a cursor this API issued");
            }
        }
        return views.newest(limit + 1, tag, author, after, afterId).map(found -> {
            List<Item> page = found;
            String next = null;
            if (page.size() > limit) {
                page = page.subList(0, limit);
                Item last = page.get(limit - 1);
                next = Base64.getUrlEncoder().withoutPadding().encodeToString(
                        (last.publishedAt() + "|" + last.id()).getBytes(StandardCharsets.UTF_8));
            }
            return new PublishedPage(page.stream().map(Item::json).toList(), next);
        });
    }

    @GET
    @Path("{slug}")
    @Operation(summary = "A published article by slug as readers get it, with its authors' public profiles as `authors`"
            + " (in byline order; fewer than the byline, and `authorsDegraded` true, when one is not known yet); an old"
            + " slug answers 301 to the current one")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PublicArticle.class)))
    public Uni<Response> bySlug(@PathParam("slug") String slug) {
        return views.bySlug(slug).map(found -> {
            PublishedReads.BySlug article = found.orElseThrow(() -> ProblemException.notFound("Published article '" + slug + "'"));
            if (article.movedTo() != null) {
                return Response.status(Response.Status.MOVED_PERMANENTLY).header(ContentTags.VERSION_HEADER, article.version())
                        .location(UriBuilder.fromResource(PublishedResource.class).path(article.movedTo()).build()).build();
            }
            Response.ResponseBuilder ok = Response.ok(article.json().json(), MediaType.APPLICATION_JSON_TYPE).header("ETag", article.etag())
                    .header("Surrogate-Key", article.surrogateKeys()).header(ContentTags.VERSION_HEADER, article.version());
            if (article.authorsDegraded()) {
                // said in the document too; the header lets the gateway tell without parsing it
                ok.header("Warning", "110 - \"An author on the byline is not known yet\"");
            }
            return ok.build();
        });
    }

    @POST
    @Path("batch")
    @Operation(summary = "The curation service's summaries of the published ones among up to 100 ids, in the order asked")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CurationList.class)))
    public Uni<Items> batch(@NotNull @Valid IdsRequest request) {
        return views.byIds(request.ids()).map(PublishedResource::items);
    }

    @GET
    @Path("search")
    @Operation(summary = "Full-text search over published articles, best match first, as readers get them")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SummaryList.class)))
    public Uni<Items> search(@QueryParam("q") @NotBlank @Size(max = 200) String q,
                             @QueryParam("limit") @DefaultValue("10") @Min(1) @Max(50) int limit) {
        return views.search(q, limit).map(PublishedResource::items);
    }

    private static Items items(List<Item> found) {
        return new Items(found.stream().map(Item::json).toList());
    }

    /** The shapes of the stored JSON the pages hold, for the OpenAPI document. */
    private record SummaryPage(List<PublicSummary> items, String nextCursor) {
    }

    private record SummaryList(List<PublicSummary> items) {
    }

    private record CurationList(List<CurationSummary> items) {
    }
}
