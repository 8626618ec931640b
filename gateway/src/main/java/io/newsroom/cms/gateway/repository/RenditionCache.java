package io.newsroom.cms.gateway.repository;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.newsroom.cms.gateway.config.PublicApiConfig;
import io.newsroom.cms.gateway.domain.Picture;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Picture renditions by URL, up to {@code renditions-cache-size} bytes. Their URLs are content-addressed (the media
 * service names what made the bytes), so an entry is never out of date: only room evicts it.
 */
@ApplicationScoped
public class RenditionCache {
    private final Cache<String, Picture> cache;

    @Inject
    public RenditionCache(PublicApiConfig config) {
        cache = Caffeine.newBuilder().maximumWeight(config.renditionsCacheSize().asLongValue())
                .weigher((String key, Picture picture) -> picture.bytes().length + key.length()).build();
    }

    public Picture get(String key) {
        return cache.getIfPresent(key);
    }

    public void put(String key, Picture picture) {
        cache.put(key, picture);
    }
}
