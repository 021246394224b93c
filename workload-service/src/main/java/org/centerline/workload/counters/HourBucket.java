package org.centerline.workload.counters;

import java.util.Map;
import java.util.TreeMap;

/** What one Center received in one hour: filings, their workload points, lines by HTS chapter, entry types, flags. */
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
        points += sign * d.points();
        d.linesByHeading().forEach((heading, lines) ->
                chapterLines.merge(Integer.parseInt(heading) / 100, sign * lines, Integer::sum));
        if (d.entryType() != null) {
            entryTypes.merge(d.entryType(), sign, Integer::sum);
        }
        d.flags().forEach(f -> flags.merge(f.name(), sign, Integer::sum));
    }
}
