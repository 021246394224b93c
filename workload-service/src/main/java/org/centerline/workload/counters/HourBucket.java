package org.centerline.workload.counters;

import java.util.Map;
import java.util.TreeMap;

/**
 * Counts of one window: what one Center received in one hour (filings, their workload points, lines by
 * HTS chapter, entry types, flags), or, for the what-if, the entries and points of one Center, day and
 * deciding HTS heading (filed, points and lines only). {@code lines} is the number of lines of the entries
 * counted; a record published before it was counted has no {@code lines} and reads as 0.
 */
public final class HourBucket {
    public int filed;
    public double points;
    public int lines;
    public Map<Integer, Integer> chapterLines = new TreeMap<>();
    public Map<String, Integer> entryTypes = new TreeMap<>();
    public Map<String, Integer> flags = new TreeMap<>();

    /** Counts a filing in (a delta filed +1) or out (-1: a re-filing moved it to another Center). */
    void add(CenterDelta d) {
        int sign = d.filed();
        filed += sign;
        points = Math.round((points + sign * d.points()) * 1_000_000) / 1_000_000.0;
        lines += sign * lines(d);
        d.linesByHeading().forEach((heading, lines) ->
                chapterLines.merge(Integer.parseInt(heading) / 100, sign * lines, Integer::sum));
        if (d.entryType() != null) {
            entryTypes.merge(d.entryType(), sign, Integer::sum);
        }
        d.flags().forEach(f -> flags.merge(f.name(), sign, Integer::sum));
    }

    /** Counts an entry, its points and its lines in (+1) or out (-1), without the breakdowns. */
    void addEntry(int sign, double entryPoints, int entryLines) {
        filed += sign;
        lines += sign * entryLines;
        points = Math.round((points + sign * entryPoints) * 1_000_000) / 1_000_000.0;
    }

    /** Adds another bucket (the read side sums partitions and hours). */
    public void add(HourBucket other) {
        filed += other.filed;
        points += other.points;
        lines += other.lines;
        other.chapterLines.forEach((k, v) -> chapterLines.merge(k, v, Integer::sum));
        other.entryTypes.forEach((k, v) -> entryTypes.merge(k, v, Integer::sum));
        other.flags.forEach((k, v) -> flags.merge(k, v, Integer::sum));
    }

    /** All lines of the entry (every heading, companion lines included). */
    static int lines(CenterDelta d) {
        int n = 0;
        for (Integer l : d.linesByHeading().values()) {
            n += l == null ? 0 : l;
        }
        return n;
    }
}
