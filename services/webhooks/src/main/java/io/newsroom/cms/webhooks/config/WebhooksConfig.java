package io.newsroom.cms.webhooks.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.Duration;
import java.util.List;

/** Every setting of the webhooks service (application.properties lists them with the local stack's values). */
@ConfigMapping(prefix = "cms.webhooks")
public interface WebhooksConfig {
    /**
     * Let endpoints point at loopback, private, link-local and CGNAT addresses (the local stack and the tests, where
     * receivers run on this machine). Off in production: such a target is refused at registration and before every
     * delivery. Unspecified, multicast and cloud metadata addresses are refused either way.
     */
    @WithName("allow-private-targets")
    @WithDefault("false")
    boolean allowPrivateTargets();

    /** How long one attempt may take in all (connect, send, answer); longer is a failed attempt. */
    @WithDefault("10s")
    Duration timeout();

    /** How long connecting to a receiver may take. */
    @WithName("connect-timeout")
    @WithDefault("3s")
    Duration connectTimeout();

    /** Requests in flight at once, over all endpoints (per replica). */
    @WithDefault("64")
    int concurrency();

    /**
     * Requests in flight at once to one endpoint: what a hanging or slow receiver can take of {@link #concurrency()}
     * (so it never holds up the others), and the connection pool per receiver.
     */
    @WithName("per-endpoint-concurrency")
    @WithDefault("8")
    int perEndpointConcurrency();

    /** The wait after the 1st, 2nd, ... failed attempt; when it is used up the delivery has failed. */
    @WithName("retry-schedule")
    @WithDefault("5s,30s,2m,10m,30m,1h,3h,6h,12h")
    List<Duration> retrySchedule();

    /** An endpoint whose deliveries kept failing with no success for this long is disabled. */
    @WithName("disable-after")
    @WithDefault("24h")
    Duration disableAfter();

    /** How long delivered deliveries stay listed before the cleanup deletes them. */
    @WithName("keep-delivered")
    @WithDefault("168h")
    Duration keepDelivered();

    /** How long failed deliveries stay listed (and can be redelivered) before the cleanup deletes them. */
    @WithName("keep-failed")
    @WithDefault("720h")
    Duration keepFailed();

    /**
     * How often the worker looks for due deliveries when nothing woke it (new events wake it at once; this is how
     * retries and other replicas' events are found).
     */
    @WithName("poll-every")
    @WithDefault("1s")
    Duration pollEvery();

    /** Deliveries taken per round trip to the database, at most. */
    @WithName("batch-size")
    @WithDefault("200")
    int batchSize();

    /** How often old deliveries are deleted (a schedule of {@code service.Cleanup}; {@code off} in tests). */
    @WithName("cleanup-every")
    @WithDefault("1h")
    String cleanupEvery();

    Topics topics();

    /** The Kafka topics read (consumer group {@code webhooks}), by what they carry. */
    interface Topics {
        /** The public document of every live article by article id; tombstones on unpublish. */
        @WithName("published-articles")
        @WithDefault("cms.articles.published")
        String publishedArticles();

        /** Every editorial transition, by article id. */
        @WithDefault("cms.articles.workflow")
        String workflow();

        /** Authors' public profiles by author id; tombstones when a profile goes. */
        @WithName("author-profiles")
        @WithDefault("cms.authors.profiles")
        String authorProfiles();

        /** Curated lists by list id; tombstones when a list goes. */
        @WithName("curation-lists")
        @WithDefault("cms.curation.lists")
        String curationLists();
    }
}
