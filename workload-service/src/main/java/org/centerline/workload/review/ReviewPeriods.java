package org.centerline.workload.review;

import java.time.Duration;
import java.time.Instant;

/**
 * Review periods: consecutive spans of {@code every}, aligned on {@link #ANCHOR} (a Monday, 00:00 UTC), so a weekly
 * review covers Monday to Monday and every instance computes the same periods from the clock alone.
 */
public record ReviewPeriods(Duration every) {

    /** Monday 5 January 1970, 00:00 UTC. */
    public static final Instant ANCHOR = Instant.parse("1970-01-05T00:00:00Z");

    /** The start of the period {@code at} falls in. */
    public Instant periodStart(Instant at) {
        long everySeconds = every.getSeconds();
        long sinceAnchor = at.getEpochSecond() - ANCHOR.getEpochSecond();
        return ANCHOR.plusSeconds(Math.floorDiv(sinceAnchor, everySeconds) * everySeconds);
    }

    /** The review id of the period starting at {@code from}: the instant as ISO 8601 text (sorts in time order). */
    public static String id(Instant from) {
        return from.toString();
    }
}
