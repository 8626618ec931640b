package io.newsroom.cms.articles.service;

import io.newsroom.cms.articles.domain.Article;
import io.newsroom.cms.articles.domain.NotificationType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * A take-over of an article's edit lock, once committed, becomes a {@link NotificationType#LOCK_TAKEN_OVER}
 * notification for the person who lost the lock (their open editor is told at once by its presence stream; this is
 * for their inbox, when they were away from the tab).
 */
@ApplicationScoped
public class LockTakeOverNotices {
    @Inject
    Notifications notifications;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void takenOver(@Observes(during = TransactionPhase.AFTER_SUCCESS) LockTakenOver event) {
        Article article = Article.findById(event.articleId());
        if (article != null) {
            notifications.notify(event.from(), NotificationType.LOCK_TAKEN_OVER, article, event.by());
        }
    }
}
