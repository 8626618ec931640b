package io.newsroom.cms.gateway.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The preview page's writing rules: what is escaped, which picture addresses are taken, how a document missing parts reads. */
class PreviewHtmlTest {
    @Test
    void textAndAttributesAreEscaped() {
        assertEquals("&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;", PreviewHtml.esc("<a href=\"x\" onclick='y'>&"));
        assertEquals("", PreviewHtml.esc(null));
    }

    @Test
    void onlyWebAddressesAndPathsOfThisHostAreTakenForPictures() {
        assertEquals("https://img.example/a.jpg", PreviewHtml.safeUrl("https://img.example/a.jpg"));
        assertEquals("/public/v1/media/abc/1x1-320-50-50.webp", PreviewHtml.safeUrl("/public/v1/media/abc/1x1-320-50-50.webp"));
        assertNull(PreviewHtml.safeUrl("javascript:alert(1)"));
        assertNull(PreviewHtml.safeUrl("data:image/svg+xml,<svg onload=alert(1)>"));
        assertNull(PreviewHtml.safeUrl("//evil.example/a.jpg"));
        assertNull(PreviewHtml.safeUrl("https://img.example/a.jpg\" onerror=\"x"));
        assertEquals("/a.jpg 320w, https://img.example/b.jpg 640w", PreviewHtml.safeSrcset("/a.jpg 320w, https://img.example/b.jpg 640w"));
        assertNull(PreviewHtml.safeSrcset("/a.jpg 320w, javascript:x 640w"));
    }

    @Test
    void aDocumentWithoutOptionalPartsStillReads() throws Exception {
        String html = PreviewHtml.article(new ObjectMapper().readTree("{\"headline\":null,\"revision\":2,\"expiresAt\":\"2026-12-09T09:15:00Z\"}"), "n");
        assertTrue(html.contains("<h1>Untitled</h1>"));
        assertTrue(html.contains("revision 2 of an unpublished article."));
        assertFalse(html.contains("<figure"));
        assertFalse(html.contains("class=\"byline\""));
        assertTrue(html.contains("<meta name=\"robots\" content=\"noindex, nofollow\">"));
        assertEquals(PreviewHtml.notFound("n"), PreviewHtml.notFound("n"), "the same page every time");
    }
}
