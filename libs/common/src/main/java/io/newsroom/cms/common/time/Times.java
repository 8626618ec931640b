package io.newsroom.cms.common.time;

import io.newsroom.cms.common.problem.ProblemException;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Times the API accepts: ISO-8601 with an offset ({@code Z} or {@code +02:00}), between 1900 and 9999. Java reads
 * years up to a billion, but databases, feeds and browsers do not (PostgreSQL, MongoDB's dates and
 * {@code java.util.Date} each stop somewhere else), so a time outside this range is a 400, never a 500.
 */
public final class Times {
    public static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");
    public static final String RANGE = "a time between 1900 and 9999";

    private Times() {
    }

    /** Parses {@code text}; empty when it is not ISO-8601 with an offset or lies outside the range. */
    public static java.util.Optional<Instant> parse(String text) {
        try {
            Instant instant = OffsetDateTime.parse(text.trim(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
            return inRange(instant) ? java.util.Optional.of(instant) : java.util.Optional.empty();
        } catch (DateTimeParseException | ArithmeticException e) {
            return java.util.Optional.empty();
        }
    }

    public static boolean inRange(Instant instant) {
        return !instant.isBefore(EARLIEST) && !instant.isAfter(LATEST);
    }

    /** A query parameter's time, or a 400 problem naming {@code field}; null stays null. */
    public static Instant param(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return parse(text).orElseThrow(() -> ProblemException.invalid(field,
                "must be an ISO-8601 UTC time like 2026-12-01T08:00:00Z, " + RANGE));
    }
}
