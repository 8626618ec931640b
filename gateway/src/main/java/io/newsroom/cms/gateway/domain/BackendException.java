package io.newsroom.cms.gateway.domain;

import io.newsroom.cms.common.problem.Problem;

import java.util.List;

/** A backend answered something other than the content (or not at all): {@code status} is what we would answer. */
public class BackendException extends RuntimeException {
    private final int status;
    private final List<Problem.FieldError> errors;

    public BackendException(int status, String message) {
        this(status, message, List.of());
    }

    /** {@code errors}: the fields a 400 names (as the service's problem named them). */
    public BackendException(int status, String message, List<Problem.FieldError> errors) {
        super(message, null, false, false);
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    public int status() {
        return status;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }

    /** Not found / gone is an answer, not an outage: it is never covered up with a stale copy. */
    public boolean isAnswer() {
        return status == 404 || status == 400;
    }
}
