package io.newsroom.cms.gateway.service;

import io.newsroom.cms.common.time.PublishedRange;
import io.newsroom.cms.gateway.domain.CachedAnswer;
import io.newsroom.cms.gateway.domain.ServedAnswer;
import io.newsroom.cms.gateway.repository.ResponseCache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The public reads, each answered from the response cache by its key, made by {@link PublicContent} on a miss. */
@ApplicationScoped
public class PublicReads {
    @Inject
    PublicContent content;

    @Inject
    ResponseCache cache;

    @Inject
    PublicFeeds feeds;

    @Inject
    PublicSitemaps sitemaps;

    public Uni<ServedAnswer> newest(int limit, String cursor, String tag, String author) {
        return newest(limit, cursor, tag, author, null, true);
    }

    /** {@link #newest(int, String, String, String)} of a section (its slug), its subsections included or not. */
    public Uni<ServedAnswer> newest(int limit, String cursor, String tag, String author, String section, boolean includeChildren) {
        return articles(limit, cursor, tag, author, section, includeChildren, null, null, ArticleFields.ALL);
    }

    /**
     * {@link #newest(int, String, String, String, String, boolean)} in {@code sort} order (null: newest), first published
     * within {@code range} (null: any time), items cut to {@code fields}.
     */
    public Uni<ServedAnswer> articles(int limit, String cursor, String tag, String author, String section, boolean includeChildren,
                                      String sort, PublishedRange range, ArticleFields fields) {
        // an author filter by slug asks the authors service which author that is, and which section a slug names (or
        // whether it names one) changes with the section tree: neither is covered by the articles' events
        boolean byArticlesOnly = (author == null || author.isBlank()) && (section == null || section.isBlank());
        String key = "articles?" + limit + "&" + cursor + "&" + tag + "&" + author
                + (section == null || section.isBlank() ? "" : "&section=" + section + "&children=" + includeChildren)
                + (sort == null || sort.equals("newest") ? "" : "&sort=" + sort)
                + (range == null ? "" : "&from=" + range.from() + "&until=" + range.until())
                + (fields == ArticleFields.ALL ? "" : "&fields=" + fields.key());
        String order = sort == null || sort.equals("newest") ? null : sort;
        return cache.get(key, byArticlesOnly, () -> content.articles(limit, cursor, tag, author, section, includeChildren, order, range, fields));
    }

    /** The section tree: not covered by the articles' events (a section changes without one), fresh for fresh-for. */
    public Uni<ServedAnswer> sections() {
        return cache.get("sections", false, content::sections);
    }

    public Uni<ServedAnswer> section(String slug) {
        return cache.get("section/" + slug, false, () -> content.section(slug));
    }

    /**
     * The tag index: not covered by the articles' events (a tag is renamed or described without one), fresh for
     * fresh-for.
     */
    public Uni<ServedAnswer> tags(int limit, String cursor) {
        return cache.get("tags?" + limit + "&" + cursor, false, () -> content.tags(limit, cursor));
    }

    public Uni<ServedAnswer> tag(String slug) {
        return cache.get("tag/" + slug, false, () -> content.tag(slug));
    }

    public Uni<ServedAnswer> article(String slug) {
        return cache.get("article/" + slug, () -> content.article(slug));
    }

    /**
     * An article's related articles: made from published articles only (the picks, the section's and the tags'), so
     * the content events keep it fresh like the lists. Not under {@code article/}: an event replaces only the article's
     * own answer there, and outdates everything else.
     */
    public Uni<ServedAnswer> related(String slug, int limit) {
        return cache.get("related/" + slug + "?" + limit, () -> content.related(slug, limit));
    }

    /** The article page's cached answer when it can be sent as it is (nothing to make or refresh), else null. */
    public CachedAnswer freshArticle(String slug) {
        return cache.fresh("article/" + slug, true);
    }

    public Uni<ServedAnswer> author(String slug) {
        return author(slug, null);
    }

    /** An author's page, its articles after {@code cursor} (null: the newest). */
    public Uni<ServedAnswer> author(String slug, String cursor) {
        return cache.get("author/" + slug + (cursor == null || cursor.isEmpty() ? "" : "?" + cursor), false,
                () -> content.author(slug, cursor == null || cursor.isEmpty() ? null : cursor));
    }

    /** The index of authors: made with the authors service's data, which no content event covers. */
    public Uni<ServedAnswer> authors(int limit, String cursor) {
        return cache.get("authors?" + limit + "&" + cursor, false, () -> content.authors(limit, cursor));
    }

    public Uni<ServedAnswer> list(String slug) {
        return cache.get("list/" + slug, false, () -> content.list(slug));
    }

    public Uni<ServedAnswer> search(String q, int limit) {
        return search(q, limit, null);
    }

    public Uni<ServedAnswer> search(String q, int limit, String cursor) {
        // the cursor before q: a query may hold any character, the cursor (base64url) no '&'
        return cache.get("search?" + limit + "&" + cursor + "&" + q, () -> content.search(q, limit, cursor));
    }

    /** The RSS 2.0 feed of the site. */
    public Uni<ServedAnswer> feed() {
        return feed(PublicFeeds.Format.RSS, FeedScope.SITE);
    }

    /** A feed, of the site or of a tag (or section): made from articles only, so the content events keep it fresh. */
    public Uni<ServedAnswer> feed(PublicFeeds.Format format, FeedScope scope) {
        return cache.get("feed/" + format + "?" + scope.tag() + "&" + scope.section(), () -> feeds.feed(format, scope));
    }

    /** The sitemap index. */
    public Uni<ServedAnswer> sitemap() {
        return cache.get("sitemap", sitemaps::index);
    }

    public Uni<ServedAnswer> sitemapPage(int page) {
        return cache.get("sitemap/articles-" + page, () -> sitemaps.page(page));
    }

    public Uni<ServedAnswer> newsSitemap() {
        return cache.get("sitemap/news", sitemaps::news);
    }
}
