package io.newsroom.cms.authors.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsroom.cms.authors.published.AvatarPictures;
import io.newsroom.cms.pictures.PictureEvent;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Follows the media library's pictures on their compacted topic ({@code cms.media.pictures}): a picture used as an
 * avatar here whose alt text, caption, credit or focal point changed is copied at once and the public profiles showing
 * it are republished through the outbox (so the articles service's author boxes and the gateways follow), within about
 * a second of the library edit. Pictures no author here has taken are skipped. Idempotent: a copy is only replaced by
 * a newer one, and only a replaced copy republishes anything.
 */
@ApplicationScoped
public class MediaPictureEvents {
    private static final Logger LOG = Logger.getLogger(MediaPictureEvents.class);

    @Inject
    AvatarPictures pictures;

    @Inject
    AuthorService authors;

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
            pictures.forget(event.id()); // the library deletes only pictures no author shows
        } else if (pictures.isCopied(event.id())) {
            int republished = authors.pictureChanged(event.picture());
            if (republished > 0) {
                LOG.infof("Picture %s changed in the media library: %d public author profiles republished", event.id(), republished);
            }
        }
    }
}
