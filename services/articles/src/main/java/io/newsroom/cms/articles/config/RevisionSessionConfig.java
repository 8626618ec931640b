package io.newsroom.cms.articles.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * When autosaves fold into the working revision (an editing session) instead of each making a new one: the same
 * person keeps saving, no workflow step came in between, and the session is fresh by both measures below.
 */
@ConfigMapping(prefix = "cms.articles.revisions")
public interface RevisionSessionConfig {
    /** A pause longer than this between two saves starts a new revision. */
    @WithDefault("10M")
    Duration sessionGap();

    /** A session older than this (from its first save) starts a new revision, however steadily someone types. */
    @WithDefault("60M")
    Duration maxSession();
}
