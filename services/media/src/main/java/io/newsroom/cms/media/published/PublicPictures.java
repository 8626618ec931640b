package io.newsroom.cms.media.published;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsroom.cms.media.api.MediaRecords.PublicPicture;
import io.newsroom.cms.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.util.Map;
import java.util.UUID;

/**
 * What readers see of a picture ({@link PublicPicture}: alt text, caption, credit, rendition URLs), told to the parts
 * that show it: appended to the outbox in the transaction that changes the picture, relayed to the compacted topic
 * {@code cms.media.pictures} (key: the media id). The articles service follows it and rewrites the published articles
 * that show the picture, so an alt text or focal point edited in the library shows everywhere within about a second.
 */
@ApplicationScoped
public class PublicPictures {
    /** The outbox stream (topic {@code cms.media.pictures}). */
    public static final String STREAM = "media-pictures";
    /** Event header: the picture's change time, the version consumers compare their copy with. */
    public static final String UPDATED_AT = "cms-updated-at";

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    /** Tells the picture's current public view, in the caller's transaction. */
    public void changed(PublicPicture picture) {
        Outbox.append(em, STREAM, picture.id().toString(), "media.updated", write(picture),
                Map.of(UPDATED_AT, picture.updatedAt().toString()));
    }

    /** Tells that the picture is gone (a tombstone), in the caller's transaction. */
    public void deleted(UUID id) {
        Outbox.append(em, STREAM, id.toString(), "media.deleted", null, Map.of());
    }

    private String write(PublicPicture picture) {
        try {
            return json.writeValueAsString(picture);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
