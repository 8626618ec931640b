package io.newsroom.cms.common.http;

import java.util.Collection;
import java.util.UUID;

/**
 * The surrogate keys (CDN cache tags) of the public API: every public answer names what it shows in
 * {@code Surrogate-Key} (space-separated, Fastly and Varnish) and {@code Cache-Tag} (comma-separated, Cloudflare and
 * others), and a purge call names the keys a change touched, so a CDN may keep answers for long and still drop exactly
 * the ones a change made wrong within a second. One vocabulary for the articles service (which names an article's
 * keys), the gateway (which sends them) and the webhooks service (whose CDN-purge endpoints purge them):
 *
 * <ul>
 *   <li>{@code article-<id>}: one published article's page; with {@code author-<id>} for each author on its byline;</li>
 *   <li>{@code articles}: every answer that lists articles (newest, tag and author pages, search, feed, sitemap, and the
 *   featured lists, whose items show articles' headlines): any article event purges it;</li>
 *   <li>{@code author-<id>} and {@code authors}: author pages; {@code lists} and {@code list-<slug>}: featured lists.</li>
 * </ul>
 */
public final class SurrogateKeys {
    public static final String ARTICLES = "articles";
    public static final String AUTHORS = "authors";
    public static final String LISTS = "lists";

    private SurrogateKeys() {
    }

    public static String article(Object id) {
        return "article-" + id;
    }

    public static String author(Object id) {
        return "author-" + id;
    }

    public static String list(String slug) {
        return "list-" + slug;
    }

    /** The keys of one article's page: the article and the authors on its byline, space-separated. */
    public static String ofArticle(UUID id, Collection<?> authorIds) {
        StringBuilder keys = new StringBuilder(article(id));
        if (authorIds != null) {
            for (Object author : authorIds) {
                keys.append(' ').append(author(author));
            }
        }
        return keys.toString();
    }

    /** The {@code Cache-Tag} form of space-separated keys. */
    public static String asCacheTag(String keys) {
        return keys.replace(' ', ',');
    }
}
