package org.centerline.bench;

import java.util.Arrays;

/** Nearest-rank percentiles of latency samples in microseconds, reported in milliseconds. */
final class Percentiles {

    /** Count, p50, p99, p99.9, max and mean of a set of samples, in milliseconds. */
    record Summary(long count, double p50Ms, double p99Ms, double p999Ms, double maxMs, double meanMs) {
    }

    private Percentiles() {
    }

    /** Nearest-rank percentile {@code p} (0 < p <= 1) of sorted samples: the smallest with a share p at or below it. */
    static long nearestRank(long[] sorted, double p) {
        if (sorted.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        if (!(p > 0 && p <= 1)) {
            throw new IllegalArgumentException("percentile must be in (0, 1]: " + p);
        }
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(1, Math.min(rank, sorted.length)) - 1];
    }

    /** Summarises samples in microseconds (the array is not changed); an empty set gives zeros. */
    static Summary summarize(long[] micros) {
        if (micros.length == 0) {
            return new Summary(0, 0, 0, 0, 0, 0);
        }
        long[] s = micros.clone();
        Arrays.sort(s);
        double mean = Arrays.stream(s).average().orElse(0);
        return new Summary(s.length, ms(nearestRank(s, 0.50)), ms(nearestRank(s, 0.99)), ms(nearestRank(s, 0.999)),
                ms(s[s.length - 1]), mean / 1000.0);
    }

    private static double ms(long micros) {
        return micros / 1000.0;
    }
}
