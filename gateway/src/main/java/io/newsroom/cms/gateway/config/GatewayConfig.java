package io.newsroom.cms.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;

/** Typed gateway settings ({@code cms.gateway.*}). */
@ConfigMapping(prefix = "cms.gateway")
public interface GatewayConfig {
    /** Base URLs of the services behind the editor API. */
    Services services();

    /** How long a backend may take to start answering before the caller gets a 504 problem. */
    Duration timeout();

    /**
     * The same for an upload streamed through ({@code cms.http.uploads.paths}): the media service answers once the
     * picture is decoded, checked and stored, which for a 25 MB picture while others are being made takes longer than an
     * editor call may.
     */
    @WithDefault("60s")
    Duration uploadTimeout();

    /**
     * A live stream (server-sent events, e.g. an article's presence) may stay silent this long before the gateway drops
     * it; the services send a keep-alive comment every 15 s, so only a dead stream is cut. The request timeout above
     * does not apply to streams.
     */
    @WithDefault("45s")
    Duration streamIdleTimeout();

    /** How many live streams the gateway keeps open to the services at once (their own connections, outside the pool). */
    @WithDefault("2000")
    int streamMaxOpen();

    /** The circuit breaker in front of every backend route (public reads and the editor API), one per service and route. */
    Breaker breaker();

    /** What the editor app needs to know at runtime. */
    Frontend frontend();

    interface Frontend {
        /** Public URL of Keycloak as the browser reaches it. */
        URI keycloakUrl();
    }

    /**
     * SmallRye Fault Tolerance's circuit breaker: over the last {@code request-volume-threshold} calls, a share of
     * {@code failure-ratio} failures (no answer, a timeout, a 502/503/504) opens it; while open, callers get a 503 problem
     * at once (the public API its last good answer); after {@code delay} trial calls go through, and
     * {@code success-threshold} good ones close it again.
     */
    interface Breaker {
        @WithDefault("20")
        int requestVolumeThreshold();

        @WithDefault("0.5")
        double failureRatio();

        @WithDefault("2s")
        Duration delay();

        @WithDefault("2")
        int successThreshold();
    }

    interface Services {
        URI articles();

        URI authors();

        URI curation();

        /** The webhooks service (admins' endpoints for outside systems). */
        URI webhooks();

        /** The media service (the picture library; its renditions are public). */
        URI media();
    }
}
