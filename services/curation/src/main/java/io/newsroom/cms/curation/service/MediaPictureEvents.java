package io.newsroom.cms.curation.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsroom.cms.curation.domain.FeaturedList;
import io.newsroom.cms.curation.repository.FeaturedListRepository;
import io.newsroom.cms.curation.repository.PictureCopies;
import io.newsroom.cms.curation.repository.PictureCopies.Copy;
import io.newsroom.cms.pictures.PictureEvent;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.util.Optional;

/**
 * Follows the media library's pictures on their compacted topic ({@code cms.media.pictures}): a picture a list item
 * here took whose alt text, caption, credit or focal point changed is copied at once, so readers get it on their next
 * read, and every live list showing it is sent again through the lists' outbox ({@code list.published}, when what it
 * carries changed), so the change reaches webhooks and the CDN. Pictures no list here has taken are skipped.
 * Idempotent: a copy is only replaced by a newer one, and the lists are told once per change (a copy stays pending
 * until they were, so a replay after a crash in between tells them then).
 */
@ApplicationScoped
public class MediaPictureEvents {
    private static final Logger LOG = Logger.getLogger(MediaPictureEvents.class);

    @Inject
    PictureCopies copies;

    @Inject
    FeaturedListRepository lists;

    @Inject
    ListWrites writes;

    @Inject
    ListEvents events;

    @Inject
    ObjectMapper json;

    @Incoming("media-pictures")
    @Blocking // ordered: one event after the other, per key in order
    public void apply(ConsumerRecord<String, String> event) {
        PictureEvent picture = PictureEvent.readOrSkip(event.key(), event.value(), event.offset(), json).orElse(null);
        if (picture == null) {
            return;
        }
        try {
            if (picture.deleted()) {
                copies.forget(picture.id()); // the library deletes only pictures nothing uses
            } else {
                follow(picture);
            }
        } catch (RuntimeException e) {
            // a pending copy is taken up again by the picture's next event; its replay, once this consumer restarts
            LOG.warnf("Media picture event %s at offset %d not applied: %s", event.key(), event.offset(), e.toString());
        }
    }

    /** Copies the picture if a list took it and it is newer; tells the live lists showing it. The lists sent again. */
    int follow(PictureEvent event) {
        Optional<Copy> kept = copies.update(event.picture());
        if (kept.isEmpty() || !kept.get().pending()) {
            return 0; // not taken here, or the lists were told of this version (or a newer one) already
        }
        Copy copy = kept.get();
        int sent = 0;
        for (FeaturedList list : lists.showingLive(copy.id())) {
            if (writes.republish(list.slug(), read -> events.pictureChanged(read, copy.id(), copy.previous(), copy.picture()))) {
                sent++;
            }
        }
        copies.told(copy.id(), copy.version());
        if (sent > 0) {
            LOG.infof("Picture %s changed in the media library: %d live lists sent again", copy.id(), sent);
        }
        return sent;
    }
}
