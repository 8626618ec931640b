package io.newsroom.cms.articles.service;

import io.newsroom.cms.articles.client.AuthorsClient;
import io.newsroom.cms.articles.client.AuthorsClient.Claim;
import io.newsroom.cms.articles.domain.Article;
import io.newsroom.cms.articles.api.ArticleRecords.ArticleRequest;
import io.newsroom.cms.articles.service.ArticleWorkflow.Actor;
import io.newsroom.cms.common.problem.Problem;
import io.newsroom.cms.common.problem.ProblemException;
import io.newsroom.cms.common.problem.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Saves that can put authors on a byline: create, replace, restore. Authors new on the byline are claimed from the
 * authors service first, outside any transaction (no remote call while the article's row is locked); then
 * {@link ArticleEditing} writes in one transaction, re-checking everything under the lock. When that write fails
 * (a stale If-Match, a taken slug, a database outage) the claims this save made are released, so they do not keep
 * authors undeletable for an article that never named them.
 */
@ApplicationScoped
public class ArticleSaves {
    @Inject
    ArticleEditing articles;

    @Inject
    AuthorsClient authors;

    public Article create(ArticleRequest request, Actor actor) {
        ArticleEditing.requireMayCreate(actor);
        UUID id = UUID.randomUUID();
        Claim claim = claimNew(id, List.of(), request.byline() == null ? List.of() : request.byline());
        return releasingOnFailure(id, claim, () -> articles.create(id, request, actor, claim.profiles()));
    }

    public Article update(UUID id, long expectedVersion, ArticleRequest request, Actor actor) {
        Article current = articles.checkEdit(id, expectedVersion, actor);
        Claim claim = claimNew(id, current.content.byline, request.byline() == null ? List.of() : request.byline());
        return releasingOnFailure(id, claim, () -> articles.update(id, expectedVersion, request, actor, claim.profiles()));
    }

    public Article restore(UUID id, int number, long expectedVersion, Actor actor) {
        Article current = articles.checkEdit(id, expectedVersion, actor);
        Claim claim = claimNew(id, current.content.byline, articles.revision(id, number).content.byline);
        return releasingOnFailure(id, claim, () -> articles.restore(id, number, expectedVersion, actor, claim.profiles()));
    }

    /** Deletes the article, then gives back its claims on authors (best effort). */
    public void delete(UUID id, long expectedVersion) {
        articles.delete(id, expectedVersion);
        authors.releaseAll(id);
    }

    private Article releasingOnFailure(UUID id, Claim claim, Supplier<Article> write) {
        try {
            return write.get();
        } catch (RuntimeException e) {
            authors.release(id, claim.newlyClaimed());
            throw e;
        }
    }

    /** Claims the authors new on the byline; deactivated authors keep the bylines they are already on. */
    private Claim claimNew(UUID articleId, List<UUID> before, List<UUID> after) {
        Set<UUID> seen = new HashSet<>();
        List<Problem.FieldError> duplicates = new ArrayList<>();
        List<UUID> added = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < after.size(); i++) {
            UUID id = after.get(i);
            if (!seen.add(id)) {
                duplicates.add(new Problem.FieldError("byline[" + i + "]", "names the same author twice"));
            } else if (!before.contains(id)) {
                added.add(id);
                positions.add(i);
            }
        }
        if (!duplicates.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, "The byline names an author twice", duplicates, Map.of());
        }
        return authors.claim(articleId, added, positions);
    }
}
