package io.newsroom.cms.gateway.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The public content API's answers, exactly as readers get them (the document at {@code /public/v1/openapi.json} is
 * made from these). Articles, pages and search results are the articles service's stored public JSON passed through
 * unchanged; author pages are composed here from these records; featured lists are the curation service's own.
 * Fields that may be absent in the stored documents are nullable; nothing else is sent ({@code additionalProperties}
 * false), so a contract test notices a field that leaks (e.g. the Markdown {@code body} or the internal byline).
 */
public final class PublicRecords {
    private PublicRecords() {
    }

    /**
     * A picture: an article's hero image, an author's photo, a list item's picture. A media library picture
     * ({@code mediaId} set) has its size, a {@code srcset} per format ({@code webp}, {@code jpg}) ready for
     * {@code <img srcset>} and {@code <picture><source>}, and the same for every shape in {@code renditions}
     * ({@code original}, {@code 16x9}, {@code 4x3}, {@code 1x1}, cut around its focal point: the square one for round
     * avatars); a pasted URL has only {@code url} and its words. A list item shows the curator's picture, or the
     * article's own hero image (with the curator's alt text, if any).
     */
    @Schema(name = "Image", additionalProperties = Schema.False.class)
    public record Image(@Schema(required = true) String url,
                        @Schema(nullable = true) String alt,
                        @Schema(nullable = true) String caption,
                        @Schema(nullable = true) String credit,
                        @Schema(nullable = true, description = "The picture's id in the media library") UUID mediaId,
                        @Schema(nullable = true, description = "Full size in pixels") Integer width,
                        @Schema(nullable = true) Integer height,
                        @Schema(nullable = true, description = "Per format (webp, jpg): \"url 320w, url 640w, ...\"") Map<String, String> srcset,
                        @Schema(nullable = true, description = "Per shape (original, 16x9, 4x3, 1x1)") Map<String, ImageRendition> renditions) {
    }

    /** One shape of a library picture: a default {@code src} (a JPEG about 1024 wide), a srcset per format, its full size. */
    @Schema(name = "ImageRendition", additionalProperties = Schema.False.class)
    public record ImageRendition(@Schema(required = true) String src, @Schema(required = true) Map<String, String> srcset,
                                 @Schema(required = true) int width, @Schema(required = true) int height) {
    }

    @Schema(name = "Social", additionalProperties = Schema.False.class)
    public record Social(@Schema(nullable = true) String x, @Schema(nullable = true) String website,
                         @Schema(nullable = true) String linkedin, @Schema(nullable = true) String mastodon) {
    }

    /** An author's public profile ("About the Author"): never the email or the account link. */
    @Schema(name = "AuthorProfile", additionalProperties = Schema.False.class)
    public record AuthorProfile(@Schema(required = true) UUID id, @Schema(required = true) String slug,
                                @Schema(required = true) String displayName,
                                @Schema(nullable = true) String jobTitle, @Schema(nullable = true) String organization,
                                @Schema(nullable = true) String bio, @Schema(nullable = true) String bioHtml,
                                @Schema(nullable = true) Image avatar, @Schema(nullable = true) Social social,
                                boolean active) {
    }

    /** An author on a byline, as list items name them. */
    @Schema(name = "AuthorLink", additionalProperties = Schema.False.class)
    public record AuthorLink(@Schema(required = true) UUID id, @Schema(required = true) String slug,
                             @Schema(required = true) String displayName) {
    }

    /**
     * A published article: sanitized HTML only, its authors' public profiles in byline order. {@code authorsDegraded}:
     * an author on the byline is not known yet, so {@code authors} is shorter than the byline. {@code section}: its
     * primary section, {@code sections} the further sections it is shown in. {@code seo}: what a page's head says of it;
     * {@code corrections}: its correction and update notes, newest first.
     */
    @Schema(name = "PublicArticle", additionalProperties = Schema.False.class)
    public record PublicArticle(@Schema(required = true) UUID id, @Schema(required = true) String slug,
                                @Schema(required = true) String headline, @Schema(nullable = true) String dek,
                                @Schema(required = true) String bodyHtml, @Schema(nullable = true) Image heroImage,
                                @Schema(required = true) List<String> tags, @Schema(required = true) Instant publishedAt,
                                @Schema(required = true) Instant updatedAt, @Schema(required = true) int revision,
                                @Schema(required = true) List<AuthorProfile> authors,
                                @Schema(required = true) boolean authorsDegraded,
                                @Schema(nullable = true) SectionRef section,
                                @Schema(nullable = true) List<SectionRef> sections,
                                @Schema(nullable = true) Seo seo,
                                @Schema(nullable = true) List<Correction> corrections) {
    }

