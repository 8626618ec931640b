package io.newsroom.cms.media.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Where items are used, written with single statements: the same usage reported or withdrawn by two requests at once
 * is one row (or none), never a failed read-modify-write.
 */
@ApplicationScoped
public class UsageRecords {
    @Inject
    EntityManager em;

    /** Records the usage, or updates its label when it is known already. */
    public void record(UUID mediaId, String kind, String ref, String label) {
        em.createNativeQuery("insert into media_usage (media_id, kind, ref, label, since) values (:id, :kind, :ref, :label, :since)"
                        + " on conflict (media_id, kind, ref) do update set label = excluded.label")
                .setParameter("id", mediaId).setParameter("kind", kind).setParameter("ref", ref).setParameter("label", label)
                .setParameter("since", Instant.now()).executeUpdate();
    }

    /** How many usages each of {@code ids} has (one query for a page of items; absent: none). */
    @SuppressWarnings("unchecked")
    public Map<UUID, Long> counts(List<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<UUID, Long> counts = new HashMap<>();
        for (Object[] row : (List<Object[]>) em.createNativeQuery(
                "select media_id, count(*) from media_usage where media_id in (:ids) group by media_id")
                .setParameter("ids", ids).getResultList()) {
            counts.put((UUID) row[0], ((Number) row[1]).longValue());
        }
        return counts;
    }

    /** Forgets the usage (nothing to do when it is not recorded). */
    public void forget(UUID mediaId, String kind, String ref) {
        em.createNativeQuery("delete from media_usage where media_id = :id and kind = :kind and ref = :ref")
                .setParameter("id", mediaId).setParameter("kind", kind).setParameter("ref", ref).executeUpdate();
    }
}
