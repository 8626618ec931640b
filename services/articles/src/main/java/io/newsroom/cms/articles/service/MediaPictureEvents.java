package io.newsroom.cms.articles.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsroom.cms.articles.published.HeroPictures;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.UUID;

/**
 * Follows the media library's pictures on their compacted topic ({@code cms.media.pictures}): a picture used here whose
 * alt text, caption, credit or focal point changed is copied at once and the published articles showing it are
 * rewritten (their own events then reach every gateway), so a library edit shows everywhere within about a second.
 * Pictures no article here has taken are skipped. Idempotent: a copy is only replaced by a newer one.
 */
@ApplicationScoped
public class MediaPictureEvents {
    private static final Logger LOG = Logger.getLogger(MediaPictureEvents.class);

    @Inject
    HeroPictures pictures;

    @Inject
    ObjectMapper json;

    @Incoming("media-pictures")
    @Blocking // ordered: one event after the other, per key in order
    public void apply(ConsumerRecord<String, String> event) {
        try {
            if (event.value() == null) {
                pictures.forget(UUID.fromString(event.key())); // deleted: no article used it (the library refuses otherwise)
                return;
            }
            JsonNode picture = json.readTree(event.value());
            Instant.parse(picture.path("updatedAt").asText()); // the copy's version: unreadable, the event is skipped
            if (pictures.isCopied(UUID.fromString(picture.path("id").asText()))) {
                pictures.apply(picture);
            }
        } catch (RuntimeException | JsonProcessingException e) {
            LOG.warnf("Media picture event %s at offset %d skipped: unreadable (%s)", event.key(), event.offset(), e.getMessage());
        }
    }
}
