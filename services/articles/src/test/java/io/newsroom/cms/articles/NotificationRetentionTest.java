package io.newsroom.cms.articles;

import io.newsroom.cms.articles.service.NotificationRetention;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Notifications are not kept for ever: read ones go 30 days after they were read, unread ones 180 days after they were
 * made; everything younger stays, read or not. On PostgreSQL, with the rows dated as the prune sees them.
 */
@QuarkusTest
class NotificationRetentionTest {
    @Inject
    NotificationRetention retention;

    @Inject
    EntityManager em;

    private UUID insert(String recipient, Instant created, Instant read) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("insert into notification (id, recipient, type, article_id,"
                        + " actor, text, created_at, read_at) values (:id, :r, 'APPROVED', null, 'erin', 'Retention', :c, :read)")
                .setParameter("id", id).setParameter("r", recipient).setParameter("c", created).setParameter("read", read).executeUpdate());
        return id;
    }

    private List<?> left(List<UUID> ids) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("select id from notification where id in (:ids)")
                .setParameter("ids", ids).getResultList());
    }

    @Test
    void readOnesGoAMonthAfterReadingUnreadOnesHalfAYearAfterTheyWereMade() {
        Instant now = Instant.now();
        String who = "retention-" + UUID.randomUUID();
        UUID readLongAgo = insert(who, now.minus(Duration.ofDays(60)), now.minus(Duration.ofDays(31)));
        UUID readLately = insert(who, now.minus(Duration.ofDays(60)), now.minus(Duration.ofDays(29)));
        UUID unreadOld = insert(who, now.minus(Duration.ofDays(181)), null);
        UUID unreadMonthsOld = insert(who, now.minus(Duration.ofDays(120)), null);
        UUID fresh = insert(who, now.minus(Duration.ofMinutes(5)), null);

        assertTrue(retention.prune(now) >= 2, "at least the two due here (other tests' rows are younger)");
        List<?> kept = left(List.of(readLongAgo, readLately, unreadOld, unreadMonthsOld, fresh));
        assertEquals(3, kept.size(), "kept: " + kept);
        assertTrue(kept.containsAll(List.of(readLately, unreadMonthsOld, fresh)), "kept: " + kept);
        assertEquals(0, retention.prune(now), "nothing more is due");
    }
}
