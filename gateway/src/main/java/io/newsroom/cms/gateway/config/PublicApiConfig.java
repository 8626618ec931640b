package io.newsroom.cms.gateway.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.net.URI;
import java.time.Duration;

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
     * the answers it touches at once, so only an event that never came makes an answer this old. When the events do
     * not come (Kafka away), {@code fresh-for} applies again to every answer.
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

    /** The feed's title. */
    @WithDefault("Newsroom")
    String feedTitle();

    /** How long a service may take to start answering a public read before it counts as not answering. */
    @WithDefault("3s")
    Duration backendTimeout();

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
