package io.newsroom.cms.authors.published;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsroom.cms.authors.domain.Author;
import io.newsroom.cms.authors.rest.AuthorMapper;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import io.newsroom.cms.authors.rest.AuthorRecords.ProfileChange;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The public projection of every author ("About the Author"), stored as JSON next to the profile and written by the
 * transaction that changes the profile. Public reads return it verbatim: one indexed lookup, no Markdown rendering
 * or sanitizing per request, run by the reactive client on the event loop that received the request (no worker
 * thread, no Hibernate session).
 */
@ApplicationScoped
public class PublicProfiles {
    /** Version of the stored JSON and of the HTML sanitizer policy; raise it to have every row rewritten at start. */
    public static final int FORMAT = 1;
    private static final Logger LOG = Logger.getLogger(PublicProfiles.class);

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    Pool pool;

    /** Sets the stored public JSON from the author's current fields; call before the author is flushed. */
    public void refresh(Author author) {
        author.publicJson = write(author);
        author.publicFormat = FORMAT;
        author.publicUpdatedAt = author.updatedAt;
    }

    void onStart(@Observes StartupEvent start) {
        catchUp();
    }

    // first run 30 s after start: the start-up has just done it
    @Scheduled(every = "${cms.authors.public-profiles.reconcile-every}", delay = 30, delayUnit = TimeUnit.SECONDS,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void reconcile() {
        catchUp();
    }

    /**
     * Writes the public JSON of profiles that have none (data from before the column existed), one of an older format,
     * or one written before the profile's last change; at start-up and then every
     * {@code cms.authors.public-profiles.reconcile-every}. Every edit writes its JSON in its own transaction, so this
     * finds work only after an upgrade (replicas of the old version still running) or a format change. The write is
     * conditional on the version read, and does not change it: a profile edited meanwhile already carries a fresh
     * JSON, and editors' ETags stay valid.
     */
    @Transactional
    public void catchUp() {
        // a JSON is only ever written together with its publicUpdatedAt: a null one also means no JSON yet
        List<Author> stale = Author.list("publicFormat <> ?1 or publicUpdatedAt is null or publicUpdatedAt <> updatedAt", FORMAT);
        int written = 0;
        for (Author author : stale) {
            written += em.createNativeQuery("update author set public_json = :json, public_format = :format,"
                            + " public_updated_at = updated_at where id = :id and version = :version")
                    .setParameter("json", write(author)).setParameter("format", FORMAT)
                    .setParameter("id", author.id).setParameter("version", author.version)
                    .executeUpdate();
        }
        if (written > 0) {
            LOG.infof("Public author profiles: %d written", written);
        }
    }

    /** A public profile by slug: {@code json} for the current slug, {@code movedTo} for an old one. */
    public record BySlug(String json, String movedTo) {
    }

    public Uni<Optional<String>> byId(UUID id) {
        return pool.preparedQuery("select public_json from author where id = $1").execute(Tuple.of(id))
                .map(rows -> first(rows).map(row -> row.getString(0)));
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

    /** {"items":[...]}: the profiles of the known ones among {@code ids}, in the order asked, each once. */
    public Uni<String> byIds(List<UUID> ids) {
        // one array parameter: the statement and its plan stay the same whatever the count
        UUID[] asked = ids.stream().distinct().toArray(UUID[]::new);
        return pool.preparedQuery("select a.public_json from unnest($1::uuid[]) with ordinality as asked(id, n)"
                + " join author a on a.id = asked.id order by asked.n").execute(Tuple.of(asked)).map(rows -> {
                    StringBuilder items = new StringBuilder(64 + rows.size() * 1024).append("{\"items\":[");
                    boolean firstItem = true;
                    for (Row row : rows) {
                        items.append(firstItem ? "" : ",").append(row.getString(0));
                        firstItem = false;
                    }
                    return items.append("]}").toString();
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

    private static Optional<Row> first(RowSet<Row> rows) {
        RowIterator<Row> iterator = rows.iterator();
        return iterator.hasNext() ? Optional.of(iterator.next()) : Optional.empty();
    }

    private String write(Author author) {
        try {
            return json.writeValueAsString(AuthorMapper.publicView(author));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the public profile", e);
        }
    }
}
