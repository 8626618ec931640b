package io.newsroom.cms.articles.published;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The public lists' cursors: a position ({@code "time|id"}, {@code "search|20"}, {@code "tags|3|cloud"}) in URL-safe
 * Base64, opaque to callers. What a position holds is up to each list; a cursor it cannot read is its 400 problem.
 */
public final class Cursors {
    private Cursors() {
    }

    public static String encode(String position) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(position.getBytes(StandardCharsets.UTF_8));
    }

    /** The position's {@code |}-separated parts, at most {@code limit} (the last keeps any further {@code |}; 0: no limit). */
    public static String[] decode(String cursor, int limit) {
        return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", limit);
    }
}
