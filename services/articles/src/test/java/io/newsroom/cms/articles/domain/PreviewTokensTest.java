package io.newsroom.cms.articles.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PreviewTokensTest {
    @Test
    void tokensAre256RandomBitsInAUrlSafeShape() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String token = PreviewTokens.generate();
            assertTrue(token.matches("[A-Za-z0-9_-]{43}"), token);
            assertTrue(PreviewTokens.wellFormed(token));
            assertTrue(seen.add(token), "a token came twice");
        }
    }

    @Test
    void onlyTheShapeOfATokenIsTakenAndEveryChangeHashesElsewhere() {
        String token = PreviewTokens.generate();
        assertFalse(PreviewTokens.wellFormed(null));
        assertFalse(PreviewTokens.wellFormed(""));
        assertFalse(PreviewTokens.wellFormed(token.substring(1)));
        assertFalse(PreviewTokens.wellFormed(token + "A"));
        assertFalse(PreviewTokens.wellFormed(token.substring(1) + "="));
        assertFalse(PreviewTokens.wellFormed(token.substring(1) + "/"));
        String hash = PreviewTokens.hash(token);
        assertTrue(hash.matches("[0-9a-f]{64}"), hash);
        assertEquals(hash, PreviewTokens.hash(token));
        char first = token.charAt(0);
        String altered = (first == 'A' ? 'B' : 'A') + token.substring(1);
        assertNotEquals(hash, PreviewTokens.hash(altered));
        // the well-known SHA-256 of "abc", so the stored form is what the migration says
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", PreviewTokens.hash("abc"));
    }

    @Test
    void aLinkOpensUntilItExpiresOrIsRevoked() {
        Instant now = Instant.parse("2026-12-02T10:00:00Z");
        PreviewLink link = new PreviewLink();
        link.expiresAt = now.plus(Duration.ofDays(7));
        assertEquals(PreviewLink.State.ACTIVE, link.state(now));
        assertTrue(link.opensAt(now));
        assertEquals(PreviewLink.State.EXPIRED, link.state(link.expiresAt));
        assertFalse(link.opensAt(link.expiresAt.plusSeconds(1)));
        link.revokedAt = now;
        assertEquals(PreviewLink.State.REVOKED, link.state(now));
        assertFalse(link.opensAt(now));
    }
}
