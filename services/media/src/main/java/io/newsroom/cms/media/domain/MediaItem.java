package io.newsroom.cms.media.domain;

import io.newsroom.cms.media.domain.imaging.FocalPoint;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One picture of the library: its original's facts (content hash, type, upright size, bytes) and what editors say
 * about it. The original's bytes are in object storage under {@link #originalKey()}; renditions are made from them.
 */
@Entity
@Table(name = "media_item")
public class MediaItem extends PanacheEntityBase {
    @Id
    public UUID id;
    /** SHA-256 of the original's bytes, hex: the same bytes are one item. */
    @Column(name = "content_hash")
    public String contentHash;
    @Column(name = "mime_type")
    public String mimeType;
    public int width;
    public int height;
    @Column(name = "byte_size")
    public long byteSize;
    public String filename;
    @Column(name = "alt_text")
    public String altText;
    public String caption;
    public String credit;
    public String copyright;
    public String source;
    /** Where the picture's subject is, 0..1 from the left and from the top: crops keep it in view. */
    @Column(name = "focal_x")
    public float focalX = 0.5f;
    @Column(name = "focal_y")
    public float focalY = 0.5f;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> tags = new ArrayList<>();
    @Version
    public long version;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public FocalPoint focus() {
        return new FocalPoint(focalX, focalY);
    }

    public String originalKey() {
        return originalKey(contentHash);
    }

    public static String originalKey(String contentHash) {
        return "originals/" + contentHash;
    }

    /** An image may go into published content only once it is described for readers who cannot see it. */
    public boolean describedForReaders() {
        return altText != null && !altText.isBlank();
    }

    public static MediaItem byContentHash(String hash) {
        return find("contentHash", hash).firstResult();
    }
}
