package io.newsroom.cms.articles.rest;

import io.newsroom.cms.articles.published.PublishedViews;
import io.newsroom.cms.articles.published.PublishedViews.Summary;
import io.newsroom.cms.articles.rest.ArticleRecords.*;
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
 * an unpublished or an archived article is simply not here. Non-blocking: each answer is one or two statements of
 * the reactive client, run on the event loop that received the request.
 */
@Path("/articles/published")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "published")
@PermitAll
public class PublishedResource {
    @Inject
    PublishedViews views;

    @GET
    @Operation(summary = "Newest-first published summaries, cursor pagination, tag/author filters")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PublishedPage.class)))
    public Uni<String> newest(@QueryParam("limit") @DefaultValue("10") @Min(1) @Max(50) int limit,
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
            List<Summary> page = found;
            String next = null;
            if (page.size() > limit) {
                page = page.subList(0, limit);
                Summary last = page.get(limit - 1);
                next = Base64.getUrlEncoder().withoutPadding().encodeToString(
                        (last.publishedAt() + "|" + last.id()).getBytes(StandardCharsets.UTF_8));
            }
            // the cursor alphabet (base64url) needs no JSON escaping
            return items(page, true).append(",\"nextCursor\":").append(next == null ? "null" : "\"" + next + "\"").append('}').toString();
        });
    }

    @GET
    @Path("{slug}")
    @Operation(summary = "A published article by slug, with its authors' public profiles as `authors` (in byline order;"
            + " fewer than the byline when one is not known yet); an old slug answers 301 to the current one")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PublishedArticle.class)))
    public Uni<Response> bySlug(@PathParam("slug") String slug) {
        return views.bySlug(slug).map(found -> {
            PublishedViews.BySlug article = found.orElseThrow(() -> ProblemException.notFound("Published article '" + slug + "'"));
            if (article.movedTo() != null) {
                return Response.status(Response.Status.MOVED_PERMANENTLY)
                        .location(UriBuilder.fromResource(PublishedResource.class).path(article.movedTo()).build()).build();
            }
            return Response.ok(article.json(), MediaType.APPLICATION_JSON_TYPE).build();
        });
    }

    @GET
    @Path("by-id/" + ArticleResource.ID)
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PublishedArticle.class)))
    public Uni<String> byId(@PathParam("id") UUID id) {
        return views.byId(id).map(json -> json.orElseThrow(() -> ProblemException.notFound("Published article " + id)));
    }

    @POST
    @Path("batch")
    @Operation(summary = "Summaries of the published ones among up to 100 ids, in the order asked")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SummaryList.class)))
    public Uni<String> batch(@NotNull @Valid IdsRequest request) {
        return views.byIds(request.ids()).map(found -> items(found, false).append('}').toString());
    }

    @GET
    @Path("search")
    @Operation(summary = "Full-text search over published articles, best match first")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ListedSummaries.class)))
    public Uni<String> search(@QueryParam("q") @NotBlank @Size(max = 200) String q,
                              @QueryParam("limit") @DefaultValue("10") @Min(1) @Max(50) int limit) {
        return views.search(q, limit).map(found -> items(found, true).append('}').toString());
    }

    /**
     * {@code {"items":[...]} } without the closing brace: the summaries are stored JSON, joined as they are; with
     * {@code authors}, each gets its byline's names ({@code "authors":[{"id","slug","displayName"}, ...]}) last.
     */
    private static StringBuilder items(List<Summary> summaries, boolean authors) {
        StringBuilder json = new StringBuilder(64 + summaries.size() * 700).append("{\"items\":[");
        for (int i = 0; i < summaries.size(); i++) {
            Summary summary = summaries.get(i);
            json.append(i == 0 ? "" : ",");
            if (authors) {
                String stored = summary.json();
                json.append(stored, 0, stored.lastIndexOf('}')).append(",\"authors\":[")
                        .append(summary.authors() == null ? "" : summary.authors()).append("]}");
            } else {
                json.append(summary.json());
            }
        }
        return json.append(']');
    }

    /** The shapes of the summary lists, for the OpenAPI document. */
    private record SummaryList(List<PublishedSummary> items) {
    }

    private record ListedSummaries(List<ListedSummary> items) {
    }
}
