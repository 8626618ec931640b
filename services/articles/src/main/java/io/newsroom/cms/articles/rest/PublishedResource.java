package io.newsroom.cms.articles.rest;

import io.newsroom.cms.articles.repository.ArticleQueries;
import io.newsroom.cms.articles.repository.ArticleQueries.Live;
import io.newsroom.cms.articles.rest.ArticleRecords.*;
import io.newsroom.cms.common.problem.ProblemException;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Published views: live revisions only, anonymous, for the gateway's public API and the curation service. A draft,
 * an unpublished or an archived article is simply not here.
 */
@Path("/articles/published")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "published")
@PermitAll
@Transactional(Transactional.TxType.SUPPORTS)
public class PublishedResource {
    @Inject
    ArticleQueries queries;

    @GET
    @Operation(summary = "Newest-first published summaries, cursor pagination, tag/author filters")
    public PublishedPage newest(@QueryParam("limit") @DefaultValue("10") @Min(1) @Max(50) int limit,
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
        List<Live> page = queries.newest(limit + 1, tag, author, after, afterId);
        String next = null;
        if (page.size() > limit) {
            page = page.subList(0, limit);
            Live last = page.get(limit - 1);
            next = Base64.getUrlEncoder().withoutPadding().encodeToString(
                    (last.article().firstPublishedAt + "|" + last.article().id).getBytes(StandardCharsets.UTF_8));
        }
        return new PublishedPage(page.stream().map(l -> ArticleMapper.publishedSummary(l.article(), l.revision())).toList(), next);
    }

    @GET
    @Path("{slug}")
    @Operation(summary = "A published article by slug; an old slug answers 301 to the current one")
    public Response bySlug(@PathParam("slug") String slug) {
        Live live = queries.liveBySlug(slug).orElseThrow(() -> ProblemException.notFound("Published article '" + slug + "'"));
        if (!live.revision().content.slug.equals(slug)) {
            return Response.status(Response.Status.MOVED_PERMANENTLY)
                    .location(UriBuilder.fromResource(PublishedResource.class).path(live.revision().content.slug).build()).build();
        }
        return Response.ok(ArticleMapper.published(live.article(), live.revision())).build();
    }

    @GET
    @Path("by-id/" + ArticleResource.ID)
    public PublishedArticle byId(@PathParam("id") UUID id) {
        return queries.liveByIds(List.of(id)).stream().findFirst()
                .map(l -> ArticleMapper.published(l.article(), l.revision()))
                .orElseThrow(() -> ProblemException.notFound("Published article " + id));
    }

    @POST
    @Path("batch")
    @Operation(summary = "Summaries of the published ones among up to 100 ids, in the order asked")
    public ListOf<PublishedSummary> batch(@NotNull @Valid IdsRequest request) {
        return new ListOf<>(queries.liveByIds(request.ids()).stream()
                .map(l -> ArticleMapper.publishedSummary(l.article(), l.revision())).toList());
    }

    @GET
    @Path("search")
    @Operation(summary = "Full-text search over published articles, best match first")
    public ListOf<PublishedSummary> search(@QueryParam("q") @NotBlank @Size(max = 200) String q,
                                           @QueryParam("limit") @DefaultValue("10") @Min(1) @Max(50) int limit) {
        return new ListOf<>(queries.searchLive(q, limit).stream()
                .map(l -> ArticleMapper.publishedSummary(l.article(), l.revision())).toList());
    }
}
