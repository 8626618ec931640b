package io.newsroom.cms.articles.published;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsroom.cms.articles.client.AuthorChangesApi;
import io.newsroom.cms.articles.client.AuthorChangesApi.ProfileChange;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A copy of the public names and profiles of the authors on bylines ({@code byline_author}), owned by the authors
 * service and copied from it, so that the published reads carry their authors without a call to the authors service
 * per read: list items name them ({@code {"id","slug","displayName"}}) and the article carries their "About the
 * Author" profiles. Each {@code published_article} row stores both, written with the row from this copy and
 * rewritten when an author changes; a read stays one indexed lookup, and keeps its authors while the authors service
 * is down.
 * <p>
 * How current: an author put on a byline for the first time is copied from the byline check's answer, in the
 * transaction that saves the article. After that, every {@code cms.articles.byline-authors.sync-every} (5 s) each
 * replica pages through the authors service's changed profiles since the newest change it holds, so an edit reaches
 * readers within that interval. The page starts {@link #OVERLAP} earlier than that change, so a profile edit whose
 * transaction committed after a later one was already copied is not skipped; copying the same profile again is a
 * no-op.
 */
@ApplicationScoped
public class BylineAuthors {
    /** How far back each sync starts before the newest change already copied (longer than any profile edit). */
    static final Duration OVERLAP = Duration.ofMinutes(1);
    private static final int PAGE = 500;
    private static final UUID NONE = new UUID(0, 0);
    private static final Logger LOG = Logger.getLogger(BylineAuthors.class);

    /**
     * SQL for one row {@code (links, profiles)}: the links ({@code {"id","slug","displayName"}}) and the public profiles
     * of the authors of {@code byline} (a jsonb array of ids), each in byline order and comma-separated (the contents of
     * a JSON array); nulls when none is known.
     */
    static String authorsOf(String byline) {
        return "(select string_agg(n.link, ',' order by b.n) as links, string_agg(n.profile, ',' order by b.n) as profiles"
                + " from jsonb_array_elements_text(" + byline + ") with ordinality as b(id, n)"
                + " join byline_author n on n.id = b.id::uuid)";
    }

    private static final String UPSERT = "insert into byline_author (id, slug, display_name, link, profile, source_updated_at)"
            + " values ($1, $2, $3, $4, $5, $6) on conflict (id) do update set slug = excluded.slug,"
            + " display_name = excluded.display_name, link = excluded.link, profile = excluded.profile,"
            + " source_updated_at = excluded.source_updated_at"
            + " where byline_author.source_updated_at is null or byline_author.source_updated_at < excluded.source_updated_at";

    /** Rewrites the stored authors of the published articles with author $1 (as {@code ["id"]}) where they differ. */
    private static final String RELINK = "update published_article p set authors = now.links, profiles = now.profiles"
            + " from (select a.article_id, x.links, x.profiles from published_article a cross join lateral "
            + authorsOf("a.byline") + " x where a.byline @> $1::text::jsonb) now"
            + " where p.article_id = now.article_id and (p.authors is distinct from now.links or p.profiles is distinct from now.profiles)";

    private record Link(UUID id, String slug, String displayName) {
    }

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    Pool pool;

    @Inject
    @RestClient
    AuthorChangesApi authors;

    private volatile boolean failing;
    /** When this replica's last successful sync started. */
    private volatile Instant lastSynced;

    /**
     * Copies authors just put on a byline, in the caller's transaction, unless they are known already (a known row
     * may be newer than the claim's answer; the sync keeps it current).
     */
    public void remember(List<ProfileChange> claimed) {
        for (ProfileChange author : claimed) {
            em.createNativeQuery("insert into byline_author (id, slug, display_name, link, profile)"
                            + " values (:id, :slug, :name, :link, :profile) on conflict (id) do nothing")
                    .setParameter("id", author.id()).setParameter("slug", author.slug())
                    .setParameter("name", author.displayName()).setParameter("link", link(author))
                    .setParameter("profile", profile(author))
                    .executeUpdate();
        }
    }

    @Scheduled(every = "${cms.articles.byline-authors.sync-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduledSync() {
        return sync().invoke(changed -> {
            if (failing) {
                LOG.info("Byline authors: synced again");
                failing = false;
            }
        }).onFailure().invoke(e -> {
            if (!failing) {
                LOG.warnf("Byline authors: not synced (%s); readers keep the names and profiles copied so far,"
                        + " next try in the next interval", e.toString());
                failing = true;
            }
        }).onFailure().recoverWithNull().replaceWithVoid();
    }

    /**
     * Copies the profiles changed since the newest change held, less the overlap; the number of rows that changed.
     * After a sync of this replica succeeded, never from further back than the overlap before it: only a change of
     * the last minute can still commit late, so the feed's old changes are not read (and their articles not
     * rechecked) over and over. With no copy at all (a new database), from the start of the feed.
     */
    public Uni<Integer> sync() {
        Instant started = Instant.now();
        return pool.query("select max(source_updated_at) from byline_author").execute().flatMap(rows -> {
            OffsetDateTime newest = rows.iterator().next().getOffsetDateTime(0);
            Instant since = newest == null ? Instant.EPOCH : newest.toInstant().minus(OVERLAP);
            Instant previous = lastSynced;
            if (newest != null && previous != null && previous.minus(OVERLAP).isAfter(since)) {
                since = previous.minus(OVERLAP);
            }
            return copy(since, NONE, 0);
        }).invoke(() -> lastSynced = started);
    }

    /**
     * Copies a page of changed profiles, then brings the stored authors of their published articles in line. That is
     * done for every author of the page, changed here or not: an article published while its author was being edited
     * may have been written with the old profile after the previous sync looked, and the overlap brings that author
     * round again.
     */
    private Uni<Integer> copy(Instant since, UUID after, int copied) {
        return authors.after(since, after, PAGE).flatMap(page -> {
            List<ProfileChange> items = page.items() == null ? List.of() : page.items();
            if (items.isEmpty()) {
                return done(copied, 0);
            }
            List<Tuple> rows = new ArrayList<>(items.size());
            List<Tuple> ids = new ArrayList<>(items.size());
            for (ProfileChange author : items) {
                rows.add(Tuple.from(List.of(author.id(), author.slug(), author.displayName(), link(author),
                        profile(author), author.updatedAt().atOffset(ZoneOffset.UTC))));
                ids.add(Tuple.of("[\"" + author.id() + "\"]"));
            }
            return pool.withTransaction(connection -> connection.preparedQuery(UPSERT).executeBatch(rows)
                            .flatMap(upserted -> connection.preparedQuery(RELINK).executeBatch(ids)
                                    .map(relinked -> new int[]{count(upserted), count(relinked)})))
                    .flatMap(counts -> items.size() < PAGE ? done(copied + counts[0], counts[1])
                            : copy(items.get(items.size() - 1).updatedAt(), items.get(items.size() - 1).id(), copied + counts[0]));
        });
    }

    private static Uni<Integer> done(int copied, int relinked) {
        if (copied + relinked > 0) {
            LOG.infof("Byline authors: %d copied from the authors service, %d published articles rewritten", copied, relinked);
        }
        return Uni.createFrom().item(copied);
    }

    /** Rows changed by a batch: the executeBatch answer is one row set per tuple. */
    private static int count(RowSet<Row> rows) {
        int n = 0;
        for (RowSet<Row> set = rows; set != null; set = set.next()) {
            n += set.rowCount();
        }
        return n;
    }

    /** What a list item gets for the author: {@code {"id","slug","displayName"}}. */
    private String link(ProfileChange author) {
        try {
            return json.writeValueAsString(new Link(author.id(), author.slug(), author.displayName()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a byline link", e);
        }
    }

    /** The public profile as JSON text; null if the authors service had none to give. */
    private static String profile(ProfileChange author) {
        JsonNode profile = author.profile();
        return profile == null || !profile.isObject() ? null : profile.toString();
    }
}
