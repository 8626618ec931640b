package io.newsroom.cms.webhooks.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsroom.cms.webhooks.domain.EventType;
import io.newsroom.cms.webhooks.domain.OutgoingMessage;
import io.newsroom.cms.webhooks.domain.PurgeKeys;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The bodies endpoints get. Standard endpoints: the Standard Webhooks shape
 * {@code {"type": "article.published", "timestamp": "<ISO-8601>", "data": {...}}}, where data is the event's JSON as the
 * producing service sent it, embedded byte for byte (the public article document, the workflow transition, the author
 * profile, the live list), or for a tombstone what the key names: {@code {"slug": key}} for a list (the lists topic is
 * keyed by slug), {@code {"id": key}} otherwise. {@code cdn-purge} endpoints: {@code {"surrogate_keys": [...]}} with
 * the keys of {@link PurgeKeys}.
 */
public final class Payloads {
    /** Strict about what counts as one JSON value: a value with anything after it is not embedded as it came. */
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private Payloads() {
    }

    /** The message for an event of {@code type} about {@code key}, with the value the topic carried (null: a tombstone). */
    public static OutgoingMessage message(String messageId, EventType type, String key, String value, Instant time) {
        JsonNode parsed = parse(value);
        String data;
        if (value == null) {
            data = only(keyName(type), key);
        } else if (parsed != null && parsed.isObject()) {
            data = value.strip(); // as sent: the public document byte for byte
        } else {
            // not a JSON object (a producer's mistake): still delivered, the value kept as it came
            ObjectNode wrapped = JSON.createObjectNode().put(keyName(type), key);
            if (parsed != null) {
                wrapped.set("value", parsed);
            } else {
                wrapped.put("value", value);
            }
            data = write(wrapped);
        }
        String standard = envelope(type.type(), time, data);
        List<String> keys = surrogateKeys(type, key, parsed);
        return new OutgoingMessage(messageId, type.type(), standard, purgeBody(keys), keys);
    }

    /** What an event's key is: a list's slug, or an article's or author's id. */
    private static String keyName(EventType type) {
        return type == EventType.LIST_PUBLISHED || type == EventType.LIST_UNPUBLISHED ? "slug" : "id";
    }

    /** A {@code webhook.ping} to one endpoint: {@code data} names the endpoint. */
    public static OutgoingMessage ping(String messageId, String endpointId, Instant time) {
        String body = envelope(EventType.PING, time, only("id", endpointId));
        return new OutgoingMessage(messageId, EventType.PING, body, body, List.of());
    }

    static List<String> surrogateKeys(EventType type, String key, JsonNode value) {
        return switch (type) {
            case ARTICLE_PUBLISHED, ARTICLE_UNPUBLISHED, ARTICLE_WORKFLOW -> PurgeKeys.forArticle(key, bylineAuthors(value));
            case AUTHOR_UPDATED, AUTHOR_DELETED -> PurgeKeys.forAuthor(key);
            case LIST_PUBLISHED, LIST_UNPUBLISHED -> PurgeKeys.forList(key);
        };
    }

    /** The ids of the document's {@code authors} (each an object with an {@code id}); anything else is skipped. */
    static List<String> bylineAuthors(JsonNode document) {
        List<String> ids = new ArrayList<>();
        if (document == null || !document.path("authors").isArray()) {
            return ids;
        }
        for (JsonNode author : document.path("authors")) {
            JsonNode id = author.path("id");
            if (id.isTextual()) {
                ids.add(id.asText());
            }
        }
        return ids;
    }

    private static String envelope(String type, Instant time, String data) {
        ObjectNode head = JSON.createObjectNode().put("type", type).put("timestamp", time.toString());
        String start = write(head);
        return start.substring(0, start.length() - 1) + ",\"data\":" + data + "}";
    }

    private static String purgeBody(List<String> keys) {
        ObjectNode body = JSON.createObjectNode();
        var array = body.putArray("surrogate_keys");
        keys.forEach(array::add);
        return write(body);
    }

    private static String only(String name, String value) {
        return write(JSON.createObjectNode().put(name, value));
    }

    private static JsonNode parse(String value) {
        if (value == null) {
            return null;
        }
        try {
            return JSON.readTree(value);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
