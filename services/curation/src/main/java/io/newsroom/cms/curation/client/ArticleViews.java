package io.newsroom.cms.curation.client;

import io.newsroom.cms.common.problem.ProblemException;
import io.newsroom.cms.common.problem.ProblemType;
import io.newsroom.cms.curation.client.ArticlesApi.PublishedSummary;
import io.newsroom.cms.curation.config.CurationConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What this service knows about articles. Two sources: the published-articles topic, followed by
 * {@code service.PublishedArticleEvents} into a view of every article it has seen (its summary, or taken down), and
 * the articles service, asked in one batch call per list for what that view does not know and for everything while the
 * view is not complete (before the consumer caught up with the topic, or while the broker does not answer). What the
 * service answers is kept as the last good view, so that lists still resolve for {@code cms.curation.articles-stale-for}
 * while the articles service is briefly down. Checks before adding an item ask the service: they need the truth.
 */
@ApplicationScoped
public class ArticleViews {
    private static final Logger LOG = Logger.getLogger(ArticleViews.class);

    public record Resolved(Map<UUID, PublishedSummary> published, boolean stale) {
    }

    private record Known(PublishedSummary summary, Instant fetchedAt) {
    }

    /** An article as the topic last told: its summary, or null when it was taken down; {@code version}: the event id. */
    private record Followed(PublishedSummary summary, long version) {
    }

    @Inject
    @RestClient
    ArticlesApi api;

    @Inject
    CurationConfig config;

    private final Map<UUID, Known> lastGood = new ConcurrentHashMap<>();
    private final Map<UUID, Instant> knownUnpublished = new ConcurrentHashMap<>();
    private final Map<UUID, Followed> followed = new ConcurrentHashMap<>();
    private volatile boolean following;

    /**
     * An event of the published-articles topic: the article's summary, or null when it was taken down. Applied only
     * when newer than what the view holds (event ids increase per article), so a redelivered event changes nothing.
     */
    public void followed(UUID id, long version, PublishedSummary summary) {
        followed.merge(id, new Followed(summary, version), (held, event) -> event.version() > held.version() ? event : held);
    }

    /** An event this view cannot place (no version): the article is asked from the service again. */
    public void forget(UUID id) {
        followed.remove(id);
    }

    /** Whether the followed view has every event of the topic up to now: it answers for the articles it knows. */
    public void following(boolean complete) {
        following = complete;
    }

    /**
     * The article's headline as this service last heard it, without asking anyone (the followed view, else the last
     * answer of the articles service); null when it does not know the article. For naming list items to people.
     */
    public String knownHeadline(UUID id) {
        Followed article = followed.get(id);
        if (article != null && article.summary() != null) {
            return article.summary().headline();
        }
        Known known = lastGood.get(id);
        return known == null ? null : known.summary().headline();
    }

    /** The published ones among {@code ids}, straight from the articles service (503 problem when it is down). */
    public Map<UUID, PublishedSummary> publishedNow(List<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        try {
            Map<UUID, PublishedSummary> found = new HashMap<>();
            for (PublishedSummary summary : api.published(new ArticlesApi.Ids(ids)).items()) {
                found.put(summary.id(), summary);
            }
            Instant now = Instant.now();
            for (UUID id : ids) {
                PublishedSummary summary = found.get(id);
                if (summary != null) {
                    lastGood.put(id, new Known(summary, now));
                    knownUnpublished.remove(id);
                } else {
                    lastGood.remove(id);
                    knownUnpublished.put(id, now);
                }
            }
            return found;
        } catch (RuntimeException e) {
            LOG.warnf("Articles service unavailable: %s", e.toString());
            throw new ProblemException(ProblemType.SERVICE_UNAVAILABLE,
                    "The articles service cannot be asked right now; nothing was changed, try again shortly");
        }
    }

    /**
     * For resolving lists: the followed view for the articles it knows while it is complete, the articles service for
     * the others; when the service is down, its last good view if recent enough, else 503.
     */
    public Resolved resolve(List<UUID> ids) {
        if (!following) {
            return ask(ids);
        }
        Map<UUID, PublishedSummary> published = new HashMap<>();
        List<UUID> unknown = new ArrayList<>();
        for (UUID id : ids) {
            Followed article = followed.get(id);
            if (article == null) {
                unknown.add(id);
            } else if (article.summary() != null) {
                published.put(id, article.summary());
            }
        }
        if (unknown.isEmpty()) {
            return new Resolved(published, false);
        }
        Resolved asked = ask(unknown);
        published.putAll(asked.published());
        return new Resolved(published, asked.stale());
    }

    private Resolved ask(List<UUID> ids) {
        try {
            return new Resolved(publishedNow(ids), false);
        } catch (ProblemException e) {
            Instant oldest = Instant.now().minus(config.articlesStaleFor());
            Map<UUID, PublishedSummary> remembered = new HashMap<>();
            for (UUID id : ids) {
                Known known = lastGood.get(id);
                if (known != null && known.fetchedAt().isAfter(oldest)) {
                    remembered.put(id, known.summary());
                } else if (known != null || !knownUnpublished.containsKey(id)) {
                    throw e; // something we cannot vouch for: better a clear 503 than a wrong list
                }
            }
            return new Resolved(remembered, true);
        }
    }
}
