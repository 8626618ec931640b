package io.newsroom.cms.webhooks.domain;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Standard Webhooks signing (https://www.standardwebhooks.com/, "symmetric" scheme): the secret is {@code whsec_}
 * followed by the base64 of the key bytes; the signed content is {@code "{webhook-id}.{webhook-timestamp}.{body}"};
 * header {@code webhook-signature} is {@code v1,} followed by the base64 of its HMAC-SHA256.
 */
public final class WebhookSignature {
    public static final String SECRET_PREFIX = "whsec_";
    /** 24 random bytes: 192 bits of key, 32 base64 characters without padding. */
    static final int SECRET_BYTES = 24;
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSignature() {
    }

    /** A new endpoint secret, {@code whsec_} + base64 of 24 random bytes. */
    public static String newSecret() {
        byte[] key = new byte[SECRET_BYTES];
        RANDOM.nextBytes(key);
        return SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** The key bytes of a {@code whsec_...} secret (the prefix is optional, as in the reference libraries). */
    public static byte[] key(String secret) {
        String encoded = secret.startsWith(SECRET_PREFIX) ? secret.substring(SECRET_PREFIX.length()) : secret;
        return Base64.getDecoder().decode(encoded);
    }

    /** The {@code webhook-signature} header value: {@code v1,<base64 HMAC-SHA256>}. */
    public static String sign(String secret, String messageId, long timestampSeconds, String body) {
        return sign(key(secret), messageId, timestampSeconds, body.getBytes(StandardCharsets.UTF_8));
    }

    public static String sign(byte[] key, String messageId, long timestampSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((messageId + "." + timestampSeconds + ".").getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
