package io.newsroom.cms.gateway.config;

import io.smallrye.config.ConfigMapping;

import java.net.URI;
import java.time.Duration;

/** Typed gateway settings ({@code cms.gateway.*}). */
@ConfigMapping(prefix = "cms.gateway")
public interface GatewayConfig {
    /** Base URLs of the services behind the editor API. */
    Services services();

    /** How long a backend may take to start answering before the caller gets a 504 problem. */
    Duration timeout();

    /** What the editor app needs to know at runtime. */
    Frontend frontend();

    interface Frontend {
        /** Public URL of Keycloak as the browser reaches it. */
        URI keycloakUrl();
    }

    interface Services {
        URI articles();

        URI authors();

        URI curation();
    }
}
