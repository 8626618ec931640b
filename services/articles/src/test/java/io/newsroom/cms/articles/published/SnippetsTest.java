package io.newsroom.cms.articles.published;

import io.newsroom.cms.articles.api.Raw;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/** A search passage is the article's text escaped, with only the matches marked up, added to the stored list item. */
class SnippetsTest {
    private static final char S = PublishedReads.MARK_START;
    private static final char E = PublishedReads.MARK_END;

    @Test
    void theTextIsEscapedAndOnlyTheMatchesAreMarked() {
        assertEquals("Ferries &amp; &lt;b&gt;tugs&lt;/b&gt; say &quot;<mark>harbour</mark>&quot; … it&#39;s <mark>open</mark>",
                Snippets.html("Ferries & <b>tugs</b> say\n\"" + S + "harbour" + E + "\" … it's  " + S + "open" + E));
        assertNull(Snippets.html(" "));
        assertNull(Snippets.html(null));
    }

    @Test
    void theSnippetJoinsTheItemAsAJsonString() {
        Raw item = new Raw("{\"id\":\"a\",\"slug\":\"s\"}");
        assertEquals("{\"id\":\"a\",\"slug\":\"s\",\"snippet\":\"a &quot;<mark>quote</mark>&quot; &amp; a \\\\ back\"}",
                Snippets.add(item, "a \"" + S + "quote" + E + "\" & a \\ back").json());
        assertEquals("{\"snippet\":\"x\"}", Snippets.add(new Raw("{ }"), "x").json());
        assertSame(item, Snippets.add(item, null));
    }
}
