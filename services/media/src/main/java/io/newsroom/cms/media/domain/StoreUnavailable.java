package io.newsroom.cms.media.domain;

/** Object storage could not be reached or refused to work; nothing was changed by the failing call. */
public class StoreUnavailable extends RuntimeException {
    public StoreUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
