package io.newsroom.cms.authors.published;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.hibernate.query.NativeQuery;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A copy of what readers see of each media library picture used as an avatar here ({@code media_picture}): alt text,
 * caption, credit, size and rendition URLs, as the media service's public view of it. The public profiles are written
 * from it, so neither a public read nor a profile edit that keeps its picture asks the media service. How current: a
 * picture is copied from the usage answer when an author takes it, then from the media service's events
 * ({@code cms.media.pictures}), which also rewrite the profiles that show it. A copy is only replaced by a newer one
 * ({@code updatedAt}), so a late or replayed event changes nothing.
 * <p>
 * A profile is written from the copy while holding it ({@link #held}: a share lock until the transaction ends), and an
 * event's copy takes the row's write lock before it looks for the profiles to rewrite: whichever comes second sees the
 * other's work, so no profile keeps an old picture after both have committed.
 */
@ApplicationScoped
public class AvatarPictures {
    private static final String UPSERT = "insert into media_picture (id, picture, updated_at) values (:id, :picture, :updatedAt)"
            + " on conflict (id) do update set picture = excluded.picture, updated_at = excluded.updated_at"
            + " where media_picture.updated_at < excluded.updated_at";

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    /** The copy of picture {@code id} as it is now, in a transaction of its own; empty when none was ever copied. */
    public Optional<JsonNode> current(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> read(id, ""));
    }

    /**
     * In the caller's transaction: keeps {@code fresh} (the media service's answer, may be null) unless a newer copy is
     * here, then answers the copy, held until the transaction ends so that a picture event waits for it.
     */
    public Optional<JsonNode> held(UUID id, JsonNode fresh) {
        if (fresh != null) {
            upsert(fresh);
        }
        return read(id, " for share");
    }

    /** The copy of picture {@code id} for a profile written in the caller's transaction (held as {@link #held}). */
    public JsonNode copyOf(UUID id) {
        return id == null ? null : read(id, " for share").orElse(null);
    }

    /** In the caller's transaction: keeps {@code picture} if newer than the copy here; whether it was kept. */
    public boolean update(JsonNode picture) {
        return upsert(picture) == 1;
    }

    /** Whether an author here has taken picture {@code id} (its own transaction). */
    public boolean isCopied(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> !query("select 1 from media_picture where id = :id")
                .setParameter("id", id).getResultList().isEmpty());
    }

    /** Forgets a deleted picture (the library deletes only pictures nothing uses). */
    public void forget(UUID id) {
        QuarkusTransaction.requiringNew().run(() ->
                query("delete from media_picture where id = :id").setParameter("id", id).executeUpdate());
    }

    /** The URL readers are given for the picture by default: its original shape's {@code src}; null when it has none. */
    public static String defaultUrl(JsonNode picture) {
        JsonNode src = picture.path("renditions").path("original").path("src");
        return src.isTextual() ? src.asText() : null;
    }

    /**
     * A statement on this table only: Hibernate would otherwise flush every pending change of the session before it,
     * and a profile being edited would meet its version check there instead of at the save's own flush.
     */
    private NativeQuery<?> query(String sql) {
        return em.createNativeQuery(sql).unwrap(NativeQuery.class).addSynchronizedQuerySpace("media_picture");
    }

    private Optional<JsonNode> read(UUID id, String lock) {
        List<?> found = query("select picture from media_picture where id = :id" + lock)
                .setParameter("id", id).getResultList();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readTree((String) found.get(0)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored picture copy is not JSON: " + id, e);
        }
    }

    private int upsert(JsonNode picture) {
        return query(UPSERT).setParameter("id", UUID.fromString(picture.path("id").asText()))
                .setParameter("picture", picture.toString())
                .setParameter("updatedAt", Instant.parse(picture.path("updatedAt").asText()))
                .executeUpdate();
    }
}
