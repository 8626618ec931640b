package io.newsroom.cms.common.time;

import io.newsroom.cms.common.problem.ProblemException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * A published-date range as readers ask for it: {@code from} and {@code to}, each a UTC day ({@code 2026-11-30}) or a
 * time ({@code 2026-11-30T08:00:00Z}), both inclusive: {@code from=2026-11-01&to=2026-11-30} is November. Kept
 * half-open ({@link #from} inclusive, {@link #until} exclusive) so a day and the next one never share an article.
 * Either end may be missing; {@code null} (no range) is what {@link #parse} gives when neither is asked for.
 */
public record PublishedRange(Instant from, Instant until) {
    private static final String FORMAT = "must be a day like 2026-11-30 or a UTC time like 2026-11-30T08:00:00Z, " + Times.RANGE;

    /** The range {@code from}–{@code to} (parameters named so), null when both are blank; a bad value is a 400 at its name. */
    public static PublishedRange parse(String from, String to) {
        Instant start = blank(from) ? null : start("from", from.trim());
        Instant until = blank(to) ? null : until("to", to.trim());
        if (start == null && until == null) {
            return null;
        }
        if (start != null && until != null && !start.isBefore(until)) {
            throw ProblemException.invalid("to", "must not be before from");
        }
        return new PublishedRange(start, until);
    }

    /** The form this range takes in a URL (and a cache key): each end as the instant it stands for, or empty. */
    public String fromParam() {
        return from == null ? null : from.toString();
    }

    /** {@link #until} as a {@code to} parameter {@link #parse} reads back to the same range (a microsecond before it). */
    public String toParam() {
        return until == null ? null : until.minus(1, ChronoUnit.MICROS).toString();
    }

    private static Instant start(String field, String text) {
        if (text.length() == 10) {
            return day(field, text).atStartOfDay().toInstant(ZoneOffset.UTC);
        }
        return Times.parse(text).orElseThrow(() -> ProblemException.invalid(field, FORMAT)).truncatedTo(ChronoUnit.MICROS);
    }

    private static Instant until(String field, String text) {
        Instant after = text.length() == 10 ? day(field, text).plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)
                // PostgreSQL keeps microseconds: the first instant after "to" that it can tell apart
                : Times.parse(text).orElseThrow(() -> ProblemException.invalid(field, FORMAT)).truncatedTo(ChronoUnit.MICROS)
                        .plus(1, ChronoUnit.MICROS);
        // no database or client here has a year 10000 to compare with
        return after.isAfter(Times.LATEST) ? Times.LATEST : after;
    }

    private static LocalDate day(String field, String text) {
        try {
            LocalDate day = LocalDate.parse(text);
            if (day.getYear() < 1900 || day.getYear() > 9999) {
                throw ProblemException.invalid(field, FORMAT);
            }
            return day;
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, FORMAT);
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
