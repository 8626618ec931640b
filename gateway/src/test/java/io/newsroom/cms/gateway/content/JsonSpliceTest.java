package io.newsroom.cms.gateway.content;

import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonSpliceTest {

    @Test
    void anArticleLosesItsMarkdownAndBylineAndTakesMoreFieldsWithTheRestCopiedAsWritten() {
        JsonSplice.Open article = JsonSplice.open("{\"slug\":\"a\",\"body\":\"# raw\",\"byline\":[\"x\",\"y\"],"
                + "\"bodyHtml\":\"<p>\\\"q\\\" \\u00e9</p>\",\"heroImage\":{\"url\":\"u\",\"alt\":null},\"tags\":[\"t\"]}");
        assertEquals(List.of("x", "y"), article.byline());
        assertEquals("{\"slug\":\"a\",\"bodyHtml\":\"<p>\\\"q\\\" \\u00e9</p>\",\"heroImage\":{\"url\":\"u\",\"alt\":null},\"tags\":[\"t\"],"
                + "\"authors\":[],\"authorsDegraded\":false}", article.close("\"authors\":[],\"authorsDegraded\":false"));
        assertEquals("{\"n\":1}", JsonSplice.open("{\"body\":\"only\"}").close("\"n\":1"));
        assertEquals("{\"a\" : [1, 2],\"b\":{\"c\":\"d\"},\"n\":1}",
                JsonSplice.open("{ \"a\" : [1, 2] ,\n \"byline\": [] , \"b\":{\"c\":\"d\"}\n}").close("\"n\":1"));
    }

    @Test
    void aPageKeepsItsOrderAndOtherFieldsAndCollectsEachAuthorOnce() {
        JsonSplice.Page page = JsonSplice.page("{\"items\":[{\"id\":\"1\",\"byline\":[\"b\",\"a\"]},{\"id\":\"2\",\"byline\":[\"a\"]}],"
                + "\"nextCursor\":\"Y3Vy\"}");
        assertEquals(List.of("b", "a"), page.authorIds());
        assertEquals("\"nextCursor\":\"Y3Vy\"", page.otherFields());
        assertEquals(2, page.items().size());
        assertEquals("{\"id\":\"2\",\"x\":0}", page.items().get(1).close("\"x\":0"));
        assertEquals("", JsonSplice.page("{\"items\":[]}").otherFields());
    }

    @Test
    void authorsAreReadByIdAndNamedWithEscaping() {
        Map<String, JsonSplice.Author> authors = JsonSplice.authors("{\"items\":[{\"id\":\"a\",\"slug\":\"jane\",\"displayName\":\"Jane \\\"JD\\\" Doe\","
                + "\"social\":{\"x\":\"@jd\"},\"active\":true}]}");
        assertEquals("{\"id\":\"a\",\"slug\":\"jane\",\"displayName\":\"Jane \\\"JD\\\" Doe\",\"social\":{\"x\":\"@jd\"},\"active\":true}",
                authors.get("a").json());
        assertEquals("[{\"id\":\"a\",\"slug\":\"jane\",\"displayName\":\"Jane \\\"JD\\\" Doe\"}]",
                JsonSplice.names(List.of("a", "unknown"), authors));
    }

    @Test
    void somethingThatIsNotAnObjectIsRefused() {
        assertThrows(UncheckedIOException.class, () -> JsonSplice.open("[1]"));
        assertThrows(UncheckedIOException.class, () -> JsonSplice.page("{\"items\":[{\"id\":"));
        assertTrue(JsonSplice.authors("{\"total\":0}").isEmpty());
    }
}
