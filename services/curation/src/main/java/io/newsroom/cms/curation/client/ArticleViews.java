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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What this service knows about articles: asked from the articles service in one batch call per list, and kept
 * as the last good view so that lists still resolve for {@code cms.curation.articles-stale-for} while the articles
 * service is briefly down. Checks before adding an item never use that memory: they need the truth.
 */
@ApplicationScoped
public class ArticleViews {
    private static final Logger LOG = Logger.getLogger(ArticleViews.class);

    public record Resolved(Map<UUID, PublishedSummary> published, boolean stale) {
    }

    private record Known(PublishedSummary summary, Instant fetchedAt) {
    }

    @Inject
    @RestClient
    ArticlesApi api;

    @Inject
    CurationConfig config;

    private final Map<UUID, Known> lastGood = new ConcurrentHashMap<>();
    private final Map<UUID, Instant> knownUnpublished = new ConcurrentHashMap<>();

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

    /** For resolving lists: fresh when possible, else the last good view if it is recent enough, else 503. */
    public Resolved resolve(List<UUID> ids) {
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
