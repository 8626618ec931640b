package io.newsroom.cms.articles.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsroom.cms.common.problem.Problem;
import io.newsroom.cms.common.problem.ProblemException;
import io.newsroom.cms.common.problem.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Byline claims on the authors service, with a short timeout and a circuit breaker: when the authors service is down
 * or slow the save is refused with a 503 problem (nothing is written), never a hang or a 500. Claims are made before
 * the article's transaction and released when the save then fails: no remote call while its row is locked, checked
 * by {@link NoTransaction} (a call inside a transaction is refused).
 */
@ApplicationScoped
public class AuthorsClient {
    private static final Logger LOG = Logger.getLogger(AuthorsClient.class);

    @Inject
    @RestClient
    AuthorsApi api;

    /** What a claim gave: the authors' public profiles, and which claims it made (to release if the save fails). */
    public record Claim(List<AuthorChangesApi.ProfileChange> profiles, List<UUID> newlyClaimed) {
        public static final Claim NONE = new Claim(List.of(), List.of());
    }

    /**
     * Checks that the new byline ids exist and are active, and records that article {@code articleId} names them.
     * {@code positions} maps each id to its index in the article's byline, for field errors like {@code byline[2]}.
     */
    public Claim claim(UUID articleId, List<UUID> ids, List<Integer> positions) {
        if (ids.isEmpty()) {
            return Claim.NONE;
        }
        NoTransaction.require("authors: claim bylines");
        try {
            AuthorsApi.Claimed claimed = api.claim(new AuthorsApi.Claim(articleId, ids));
            List<AuthorChangesApi.ProfileChange> profiles = claimed.items() == null ? List.of()
                    : claimed.items().stream().map(AuthorChangesApi.ProfileChange::of).toList();
            return new Claim(profiles, claimed.claimed() == null ? List.of() : claimed.claimed());
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status == 400) {
                throw bylineProblem(e, positions);
            }
            if (status == 401 || status == 403) {
                // this service's own account was refused: a deployment problem (client secret, role), not the caller's
                LOG.errorf("The authors service refused this service's byline claim (%d): check the cms-articles client", status);
            }
            throw unavailable(e);
        } catch (ProblemException e) {
            throw e;
        } catch (RuntimeException e) {
            throw unavailable(e);
        }
    }

    /**
     * Gives back the claims a failed save made, so they do not keep authors undeletable. Best effort: when the authors
     * service cannot be told, the claim stays (the author can still be deactivated) and a warning says which.
     */
    public void release(UUID articleId, List<UUID> authorIds) {
        if (!authorIds.isEmpty()) {
            tell(articleId, authorIds);
        }
    }

    /** Gives back every claim of a deleted article (best effort, as {@link #release}). */
    public void releaseAll(UUID articleId) {
        tell(articleId, List.of());
    }

    /** The authors service's release: the article's claims on {@code authorIds}, all of them when empty. */
    private void tell(UUID articleId, List<UUID> authorIds) {
        NoTransaction.require("authors: release bylines");
        try {
            api.release(articleId, authorIds);
        } catch (RuntimeException e) {
            LOG.warnf("Could not release byline claims of article %s on %s: %s", articleId,
                    authorIds.isEmpty() ? "every author" : authorIds, e.toString());
        }
    }

    private static ProblemException bylineProblem(WebApplicationException e, List<Integer> positions) {
        List<Problem.FieldError> errors = new ArrayList<>();
        try {
            JsonNode body = e.getResponse().readEntity(JsonNode.class);
            for (JsonNode error : body.path("errors")) {
                String field = error.path("field").asText();
                int index = Integer.parseInt(field.replaceAll("\\D+", ""));
                errors.add(new Problem.FieldError("byline[" + positions.get(index) + "]", error.path("message").asText()));
            }
        } catch (RuntimeException parse) {
            errors.add(new Problem.FieldError("byline", "names unknown or deactivated authors"));
        }
        return new ProblemException(ProblemType.VALIDATION, "The byline names unknown or deactivated authors", errors, Map.of());
    }

    private static ProblemException unavailable(Exception cause) {
        LOG.warnf("Authors service unavailable for a byline check: %s", cause.toString());
        return new ProblemException(ProblemType.SERVICE_UNAVAILABLE,
                "The authors service cannot check the byline right now; nothing was saved, try again shortly");
    }
}
