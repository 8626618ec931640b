package io.newsroom.cms.common.time;

import io.newsroom.cms.common.problem.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A published-date range as readers write it: days or times, both ends inclusive, bad ones a 400 at their name. */
class PublishedRangeTest {
    @Test
    void daysAreWholeUtcDaysWithBothEndsIncluded() {
        PublishedRange november = PublishedRange.parse("2026-11-01", "2026-11-30");
        assertEquals(Instant.parse("2026-11-01T00:00:00Z"), november.from());
        assertEquals(Instant.parse("2026-12-01T00:00:00Z"), november.until());
        PublishedRange oneDay = PublishedRange.parse("2026-11-30", "2026-11-30");
        assertEquals(Instant.parse("2026-12-01T00:00:00Z"), oneDay.until());
    }

    @Test
    void timesIncludeTheirOwnInstantAndEitherEndMayBeMissing() {
        PublishedRange morning = PublishedRange.parse("2026-11-30T06:00:00Z", "2026-11-30T12:00:00+01:00");
        assertEquals(Instant.parse("2026-11-30T06:00:00Z"), morning.from());
        assertEquals(Instant.parse("2026-11-30T11:00:00.000001Z"), morning.until());
        assertNull(PublishedRange.parse("2026-11-01", null).until());
        assertNull(PublishedRange.parse(" ", "2026-11-01").from());
        assertNull(PublishedRange.parse(null, ""));
    }

    @Test
    void theUrlFormReadsBackToTheSameRange() {
        for (PublishedRange range : new PublishedRange[]{PublishedRange.parse("2026-11-01", "2026-11-30"),
                PublishedRange.parse("2026-11-30T06:00:00.123456Z", "2026-11-30T07:00:00Z"), PublishedRange.parse(null, "2026-01-01")}) {
            assertEquals(range, PublishedRange.parse(range.fromParam(), range.toParam()));
        }
    }

    @Test
    void theLastDayThereIsEndsAtTheLastTimeThereIs() {
        PublishedRange rest = PublishedRange.parse("9999-12-31", "9999-12-31");
        assertEquals(Times.LATEST, rest.until());
        assertEquals(rest, PublishedRange.parse(rest.fromParam(), rest.toParam()));
    }

    @Test
    void controlCharactersAreNotADay() {
        ProblemException refused = assertThrows(ProblemException.class, () -> PublishedRange.parse("2026-11-3\u0000", null));
        assertEquals("from", refused.toProblem("/").errors().get(0).field());
    }

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {
            "yesterday, -, from", "2026-13-01, -, from", "2026-02-30, -, from", "-, 2026-11-30T08:00:00, to",
            "0001-01-01, -, from", "-, +999999999-12-31, to", "99999-01-01, -, from", "-, 1899-12-31, to",
            "2026-11-30, 2026-11-29, to", "2026-11-30T10:00:00Z, 2026-11-30T09:59:59Z, to"})
    void aBadEndIsA400AtItsName(String from, String to, String field) {
        ProblemException refused = assertThrows(ProblemException.class, () -> PublishedRange.parse(from, to));
        assertEquals(400, refused.toProblem("/").status());
        assertEquals(field, refused.toProblem("/").errors().get(0).field());
    }
}
