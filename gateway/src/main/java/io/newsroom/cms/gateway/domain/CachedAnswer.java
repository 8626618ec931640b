package io.newsroom.cms.gateway.domain;

import io.newsroom.cms.common.http.ContentTags;

import java.time.Duration;
import java.time.Instant;

/**
 * One public answer, ready to send: status, bytes, type, a strong ETag over the bytes, and when it was made (stamped
 * by the cache's clock). {@code location} is set for redirects (renamed slugs). {@code degraded} answers (e.g. an
 * article whose author box is incomplete) are served but replaced as soon as a full one can be made; {@code outdated}
 * ones (a content event touched them) are made again on the next read. {@code version}: for an article's answer (its
 * page or the redirect from an old slug), the article's version (the id of the event that wrote what it shows, sent by
 * the articles service and carried by the events); 0 when unknown.
 */
public record CachedAnswer(int status, byte[] body, String contentType, String etag, String location, Instant madeAt,
                           boolean degraded, boolean outdated, String surrogateKeys, long version) {

    public CachedAnswer(int status, byte[] body, String contentType, String etag, String location, Instant madeAt, boolean degraded) {
        this(status, body, contentType, etag, location, madeAt, degraded, false, null, 0);
    }

    /** The same answer naming what it shows in {@code Surrogate-Key} (libs/common {@code SurrogateKeys}); null: the route's own keys. */
    public CachedAnswer withKeys(String keys) {
        return new CachedAnswer(status, body, contentType, etag, location, madeAt, degraded, outdated, keys, version);
    }

    /**
     * Shows the same or a later state of its article than {@code other} (both versioned): an answer made while an event
     * of that same version came in shows what the event left, and is kept (a background refresh renews its age).
     */
    public boolean atLeastAsNewAs(CachedAnswer other) {
        return version >= other.version && other.version > 0;
    }

    /** The same answer, showing the article at {@code version}. */
    public CachedAnswer withVersion(long version) {
        return new CachedAnswer(status, body, contentType, etag, location, madeAt, degraded, outdated, surrogateKeys, version);
    }

    /** Shows a later state of its article than {@code other} (both versioned): keep it when {@code other} comes late. */
    public boolean newerThan(CachedAnswer other) {
        return version > other.version && other.version > 0;
    }

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
        return new CachedAnswer(status, body, contentType, etag, location, at, degraded, false, surrogateKeys, version);
    }

    /**
     * The same answer, known to be out of date (a content event touched what it shows): never fresh again, but still
     * the last good answer to serve while the services cannot make a new one.
     */
    public CachedAnswer markOutdated() {
        return new CachedAnswer(status, body, contentType, etag, location, madeAt, degraded, true, surrogateKeys, version);
    }

    /** Younger than {@code maxAge} at {@code now}. */
    public boolean youngerThan(Duration maxAge, Instant now) {
        if (madeAt == null) {
            return false;
        }
        // madeAt + maxAge > now, without the two objects Instant.plus and Duration.between make (every cached read asks)
        long seconds = now.getEpochSecond() - madeAt.getEpochSecond() - maxAge.getSeconds();
        if (seconds < -2 || seconds > 2) {
            return seconds < 0;
        }
        return seconds * 1_000_000_000L + now.getNano() - madeAt.getNano() - maxAge.getNano() < 0;
    }

    public long ageSeconds(Instant now) {
        return madeAt == null ? 0 : Math.max(0, Duration.between(madeAt, now).toSeconds());
    }
}
