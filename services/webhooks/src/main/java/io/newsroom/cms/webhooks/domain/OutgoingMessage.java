package io.newsroom.cms.webhooks.domain;

import java.util.List;

/**
 * One event as endpoints get it: {@code messageId} (the {@code webhook-id}), the catalogue {@code type}, the Standard
 * Webhooks body for {@code standard} endpoints, and the purge body and keys for {@code cdn-purge} endpoints.
 */
public record OutgoingMessage(String messageId, String type, String standardBody, String purgeBody, List<String> surrogateKeys) {
    public OutgoingMessage {
        surrogateKeys = List.copyOf(surrogateKeys);
    }

    /** The {@code Surrogate-Key} header value: the keys, space-separated. */
    public String surrogateKeyHeader() {
        return String.join(" ", surrogateKeys);
    }
}
