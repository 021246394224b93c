package org.centerline.workload.counters;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * One Center's workload as the readers see it, assembled from the published counts (every counting
 * task's partition summed): hourly buckets of filings within the retention, the open backlog, decisions
 * by type and the time they took.
 */
public final class CenterWorkload {

    public final String centerCode;
    /** Epoch hour -> what was filed in it. */
    public final Map<Long, HourBucket> hours = new TreeMap<>();
    public int open;
    public double openPoints;
    public Map<String, Integer> decided = new TreeMap<>();
    public long decisionMillis;
    public long decisions;
    /** Epoch ms of the oldest open item's routing, or null when none is open. */
    public Long oldestOpenRoutedAt;

    public CenterWorkload(String centerCode) {
        this.centerCode = centerCode;
    }

    /** Adds one counting task's totals. */
    void add(CenterTotals t) {
        open += t.open;
        openPoints = Math.round((openPoints + t.openPoints) * 100) / 100.0;
        t.decided.forEach((k, v) -> decided.merge(k, v, Integer::sum));
        decisionMillis += t.decisionMillis;
        decisions += t.decisions;
        if (t.oldestOpenRoutedAt != null && (oldestOpenRoutedAt == null || t.oldestOpenRoutedAt < oldestOpenRoutedAt)) {
            oldestOpenRoutedAt = t.oldestOpenRoutedAt;
        }
    }

    /** Whether nothing was ever counted for the Center (within the retention). */
    public boolean isEmpty() {
        return hours.isEmpty() && open == 0 && decided.isEmpty() && oldestOpenRoutedAt == null;
    }

    /** Sum of the buckets from {@code since} (inclusive, to the hour) on. */
    public HourBucket since(Instant since) {
        long from = since.getEpochSecond() / 3600;
        HourBucket sum = new HourBucket();
        hours.forEach((hour, bucket) -> {
            if (hour >= from) {
                sum.add(bucket);
            }
        });
        return sum;
    }
}
