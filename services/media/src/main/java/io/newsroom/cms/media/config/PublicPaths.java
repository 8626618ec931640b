package io.newsroom.cms.media.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** Where readers fetch renditions: the gateway's public path, in the URLs this service hands out. */
@ConfigMapping(prefix = "cms.media.public")
public interface PublicPaths {
    /** The path (or absolute URL, e.g. a CDN's) under which {@code <content-hash>/<rendition>} is served. */
    @WithName("renditions-base")
    @WithDefault("/public/v1/media")
    String renditionsBase();
}
