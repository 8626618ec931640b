package io.newsroom.cms.articles.service;

import io.newsroom.cms.articles.api.ArticleRecords.ScheduleEntry;
import io.newsroom.cms.articles.api.ArticleRecords.ScheduleView;
import io.newsroom.cms.articles.domain.Action;
import io.newsroom.cms.articles.domain.Article;
import io.newsroom.cms.articles.domain.ArticleStatus;
import io.newsroom.cms.articles.service.ArticleWorkflow.Actor;
import io.newsroom.cms.common.time.ScheduleWindow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The planning calendar's articles: what the scheduler will publish and unpublish in a window of time, read with the
 * same conditions the scheduler uses (a SCHEDULED working copy with its time; a live article with an expiry), through
 * the partial indexes on both times. Each entry says whether the caller may move it, by the workflow's own rules.
 */
@ApplicationScoped
public class ArticleSchedule {
    /** At most this many entries an answer (then {@code truncated}): a newsroom's week or two months fit many times over. */
    static final int LIMIT = 1000;

    @Transactional(Transactional.TxType.SUPPORTS)
    public ScheduleView in(ScheduleWindow window, Actor actor) {
        List<Article> publishes = Article.find("status = ?1 and scheduledPublishAt >= ?2 and scheduledPublishAt < ?3"
                + " order by scheduledPublishAt, id", ArticleStatus.SCHEDULED, window.from(), window.to()).range(0, LIMIT).list();
        List<Article> unpublishes = Article.find("liveRevision is not null and scheduledUnpublishAt >= ?1 and scheduledUnpublishAt < ?2"
                + " order by scheduledUnpublishAt, id", window.from(), window.to()).range(0, LIMIT).list();
        List<ScheduleEntry> entries = new ArrayList<>();
        java.time.Instant now = Articles.now();
        // an article an embargo keeps from the caller is not on their calendar either (nor its headline)
        publishes.stream().filter(a -> ArticleWorkflow.mayOpen(a, actor, now)).forEach(a -> entries.add(entry("publish", a, actor)));
        unpublishes.stream().filter(a -> ArticleWorkflow.mayOpen(a, actor, now)).forEach(a -> entries.add(entry("unpublish", a, actor)));
        entries.sort(Comparator.comparing(ScheduleEntry::at).thenComparing(ScheduleEntry::kind).thenComparing(ScheduleEntry::articleId));
        boolean truncated = entries.size() > LIMIT; // each query reads one more than the limit (range is inclusive)
        return new ScheduleView(window.from(), window.to(), List.copyOf(entries.size() > LIMIT ? entries.subList(0, LIMIT) : entries),
                truncated);
    }

    private static ScheduleEntry entry(String kind, Article a, Actor actor) {
        Set<Action> allowed = ArticleWorkflow.allowed(a, actor);
        boolean publish = kind.equals("publish");
        return new ScheduleEntry(kind, a.id, a.content.slug, a.content.headline, a.status, a.isLive(),
                publish ? a.scheduledPublishAt : a.scheduledUnpublishAt, a.version, a.owner,
                allowed.contains(publish ? Action.SCHEDULE : Action.UNPUBLISH));
    }
}
