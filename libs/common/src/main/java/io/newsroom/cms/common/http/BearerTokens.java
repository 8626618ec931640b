package io.newsroom.cms.common.http;

/**
 * Shape checks on bearer tokens before anyone tries to verify them. A JWS in compact form is three segments of
 * canonical base64url: only {@code A-Z a-z 0-9 - _}, no padding, and no bits set past the last full byte. Decoders
 * are lenient (they skip characters outside the alphabet and ignore trailing bits), so a real token with {@code !!}
 * or {@code *} appended would otherwise verify: the signature bytes are the same. Such a token is not the one the
 * issuer signed and gets a 401.
 */
public final class BearerTokens {
    /** Far above any token Keycloak issues here (~1.5 KB); longer is not a token we issued. */
    public static final int MAX_LENGTH = 16 * 1024;
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    private BearerTokens() {
    }

    /** The token of an {@code Authorization: Bearer ...} header value, or null when the header uses another scheme. */
    public static String tokenOf(String authorization) {
        if (authorization == null || authorization.length() < 7 || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return authorization.substring(7).trim();
    }

    public static boolean isCanonicalJws(String token) {
        if (token.isEmpty() || token.length() > MAX_LENGTH) {
            return false;
        }
        int start = 0;
        for (int segment = 0; segment < 3; segment++) {
            int end = token.indexOf('.', start);
            if (segment < 2 ? end < 0 : end >= 0) {
                return false;
            }
            if (!canonicalBase64Url(token, start, segment < 2 ? end : token.length())) {
                return false;
            }
            start = end + 1;
        }
        return true;
    }

    private static boolean canonicalBase64Url(String text, int from, int to) {
        int length = to - from;
        if (length == 0 || length % 4 == 1) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (ALPHABET.indexOf(text.charAt(i)) < 0) {
                return false;
            }
        }
        int last = ALPHABET.indexOf(text.charAt(to - 1));
        return switch (length % 4) {
            case 2 -> (last & 0x0F) == 0; // 12 bits carry one byte: the low 4 must be zero
            case 3 -> (last & 0x03) == 0; // 18 bits carry two bytes: the low 2 must be zero
            default -> true;
        };
    }
}
