package io.newsroom.cms.articles.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * An article held back until {@link #until}: it cannot be published before, and only the people it names
 * ({@link #users}), the holders of the roles it names ({@link #roles}), the article's owner and admins can open it
 * meanwhile. A setting of the article, not of its content (no revision carries it). Once {@code until} has passed it
 * holds nothing: the article is an ordinary one again, without anyone lifting it.
 */
@Embeddable
public class Embargo {
    @Column(name = "embargo_until")
    public Instant until;
    /** User names (Keycloak's, lower case) who may open the article meanwhile. */
    @Column(name = "embargo_users")
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> users = new ArrayList<>();
    /** Realm roles whose holders may open it meanwhile ({@code editor}, ...). */
    @Column(name = "embargo_roles")
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> roles = new ArrayList<>();
    @Column(name = "embargo_set_by")
    public String setBy;
    @Column(name = "embargo_set_at")
    public Instant setAt;

    /** Whether it still holds the article back at {@code now}. */
    public boolean holds(Instant now) {
        return until != null && until.isAfter(now);
    }

    /** Whether it names this person, by name or by one of their roles. */
    public boolean names(String username, Collection<String> callerRoles) {
        return users.contains(username) || roles.stream().anyMatch(callerRoles::contains);
    }
}