    /**
     * The article for search engines and social cards: {@code title} (the headline unless an SEO title is set),
     * {@code description} (the dek unless set), {@code canonicalUrl} (set when the original lives elsewhere; null: the
     * article's own page), {@code noindex} (ask search engines not to index it; the sitemaps leave it out), and
     * {@code image} the social card's picture (the article's social image, else its hero image; a media library picture
     * as its landscape social-card crop, about 1200 wide).
     */
    @Schema(name = "Seo", additionalProperties = Schema.False.class)
    public record Seo(@Schema(required = true) String title, @Schema(nullable = true) String description,
                      @Schema(nullable = true) String canonicalUrl, @Schema(required = true) boolean noindex,
                      @Schema(nullable = true) SeoImage image) {
    }

    /** The social card's picture: URL, size when known, its words for readers who cannot see it. */
    @Schema(name = "SeoImage", additionalProperties = Schema.False.class)
    public record SeoImage(@Schema(required = true) String url, @Schema(nullable = true) Integer width,
                           @Schema(nullable = true) Integer height, @Schema(nullable = true) String alt) {
    }

    /** A note shown with the article: "Updated at {at}, correction: {note}". */
    @Schema(name = "Correction", additionalProperties = Schema.False.class)
    public record Correction(@Schema(required = true, enumeration = {"correction", "update"}) String kind,
                             @Schema(required = true) String note, @Schema(required = true) Instant at) {
    }

    /** A section as an article names it: slug, name, and {@code path}, the slugs from the top-level section down to it. */
    @Schema(name = "SectionRef", additionalProperties = Schema.False.class)
    public record SectionRef(@Schema(required = true) String slug, @Schema(required = true) String name,
                             @Schema(required = true) List<String> path) {
    }

    /**
     * A section of the site with its subsections, in order: {@code path} is the slugs from the top down to it,
     * {@code urlPath} where a site shows it ({@code /news/cloud}).
     */
    @Schema(name = "Section", additionalProperties = Schema.False.class)
    public record Section(@Schema(required = true) UUID id, @Schema(required = true) String slug,
                          @Schema(required = true) String name, @Schema(nullable = true) String description,
                          @Schema(required = true) List<String> path, @Schema(required = true) String urlPath,
                          @Schema(required = true) List<Section> children) {
    }

    /** The section tree: the top-level sections, each with its subsections. */
    @Schema(name = "SectionTree", additionalProperties = Schema.False.class)
    public record SectionTree(@Schema(required = true) List<Section> items) {
    }

    /** A tag published articles carry: {@code articles} is how many do. */
    @Schema(name = "Tag", additionalProperties = Schema.False.class)
    public record Tag(@Schema(required = true) String slug, @Schema(required = true) String name,
                      @Schema(nullable = true) String description, @Schema(required = true) long articles) {
    }

    /** The tags published articles carry, the most used first. */
    @Schema(name = "TagIndex", additionalProperties = Schema.False.class)
    public record TagIndex(@Schema(required = true) List<Tag> items, @Schema(nullable = true) String nextCursor) {
    }

    /** A published article in the newest-first list, in search and on author pages. */
    @Schema(name = "ArticleSummary", additionalProperties = Schema.False.class)
    public record ArticleSummary(@Schema(required = true) UUID id, @Schema(required = true) String slug,
                                 @Schema(required = true) String headline, @Schema(nullable = true) String dek,
                                 @Schema(nullable = true) Image heroImage, @Schema(required = true) List<String> tags,
                                 @Schema(required = true) Instant publishedAt, @Schema(required = true) Instant updatedAt,
                                 @Schema(required = true) List<AuthorLink> authors,
                                 @Schema(nullable = true) SectionRef section,
                                 @JsonInclude(JsonInclude.Include.NON_NULL)
                                 @Schema(description = "Search results only: a passage of the article's text, HTML-escaped,"
                                         + " the words searched for in <mark>…</mark>") String snippet) {
    }

    /** A related article: a list item and why it is there. */
    @Schema(name = "RelatedArticle", additionalProperties = Schema.False.class)
    public record RelatedArticle(@Schema(required = true) UUID id, @Schema(required = true) String slug,
                                 @Schema(required = true) String headline, @Schema(nullable = true) String dek,
                                 @Schema(nullable = true) Image heroImage, @Schema(required = true) List<String> tags,
                                 @Schema(required = true) Instant publishedAt, @Schema(required = true) Instant updatedAt,
                                 @Schema(required = true) List<AuthorLink> authors,
                                 @Schema(nullable = true) SectionRef section,
                                 @Schema(required = true, enumeration = {"editor", "automatic"},
                                         description = "editor: chosen by the article's editors; automatic: shares its section or tags") String reason) {
    }

    /** An article's related articles: the editors' picks first, in their order, then the automatic ones. */
    @Schema(name = "RelatedArticles", additionalProperties = Schema.False.class)
    public record RelatedArticles(@Schema(required = true) List<RelatedArticle> items) {
    }

    /** Newest first; {@code nextCursor} is null on the last page. */
    @Schema(name = "ArticlePage", additionalProperties = Schema.False.class)
    public record ArticlePage(@Schema(required = true) List<ArticleSummary> items, @Schema(nullable = true) String nextCursor) {
    }

