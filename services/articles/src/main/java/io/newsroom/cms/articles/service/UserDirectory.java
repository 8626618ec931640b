package io.newsroom.cms.articles.service;

import io.newsroom.cms.articles.domain.KnownUser;
import io.newsroom.cms.articles.repository.KnownUsers;
import io.newsroom.cms.common.Roles;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The newsroom's people as this service knows them: from the tokens of their requests (username, the name they go by
 * and realm roles).
 * Assignees and @mentions are checked against it. A sighting is written at most once an hour per person and replica
 * (or at once when their roles changed), in its own small transaction.
 */
@ApplicationScoped
public class UserDirectory {
    private static final Logger LOG = Logger.getLogger(UserDirectory.class);
    private static final Duration REFRESH = Duration.ofHours(1);
    private static final int MAX_NAME = 120;

    private record Sighting(String roles, Instant at) {
    }

    private final Map<String, Sighting> written = new ConcurrentHashMap<>();

    @Inject
    KnownUsers users;

    /** Remembers the caller (a person: service accounts and anonymous callers are not recorded). */
    public void seen(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return;
        }
        boolean writer = identity.hasRole(Roles.WRITER);
        boolean editor = identity.hasRole(Roles.EDITOR);
        boolean curator = identity.hasRole(Roles.CURATOR);
        boolean admin = identity.hasRole(Roles.ADMIN);
        if (!writer && !editor && !curator && !admin) {
            return;
        }
        String username = identity.getPrincipal().getName();
        String name = displayName(identity);
        // a new name is written at once, like new roles
        String roles = (writer ? "w" : "") + (editor ? "e" : "") + (curator ? "c" : "") + (admin ? "a" : "") + "|" + name;
        Instant now = Articles.now();
        Sighting last = written.get(username);
        if (last != null && last.roles().equals(roles) && last.at().plus(REFRESH).isAfter(now)) {
            return;
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> users.upsert(username, name, writer, editor, curator, admin, now));
            written.put(username, new Sighting(roles, now));
        } catch (RuntimeException e) {
            // the request itself goes on: the sighting is tried again on the next one
            LOG.debugf("Could not record a sighting of %s: %s", username, e.toString());
        }
    }

    /** The name a caller goes by: their token's {@code name} claim (at most 120 characters), else their username. */
    public static String displayName(SecurityIdentity identity) {
        String username = identity.getPrincipal().getName();
        String name = identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getClaim("name") instanceof String n && !n.isBlank()
                ? n.strip() : username;
        return name.length() > MAX_NAME ? name.substring(0, MAX_NAME) : name;
    }

    /** The names {@code usernames} go by, for those this service knows (the others are not in the map). */
    public Map<String, String> names(Collection<String> usernames) {
        Map<String, String> names = new java.util.HashMap<>();
        for (KnownUser user : users.among(usernames)) {
            names.put(user.username, user.shownName());
        }
        return names;
    }

    public List<KnownUser> among(Collection<String> usernames) {
        return users.among(usernames);
    }

    public KnownUser find(String username) {
        return KnownUser.findById(username);
    }

    /** Editors seen in the last 30 days, most recent first, at most {@code limit}: who hears of an unassigned submit. */
    public List<KnownUser> recentEditors(int limit) {
        return users.recentEditors(Articles.now().minus(Duration.ofDays(30)), limit);
    }

    public List<KnownUser> reviewers() {
        return users.reviewers();
    }
}
