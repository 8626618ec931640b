package io.newsroom.cms.gateway.rest;

import io.newsroom.cms.common.http.SurrogateKeys;
import io.newsroom.cms.common.problem.Problem;
import io.newsroom.cms.common.time.PublishedRange;
import io.newsroom.cms.gateway.api.PublicRecords.ArticlePage;
import io.newsroom.cms.gateway.api.PublicRecords.AuthorPage;
import io.newsroom.cms.gateway.api.PublicRecords.FeaturedList;
import io.newsroom.cms.gateway.api.PublicRecords.PublicArticle;
import io.newsroom.cms.gateway.api.PublicRecords.RelatedArticles;
import io.newsroom.cms.gateway.api.PublicRecords.SearchResults;
import io.newsroom.cms.gateway.api.PublicRecords.Section;
import io.newsroom.cms.gateway.api.PublicRecords.SectionTree;
import io.newsroom.cms.gateway.api.PublicRecords.TagIndex;
import io.newsroom.cms.gateway.api.PublicRecords.AuthorIndex;
import io.newsroom.cms.gateway.api.PublicRecords.JsonFeed;
import io.newsroom.cms.gateway.domain.ServedAnswer;
import io.newsroom.cms.gateway.service.ArticleFields;
import io.newsroom.cms.gateway.service.FeedScope;
import io.newsroom.cms.gateway.service.PublicFeeds;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
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
    /** The surrogate key of the section answers. */
    private static final String SECTIONS = "sections";
    /** The surrogate key of the tag answers. */
    private static final String TAGS = "tags";

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
    @Operation(summary = "Published articles, newest first, with cursor pagination and tag/author/section filters and a"
            + " published-date range (from, to), all combined; tag is a tag's slug or name (an old slug is followed; a tag no"
            + " published article carries is a 404 problem); author is an"
            + " author's slug (an old slug is followed) or id, and an unknown author is a 404 problem; section is a section's"
            + " slug (an old slug is followed; an unknown section is a 404 problem), matching its primary and secondary"
            + " articles and, unless includeChildren=false, those of its subsections")
    @APIResponse(responseCode = "200", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ArticlePage.class), examples = @ExampleObject(name = "page",
            value = "{\"items\":[{\"id\":\"0b6f…\",\"slug\":\"regional-cloud-outage\",\"headline\":\"Regional cloud outage disrupts newsrooms\","
                    + "\"dek\":\"Publishing systems went dark for two hours.\",\"heroImage\":{\"url\":\"https://img.example/outage.jpg\","
                    + "\"alt\":\"A dark server room\"},\"tags\":[\"cloud\"],\"authors\":[{\"id\":\"5c1e…\",\"slug\":\"jane-doe\","
                    + "\"displayName\":\"Jane Doe\"}],\"publishedAt\":\"2026-11-26T09:00:00Z\"}],\"nextCursor\":\"MjAyNi0x…\"}")))
    public Uni<Response> articles(@QueryParam("limit") @DefaultValue("10") @Min(1) @Max(50) int limit,
                                  @QueryParam("cursor") @Size(max = 200) String cursor,
                                  @QueryParam("tag") @Size(max = 60) String tag,
                                  @QueryParam("author") @Size(max = 80) String author,
                                  @QueryParam("section") @Pattern(regexp = SLUG) @Size(max = 80) String section,
                                  @QueryParam("includeChildren") @DefaultValue("true") @Pattern(regexp = "true|false", message = "must be true or false") String includeChildren,
                                  @Parameter(description = "newest (first published, newest first; the default), oldest, or updated (last changed first);"
                                          + " a cursor goes with the sort it came from")
                                  @QueryParam("sort") @DefaultValue("newest") @Pattern(regexp = "newest|oldest|updated", message = "must be newest, oldest or updated") String sort,
                                  @Parameter(description = "Comma-separated top-level fields of each item to send, e.g. slug,headline,publishedAt;"
                                          + " an unknown field is a 400 problem")
                                  @QueryParam("fields") @Size(max = 300) String fields,
                                  @Parameter(description = "First published on or after: a UTC day (2026-11-01) or a time"
                                          + " (2026-11-01T08:00:00Z); a bad one is a 400 problem")
                                  @QueryParam("from") @Size(max = 40) String from,
                                  @Parameter(description = "First published on or before: a UTC day (2026-11-30: the whole day)"
                                          + " or a time; before from is a 400 problem")
                                  @QueryParam("to") @Size(max = 40) String to,
                                  @HeaderParam("If-None-Match") String ifNoneMatch) {
        ArticleFields chosen = ArticleFields.parse(fields);
        PublishedRange range = PublishedRange.parse(from, to);
        return serve(reads.articles(limit, cursor, tag, author, section, !"false".equals(includeChildren), sort, range, chosen), ifNoneMatch,
                SurrogateKeys.ARTICLES);
    }

    @GET
    @Path("sections")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The section tree for a site's navigation: top-level sections, each with its subsections in order,"
            + " and each section's URL path (urlPath, e.g. /news/cloud)")
    @APIResponse(responseCode = "200", content = @Content(mediaType = "application/json", schema = @Schema(implementation = SectionTree.class), examples = @ExampleObject(name = "sections",
            value = "{\"items\":[{\"id\":\"00000000-0000-4000-8000-00000000000a\",\"slug\":\"news\",\"name\":\"News\",\"description\":null,"
                    + "\"path\":[\"news\"],\"urlPath\":\"/news\",\"children\":[{\"id\":\"7d0c…\",\"slug\":\"cloud\",\"name\":\"Cloud\","
                    + "\"description\":null,\"path\":[\"news\",\"cloud\"],\"urlPath\":\"/news/cloud\",\"children\":[]}]}]}")))
    public Uni<Response> sections(@HeaderParam("If-None-Match") String ifNoneMatch) {
        return serve(reads.sections(), ifNoneMatch, SECTIONS);
    }

    @GET
    @Path("sections/{slug}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A section with its subsections; a renamed section's old slug redirects (301)")
    @APIResponse(responseCode = "200", content = @Content(mediaType = "application/json", schema = @Schema(implementation = Section.class)))
    @APIResponse(responseCode = "301", description = "The section's slug changed: Location names the current one")
    @APIResponse(responseCode = "404", description = "No section with this slug",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> section(@PathParam("slug") @Pattern(regexp = SLUG) String slug, @HeaderParam("If-None-Match") String ifNoneMatch) {
        return serve(reads.section(slug), ifNoneMatch, SECTIONS);
    }

    @GET
    @Path("tags")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The tags published articles carry, the most used first: slug, name, the editors' description and"
            + " how many published articles carry each (a tag's slug is what ?tag= and the tag feeds take); cursor pagination")
    @APIResponse(responseCode = "200", content = @Content(mediaType = "application/json", schema = @Schema(implementation = TagIndex.class), examples = @ExampleObject(name = "tags",
            value = "{\"items\":[{\"slug\":\"cloud-computing\",\"name\":\"cloud computing\",\"description\":\"Outages, prices and"
                    + " regulation of the big cloud providers\",\"articles\":42}],\"nextCursor\":null}")))
    public Uni<Response> tags(@QueryParam("limit") @DefaultValue("100") @Min(1) @Max(500) int limit,
                              @QueryParam("cursor") @Size(max = 200) String cursor,
                              @HeaderParam("If-None-Match") String ifNoneMatch) {
        return serve(reads.tags(limit, cursor), ifNoneMatch, TAGS);
    }

    @GET
    @Path("tags/{slug}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A tag published articles carry; a renamed tag's old slug, or that of a tag merged into it, redirects (301)")
    @APIResponse(responseCode = "200", content = @Content(mediaType = "application/json", schema = @Schema(implementation = io.newsroom.cms.gateway.api.PublicRecords.Tag.class)))
    @APIResponse(responseCode = "301", description = "The tag's slug changed: Location names the current one")
    @APIResponse(responseCode = "404", description = "No published article carries a tag with this slug",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> tag(@PathParam("slug") @Pattern(regexp = SLUG) String slug, @HeaderParam("If-None-Match") String ifNoneMatch) {
        return serve(reads.tag(slug), ifNoneMatch, TAGS);
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
    @Path("articles/{slug}/related")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Articles related to a published one, for the foot of its page: first those its editors chose"
            + " (reason editor, in their order; only published ones), then, up to limit, others sharing its section or tags"
            + " (reason automatic: the most shared tags, and the same section, first; then newest); never the article itself,"
            + " none twice. Each item is a list item of /public/v1/articles plus its reason. A renamed slug redirects (301)")
    @APIResponse(responseCode = "200", content = @Content(mediaType = "application/json", schema = @Schema(implementation = RelatedArticles.class), examples = @ExampleObject(name = "related",
            value = "{\"items\":[{\"id\":\"7a2e…\",\"slug\":\"harbour-tolls-explained\",\"headline\":\"Harbour tolls, explained\","
                    + "\"dek\":null,\"heroImage\":null,\"tags\":[\"harbour\"],\"publishedAt\":\"2026-11-20T09:00:00Z\","
                    + "\"updatedAt\":\"2026-11-20T09:00:00Z\",\"authors\":[],\"section\":null,\"reason\":\"editor\"}]}")))
    @APIResponse(responseCode = "301", description = "The article's slug changed: Location names the current one's related articles")
    @APIResponse(responseCode = "400", description = "A limit outside 1..20",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No published article with this slug",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> related(@PathParam("slug") @Pattern(regexp = SLUG) String slug,
                                 @Parameter(description = "How many at most (1 to 20, 5 by default)")
                                 @QueryParam("limit") @DefaultValue("5") @Min(1) @Max(20) int limit,
                                 @HeaderParam("If-None-Match") String ifNoneMatch) {
        return serve(reads.related(slug, limit), ifNoneMatch, SurrogateKeys.ARTICLES);
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
    public Uni<Response> author(@PathParam("slug") @Pattern(regexp = SLUG) String slug,
                                @Parameter(description = "The nextCursor of the page before: the author's next ten articles")
                                @QueryParam("cursor") @Size(max = 200) String cursor,
                                @HeaderParam("If-None-Match") String ifNoneMatch) {
        return serve(reads.author(slug, cursor), ifNoneMatch, SurrogateKeys.AUTHORS + " " + SurrogateKeys.ARTICLES);
    }

    @GET
    @Path("authors")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The index of authors: every active author with a public profile, by slug, with job title, picture and"
            + " the URL of the author's page on the site; cursor pagination")
    @APIResponse(responseCode = "200", content = @Content(mediaType = "application/json", schema = @Schema(implementation = AuthorIndex.class), examples = @ExampleObject(name = "authors",
            value = "{\"items\":[{\"id\":\"5c1e…\",\"slug\":\"jane-doe\",\"displayName\":\"Jane Doe\",\"jobTitle\":\"Technology Correspondent\","
                    + "\"organization\":\"Newsroom\",\"avatar\":{\"url\":\"https://img.example/jane.jpg\",\"alt\":\"Jane Doe\"},"
                    + "\"url\":\"https://www.example.com/authors/jane-doe\"}],\"nextCursor\":null}")))
    public Uni<Response> authors(@QueryParam("limit") @DefaultValue("50") @Min(1) @Max(100) int limit,
                                 @QueryParam("cursor") @Size(max = 200) String cursor,
                                 @HeaderParam("If-None-Match") String ifNoneMatch) {
        return serve(reads.authors(limit, cursor), ifNoneMatch, SurrogateKeys.AUTHORS);
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
    @Operation(summary = "Full-text search over published articles: the best match among the newest 1,000 matches first, cursor-paged")
    @APIResponse(responseCode = "200", content = @Content(mediaType = "application/json", schema = @Schema(implementation = SearchResults.class)))
    public Uni<Response> search(@QueryParam("q") @NotBlank @Size(max = 200) String q,
                                @QueryParam("limit") @DefaultValue("10") @Min(1) @Max(50) int limit,
                                @Parameter(description = "The nextCursor of the page before")
                                @QueryParam("cursor") @Size(max = 200) String cursor,
                                @HeaderParam("If-None-Match") String ifNoneMatch) {
        return serve(reads.search(q, limit, cursor), ifNoneMatch, SurrogateKeys.ARTICLES);
    }

    // --- feeds: the site's, a tag's and a section's, each as RSS 2.0, Atom and JSON Feed 1.1. Title, description, link, language, size and full
    // content from cms.public-api.feed.*

    @GET
    @Path("feed.xml")
    @Produces("application/rss+xml")
    @Operation(summary = "RSS 2.0 feed of the newest articles (cms.public-api.feed.items, 20 by default)")
    @APIResponse(responseCode = "200", description = "RSS 2.0", content = @Content(mediaType = "application/rss+xml"))
    public Uni<Response> feed(@HeaderParam("If-None-Match") String ifNoneMatch) {
        return feed(PublicFeeds.Format.RSS, FeedScope.SITE, ifNoneMatch);
    }

    @GET
    @Path("feed.atom")
    @Produces("application/atom+xml")
    @Operation(summary = "Atom (RFC 4287) feed of the newest articles")
    @APIResponse(responseCode = "200", description = "Atom", content = @Content(mediaType = "application/atom+xml"))
    public Uni<Response> atomFeed(@HeaderParam("If-None-Match") String ifNoneMatch) {
        return feed(PublicFeeds.Format.ATOM, FeedScope.SITE, ifNoneMatch);
    }

    @GET
    @Path("feed.json")
    @Produces("application/feed+json")
    @Operation(summary = "JSON Feed 1.1 of the newest articles")
    @APIResponse(responseCode = "200", description = "JSON Feed 1.1",
            content = @Content(mediaType = "application/feed+json", schema = @Schema(implementation = JsonFeed.class)))
    public Uni<Response> jsonFeed(@HeaderParam("If-None-Match") String ifNoneMatch) {
        return feed(PublicFeeds.Format.JSON, FeedScope.SITE, ifNoneMatch);
    }

    @GET
    @Path("tags/{tag}/feed.xml")
    @Produces("application/rss+xml")
    @Operation(summary = "RSS 2.0 feed of the newest articles with a tag; a tag no published article carries is a 404 problem")
    @APIResponse(responseCode = "200", description = "RSS 2.0", content = @Content(mediaType = "application/rss+xml"))
    @APIResponse(responseCode = "404", description = "No published article carries this tag",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> tagFeed(@PathParam("tag") @Size(max = 60) String tag, @HeaderParam("If-None-Match") String ifNoneMatch) {
        return feed(PublicFeeds.Format.RSS, FeedScope.ofTag(tag), ifNoneMatch);
    }

    @GET
    @Path("tags/{tag}/feed.atom")
    @Produces("application/atom+xml")
    @Operation(summary = "Atom feed of the newest articles with a tag; a tag no published article carries is a 404 problem")
    @APIResponse(responseCode = "200", description = "Atom", content = @Content(mediaType = "application/atom+xml"))
    @APIResponse(responseCode = "404", description = "No published article carries this tag",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> tagAtomFeed(@PathParam("tag") @Size(max = 60) String tag, @HeaderParam("If-None-Match") String ifNoneMatch) {
        return feed(PublicFeeds.Format.ATOM, FeedScope.ofTag(tag), ifNoneMatch);
    }

    @GET
    @Path("tags/{tag}/feed.json")
    @Produces("application/feed+json")
    @Operation(summary = "JSON Feed 1.1 of the newest articles with a tag; a tag no published article carries is a 404 problem")
    @APIResponse(responseCode = "200", description = "JSON Feed 1.1",
            content = @Content(mediaType = "application/feed+json", schema = @Schema(implementation = JsonFeed.class)))
    @APIResponse(responseCode = "404", description = "No published article carries this tag",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> tagJsonFeed(@PathParam("tag") @Size(max = 60) String tag, @HeaderParam("If-None-Match") String ifNoneMatch) {
        return feed(PublicFeeds.Format.JSON, FeedScope.ofTag(tag), ifNoneMatch);
    }

    @GET
    @Path("sections/{slug}/feed.xml")
    @Produces("application/rss+xml")
    @Operation(summary = "RSS 2.0 feed of the newest articles in a section (its subsections included); an unknown section"
            + " is a 404 problem")
    @APIResponse(responseCode = "404", description = "No such section",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> sectionFeed(@PathParam("slug") @Pattern(regexp = SLUG) String slug, @HeaderParam("If-None-Match") String ifNoneMatch) {
        return feed(PublicFeeds.Format.RSS, FeedScope.ofSection(slug), ifNoneMatch);
    }

    @GET
    @Path("sections/{slug}/feed.atom")
    @Produces("application/atom+xml")
    @Operation(summary = "Atom feed of the newest articles in a section (its subsections included); an unknown section is a"
            + " 404 problem")
    @APIResponse(responseCode = "404", description = "No such section",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> sectionAtomFeed(@PathParam("slug") @Pattern(regexp = SLUG) String slug, @HeaderParam("If-None-Match") String ifNoneMatch) {
        return feed(PublicFeeds.Format.ATOM, FeedScope.ofSection(slug), ifNoneMatch);
    }

    @GET
    @Path("sections/{slug}/feed.json")
    @Produces("application/feed+json")
    @Operation(summary = "JSON Feed 1.1 of the newest articles in a section (its subsections included); an unknown section"
            + " is a 404 problem")
    @APIResponse(responseCode = "200", description = "JSON Feed 1.1",
            content = @Content(mediaType = "application/feed+json", schema = @Schema(implementation = JsonFeed.class)))
    @APIResponse(responseCode = "404", description = "No such section",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> sectionJsonFeed(@PathParam("slug") @Pattern(regexp = SLUG) String slug, @HeaderParam("If-None-Match") String ifNoneMatch) {
        return feed(PublicFeeds.Format.JSON, FeedScope.ofSection(slug), ifNoneMatch);
    }

    // --- sitemaps

    @GET
    @Path("sitemap.xml")
    @Produces(MediaType.APPLICATION_XML)
    @Operation(summary = "Sitemap index (sitemaps.org): the pages of articles (sitemaps/articles-{n}.xml, up to 50,000 URLs"
            + " each, oldest articles first) with their last change, and the news sitemap; articles whose seo.noindex is"
            + " set are in none of them")
    @APIResponse(responseCode = "200", description = "A sitemap index", content = @Content(mediaType = MediaType.APPLICATION_XML))
    public Uni<Response> sitemap(@HeaderParam("If-None-Match") String ifNoneMatch) {
        return serve(reads.sitemap(), ifNoneMatch, SurrogateKeys.ARTICLES);
    }

    @GET
    @Path("sitemaps/articles-{n}.xml")
    @Produces(MediaType.APPLICATION_XML)
    @Operation(summary = "Page n (from 1) of the articles' sitemap: each article's URL on the site and its last change;"
            + " a page past the last is a 404 problem")
    @APIResponse(responseCode = "200", description = "A sitemap", content = @Content(mediaType = MediaType.APPLICATION_XML))
    @APIResponse(responseCode = "404", description = "No such page",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> sitemapPage(@PathParam("n") @Min(1) @Max(1_000_000) int n, @HeaderParam("If-None-Match") String ifNoneMatch) {
        return serve(reads.sitemapPage(n), ifNoneMatch, SurrogateKeys.ARTICLES);
    }

    @GET
    @Path("sitemap-news.xml")
    @Produces(MediaType.APPLICATION_XML)
    @Operation(summary = "Google News sitemap: the articles first published in the last 48 hours (at most 1,000), with"
            + " news:publication (name, language), news:publication_date and news:title")
    @APIResponse(responseCode = "200", description = "A news sitemap", content = @Content(mediaType = MediaType.APPLICATION_XML))
    public Uni<Response> newsSitemap(@HeaderParam("If-None-Match") String ifNoneMatch) {
        return serve(reads.newsSitemap(), ifNoneMatch, SurrogateKeys.ARTICLES);
    }

    @GET
    @Path("openapi.json")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "This API's OpenAPI document: the paths under /public/v1 and the schemas of their answers")
    public Response openapi() {
        return Response.ok(document.json()).header("Cache-Control", replies.cacheControl()).build();
    }

    /** A feed in {@code format} of {@code scope}: the articles' surrogate key, like every answer that lists articles. */
    private Uni<Response> feed(PublicFeeds.Format format, FeedScope scope, String ifNoneMatch) {
        return serve(reads.feed(format, scope), ifNoneMatch, SurrogateKeys.ARTICLES);
    }

    /** The answer as {@link PublicReplies} makes it, for this route's surrogate keys {@code routeKeys}. */
    private Uni<Response> serve(Uni<ServedAnswer> read, String ifNoneMatch, String routeKeys) {
        return read.map(served -> replies.of(served, ifNoneMatch, routeKeys)).onFailure().recoverWithItem(replies::problem)
                .map(PublicReply::toResponse);
    }
}
