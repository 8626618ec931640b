package io.newsroom.cms.gateway.content;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * One composed public answer, ready to send: status, bytes, type, a strong ETag over the bytes, and when it was
 * made. {@code location} is set for redirects (renamed slugs). {@code degraded} answers (e.g. without the author
 * box) are served but replaced as soon as a full one can be made.
 */
public record CachedAnswer(int status, byte[] body, String contentType, String etag, String location, Instant madeAt,
                           boolean degraded) {

    public static CachedAnswer of(int status, byte[] body, String contentType, boolean degraded) {
        return new CachedAnswer(status, body, contentType, etag(body), null, Instant.now(), degraded);
    }

    public static CachedAnswer json(String json, boolean degraded) {
        return of(200, json.getBytes(StandardCharsets.UTF_8), "application/json", degraded);
    }

    public static CachedAnswer redirect(String location) {
        return new CachedAnswer(301, new byte[0], null, null, location, Instant.now(), false);
    }

    public long ageSeconds() {
        return Math.max(0, Instant.now().getEpochSecond() - madeAt.getEpochSecond());
    }

    private static String etag(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return '"' + HexFormat.of().formatHex(digest, 0, 16) + '"';
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
