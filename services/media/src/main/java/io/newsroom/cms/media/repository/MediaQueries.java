package io.newsroom.cms.media.repository;

import io.newsroom.cms.media.domain.MediaItem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import io.vertx.core.json.Json;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The library's listing: newest first, optionally by words (alt text, caption, credit, file name) and tag. */
@ApplicationScoped
public class MediaQueries {
    @Inject
    EntityManager em;

    /** A position in the listing: the last item a page showed. */
    public record After(Instant createdAt, UUID id) {
    }

    @SuppressWarnings("unchecked")
    public List<MediaItem> newest(String words, String tag, After after, int limit) {
        StringBuilder sql = new StringBuilder("select * from media_item where true");
        if (words != null) {
            sql.append(" and search_vector @@ websearch_to_tsquery('english', :words)");
        }
        if (tag != null) {
            sql.append(" and tags @> cast(:tag as jsonb)");
        }
        if (after != null) {
            sql.append(" and (created_at, id) < (:afterAt, :afterId)");
        }
        sql.append(" order by created_at desc, id desc limit :limit");
        Query query = em.createNativeQuery(sql.toString(), MediaItem.class).setParameter("limit", limit);
        if (words != null) {
            query.setParameter("words", words);
        }
        if (tag != null) {
            query.setParameter("tag", "[" + Json.encode(tag.toLowerCase(java.util.Locale.ROOT)) + "]");
        }
        if (after != null) {
            query.setParameter("afterAt", after.createdAt()).setParameter("afterId", after.id());
        }
        return query.getResultList();
    }
}
