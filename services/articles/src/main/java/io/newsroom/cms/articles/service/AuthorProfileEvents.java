package io.newsroom.cms.articles.service;

import io.newsroom.cms.outbox.EventHeaders;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsroom.cms.articles.client.AuthorChangesApi.ProfileChange;
import io.newsroom.cms.articles.published.BylineAuthors;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Follows the authors' public profiles on their compacted topic ({@code cms.authors.profiles}): each change is copied
 * at once and the published articles carrying the author are rewritten (their own events then reach every gateway),
 * so an author's edit shows on all their articles within about a second. Idempotent: a copy is only replaced by a
 * newer profile (the event's {@code cms-updated-at}, the profile's change time), so a replayed or repeated event
 * changes nothing. The authors service's changes feed ({@link BylineAuthors#sync()}, on a slow schedule) stays the
 * bootstrap path of a new database and the safety net for anything missed while Kafka was away.
 */
@ApplicationScoped
public class AuthorProfileEvents {
    private static final Logger LOG = Logger.getLogger(AuthorProfileEvents.class);

    @Inject
    BylineAuthors bylineAuthors;

    @Inject
    ObjectMapper json;

    @Incoming("author-profiles")
    @Blocking // ordered: one event after the other, per key in order
    public void apply(ConsumerRecord<String, String> event) {
        if (event.value() == null) {
            return; // a deleted author: only authors never on a byline can be deleted, no article carries them
        }
        ProfileChange change;
        try {
            JsonNode profile = json.readTree(event.value());
            change = new ProfileChange(UUID.fromString(profile.path("id").asText()), profile.path("slug").asText(),
                    profile.path("displayName").asText(), Instant.parse(EventHeaders.text(event, "cms-updated-at")), profile);
        } catch (RuntimeException | com.fasterxml.jackson.core.JsonProcessingException e) {
            LOG.warnf("Author profile event %s at offset %d skipped: unreadable (%s)", event.key(), event.offset(), e.getMessage());
            return;
        }
        int rewritten = bylineAuthors.apply(List.of(change));
        LOG.debugf("Author %s: profile of %s copied, %d published articles rewritten", change.id(), change.updatedAt(), rewritten);
    }
}
