package io.newsroom.cms.webhooks.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsroom.cms.webhooks.domain.EventType;
import io.newsroom.cms.webhooks.domain.OutgoingMessage;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PayloadsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant AT = Instant.parse("2026-03-01T10:15:30Z");

    @Test
    void thePublicDocumentIsEmbeddedByteForByte() throws Exception {
        String document = "{\"id\":\"a1\",\"headline\":\"Caf\\u00e9 \u2603\",\"authors\":[{\"id\":\"u1\"},{\"id\":\"u2\",\"x\":1}],\"n\":1.50}";
        OutgoingMessage message = Payloads.message("msg_published_7", EventType.ARTICLE_PUBLISHED, "a1", document, AT);
        assertEquals("{\"type\":\"article.published\",\"timestamp\":\"2026-03-01T10:15:30Z\",\"data\":" + document + "}",
                message.standardBody());
        assertEquals(List.of("article-a1", "articles", "author-u1", "author-u2"), message.surrogateKeys());
        assertEquals("{\"surrogate_keys\":[\"article-a1\",\"articles\",\"author-u1\",\"author-u2\"]}", message.purgeBody());
        assertEquals("article-a1 articles author-u1 author-u2", message.surrogateKeyHeader());
    }

    @Test
    void aTombstoneBecomesItsId() throws Exception {
        OutgoingMessage gone = Payloads.message("msg_published_8", EventType.ARTICLE_UNPUBLISHED, "a1", null, AT);
        JsonNode body = JSON.readTree(gone.standardBody());
        assertEquals("article.unpublished", body.path("type").asText());
        assertEquals("{\"id\":\"a1\"}", body.path("data").toString());
        assertEquals(List.of("article-a1", "articles"), gone.surrogateKeys());
        assertEquals(List.of("author-p1", "authors"), Payloads.message("m", EventType.AUTHOR_DELETED, "p1", null, AT).surrogateKeys());
    }

    @Test
    void listsAreKeyedByTheirSlug() throws Exception {
        String live = "{\"slug\":\"top-stories\",\"title\":\"Top stories\",\"description\":null,\"revision\":3,"
                + "\"publishedAt\":\"2026-03-01T10:15:00Z\",\"items\":[{\"articleId\":\"a1\",\"position\":0,\"overrides\":null,\"window\":null}]}";
        OutgoingMessage published = Payloads.message("msg_lists_9", EventType.LIST_PUBLISHED, "top-stories", live, AT);
        assertEquals("{\"type\":\"list.published\",\"timestamp\":\"2026-03-01T10:15:30Z\",\"data\":" + live + "}", published.standardBody());
        assertEquals(List.of("list-top-stories", "lists"), published.surrogateKeys());
        OutgoingMessage gone = Payloads.message("msg_lists_10", EventType.LIST_UNPUBLISHED, "top-stories", null, AT);
        assertEquals("{\"slug\":\"top-stories\"}", JSON.readTree(gone.standardBody()).path("data").toString());
        assertEquals("list-top-stories lists", gone.surrogateKeyHeader());
    }

    @Test
    void oddValuesAreReadDefensively() throws Exception {
        // authors that are not objects, ids that are not strings or not safe in a header: left out
        String odd = "{\"id\":\"a2\",\"authors\":[\"u1\",{\"id\":7},{\"id\":\"bad id\"},{\"id\":\"u3\"},null]}";
        assertEquals(List.of("article-a2", "articles", "author-u3"),
                Payloads.message("m", EventType.ARTICLE_PUBLISHED, "a2", odd, AT).surrogateKeys());
        assertEquals(List.of("articles"), Payloads.message("m", EventType.ARTICLE_PUBLISHED, "a b", "{\"authors\":{}}", AT).surrogateKeys());
        // not a JSON object: delivered wrapped, still valid JSON
        for (String value : new String[]{"[1,2]", "42", "not json \u0000", "{\"a\":1} trailing"}) {
            JsonNode body = JSON.readTree(Payloads.message("m", EventType.LIST_PUBLISHED, "l1", value, AT).standardBody());
            assertEquals("l1", body.path("data").path("slug").asText(), value);
            assertTrue(body.path("data").has("value"), value);
        }
    }

    @Test
    void aPingNamesTheEndpoint() throws Exception {
        OutgoingMessage ping = Payloads.ping("msg_ping_1", "e1", AT);
        assertEquals("{\"type\":\"webhook.ping\",\"timestamp\":\"2026-03-01T10:15:30Z\",\"data\":{\"id\":\"e1\"}}", ping.standardBody());
    }
}
