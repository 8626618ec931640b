package io.newsroom.cms.common.content;

import io.newsroom.cms.common.problem.ProblemException;
import io.newsroom.cms.common.problem.Versions;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContentTest {
    @Test
    void slugsFromHeadlines() {
        assertEquals("elan-the-2026-budget", Slugs.from("Élan: the 2026 Budget!"));
        assertEquals("untitled", Slugs.from("!!!"));
        assertTrue(Slugs.from("word ".repeat(40)).length() <= Slugs.MAX_LENGTH);
        assertFalse(Slugs.from("word ".repeat(40)).endsWith("-"));
    }

    @Test
    void markdownIsRenderedAndRawHtmlIsNeverLive() {
        String html = MarkdownRenderer.toSafeHtml("**bold** <script>alert(1)</script> [x](javascript:alert(1))");
        assertTrue(html.contains("<strong>bold</strong>"), html);
        assertFalse(html.contains("<script"), html);
        assertFalse(html.contains("href=\"javascript"), html);
    }

    @Test
    void ifMatchParsing() {
        assertEquals(3, Versions.requireIfMatch("\"3\""));
        assertEquals(3, Versions.requireIfMatch("W/\"3\""));
        assertEquals(428, assertThrows(ProblemException.class, () -> Versions.requireIfMatch(null)).type().status());
        assertEquals(400, assertThrows(ProblemException.class, () -> Versions.requireIfMatch("\"abc\"")).type().status());
        assertEquals(412, assertThrows(ProblemException.class, () -> Versions.requireCurrent(2, 3)).type().status());
    }
}