    /** Search results, the best match among the newest 1,000 matches first; {@code nextCursor} is null on the last page. */
    @Schema(name = "SearchResults", additionalProperties = Schema.False.class)
    public record SearchResults(@Schema(required = true) List<ArticleSummary> items, @Schema(nullable = true) String nextCursor) {
    }

    /**
     * An author's page: the public profile and the newest articles with this author on the byline, ten at a time;
     * {@code nextCursor} (null on the last page) asks for the next ten ({@code ?cursor=} on the page, or on
     * {@code /public/v1/articles?author=}).
     */
    @Schema(name = "AuthorPage", additionalProperties = Schema.False.class)
    public record AuthorPage(@Schema(required = true) UUID id, @Schema(required = true) String slug,
                             @Schema(required = true) String displayName,
                             @Schema(nullable = true) String jobTitle, @Schema(nullable = true) String organization,
                             @Schema(nullable = true) String bio, @Schema(nullable = true) String bioHtml,
                             @Schema(nullable = true) Image avatar, @Schema(nullable = true) Social social,
                             boolean active, @Schema(required = true) List<ArticleSummary> articles,
                             @Schema(nullable = true) String nextCursor) {
        public static AuthorPage of(AuthorProfile profile, List<ArticleSummary> articles, String nextCursor) {
            return new AuthorPage(profile.id(), profile.slug(), profile.displayName(), profile.jobTitle(),
                    profile.organization(), profile.bio(), profile.bioHtml(), profile.avatar(), profile.social(),
                    profile.active(), articles, nextCursor);
        }
    }

    /** An author in the index of authors: what a staff page shows, and where the author's page is on the readers' site. */
    @Schema(name = "AuthorIndexEntry", additionalProperties = Schema.False.class)
    public record AuthorIndexEntry(@Schema(required = true) UUID id, @Schema(required = true) String slug,
                                   @Schema(required = true) String displayName, @Schema(nullable = true) String jobTitle,
                                   @Schema(nullable = true) String organization, @Schema(nullable = true) Image avatar,
                                   @Schema(required = true, description = "The author's page on the readers' site") String url) {
    }

    /** The active authors, by slug; {@code nextCursor} is null on the last page. */
    @Schema(name = "AuthorIndex", additionalProperties = Schema.False.class)
    public record AuthorIndex(@Schema(required = true) List<AuthorIndexEntry> items, @Schema(nullable = true) String nextCursor) {
    }

    /** A JSON Feed 1.1 (https://jsonfeed.org/version/1.1): the newest articles, of the site or of a tag. */
    @Schema(name = "JsonFeed", additionalProperties = Schema.False.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record JsonFeed(@Schema(required = true, description = "https://jsonfeed.org/version/1.1") String version,
                           @Schema(required = true) String title,
                           @JsonProperty("home_page_url") @Schema(name = "home_page_url") String homePageUrl,
                           @JsonProperty("feed_url") @Schema(name = "feed_url") String feedUrl,
                           String description, String language,
                           @Schema(required = true) List<JsonFeedItem> items) {
    }

    /** An article in a JSON Feed: {@code content_html} (the sanitized body) when full content is on, else {@code content_text} (the dek). */
    @Schema(name = "JsonFeedItem", additionalProperties = Schema.False.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record JsonFeedItem(@Schema(required = true) String id, String url, String title,
                               @JsonProperty("content_html") @Schema(name = "content_html") String contentHtml,
                               @JsonProperty("content_text") @Schema(name = "content_text") String contentText,
                               String summary, String image,
                               @JsonProperty("date_published") @Schema(name = "date_published") Instant datePublished,
                               @JsonProperty("date_modified") @Schema(name = "date_modified") Instant dateModified,
                               List<JsonFeedAuthor> authors, List<String> tags) {
    }

    @Schema(name = "JsonFeedAuthor", additionalProperties = Schema.False.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record JsonFeedAuthor(@Schema(required = true) String name, String url) {
    }

    /** A featured list's item, overrides applied: everything a rail needs. */
    @Schema(name = "ListItem", additionalProperties = Schema.False.class)
    public record ListItem(@Schema(required = true) int position, @Schema(required = true) UUID articleId,
                           @Schema(required = true) String slug, @Schema(required = true) String headline,
                           @Schema(nullable = true) String summary, @Schema(nullable = true) Image image,
                           @Schema(nullable = true) Instant publishedAt) {
    }

    /** A live featured list, resolved: content only (freshness travels in headers). */
    @Schema(name = "FeaturedList", additionalProperties = Schema.False.class)
    public record FeaturedList(@Schema(required = true) String slug, @Schema(required = true) String title,
                               @Schema(nullable = true) String description, @Schema(nullable = true) Integer revision,
                               @Schema(nullable = true) Instant publishedAt, @Schema(required = true) List<ListItem> items) {
    }

    /** The editor app's runtime settings ({@code /config.json}), so one frontend build works against any Keycloak. */
    public record FrontendConfig(String keycloakUrl, String realm, String clientId) {
    }
}
