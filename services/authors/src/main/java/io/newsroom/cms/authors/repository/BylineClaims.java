package io.newsroom.cms.authors.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.Collection;
import java.util.UUID;

/** Articles' claims on authors for their bylines (table {@code byline_claim}). */
@ApplicationScoped
public class BylineClaims {
    /** Claims made before they were kept per article name this article id; no release touches them. */
    public static final UUID BEFORE_PER_ARTICLE_CLAIMS = new UUID(0, 0);

    @Inject
    EntityManager em;

    /** Records the claim; true when it is new, false when the article had already claimed the author. */
    public boolean claim(UUID authorId, UUID articleId, Instant at) {
        return em.createNativeQuery("insert into byline_claim (author_id, article_id, claimed_at) values (:author, :article, :at)"
                        + " on conflict do nothing")
                .setParameter("author", authorId).setParameter("article", articleId).setParameter("at", at)
                .executeUpdate() == 1;
    }

    /** Drops the article's claims on these authors (all its claims when {@code authorIds} is empty). */
    public int release(UUID articleId, Collection<UUID> authorIds) {
        if (authorIds.isEmpty()) {
            return em.createNativeQuery("delete from byline_claim where article_id = :article")
                    .setParameter("article", articleId).executeUpdate();
        }
        return em.createNativeQuery("delete from byline_claim where article_id = :article and author_id = any(:authors)")
                .setParameter("article", articleId).setParameter("authors", authorIds.toArray(UUID[]::new)).executeUpdate();
    }

    public boolean anyFor(UUID authorId) {
        return !em.createNativeQuery("select 1 from byline_claim where author_id = :author limit 1")
                .setParameter("author", authorId).getResultList().isEmpty();
    }
}
