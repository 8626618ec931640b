package io.newsroom.cms.gateway.rest;

import io.newsroom.cms.common.http.SurrogateKeys;
import io.newsroom.cms.common.problem.Problem;
import io.newsroom.cms.gateway.api.PublicRecords.ArticlePage;
import io.newsroom.cms.gateway.api.PublicRecords.AuthorPage;
import io.newsroom.cms.gateway.api.PublicRecords.FeaturedList;
import io.newsroom.cms.gateway.api.PublicRecords.PublicArticle;
import io.newsroom.cms.gateway.api.PublicRecords.SearchResults;
import io.newsroom.cms.gateway.domain.ServedAnswer;
import io.newsroom.cms.gateway.service.PublicApiDocument;
import io.newsroom.cms.gateway.service.PublicReads;
import io.newsroom.cms.gateway.service.PublicRenditions;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;


/**
 * The public content API: anonymous, published content only, with ETag / Cache-Control, 304 for If-None-Match,
 * and the last good answer (with Age) while a service is down. Its own OpenAPI document is {@code openapi.json} here.
 */
@Path("/public/v1")
@PermitAll
@Tag(name = "public", description = "Published content for readers' sites and apps")
public class PublicApiResource {
    private static final String SLUG = PublicReplies.SLUG;

    @Inject
    PublicReads reads;

    @Inject
    PublicApiDocument document;

    @Inject
    PublicReplies replies;

    @Inject
    PublicRenditions renditions;

