package io.newsroom.cms.common.http;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The request-target check's short cut for plain paths agrees with the full parse. */
class HttpGuardUriTest {
    private static final String PLAIN = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/-._~";

    @Test
    void everyPlainPathIsOneTheFullParseAccepts() {
        Random random = new Random(17);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder uri = new StringBuilder("/");
            for (int i = random.nextInt(80); i > 0; i--) {
                uri.append(PLAIN.charAt(random.nextInt(PLAIN.length())));
            }
            if (uri.toString().startsWith("//")) {
                assertFalse(HttpGuard.plain(uri.toString()), "an authority to a URI parser: " + uri);
                continue;
            }
            assertTrue(HttpGuard.plain(uri.toString()), uri::toString);
            assertNull(HttpGuard.parsedProblem(uri.toString()), uri::toString);
        }
    }

    @Test
    void anythingElseTakesTheFullParse() {
        for (String uri : List.of("", "x/y", "//", "//a/b", "*", "/a b", "/a%20b", "/a%zz", "/a?q=1", "/a#f", "/ä", "/a\u0000", "/a|b", "/a\\b")) {
            assertFalse(HttpGuard.plain(uri), uri);
        }
        assertNotNull(HttpGuard.malformedUri("/a%zz"), "a broken escape is still refused");
        assertNotNull(HttpGuard.malformedUri("/a b"), "a space is still refused");
        assertNull(HttpGuard.malformedUri("/public/v1/articles/a-slug"));
        assertNull(HttpGuard.malformedUri("/public/v1/search?q=caf%C3%A9"));
    }
}
