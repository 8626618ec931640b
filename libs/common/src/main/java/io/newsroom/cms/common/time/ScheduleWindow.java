package io.newsroom.cms.common.time;

import io.newsroom.cms.common.problem.ProblemException;

import java.time.Duration;
import java.time.Instant;

/**
 * The stretch of time a planning view asks for ({@code ?from=&to=}): both ends required, each an ISO-8601 time with an
 * offset, {@code from} inclusive and {@code to} exclusive, at most {@link #LONGEST} long (a calendar asks for a week or
 * a month; a bounded range keeps every answer small). Anything else is a 400 problem naming the parameter: a missing or
 * unreadable {@code from} at {@code from}, everything about the end or the length at {@code to}.
 */
public record ScheduleWindow(Instant from, Instant to) {
    /** The longest window asked for at once: two months of 31 days. */
    public static final Duration LONGEST = Duration.ofDays(62);

    public static ScheduleWindow parse(String from, String to) {
        Instant start = required("from", from);
        Instant end = required("to", to);
        if (!end.isAfter(start)) {
            throw ProblemException.invalid("to", "must be after from");
        }
        if (Duration.between(start, end).compareTo(LONGEST) > 0) {
            throw ProblemException.invalid("to", "must be at most " + LONGEST.toDays() + " days after from: ask for a shorter stretch");
        }
        return new ScheduleWindow(start, end);
    }

    /** Whether {@code at} lies in the window ({@code from} inclusive, {@code to} exclusive). */
    public boolean contains(Instant at) {
        return at != null && !at.isBefore(from) && at.isBefore(to);
    }

    private static Instant required(String field, String text) {
        Instant value = Times.param(field, text);
        if (value == null) {
            throw ProblemException.invalid(field, "is required: an ISO-8601 UTC time like 2026-12-07T00:00:00Z");
        }
        return value;
    }
}