    @GET
    @Path("articles")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Published articles, newest first, with cursor pagination and tag/author filters; author is an"
            + " author's slug (an old slug is followed) or id, and an unknown author is a 404 problem")
    @APIResponse(responseCode = "200", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ArticlePage.class), examples = @ExampleObject(name = "page",
            value = "{\"items\":[{\"id\":\"0b6f…\",\"slug\":\"regional-cloud-outage\",\"headline\":\"Regional cloud outage disrupts newsrooms\","
                    + "\"dek\":\"Publishing systems went dark for two hours.\",\"heroImage\":{\"url\":\"https://img.example/outage.jpg\","
                    + "\"alt\":\"A dark server room\"},\"tags\":[\"cloud\"],\"authors\":[{\"id\":\"5c1e…\",\"slug\":\"jane-doe\","
                    + "\"displayName\":\"Jane Doe\"}],\"publishedAt\":\"2026-11-26T09:00:00Z\"}],\"nextCursor\":\"MjAyNi0x…\"}")))
    public Uni<Response> articles(@QueryParam("limit") @DefaultValue("10") @Min(1) @Max(50) int limit,
                                  @QueryParam("cursor") @Size(max = 200) String cursor,
                                  @QueryParam("tag") @Size(max = 60) String tag,
                                  @QueryParam("author") @Size(max = 80) String author,
                                  @HeaderParam("If-None-Match") String ifNoneMatch) {
        return serve(reads.newest(limit, cursor, tag, author), ifNoneMatch, SurrogateKeys.ARTICLES);
    }

    @GET
    @Path("articles/{slug}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A published article with sanitized HTML and its authors embedded; a renamed slug redirects (301)")
    @APIResponse(responseCode = "200", content = @Content(mediaType = "application/json", schema = @Schema(implementation = PublicArticle.class), examples = @ExampleObject(name = "article",
            value = "{\"slug\":\"regional-cloud-outage\",\"headline\":\"Regional cloud outage disrupts newsrooms\",\"bodyHtml\":\"<p>…</p>\","
                    + "\"authors\":[{\"displayName\":\"Jane Doe\",\"jobTitle\":\"Technology Correspondent\",\"social\":{\"x\":\"@JaneDoeNews\"},"
                    + "\"avatar\":{\"url\":\"https://img.example/jane.jpg\",\"alt\":\"Jane Doe\"},\"bioHtml\":\"<p>…</p>\"}],\"authorsDegraded\":false}")))
    @APIResponse(responseCode = "301", description = "The article's slug changed: Location names the current one")
    @APIResponse(responseCode = "404", description = "No published article with this slug",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "A service is down and there is no last good answer (Retry-After)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> article(@PathParam("slug") @Pattern(regexp = SLUG) String slug, @HeaderParam("If-None-Match") String ifNoneMatch) {
        return serve(reads.article(slug), ifNoneMatch, SurrogateKeys.ARTICLES);
    }

    @GET
    @Path("media/{hash}/{name}")
    @Produces({"image/webp", "image/jpeg"})
    @Operation(summary = "A picture rendition, as the srcset URLs of the media library name it: the original's content hash,"
            + " then shape (original, 16x9, 4x3, 1x1), width, focal point in percent and format, e.g. 16x9-640-50-30.webp;"
            + " cached for a year (immutable)")
    @APIResponse(responseCode = "200", description = "The picture")
    @APIResponse(responseCode = "404", description = "No such rendition",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> rendition(@PathParam("hash") @Pattern(regexp = "[0-9a-f]{64}") String hash,
                                   @PathParam("name") @Pattern(regexp = "[a-z0-9x.-]{1,40}") String name,
                                   @HeaderParam("If-None-Match") String ifNoneMatch) {
        return renditions.get(hash, name).map(picture -> replies.picture(picture, ifNoneMatch))
                .onFailure().recoverWithItem(replies::problem).map(PublicReply::toResponse);
    }

    @GET
    @Path("authors/{slug}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "An author's public profile and recent articles")
    @APIResponse(responseCode = "200", content = @Content(mediaType = "application/json", schema = @Schema(implementation = AuthorPage.class)))
    public Uni<Response> author(@PathParam("slug") @Pattern(regexp = SLUG) String slug, @HeaderParam("If-None-Match") String ifNoneMatch) {
        return serve(reads.author(slug), ifNoneMatch, SurrogateKeys.AUTHORS + " " + SurrogateKeys.ARTICLES);
    }

    @GET
    @Path("lists/{slug}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A live featured list, resolved: headline, summary, image URL + alt text (overrides applied) and slug per item")
    @APIResponse(responseCode = "200", content = @Content(mediaType = "application/json", schema = @Schema(implementation = FeaturedList.class), examples = @ExampleObject(name = "featured",
            value = "{\"slug\":\"featured\",\"title\":\"Featured\",\"revision\":3,\"items\":[{\"position\":0,\"slug\":\"chip-shortage-eases\","
                    + "\"headline\":\"Chip shortage eases\",\"summary\":\"Supply is back to 2019 levels.\",\"image\":{\"url\":\"https://img.example/chips.jpg\","
                    + "\"alt\":\"Rows of silicon wafers\"}}]}")))
    public Uni<Response> list(@PathParam("slug") @Pattern(regexp = SLUG) String slug, @HeaderParam("If-None-Match") String ifNoneMatch) {
        return serve(reads.list(slug), ifNoneMatch, SurrogateKeys.list(slug) + " " + SurrogateKeys.LISTS + " " + SurrogateKeys.ARTICLES);
    }

    @GET
    @Path("search")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Full-text search over published articles")
    @APIResponse(responseCode = "200", content = @Content(mediaType = "application/json", schema = @Schema(implementation = SearchResults.class)))
    public Uni<Response> search(@QueryParam("q") @NotBlank @Size(max = 200) String q,
                                @QueryParam("limit") @DefaultValue("10") @Min(1) @Max(50) int limit,
                                @HeaderParam("If-None-Match") String ifNoneMatch) {
        return serve(reads.search(q, limit), ifNoneMatch, SurrogateKeys.ARTICLES);
    }

    @GET
    @Path("feed.xml")
    @Produces("application/rss+xml")
    @Operation(summary = "RSS 2.0 feed of the 20 newest articles")
    public Uni<Response> feed(@HeaderParam("If-None-Match") String ifNoneMatch) {
        return serve(reads.feed(), ifNoneMatch, SurrogateKeys.ARTICLES);
    }

    @GET
    @Path("sitemap.xml")
    @Produces(MediaType.APPLICATION_XML)
    @Operation(summary = "Sitemap of every published article")
    public Uni<Response> sitemap(@HeaderParam("If-None-Match") String ifNoneMatch) {
        return serve(reads.sitemap(), ifNoneMatch, SurrogateKeys.ARTICLES);
    }

    @GET
    @Path("openapi.json")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "This API's OpenAPI document: the paths under /public/v1 and the schemas of their answers")
    public Response openapi() {
        return Response.ok(document.json()).header("Cache-Control", replies.cacheControl()).build();
    }

    /** The answer as {@link PublicReplies} makes it, for this route's surrogate keys {@code routeKeys}. */
    private Uni<Response> serve(Uni<ServedAnswer> read, String ifNoneMatch, String routeKeys) {
        return read.map(served -> replies.of(served, ifNoneMatch, routeKeys)).onFailure().recoverWithItem(replies::problem)
                .map(PublicReply::toResponse);
    }
}
