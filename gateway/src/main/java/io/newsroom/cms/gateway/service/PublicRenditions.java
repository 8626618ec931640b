package io.newsroom.cms.gateway.service;

import io.newsroom.cms.gateway.client.ContentBackends;
import io.newsroom.cms.gateway.domain.BackendException;
import io.newsroom.cms.gateway.domain.Picture;
import io.newsroom.cms.gateway.repository.RenditionCache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Picture renditions for readers: from this replica's memory, or from the media service once, then kept. */
@ApplicationScoped
public class PublicRenditions {
    @Inject
    ContentBackends backends;

    @Inject
    RenditionCache cache;

    /** The rendition, or a {@link BackendException} (404: no such rendition; 502/503: the media service failed). */
    public Uni<Picture> get(String hash, String name) {
        String key = hash + "/" + name;
        Picture cached = cache.get(key);
        if (cached != null) {
            return Uni.createFrom().item(cached);
        }
        return backends.rendition(hash, name).map(answer -> {
            if (answer.status() == 404 || answer.status() == 400) {
                throw new BackendException(404, "No picture at this address");
            }
            if (answer.status() != 200 || answer.contentType() == null || !answer.contentType().startsWith("image/")) {
                throw new BackendException(502, "The media service answered " + answer.status());
            }
            Picture picture = new Picture(answer.body(), answer.contentType(), answer.etag());
            cache.put(key, picture);
            return picture;
        });
    }
}
