package io.newsroom.cms.articles.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Presence and soft locks: how long a silent tab counts as there, and how the live stream is kept. */
@ConfigMapping(prefix = "cms.articles.presence")
public interface PresenceConfig {
    /** A tab not heard from (heartbeat every 15 s) for this long is gone, and its lock with it. */
    @WithDefault("40s")
    Duration expiry();

    /** How often each replica reads the table for the articles its streams watch (what other replicas changed). */
    @WithDefault("1s")
    String poll();

    /** An SSE comment this often keeps an idle stream open through the gateway and proxies. */
    @WithDefault("15s")
    Duration keepAlive();

    /** A stream ends after this long (the browser reconnects with a fresh token, so access is checked again). */
    @WithDefault("10m")
    Duration streamLifetime();
}
