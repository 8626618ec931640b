package io.newsroom.cms.common.time;

import io.newsroom.cms.common.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScheduleWindowTest {
    private static String fieldOf(Runnable call) {
        ProblemException e = assertThrows(ProblemException.class, call::run);
        assertEquals(400, e.type().status());
        return e.toProblem("/x").errors().get(0).field();
    }

    @Test
    void aWeekWithOffsetsIsReadAsInstants() {
        ScheduleWindow week = ScheduleWindow.parse("2026-12-07T00:00:00+01:00", "2026-12-14T00:00:00+01:00");
        assertEquals(Instant.parse("2026-12-06T23:00:00Z"), week.from());
        assertEquals(Instant.parse("2026-12-13T23:00:00Z"), week.to());
        assertTrue(week.contains(Instant.parse("2026-12-06T23:00:00Z")));
        assertFalse(week.contains(Instant.parse("2026-12-13T23:00:00Z")), "to is exclusive");
    }

    @Test
    void bothEndsAreRequiredAndReadable() {
        assertEquals("from", fieldOf(() -> ScheduleWindow.parse(null, "2026-12-14T00:00:00Z")));
        assertEquals("to", fieldOf(() -> ScheduleWindow.parse("2026-12-07T00:00:00Z", " ")));
        assertEquals("from", fieldOf(() -> ScheduleWindow.parse("yesterday", "2026-12-14T00:00:00Z")));
        assertEquals("to", fieldOf(() -> ScheduleWindow.parse("2026-12-07T00:00:00Z", "+1000000000-01-01T00:00:00Z")));
    }

    @Test
    void theEndComesAfterTheStartAndAtMost62DaysAfter() {
        assertEquals("to", fieldOf(() -> ScheduleWindow.parse("2026-12-07T00:00:00Z", "2026-12-07T00:00:00Z")));
        assertEquals("to", fieldOf(() -> ScheduleWindow.parse("2026-12-07T00:00:00Z", "2026-12-01T00:00:00Z")));
        ScheduleWindow.parse("2026-12-01T00:00:00Z", "2027-02-01T00:00:00Z"); // 62 days: allowed
        assertEquals("to", fieldOf(() -> ScheduleWindow.parse("2026-12-01T00:00:00Z", "2027-02-01T00:00:00.001Z")));
    }
}
