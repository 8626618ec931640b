package io.newsroom.cms.gateway.domain;

/** A backend answered something other than the content (or not at all): {@code status} is what we would answer. */
public class BackendException extends RuntimeException {
    private final int status;

    public BackendException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }

    /** Not found / gone is an answer, not an outage: it is never covered up with a stale copy. */
    public boolean isAnswer() {
        return status == 404 || status == 400;
    }
}
