package io.newsroom.cms.articles.published;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsroom.cms.articles.client.AuthorChangesApi;
import io.newsroom.cms.articles.client.AuthorChangesApi.ProfileChange;
import io.newsroom.cms.articles.client.AuthorChangesApi.ProfileChanges;
import io.newsroom.cms.articles.client.NoTransaction;
import io.newsroom.cms.articles.repository.ArticleQueries;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
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
    private static final Duration FETCH_TIMEOUT = Duration.ofSeconds(10);
    private static final Logger LOG = Logger.getLogger(BylineAuthors.class);

    /**
     * SQL for one row {@code (links, profiles)}: the links ({@code {"id","slug","displayName"}}) and the public profiles
     * of the authors of {@code byline} (a jsonb array of ids), each in byline order and comma-separated; nulls when none
     * is known. The same text {@link PublishedViews} records with each row for the copies it wrote the row from.
     */
    static String authorsOf(String byline) {
        return "(select string_agg(n.link, ',' order by b.n) as links, string_agg(n.profile, ',' order by b.n) as profiles"
                + " from jsonb_array_elements_text(" + byline + ") with ordinality as b(id, n)"
                + " join byline_author n on n.id = b.id::uuid)";
    }

    private static final String UPSERT = "insert into byline_author (id, slug, display_name, link, profile, source_updated_at)"
            + " values (:id, :slug, :name, :link, :profile, :updatedAt) on conflict (id) do update set slug = excluded.slug,"
            + " display_name = excluded.display_name, link = excluded.link, profile = excluded.profile,"
            + " source_updated_at = excluded.source_updated_at"
            + " where byline_author.source_updated_at is null or byline_author.source_updated_at < excluded.source_updated_at";

    /** The published articles with author :author (as {@code ["id"]}) whose stored JSON was written from other copies. */
    private static final String OUTDATED = "select p.article_id from published_article p cross join lateral "
            + authorsOf("p.byline") + " x where p.byline @> cast(:author as jsonb)"
            + " and (p.authors is distinct from x.links or p.profiles is distinct from x.profiles)";

    private record Link(UUID id, String slug, String displayName) {
    }

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    PublishedViews views;

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

    @Scheduled(every = "${cms.articles.byline-authors.sync-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduledSync() {
        try {
            sync();
            if (failing) {
                LOG.info("Byline authors: synced again");
                failing = false;
            }
        } catch (RuntimeException e) {
            if (!failing) {
                LOG.warnf("Byline authors: not synced (%s); readers keep the names and profiles copied so far,"
                        + " next try in the next interval", e.toString());
                failing = true;
            }
        }
    }

    /**
     * Copies the profiles changed since the newest change held, less the overlap; the number of rows that changed.
     * After a sync of this replica succeeded, never from further back than the overlap before it: only a change of
     * the last minute can still commit late, so the feed's old changes are not read (and their articles not
     * rechecked) over and over. With no copy at all (a new database), from the start of the feed. Each page is asked
     * outside any transaction, then written in its own.
     */
    public int sync() {
        Instant started = Instant.now();
        Instant newest = QuarkusTransaction.requiringNew().call(() -> {
            Object value = em.createNativeQuery("select max(source_updated_at) from byline_author").getSingleResult();
            if (value instanceof OffsetDateTime t) {
                return t.toInstant();
            }
            return value instanceof java.sql.Timestamp t ? t.toInstant() : (Instant) value;
        });
        Instant since = newest == null ? Instant.EPOCH : newest.minus(OVERLAP);
        Instant previous = lastSynced;
        if (newest != null && previous != null && previous.minus(OVERLAP).isAfter(since)) {
            since = previous.minus(OVERLAP);
        }
        int copied = 0;
        int rewritten = 0;
        UUID after = NONE;
        while (true) {
            NoTransaction.require("authors: changed profiles");
            ProfileChanges page = authors.after(since, after, PAGE).await().atMost(FETCH_TIMEOUT);
            List<ProfileChange> items = page.items() == null ? List.of() : page.items();
            if (items.isEmpty()) {
                break;
            }
            int[] counts = QuarkusTransaction.requiringNew().call(() -> copy(items));
            copied += counts[0];
            rewritten += counts[1];
            if (items.size() < PAGE) {
                break;
            }
            since = items.get(items.size() - 1).updatedAt();
            after = items.get(items.size() - 1).id();
        }
        if (copied + rewritten > 0) {
            LOG.infof("Byline authors: %d copied from the authors service, %d published articles rewritten", copied, rewritten);
        }
        lastSynced = started;
        return copied;
    }

    /**
     * Copies profiles that arrived as events (the authors' topic), in a transaction of its own; the number of published
     * articles rewritten.
     */
    public int apply(List<ProfileChange> changes) {
        int rewritten = QuarkusTransaction.requiringNew().call(() -> copy(changes))[1];
        if (rewritten > 0) {
            LOG.infof("Byline authors: %d published articles rewritten after a profile change", rewritten);
        }
        return rewritten;
    }

    /**
     * Copies a page of changed profiles, then rewrites the stored JSON of the published articles written from other
     * copies of these authors. That is checked for every author of the page, changed here or not: an article published
     * while its author was being edited may have been written with the old profile after the previous sync looked,
     * and the overlap brings that author round again. {copied, rewritten}.
     */
    private int[] copy(List<ProfileChange> items) {
        int copied = 0;
        for (ProfileChange author : items) {
            copied += em.createNativeQuery(UPSERT).setParameter("id", author.id()).setParameter("slug", author.slug())
                    .setParameter("name", author.displayName()).setParameter("link", link(author))
                    .setParameter("profile", profile(author)).setParameter("updatedAt", author.updatedAt())
                    .executeUpdate();
        }
        Set<UUID> outdated = new LinkedHashSet<>();
        for (ProfileChange author : items) {
            outdated.addAll(ArticleQueries.uuids(em.createNativeQuery(OUTDATED)
                    .setParameter("author", ArticleQueries.jsonArray(author.id().toString()))));
        }
        return new int[]{copied, views.rewrite(List.copyOf(outdated))};
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
