package io.newsroom.cms.gateway.domain;

import io.newsroom.cms.common.http.ContentTags;

import java.time.Duration;
import java.time.Instant;

/**
 * One public answer, ready to send: status, bytes, type, a strong ETag over the bytes, and when it was made (stamped
 * by the cache's clock). {@code location} is set for redirects (renamed slugs). {@code degraded} answers (e.g. an
 * article whose author box is incomplete) are served but replaced as soon as a full one can be made.
 */
public record CachedAnswer(int status, byte[] body, String contentType, String etag, String location, Instant madeAt,
                           boolean degraded) {

    public static CachedAnswer of(int status, byte[] body, String contentType, boolean degraded) {
        return new CachedAnswer(status, body, contentType, ContentTags.of(body), null, null, degraded);
    }

    public static CachedAnswer json(byte[] body, boolean degraded) {
        return of(200, body, "application/json", degraded);
    }

    /** A service's JSON passed through, with the strong ETag the service sent for exactly these bytes (if any). */
    public static CachedAnswer json(byte[] body, boolean degraded, String etag) {
        return etag == null ? json(body, degraded) : new CachedAnswer(200, body, "application/json", etag, null, null, degraded);
    }

    public static CachedAnswer redirect(String location) {
        return new CachedAnswer(301, new byte[0], null, null, location, null, false);
    }

    public CachedAnswer madeAt(Instant at) {
        return new CachedAnswer(status, body, contentType, etag, location, at, degraded);
    }

    /** Younger than {@code maxAge} at {@code now}. */
    public boolean youngerThan(Duration maxAge, Instant now) {
        return madeAt != null && madeAt.plus(maxAge).isAfter(now);
    }

    public long ageSeconds(Instant now) {
        return madeAt == null ? 0 : Math.max(0, Duration.between(madeAt, now).toSeconds());
    }
}
