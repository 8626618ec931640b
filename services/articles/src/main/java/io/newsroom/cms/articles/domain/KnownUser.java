package io.newsroom.cms.articles.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A person this service has seen a token of, with the roles that token carried (written by upsert only). */
@Entity
@Table(name = "known_user")
public class KnownUser extends PanacheEntityBase {
    @Id
    public String username;
    public boolean writer;
    public boolean editor;
    public boolean curator;
    public boolean admin;
    @Column(name = "last_seen")
    public Instant lastSeen;
    /** The name they go by (their token's {@code name} claim when last seen); null for someone not seen since it was kept. */
    @Column(name = "display_name")
    public String displayName;

    /** The name to show: the one they go by, else the username. */
    public String shownName() {
        return displayName == null || displayName.isBlank() ? username : displayName;
    }

    /** Editors and admins review: only they may be assigned an article. */
    public boolean reviews() {
        return editor || admin;
    }
}
