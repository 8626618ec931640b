package io.newsroom.cms.gateway.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** Public content API settings ({@code cms.public-api.*}). */
@ConfigMapping(prefix = "cms.public-api")
public interface PublicApiConfig {
    /** Composed answers are kept in the gateway; off means every request goes to the services (for benchmarks). */
    @WithDefault("true")
    boolean cacheEnabled();

    /** How long a composed answer is served without asking the services again. */
    @WithDefault("300ms")
    Duration freshFor();

    /**
     * After {@code fresh-for}, for this long more, the answer is still served at once while one request refreshes it
     * in the background, so readers never wait for the services on a busy key. fresh-for + refresh-ahead is the bound
     * on how old an answer can be: the publish → visible bound (plus the time to compose one answer).
     */
    @WithDefault("400ms")
    Duration refreshAhead();

    /**
     * How long an answer stays fresh while the content events reach this replica (Kafka): a change replaces or drops
     * the answers it touches at once, so only an event that never came makes an answer this old. Past it, the answer
     * is still served at once while one background request renews it (for as long again; then the reader waits). When
     * the events do not come (Kafka away), {@code fresh-for} applies again to every answer.
     */
    @WithDefault("120s")
    Duration eventFreshFor();

    /** How long the last good answer keeps being served (with Age) while a service is down; then 503. */
    @WithDefault("10m")
    Duration staleFor();

    /** Bound on cached answers (memory). */
    @WithDefault("20000")
    int maxEntries();

    /** Cache-Control max-age for readers' browsers and CDNs. */
    @WithDefault("30s")
    Duration maxAge();

    /**
     * Cache-Control s-maxage: how long a CDN may keep a public answer. 0 (the default) sends none, so CDNs follow
     * max-age. Set it long (an hour, a day) only where a CDN-purge webhook is registered: the purge then drops exactly
     * the answers a change touched (their {@code Surrogate-Key}/{@code Cache-Tag}) within a second, and a takedown does
     * not wait for the CDN's copy to expire.
     */
    @WithName("shared-max-age")
    @WithDefault("0s")
    Duration sharedMaxAge();

    /** Cache-Control stale-while-revalidate. */
    @WithDefault("300s")
    Duration staleWhileRevalidate();

    /**
     * The readers' site, e.g. {@code https://www.example.com}: the feed's channel link. Required: no default, so a
     * production gateway without it does not start (environment: {@code CMS_PUBLIC_API_SITE_URL}).
     */
    URI siteUrl();

    /** Where an article is read on that site, relative to {@link #siteUrl()}: feed and sitemap links. */
    @WithDefault("/articles/{slug}")
    String articlePath();

    /** The feed's title (kept for older settings: {@code feed.title} wins when both are set). */
    @WithDefault("Newsroom")
    String feedTitle();

    /** Where an author's page is read on the readers' site, relative to {@link #siteUrl()}: the authors index's links. */
    @WithDefault("/authors/{slug}")
    String authorPath();

    /**
     * Where readers reach this API ({@code /public/v1} itself), for the links the API gives to its own answers: the
     * sitemap index's pages, the feeds' self links. Default: {@code /public/v1} on the site's scheme, host and port
     * (the site passes {@code /public/v1} on to the gateway).
     */
    Optional<URI> apiUrl();

    /** The feeds ({@code cms.public-api.feed.*}): RSS 2.0, Atom and JSON Feed, of the whole site and per tag. */
    Feed feed();

    /** The sitemaps ({@code cms.public-api.sitemap.*}): the index, its pages of articles, the Google News sitemap. */
    Sitemap sitemap();

    interface Feed {
        /** The feeds' title; default: {@code feed-title} ("Newsroom"). */
        Optional<String> title();

        /** RSS {@code description}, Atom {@code subtitle}, JSON Feed {@code description}. */
        @WithDefault("Latest published articles")
        String description();

        /** The site's home page the feeds link to; default: {@link #siteUrl()}. */
        Optional<URI> link();

        /** The feeds' language (RSS {@code language}, Atom {@code xml:lang}, JSON Feed {@code language}), BCP 47. */
        @WithDefault("en")
        @Pattern(regexp = "[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*")
        String language();

        /** How many of the newest articles a feed carries. */
        @WithDefault("20")
        @Min(1)
        @Max(50)
        int items();

        /**
         * Whether feeds carry the whole article (the sanitized {@code bodyHtml}: RSS {@code content:encoded}, Atom
         * {@code content type="html"}, JSON Feed {@code content_html}) besides the summary; off: summaries only.
         */
        @WithDefault("false")
        boolean fullContent();
    }

    interface Sitemap {
        /** URLs per sitemap page ({@code /public/v1/sitemaps/articles-{n}.xml}): at most 50,000, the protocol's limit. */
        @WithDefault("50000")
        @Min(1)
        @Max(50000)
        int pageSize();

        /** The Google News sitemap's {@code news:name}: the publication as Google News knows it; default: the feeds' title. */
        Optional<String> newsPublication();

        /** The Google News sitemap's {@code news:language} (ISO 639: two or three letters, or zh-cn / zh-tw); default: the feeds' language. */
        Optional<String> newsLanguage();
    }

    /** How long a service may take to start answering a public read before it counts as not answering. */
    @WithDefault("3s")
    Duration backendTimeout();

    /**
     * How long the media service may take to start answering for a rendition. One not stored yet is made on that
     * request (or waits for the upload's renditions being made): the picture decoded and every width of its shape
     * written, seconds of CPU on a busy machine, where a JSON read takes milliseconds.
     */
    @WithDefault("15s")
    Duration renditionTimeout();

    /** How long opening a connection to a service may take. */
    @WithDefault("1s")
    Duration backendConnectTimeout();

    /**
     * How many bytes of picture renditions this replica keeps in memory (they never change: their URLs are
     * content-addressed, so nothing ever has to be evicted for freshness, only for room).
     */
    @WithName("renditions-cache-size")
    @WithDefault("64M")
    MemorySize renditionsCacheSize();
}
