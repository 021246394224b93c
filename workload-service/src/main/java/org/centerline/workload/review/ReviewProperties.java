package org.centerline.workload.review;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The rebalancing review's schedule ({@code centerline.workload.review.*}).
 *
 * @param every the length of a reviewed period (a week by default); periods are aligned on Monday 00:00 UTC
 *     ({@link ReviewPeriods#ANCHOR}), and one review is published per period, when it ends
 * @param checkEvery how often the scheduler looks whether a period has ended (wall clock): a review is published at
 *     most this long after its period ends
 */
@ConfigurationProperties("centerline.workload.review")
public record ReviewProperties(
        @DefaultValue("7d") Duration every,
        @DefaultValue("1m") Duration checkEvery) {

    public ReviewProperties {
        if (every.compareTo(Duration.ofSeconds(1)) < 0 || every.getNano() != 0) {
            throw new IllegalArgumentException("centerline.workload.review.every must be whole seconds, at least 1 second, not "
                    + every);
        }
        if (checkEvery.compareTo(Duration.ofMillis(100)) < 0) {
            throw new IllegalArgumentException("centerline.workload.review.check-every must be at least 100 ms, not " + checkEvery);
        }
    }
}
