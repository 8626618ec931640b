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
 * Byline checks against the authors service, with a short timeout and a circuit breaker: when the authors service
 * is down or slow the save is refused with a 503 problem (nothing is written), never a hang or a 500.
 */
@ApplicationScoped
public class AuthorsClient {
    private static final Logger LOG = Logger.getLogger(AuthorsClient.class);

    @Inject
    @RestClient
    AuthorsApi api;

    /**
     * Checks that the new byline ids exist and are active, recording them as bylined. {@code positions} maps each id
     * to its index in the article's byline, for field errors like {@code byline[2]}. Answers their public profiles.
     */
    public List<AuthorChangesApi.ProfileChange> claim(List<UUID> ids, List<Integer> positions) {
        if (ids.isEmpty()) {
            return List.of();
        }
        try {
            AuthorsApi.Claimed claimed = api.claimForByline(new AuthorsApi.Ids(ids));
            return claimed.items() == null ? List.of() : claimed.items().stream().map(AuthorChangesApi.ProfileChange::of).toList();
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status == 400) {
                throw bylineProblem(e, positions);
            }
            if (status == 401 || status == 403) {
                throw new ProblemException(ProblemType.FORBIDDEN, "Your role may not put authors on a byline");
            }
            throw unavailable(e);
        } catch (ProblemException e) {
            throw e;
        } catch (RuntimeException e) {
            throw unavailable(e);
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
