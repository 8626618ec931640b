package io.newsroom.cms.authors.published;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsroom.cms.authors.api.AuthorRecords.ProfileChange;
import io.newsroom.cms.authors.api.AuthorRecords.PublicAuthor;
import io.newsroom.cms.authors.domain.Author;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import io.newsroom.cms.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The public projection of every author ("About the Author"), stored as JSON next to the profile and written by the
 * transaction that changes the profile. Public reads return it verbatim: one indexed lookup, no Markdown rendering
 * or sanitizing per request, run by the reactive client on the event loop that received the request (no worker
 * thread, no Hibernate session). What lags behind (after an upgrade or a format change) is caught up by
 * {@code service.PublicProfileReconciler}.
 */
@ApplicationScoped
public class PublicProfiles {
    /** Version of the stored JSON and of the HTML sanitizer policy; raise it to have every row rewritten at start. */
    public static final int FORMAT = 1;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    Pool pool;

    /** The outbox stream of the public profiles (topic {@code cms.authors.profiles}, compacted by author id). */
    public static final String STREAM = "author-profiles";
    /** Event header: the profile's change time, the version the articles service compares its copy with. */
    public static final String UPDATED_AT = "cms-updated-at";

    /**
     * Sets the stored public JSON to {@code profile}, the author's current public view, and appends it to the outbox
     * in the same transaction; call before the author is flushed.
     */
    public void refresh(Author author, PublicAuthor profile) {
        author.publicJson = write(profile);
        author.publicFormat = FORMAT;
        author.publicUpdatedAt = author.updatedAt;
        announce(author.id, author.publicJson, author.updatedAt != null ? author.updatedAt : author.createdAt);
    }

    /** A tombstone for a deleted author, in the transaction of the delete. */
    public void removed(UUID authorId) {
        Outbox.append(em, STREAM, authorId.toString(), "author.deleted", null, Map.of());
    }

    private void announce(UUID id, String json, Instant updatedAt) {
        Outbox.append(em, STREAM, id.toString(), "author.updated", json,
                updatedAt == null ? Map.of() : Map.of(UPDATED_AT, updatedAt.toString()));
    }

    /**
     * The profiles whose stored JSON lags: none yet (data from before the column existed), one of an older format, or
     * one written before the profile's last change.
     */
    public List<Author> lagging() {
        // a JSON is only ever written together with its publicUpdatedAt: a null one also means no JSON yet
        return Author.list("publicFormat <> ?1 or publicUpdatedAt is null or publicUpdatedAt <> updatedAt", FORMAT);
    }

    /**
     * Stores {@code profile} as the author's public JSON if the author is still at the version read, without changing
     * that version: a profile edited meanwhile already carries a fresh JSON, and editors' ETags stay valid. True when
     * written.
     */
    public boolean rewrite(Author author, PublicAuthor profile) {
        String json = write(profile);
        boolean written = em.createNativeQuery("update author set public_json = :json, public_format = :format,"
                        + " public_updated_at = updated_at where id = :id and version = :version")
                .setParameter("json", json).setParameter("format", FORMAT)
                .setParameter("id", author.id).setParameter("version", author.version)
                .executeUpdate() == 1;
        if (written) {
            announce(author.id, json, author.updatedAt);
        }
        return written;
    }

    /**
     * Stores {@code profile} as the author's public JSON after something it shows changed elsewhere (the avatar's
     * picture in the media library), if the author is still at the version read. The profile's change time moves to
     * {@code at}, so the event and the changes feed carry it to the copies (which take only newer profiles); the version
     * stays, so editors' ETags stay valid. True when written.
     */
    public boolean republish(Author author, PublicAuthor profile, Instant at) {
        String json = write(profile);
        boolean written = em.createNativeQuery("update author set public_json = :json, public_format = :format,"
                        + " updated_at = :at, public_updated_at = :at where id = :id and version = :version")
                .setParameter("json", json).setParameter("format", FORMAT).setParameter("at", at)
                .setParameter("id", author.id).setParameter("version", author.version)
                .executeUpdate() == 1;
        if (written) {
            announce(author.id, json, at);
        }
        return written;
    }

    /** A public profile by slug: {@code json} for the current slug, {@code movedTo} for an old one. */
    public record BySlug(String json, String movedTo) {
    }

    public Uni<Optional<BySlug>> bySlug(String slug) {
        return pool.preparedQuery("select public_json from author where slug = $1").execute(Tuple.of(slug)).flatMap(rows -> {
            Optional<Row> current = first(rows);
            if (current.isPresent()) {
                return Uni.createFrom().item(Optional.of(new BySlug(current.get().getString(0), null)));
            }
            return pool.preparedQuery("select a.slug from author_slug_alias s join author a on a.id = s.author_id where s.slug = $1")
                    .execute(Tuple.of(slug)).map(old -> first(old).map(row -> new BySlug(null, row.getString(0))));
        });
    }

    /**
     * The public names and profiles of the authors changed after {@code (since, after)} in (updatedAt, id) order, at
     * most {@code limit}: a keyset over the profiles' change times that other services page through to keep their
     * copies current.
     */
    public Uni<List<ProfileChange>> changes(Instant since, UUID after, int limit) {
        return pool.preparedQuery("select id, slug, display_name, updated_at, public_json from author where (updated_at, id) > ($1, $2)"
                + " order by updated_at, id limit $3").execute(Tuple.of(since.atOffset(ZoneOffset.UTC), after, limit)).map(rows -> {
                    List<ProfileChange> changes = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        changes.add(new ProfileChange(row.getUUID(0), row.getString(1), row.getString(2),
                                row.getOffsetDateTime(3).toInstant(), row.getString(4)));
                    }
                    return changes;
                });
    }

    /** An active author's slug and stored public profile. */
    public record Listed(String slug, String json) {
    }

    /**
     * The public profiles of the active authors with slugs after {@code afterSlug} (null: from the first), in slug
     * order, at most {@code limit}: a keyset over the unique slug index, for the public index of authors.
     */
    public Uni<List<Listed>> active(String afterSlug, int limit) {
        return pool.preparedQuery("select slug, public_json from author where slug > $1 and active and public_json is not null"
                + " order by slug limit $2").execute(Tuple.of(afterSlug == null ? "" : afterSlug, limit)).map(rows -> {
                    List<Listed> listed = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        listed.add(new Listed(row.getString(0), row.getString(1)));
                    }
                    return listed;
                });
    }

    private static Optional<Row> first(RowSet<Row> rows) {
        RowIterator<Row> iterator = rows.iterator();
        return iterator.hasNext() ? Optional.of(iterator.next()) : Optional.empty();
    }

    private String write(PublicAuthor profile) {
        try {
            return json.writeValueAsString(profile);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the public profile", e);
        }
    }
}
