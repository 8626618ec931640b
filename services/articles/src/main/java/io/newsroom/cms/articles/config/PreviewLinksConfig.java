package io.newsroom.cms.articles.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** Preview links: how long they last and how many may be open on one article at once. */
@ConfigMapping(prefix = "cms.articles.previews")
public interface PreviewLinksConfig {
    /** A link made without {@code expiresAt} lasts this long. */
    @WithDefault("P7D")
    Duration defaultLifetime();

    /** No link lasts longer than this from its creation. */
    @WithDefault("P30D")
    Duration maxLifetime();

    /** Unexpired, unrevoked links one article may have at once (revoke one to make another). */
    @WithDefault("20")
    int maxActivePerArticle();

    /**
     * Where the preview page is, before {@code /preview/<token>}: empty (the default) gives the path alone, which the
     * editor app completes with its own address (the gateway serves both); a site behind another host sets it, e.g.
     * {@code https://cms.example.com}.
     */
    Optional<String> pageBase();
}
