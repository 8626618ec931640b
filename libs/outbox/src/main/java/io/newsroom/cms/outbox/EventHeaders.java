package io.newsroom.cms.outbox;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.nio.charset.StandardCharsets;

/** The consuming side of the headers {@link OutboxRelay} sends with every event. */
public final class EventHeaders {
    private EventHeaders() {
    }

    /** A header's text (UTF-8), or "" when the record does not carry it. */
    public static String text(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** The event's id ({@link Outbox#EVENT_ID}), the version consumers compare per key; null when it has none. */
    public static Long eventId(ConsumerRecord<?, ?> record) {
        try {
            return Long.valueOf(text(record, Outbox.EVENT_ID));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
