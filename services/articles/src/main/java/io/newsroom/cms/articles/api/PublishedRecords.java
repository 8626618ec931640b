package io.newsroom.cms.articles.api;

import io.newsroom.cms.articles.api.SectionRecords.SectionRef;
import io.newsroom.cms.pictures.PublicImage;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What the published views answer, exactly as sent: the article page and the list item readers get through the
 * gateway's public API (no Markdown body, no internal byline), and the summary the curation service asks for.
 * The first two are written once into the read model and then passed through as stored ({@link Raw}).
 */
public final class PublishedRecords {
    private PublishedRecords() {
    }

    /**
     * A published article as readers get it: the sanitized HTML only, and its authors' public profiles ("About the
     * Author") in byline order. {@code authorsDegraded}: some author on the byline is not known here (yet), so
     * {@code authors} has fewer entries than the byline. {@code section}: its primary section (null only for an article
     * published before sections existed and not rewritten since), {@code sections} its secondary ones. {@code seo}: what
     * a reader's site puts in its page head; {@code corrections}: the correction and update notes, newest first.
     */
    public record PublicArticle(UUID id, String slug, String headline, String dek, String bodyHtml, PublicImage heroImage,
                                List<String> tags, Instant publishedAt, Instant updatedAt, int revision,
                                List<Raw> authors, boolean authorsDegraded, SectionRef section, List<SectionRef> sections,
                                PublicSeo seo, List<PublicCorrection> corrections) {
    }

    /**
     * The article for search engines and social cards, fallbacks applied: {@code title} the SEO title or the headline,
     * {@code description} the SEO description or the dek, {@code canonicalUrl} the given one or null (this service does
     * not know the site's addresses: the page's own URL is canonical), {@code image} the social image, else the hero image, or null (a
     * library picture as its social-card crop, {@code published.SocialCards}).
     */
    public record PublicSeo(String title, String description, String canonicalUrl, boolean noindex, SeoImage image) {
    }

    /** The social card's picture: its URL, size when known (a library picture), and its words for readers who cannot see it. */
    public record SeoImage(String url, Integer width, Integer height, String alt) {
    }

    /** A correction ({@code kind} {@code correction}) or update note, and when the update carrying it was published. */
    public record PublicCorrection(String kind, String note, Instant at) {
    }

    /** An author on a byline, as list items name them. */
    public record AuthorLink(UUID id, String slug, String displayName) {
    }

    /** A published article in the newest-first list, in search and on author pages, as readers get it. */
    public record PublicSummary(UUID id, String slug, String headline, String dek, PublicImage heroImage, List<String> tags,
                                Instant publishedAt, Instant updatedAt, List<Raw> authors, SectionRef section) {
    }

    /** A published article as the curation service resolves list items with it (service-internal: with the byline). */
    public record CurationSummary(UUID id, String slug, String headline, String dek, PublicImage heroImage,
                                  List<String> tags, List<UUID> byline, Instant publishedAt, Instant updatedAt) {
    }

    /** A page of the newest-first list: stored list items, and the cursor of the next page (null on the last). */
    public record PublishedPage(List<Raw> items, String nextCursor) {
    }

    /** Stored items, in order: search results, the curation batch. */
    public record Items(List<Raw> items) {
    }

    /** Search results, best match first, and the cursor of the next page (null on the last). */
    public record SearchPage(List<Raw> items, String nextCursor) {
    }

    /** A sitemap page's URL: the article's slug and when what readers see of it last changed. */
    public record SitemapEntry(String slug, Instant updatedAt) {
    }

    /** Page {@code page} (from 1) of the sitemap: {@code count} articles, the last change among them. */
    public record SitemapPage(long page, long count, Instant lastModified) {
    }

    /** The sitemap's pages, oldest articles first (none when nothing is published). */
    public record SitemapPages(int size, List<SitemapPage> pages) {
    }

    /** One page of the sitemap, oldest first. */
    public record SitemapEntries(List<SitemapEntry> items) {
    }

    /** An article of the news sitemap: slug, headline and first publication. */
    public record NewsEntry(String slug, String headline, Instant publishedAt) {
    }

    /** The articles of the news sitemap, newest first. */
    public record NewsEntries(List<NewsEntry> items) {
    }
}
