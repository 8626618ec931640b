package io.newsroom.cms.gateway.service;

import io.newsroom.cms.gateway.config.PublicApiConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The absolute links the public answers give: readers' pages on the site ({@code site-url} with {@code article-path},
 * {@code author-path}), the site's home page ({@code feed.link}), and this API's own answers ({@code api-url}).
 * Worked out once: a sitemap page asks for up to 50,000 of them.
 */
@ApplicationScoped
public class PublicLinks {
    private final String site;
    private final String home;
    private final String api;
    private final String articlePath;
    private final String authorPath;

    @Inject
    public PublicLinks(PublicApiConfig config) {
        site = config.siteUrl().toString().replaceAll("/+$", "");
        home = config.feed().link().orElse(config.siteUrl()).toString();
        URI siteUrl = config.siteUrl();
        api = config.apiUrl().map(URI::toString)
                .orElseGet(() -> siteUrl.getScheme() + "://" + siteUrl.getRawAuthority() + "/public/v1").replaceAll("/+$", "");
        articlePath = config.articlePath();
        authorPath = config.authorPath();
    }

    /** The site's home page. */
    public String home() {
        return home;
    }

    public String article(String slug) {
        return site + articlePath.replace("{slug}", encode(slug));
    }

    public String author(String slug) {
        return site + authorPath.replace("{slug}", encode(slug));
    }

    /** {@code path} (starting with /) of this API, as readers reach it. */
    public String api(String path) {
        return api + path;
    }

    private static String encode(String slug) {
        return URLEncoder.encode(slug, StandardCharsets.UTF_8);
    }
}
