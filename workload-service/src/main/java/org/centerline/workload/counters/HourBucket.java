package org.centerline.workload.counters;

import java.util.Map;
import java.util.TreeMap;

/**
 * Counts of one window: what one Center received in one hour (filings, their workload points, lines by
 * HTS chapter, entry types, flags), or, for the what-if, the entries and points of one Center, day and
 * deciding HTS heading (filed and points only).
 */
public final class HourBucket {
    public int filed;
    public double points;
    public Map<Integer, Integer> chapterLines = new TreeMap<>();
    public Map<String, Integer> entryTypes = new TreeMap<>();
    public Map<String, Integer> flags = new TreeMap<>();

    /** Counts a filing in (a delta filed +1) or out (-1: a re-filing moved it to another Center). */
    void add(CenterDelta d) {
        int sign = d.filed();
        filed += sign;
        points = Math.round((points + sign * d.points()) * 1_000_000) / 1_000_000.0;
        d.linesByHeading().forEach((heading, lines) ->
                chapterLines.merge(Integer.parseInt(heading) / 100, sign * lines, Integer::sum));
        if (d.entryType() != null) {
            entryTypes.merge(d.entryType(), sign, Integer::sum);
        }
        d.flags().forEach(f -> flags.merge(f.name(), sign, Integer::sum));
    }

    /** Counts an entry and its points in (+1) or out (-1), without the breakdowns. */
    void addEntry(int sign, double entryPoints) {
        filed += sign;
        points = Math.round((points + sign * entryPoints) * 1_000_000) / 1_000_000.0;
    }

    /** Adds another bucket (the read side sums partitions and hours). */
    public void add(HourBucket other) {
        filed += other.filed;
        points += other.points;
        other.chapterLines.forEach((k, v) -> chapterLines.merge(k, v, Integer::sum));
        other.entryTypes.forEach((k, v) -> entryTypes.merge(k, v, Integer::sum));
        other.flags.forEach((k, v) -> flags.merge(k, v, Integer::sum));
    }
}
