package io.newsroom.cms.articles.service;

import java.time.Instant;
import java.util.UUID;

/**
 * The hook for "a lock taken over" notifications: fired as a CDI event when someone takes over an article's edit lock
 * from someone else. Observe it with {@code @Observes(during = TransactionPhase.AFTER_SUCCESS) LockTakenOver event}
 * to act only once the take-over is committed. The person who lost the lock is already told live (their editor's
 * presence stream); {@link LockTakeOverNotices} puts it in their notifications inbox.
 *
 * @param from the username that held the lock
 * @param by   the username that took it
 */
public record LockTakenOver(UUID articleId, String from, String by, String byName, Instant at) {
}
