package io.newsroom.cms.articles.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsroom.cms.articles.published.HeroPictures;
import io.newsroom.cms.pictures.PictureEvent;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Follows the media library's pictures on their compacted topic ({@code cms.media.pictures}): a picture used here whose
 * alt text, caption, credit or focal point changed is copied at once and the published articles showing it are
 * rewritten (their own events then reach every gateway), so a library edit shows everywhere within about a second.
 * Pictures no article here has taken are skipped. Idempotent: a copy is only replaced by a newer one.
 */
@ApplicationScoped
public class MediaPictureEvents {
    @Inject
    HeroPictures pictures;

    @Inject
    ObjectMapper json;

    @Incoming("media-pictures")
    @Blocking // ordered: one event after the other, per key in order
    public void apply(ConsumerRecord<String, String> record) {
        PictureEvent event = PictureEvent.readOrSkip(record.key(), record.value(), record.offset(), json).orElse(null);
        if (event == null) {
            return;
        }
        if (event.deleted()) {
            pictures.forget(event.id()); // deleted: no article used it (the library refuses otherwise)
        } else if (pictures.isCopied(event.id())) {
            pictures.apply(event.picture());
        }
    }
}
