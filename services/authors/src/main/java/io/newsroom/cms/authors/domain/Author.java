package io.newsroom.cms.authors.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.Formula;

import java.time.Instant;
import java.util.UUID;

/** An author profile. Never leaves the service: the API speaks in records (see api.AuthorRecords). */
@Entity
@Table(name = "author")
public class Author extends PanacheEntityBase {
    @Id
    public UUID id;
    public String slug;
    @Column(name = "display_name")
    public String displayName;
    @Column(name = "job_title")
    public String jobTitle;
    public String organization;
    public String bio;
    @Column(name = "avatar_url")
    public String avatarUrl;
    @Column(name = "avatar_alt")
    public String avatarAlt;
    /** The avatar's picture in the media library; {@link #avatarUrl} is then that picture's URL as last copied. */
    @Column(name = "avatar_media_id")
    public UUID avatarMediaId;
    @Column(name = "social_x")
    public String socialX;
    @Column(name = "social_website")
    public String socialWebsite;
    @Column(name = "social_linkedin")
    public String socialLinkedin;
    @Column(name = "social_mastodon")
    public String socialMastodon;
    public String email;
    public String username;
    public boolean active;
    /** Whether any article has claimed the author for its byline (table byline_claim); such authors cannot be deleted. */
    @Formula("(exists (select 1 from byline_claim c where c.author_id = id))")
    public boolean bylined;
    @Version
    public long version;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    /** The public projection as JSON, kept current by every write (see published.PublicProfiles). */
    @Column(name = "public_json")
    public String publicJson;
    @Column(name = "public_format")
    public int publicFormat;
    /** The {@link #updatedAt} the public JSON was written from. */
    @Column(name = "public_updated_at")
    public Instant publicUpdatedAt;
}
