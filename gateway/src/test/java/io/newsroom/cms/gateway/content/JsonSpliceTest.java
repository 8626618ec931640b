package io.newsroom.cms.gateway.content;

import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class JsonSpliceTest {

    @Test
    void anArticleLosesItsMarkdownAndBylineAndTakesMoreFieldsWithTheRestCopiedAsWritten() {
        JsonSplice.Open article = JsonSplice.open("{\"slug\":\"a\",\"body\":\"# raw\",\"byline\":[\"x\",\"y\"],"
                + "\"bodyHtml\":\"<p>\\\"q\\\" \\u00e9</p>\",\"heroImage\":{\"url\":\"u\",\"alt\":null},\"tags\":[\"t\"]}");
        assertEquals(List.of("x", "y"), article.byline());
        assertEquals(-1, article.authors());
        assertEquals("{\"slug\":\"a\",\"bodyHtml\":\"<p>\\\"q\\\" \\u00e9</p>\",\"heroImage\":{\"url\":\"u\",\"alt\":null},\"tags\":[\"t\"],"
                + "\"authors\":[],\"authorsDegraded\":false}", article.close("\"authors\":[],\"authorsDegraded\":false"));
        assertEquals("{\"n\":1}", JsonSplice.open("{\"body\":\"only\"}").close("\"n\":1"));
        assertEquals("{\"a\" : [1, 2],\"b\":{\"c\":\"d\"},\"n\":1}",
                JsonSplice.open("{ \"a\" : [1, 2] ,\n \"byline\": [] , \"b\":{\"c\":\"d\"}\n}").close("\"n\":1"));
    }

    @Test
    void aPageKeepsItsOrderAndOtherFieldsAndItsItemsLoseTheirBylines() {
        JsonSplice.Page page = JsonSplice.page("{\"items\":[{\"id\":\"1\",\"byline\":[\"b\",\"a\"],\"authors\":[{\"id\":\"b\"},{\"id\":\"a\"}]},"
                + "{\"id\":\"2\",\"byline\":[\"a\"]}],\"nextCursor\":\"Y3Vy\"}");
        assertEquals("\"nextCursor\":\"Y3Vy\"", page.otherFields());
        assertEquals(2, page.items().size());
        assertEquals("{\"id\":\"1\",\"authors\":[{\"id\":\"b\"},{\"id\":\"a\"}]}", page.items().get(0).close());
        assertEquals("{\"id\":\"2\",\"x\":0}", page.items().get(1).close("\"x\":0"));
        assertEquals("{}", JsonSplice.open("{\"byline\":[]}").close());
        assertEquals(2, page.items().get(0).authors());
        JsonSplice.Open withAuthors = JsonSplice.open("{\"byline\":[\"a\",\"b\"],\"authors\":[{\"id\":\"a\",\"social\":{\"x\":[1]}}],\"n\":1}");
        assertEquals(1, withAuthors.authors());
        assertEquals("{\"authors\":[{\"id\":\"a\",\"social\":{\"x\":[1]}}],\"n\":1,\"d\":true}", withAuthors.close("\"d\":true"));
        assertEquals(0, JsonSplice.open("{\"authors\":[]}").authors());
        assertEquals("", JsonSplice.page("{\"items\":[]}").otherFields());
    }

    @Test
    void somethingThatIsNotAnObjectIsRefused() {
        assertThrows(UncheckedIOException.class, () -> JsonSplice.open("[1]"));
        assertThrows(UncheckedIOException.class, () -> JsonSplice.page("{\"items\":[{\"id\":"));
    }
}
