package io.newsroom.cms.articles.repository;

import io.newsroom.cms.articles.domain.KnownUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** The people this service has seen: an upsert per sighting (two replicas seeing one person at once is fine). */
@ApplicationScoped
public class KnownUsers {
    @Inject
    EntityManager em;

    public void upsert(String username, String displayName, boolean writer, boolean editor, boolean curator, boolean admin, Instant at) {
        em.createNativeQuery("insert into known_user (username, display_name, writer, editor, curator, admin, last_seen)"
                        + " values (:u, :n, :w, :e, :c, :a, :at) on conflict (username) do update set display_name = excluded.display_name,"
                        + " writer = excluded.writer, editor = excluded.editor, curator = excluded.curator, admin = excluded.admin,"
                        + " last_seen = excluded.last_seen")
                .setParameter("u", username).setParameter("n", displayName).setParameter("w", writer).setParameter("e", editor)
                .setParameter("c", curator).setParameter("a", admin).setParameter("at", at)
                .executeUpdate();
    }

    /** Those of {@code usernames} this service knows. */
    public List<KnownUser> among(Collection<String> usernames) {
        return usernames.isEmpty() ? List.of() : KnownUser.list("username in ?1", usernames);
    }

    /** The editors seen since {@code since}, most recently seen first, at most {@code limit}. */
    public List<KnownUser> recentEditors(Instant since, int limit) {
        return KnownUser.find("editor = true and lastSeen >= ?1 order by lastSeen desc, username", since).page(0, limit).list();
    }

    /** Everyone who may be assigned an article (editors and admins), by name. */
    public List<KnownUser> reviewers() {
        return KnownUser.list("editor = true or admin = true order by username");
    }
}
