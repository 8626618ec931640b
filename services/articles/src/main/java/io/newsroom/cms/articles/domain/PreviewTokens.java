package io.newsroom.cms.articles.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A preview link's secret: 32 random bytes (256 bits) from {@link SecureRandom}, base64url without padding (43
 * characters, safe in a URL path). It cannot be guessed or forged, so it needs no signature; the database keeps only
 * its SHA-256, so a leaked table or backup opens no preview. A token of another shape, or one changed in a single
 * character, hashes to nothing stored: the same "not found" as a token that never existed.
 */
public final class PreviewTokens {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");

    private PreviewTokens() {
    }

    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether {@code token} could be one this class made (checked before hashing, so junk is never looked up). */
    public static boolean wellFormed(String token) {
        return token != null && SHAPE.matcher(token).matches();
    }

    /** The lowercase hex SHA-256 of the token, as stored. */
    public static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
