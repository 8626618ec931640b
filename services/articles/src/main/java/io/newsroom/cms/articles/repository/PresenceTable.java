package io.newsroom.cms.articles.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code article_presence} table: one row per open tab. Every time here is the database's ({@code now()}), so
 * replicas agree on who is still there whatever their own clocks say. Callers that change rows of one article hold
 * its advisory lock first ({@link NameLocks}), so "is someone editing?" and "then I am" happen as one step.
 */
@ApplicationScoped
public class PresenceTable {
    private static final String COLUMNS = "session_id, article_id, username, display_name, mode, joined_at, editing_since,"
            + " last_seen, taken_over_by, taken_over_by_name, taken_over_at";

    /** One tab's row. {@code mode} is EDITING or VIEWING. */
    public record Row(UUID sessionId, UUID articleId, String username, String displayName, String mode, Instant joinedAt,
                      Instant editingSince, Instant lastSeen, String takenOverBy, String takenOverByName, Instant takenOverAt) {
        public boolean editing() {
            return "EDITING".equals(mode);
        }
    }

    @Inject
    EntityManager em;

    /** Drops the article's rows not seen within {@code expiry}: their tabs are gone, and their lock with them. */
    public void expire(UUID articleId, Duration expiry) {
        em.createNativeQuery("delete from article_presence where article_id = :a and last_seen < now() - make_interval(secs => :s)")
                .setParameter("a", articleId).setParameter("s", (double) expiry.toMillis() / 1000).executeUpdate();
    }

    /** Rows of tabs gone for longer than {@code age} anywhere (articles nobody opens again), for the housekeeping. */
    public int purge(Duration age) {
        return em.createNativeQuery("delete from article_presence where last_seen < now() - make_interval(secs => :s)")
                .setParameter("s", (double) age.toSeconds()).executeUpdate();
    }

    /** The live rows (seen within {@code expiry}) of these articles, oldest join first. */
    public List<Row> live(Collection<UUID> articleIds, Duration expiry) {
        if (articleIds.isEmpty()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select " + COLUMNS + " from article_presence where article_id in (:a)"
                        + " and last_seen >= now() - make_interval(secs => :s) order by joined_at, session_id")
                .setParameter("a", articleIds).setParameter("s", (double) expiry.toMillis() / 1000).getResultList();
        return rows.stream().map(PresenceTable::row).toList();
    }

    public Optional<Row> find(UUID sessionId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select " + COLUMNS + " from article_presence where session_id = :s")
                .setParameter("s", sessionId).getResultList();
        return rows.stream().findFirst().map(PresenceTable::row);
    }

    /** The article's lock holder, if any (call {@link #expire} first under the article's lock). */
    public Optional<Row> holder(UUID articleId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select " + COLUMNS + " from article_presence where article_id = :a and mode = 'EDITING'")
                .setParameter("a", articleId).getResultList();
        return rows.stream().findFirst().map(PresenceTable::row);
    }

    /**
     * Records the tab as there now in {@code mode}; editing keeps its start time while it goes on. {@code clearTakeOver}:
     * the tab took the lock (back), so the "taken over" note on its row goes.
     */
    public void upsert(UUID sessionId, UUID articleId, String username, String displayName, String mode, boolean clearTakeOver) {
        em.createNativeQuery("insert into article_presence (session_id, article_id, username, display_name, mode, joined_at,"
                        + " editing_since, last_seen) values (:s, :a, :u, :n, :m, now(), case when :m = 'EDITING' then now() end, now())"
                        + " on conflict (session_id) do update set mode = excluded.mode, display_name = excluded.display_name,"
                        + " last_seen = now(),"
                        + " editing_since = case when excluded.mode <> 'EDITING' then null"
                        + "   when article_presence.mode = 'EDITING' then article_presence.editing_since else now() end"
                        + (clearTakeOver ? ", taken_over_by = null, taken_over_by_name = null, taken_over_at = null" : ""))
                .setParameter("s", sessionId).setParameter("a", articleId).setParameter("u", username)
                .setParameter("n", displayName).setParameter("m", mode).executeUpdate();
    }

    /** The holder's tab loses the lock to {@code by}: it stays present, viewing, and learns who took over and when. */
    public void demote(UUID sessionId, String by, String byName) {
        em.createNativeQuery("update article_presence set mode = 'VIEWING', editing_since = null, taken_over_by = :b,"
                        + " taken_over_by_name = :n, taken_over_at = now() where session_id = :s")
                .setParameter("s", sessionId).setParameter("b", by).setParameter("n", byName).executeUpdate();
    }

    /** Removes the tab's row, only if it is this person's and this article's. */
    public void delete(UUID sessionId, UUID articleId, String username) {
        em.createNativeQuery("delete from article_presence where session_id = :s and article_id = :a and username = :u")
                .setParameter("s", sessionId).setParameter("a", articleId).setParameter("u", username).executeUpdate();
    }

    private static Row row(Object[] r) {
        return new Row((UUID) r[0], (UUID) r[1], (String) r[2], (String) r[3], (String) r[4], instant(r[5]), instant(r[6]),
                instant(r[7]), (String) r[8], (String) r[9], instant(r[10]));
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("Unexpected time value " + value.getClass());
    }
}
