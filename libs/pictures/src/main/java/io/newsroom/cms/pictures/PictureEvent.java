package io.newsroom.cms.pictures;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * One event of the media library's compacted picture topic ({@code cms.media.pictures}), keyed by picture id: the
 * picture's public view, or a tombstone ({@code picture} null) when it was deleted. {@code updatedAt} is the version a
 * consumer compares its copy with, so a late or replayed event changes nothing.
 */
public record PictureEvent(UUID id, JsonNode picture, Instant updatedAt) {
    /** The topic's name. */
    public static final String TOPIC = "cms.media.pictures";

    public boolean deleted() {
        return picture == null;
    }

    /**
     * Reads the event at {@code offset} as a consumer takes it: empty, with a warning that says which, when it is
     * unreadable (the consumer skips it and goes on).
     */
    public static Optional<PictureEvent> readOrSkip(String key, String value, long offset, ObjectMapper json) {
        try {
            return Optional.of(read(key, value, json));
        } catch (IllegalArgumentException e) {
            Logger.getLogger(PictureEvent.class).warnf("Media picture event %s at offset %d skipped: %s", key, offset, e.getMessage());
            return Optional.empty();
        }
    }

    /** Reads an event's key and value; an {@link IllegalArgumentException} when it is unreadable. */
    public static PictureEvent read(String key, String value, ObjectMapper json) {
        try {
            if (value == null) {
                return new PictureEvent(UUID.fromString(key), null, null);
            }
            JsonNode picture = json.readTree(value);
            return new PictureEvent(UUID.fromString(picture.path("id").asText()), picture,
                    Instant.parse(picture.path("updatedAt").asText()));
        } catch (JsonProcessingException | RuntimeException e) {
            throw new IllegalArgumentException("unreadable picture event " + key + ": " + e.getMessage(), e);
        }
    }
}
