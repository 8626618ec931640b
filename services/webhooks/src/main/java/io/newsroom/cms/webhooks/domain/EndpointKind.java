package io.newsroom.cms.webhooks.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** What an endpoint is sent: the event itself, or the surrogate keys a CDN purges ({@link PurgeKeys}). */
public enum EndpointKind {
    /** The Standard Webhooks payload: {@code {"type", "timestamp", "data"}}. */
    STANDARD("standard"),
    /** A purge request: header {@code Surrogate-Key: k1 k2}, body {@code {"surrogate_keys": [...]}}. */
    CDN_PURGE("cdn-purge");

    private final String value;

    EndpointKind(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public static Optional<EndpointKind> of(String value) {
        return Arrays.stream(values()).filter(k -> k.value.equals(value)).findFirst();
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(EndpointKind::value).toList();
    }
}
