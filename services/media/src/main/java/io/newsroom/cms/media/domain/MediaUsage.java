package io.newsroom.cms.media.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** One place a picture is used: an article's hero image, a featured-list item's override, an author's avatar. */
@Entity
@Table(name = "media_usage")
public class MediaUsage extends PanacheEntityBase {
    @EmbeddedId
    public Key key;
    /** What editors recognise it by (the article's headline, the list's title, the author's name). */
    public String label;
    public Instant since;

    @Embeddable
    public record Key(@Column(name = "media_id") UUID mediaId, String kind, String ref) implements Serializable {
    }

    public static long countFor(UUID mediaId) {
        return count("key.mediaId", mediaId);
    }
}
