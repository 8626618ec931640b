package io.newsroom.cms.articles.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * Workflow commands, as clients spell them: {@code submit}, {@code request_changes}, ... {@code unpublish} with a time
 * schedules the unpublish (the article's expiry) and {@code unschedule_unpublish} clears it, the live article staying.
 */
public enum Action {
    SUBMIT, REQUEST_CHANGES, APPROVE, PUBLISH, SCHEDULE, UNSCHEDULE, UNPUBLISH, UNSCHEDULE_UNPUBLISH, ARCHIVE;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Action fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
