package io.newsroom.cms.gateway.service;

/**
 * What a feed shows: the whole site, a tag's articles, or a section's ({@code section}: a section's slug, passed to the
 * articles service's section filter). {@link #path()} is where the feed is under {@code /public/v1}.
 */
public record FeedScope(String tag, String section) {
    public static final FeedScope SITE = new FeedScope(null, null);

    public static FeedScope ofTag(String slug) {
        return new FeedScope(slug.toLowerCase(java.util.Locale.ROOT), null); // tags are kept in lower case
    }

    public static FeedScope ofSection(String slug) {
        return new FeedScope(null, slug);
    }

    /** The feed's place under {@code /public/v1}, without the {@code feed.*} file name. */
    public String path() {
        return tag != null ? "/tags/" + tag : section != null ? "/sections/" + section : "";
    }

    /** What this scope is called in a problem's detail. */
    String describe() {
        return tag != null ? "tagged '" + tag + "'" : section != null ? "in section '" + section + "'" : "";
    }
}
