package io.newsroom.cms.articles.rest;

import io.newsroom.cms.articles.api.ArticleRecords.IdsRequest;
import io.newsroom.cms.articles.api.PublishedRecords.CurationSummary;
import io.newsroom.cms.articles.api.PublishedRecords.Items;
import io.newsroom.cms.articles.api.PublishedRecords.NewsEntries;
import io.newsroom.cms.articles.api.PublishedRecords.SearchPage;
import io.newsroom.cms.articles.api.PublishedRecords.SitemapEntries;
import io.newsroom.cms.articles.api.PublishedRecords.SitemapPages;
import io.newsroom.cms.articles.api.PublishedRecords.PublicArticle;
import io.newsroom.cms.articles.api.PublishedRecords.PublicSummary;
import io.newsroom.cms.articles.api.PublishedRecords.PublishedPage;
import io.newsroom.cms.articles.published.Cursors;
import io.newsroom.cms.articles.published.PublishedReads;
import io.newsroom.cms.articles.published.RelatedReads;
import io.newsroom.cms.articles.published.SectionReads;
import io.newsroom.cms.articles.published.TagReads;
import io.newsroom.cms.articles.published.PublishedReads.Item;
import io.newsroom.cms.articles.published.PublishedReads.Order;
import io.newsroom.cms.common.http.ContentTags;
import io.newsroom.cms.common.problem.ProblemException;
import io.newsroom.cms.common.time.PublishedRange;
import io.newsroom.cms.common.time.Times;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.*;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
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

    @Inject
    SectionReads sections;

    @Inject
    TagReads tags;

    @Inject
    RelatedReads related;

    @GET
    @Operation(summary = "Published summaries as readers get them, newest first (or `sort=oldest`, or `sort=updated`:"
            + " last changed first), cursor pagination, tag/author/section filters (section: a section's slug, its subsections"
            + " included unless includeChildren=false), a published-date range (from, to); a cursor goes with the sort it was"
            + " issued for")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SummaryPage.class)))
    public Uni<PublishedPage> newest(@QueryParam("limit") @DefaultValue("10") @Min(1) @Max(50) int limit,
                                     @QueryParam("cursor") @Size(max = 200) String cursor,
                                     @QueryParam("tag") @Size(max = 60) String tag, @QueryParam("author") UUID author,
                                     @QueryParam("sort") @DefaultValue("newest") @Pattern(regexp = "newest|oldest|updated") String sort,
                                     @QueryParam("section") @Size(max = 80) String section,
                                     @QueryParam("includeChildren") @DefaultValue("true") @Pattern(regexp = "true|false", message = "must be true or false") String includeChildren,
                                     @Parameter(description = "First published on or after: a UTC day (2026-11-01) or time (2026-11-01T08:00:00Z)")
                                     @QueryParam("from") @Size(max = 40) String from,
                                     @Parameter(description = "First published on or before: a UTC day (2026-11-30, the whole day) or time")
                                     @QueryParam("to") @Size(max = 40) String to) {
        Order order = Order.valueOf(sort.toUpperCase(Locale.ROOT));
        PublishedRange range = PublishedRange.parse(from, to);
        Instant after = null;
        UUID afterId = null;
        if (cursor != null && !cursor.isBlank()) {
            try {
                // newest: "time|id" (as before sorts existed); the others name their order first, "oldest|time|id"
                String[] parts = Cursors.decode(cursor, 0);
                int at = order == Order.NEWEST ? 0 : 1;
                if (parts.length != at + 2 || at == 1 && !parts[0].equals(sort)) {
                    throw new IllegalArgumentException("another order's cursor");
                }
                after = Instant.parse(parts[at]);
                afterId = UUID.fromString(parts[at + 1]);
            } catch (RuntimeException e) {
                throw ProblemException.invalid("cursor", "is not a cursor this API issued for sort=" + sort);
            }
        }
        // a section (slug; a former one is followed, an unknown one is a 404) with or without its subsections
        // a tag: its name, slug or a former slug (an unknown one, or one no published article carries, is a 404)
        Instant afterAt = after;
        UUID afterAtId = afterId;
        Uni<List<Item>> listed = tags.filter(tag).flatMap(name -> section == null || section.isBlank()
                ? views.list(order, limit + 1, name, author, range, afterAt, afterAtId)
                : sections.list(section.trim(), "true".equals(includeChildren), order, limit + 1, name, author, range, afterAt, afterAtId));
        return listed.map(found -> {
            List<Item> page = found;
            String next = null;
            if (page.size() > limit) {
                page = page.subList(0, limit);
                Item last = page.get(limit - 1);
                next = Cursors.encode((order == Order.NEWEST ? "" : sort + "|") + last.at() + "|" + last.id());
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

    @GET
    @Path("{slug}/related")
    @Operation(summary = "Up to `limit` articles related to a published one, as list items with a `reason`: first those its"
            + " editor chose (`editor`, in the editor's order, the published ones), then others sharing its primary"
            + " section or tags (`automatic`: most shared tags, and the section, first; then newest); never the article"
            + " itself, none twice. An old slug answers 301 to the current one's related articles")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RelatedList.class)))
    public Uni<Response> related(@PathParam("slug") @Size(max = 80) String slug,
                                 @QueryParam("limit") @DefaultValue("5") @Min(1) @Max(20) int limit) {
        return related.of(slug, limit).map(found -> {
            RelatedReads.Related answer = found.orElseThrow(() -> ProblemException.notFound("Published article '" + slug + "'"));
            if (answer.movedTo() != null) {
                return Response.status(Response.Status.MOVED_PERMANENTLY).location(UriBuilder.fromResource(PublishedResource.class)
                        .path(answer.movedTo()).path("related").queryParam("limit", limit).build()).build();
            }
            return Response.ok(new Items(answer.items()), MediaType.APPLICATION_JSON_TYPE).build();
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
    @Operation(summary = "Full-text search over published articles, as readers get them: the best match among the newest"
            + " 1,000 matches first (ties newest first); cursor pagination, which ends after those 1,000")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SummaryPage.class)))
    public Uni<SearchPage> search(@QueryParam("q") @NotBlank @Size(max = 200) String q,
                                  @QueryParam("limit") @DefaultValue("10") @Min(1) @Max(50) int limit,
                                  @QueryParam("cursor") @Size(max = 200) String cursor) {
        // ranked results have no key to continue after: the cursor is the number of matches before the page (among the
        // newest PublishedReads.SEARCH_CANDIDATES matches, which are all that is ranked)
        int offset = 0;
        if (cursor != null && !cursor.isBlank()) {
            try {
                String[] parts = Cursors.decode(cursor, 0);
                if (parts.length != 2 || !parts[0].equals("search") || (offset = Integer.parseInt(parts[1])) < 0) {
                    throw new IllegalArgumentException("not a search cursor");
                }
            } catch (RuntimeException e) {
                throw ProblemException.invalid("cursor", "is not a cursor this API issued for search");
            }
        }
        int from = offset;
        return views.search(q, limit + 1, from).map(found -> found.size() > limit
                ? new SearchPage(found.subList(0, limit).stream().map(Item::json).toList(), Cursors.encode("search|" + (from + limit)))
                : new SearchPage(found.stream().map(Item::json).toList(), null));
    }

    @GET
    @Path("sitemap/pages")
    @Operation(summary = "The sitemap's pages of at most `size` articles each, oldest articles first (a new article lands"
            + " on the last page): per page the number of articles and their last change; none when nothing is published."
            + " Articles that ask not to be indexed (seo.noindex) are in no sitemap")
    public Uni<SitemapPages> sitemapPages(@QueryParam("size") @DefaultValue("50000") @Min(1) @Max(50000) int size) {
        return views.sitemapPages(size).map(pages -> new SitemapPages(size, pages));
    }

    @GET
    @Path("sitemap/pages/{page}")
    @Operation(summary = "Page `page` (from 1) of the sitemap's pages of `size`: slug and last change of each article,"
            + " oldest first; a page past the last is a 404 problem (page 1 is empty when nothing is published); no"
            + " article that asks not to be indexed")
    public Uni<SitemapEntries> sitemapPage(@PathParam("page") @Min(1) @Max(1_000_000) int page,
                                           @QueryParam("size") @DefaultValue("50000") @Min(1) @Max(50000) int size) {
        return views.sitemapPage(page, size).map(entries -> {
            if (entries.isEmpty() && page > 1) {
                throw ProblemException.notFound("Sitemap page " + page);
            }
            return new SitemapEntries(entries);
        });
    }

    @GET
    @Path("sitemap/news")
    @Operation(summary = "The articles first published at or after `since`, newest first, at most `limit`: slug, headline"
            + " and first publication, for the news sitemap (articles that ask not to be indexed left out)")
    public Uni<NewsEntries> publishedSince(@QueryParam("since") @NotBlank @Size(max = 40) String since,
                                           @QueryParam("limit") @DefaultValue("1000") @Min(1) @Max(1000) int limit) {
        return views.publishedSince(Times.param("since", since), limit).map(NewsEntries::new);
    }

    @GET
    @Path("documents/by-ids")
    @Operation(summary = "The article pages (as readers get them) of the published ones among up to 50 ids, in the order"
            + " asked: full-content feeds")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = DocumentList.class)))
    public Uni<Items> documents(@QueryParam("ids") @NotNull @Size(min = 1, max = 50) List<@NotNull UUID> ids) {
        return views.documents(ids).map(PublishedResource::items);
    }

    private static Items items(List<Item> found) {
        return new Items(found.stream().map(Item::json).toList());
    }

    /** The shapes of the stored JSON the pages hold, for the OpenAPI document. */
    private record SummaryPage(List<PublicSummary> items, String nextCursor) {
    }

    private record DocumentList(List<PublicArticle> items) {
    }

    private record RelatedList(List<RelatedSummary> items) {
    }

    /** A list item ({@link PublicSummary}) with why it is related: {@code editor} or {@code automatic}. */
    private record RelatedSummary(UUID id, String slug, String headline, String dek, Object heroImage, List<String> tags,
                                  Instant publishedAt, Instant updatedAt, List<Object> authors, Object section,
                                  @Schema(enumeration = {"editor", "automatic"}) String reason) {
    }

    private record CurationList(List<CurationSummary> items) {
    }
}
