package io.newsroom.cms.webhooks.domain;

import java.time.Instant;

/**
 * How one attempt went: a 2xx ({@code success}), another status, or no answer ({@code statusCode} null: refused target,
 * connection failure, timeout). {@code error} is at most {@value #MAX_ERROR} characters; the response body is never
 * kept beyond that.
 */
public record AttemptResult(DueDelivery delivery, boolean success, Integer statusCode, long durationMs, String error,
                            Instant at) {
    public static final int MAX_ERROR = 500;

    public AttemptResult {
        error = truncate(error);
    }

    /** At most {@value #MAX_ERROR} characters, without the NUL characters a database cannot store. */
    public static String truncate(String raw) {
        String text = raw == null ? null : raw.replace('\u0000', ' ');
        if (text == null || text.length() <= MAX_ERROR) {
            return text;
        }
        int end = MAX_ERROR - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }
}
