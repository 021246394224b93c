package org.centerline.workload.counters;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;
import org.centerline.contracts.event.EntryStatus;

/**
 * One Center's running counts, kept in the {@code center-workload} store: filings in hourly buckets
 * (for today, 7 and 30 days and the demand window), the open backlog, decisions by type and the
 * time they took. Mutable: the aggregator applies each {@link CenterDelta} and stores it again.
 */
public final class CenterWorkload {

    /** Hourly buckets are kept this long. */
    public static final Duration RETENTION = Duration.ofDays(31);

    public String centerCode;
    /** Epoch hour -> what was filed in it. */
    public Map<Long, HourBucket> hours = new TreeMap<>();
    public int open;
    public double openPoints;
    public Map<String, Integer> decided = new TreeMap<>();
    public long decisionMillis;
    public long decisions;

    public CenterWorkload() {
    }

    public CenterWorkload(String centerCode) {
        this.centerCode = centerCode;
    }

    public void apply(CenterDelta d) {
        if (d.filed() != 0 && d.filedAt() != null) {
            long hour = d.filedAt().truncatedTo(ChronoUnit.HOURS).getEpochSecond() / 3600;
            hours.computeIfAbsent(hour, h -> new HourBucket()).add(d);
        }
        open += d.open();
        openPoints = Math.max(0, Math.round((openPoints + d.open() * d.points()) * 100) / 100.0);
        if (d.decision() != null) {
            decided.merge(d.decision().name(), 1, Integer::sum);
            if (d.decision() != EntryStatus.WITHDRAWN && d.millisToDecision() != null) {
                decisionMillis += d.millisToDecision();
                decisions++;
            }
        }
    }

    /** Drops hourly buckets older than {@link #RETENTION}. */
    public void prune(Instant now) {
        long oldest = now.minus(RETENTION).getEpochSecond() / 3600;
        hours.keySet().removeIf(hour -> hour < oldest);
    }

    /** Sum of the buckets from {@code since} (inclusive, to the hour) on. */
    public HourBucket since(Instant since) {
        long from = since.getEpochSecond() / 3600;
        HourBucket sum = new HourBucket();
        hours.forEach((hour, bucket) -> {
            if (hour >= from) {
                sum.filed += bucket.filed;
                sum.points += bucket.points;
                bucket.chapterLines.forEach((k, v) -> sum.chapterLines.merge(k, v, Integer::sum));
                bucket.entryTypes.forEach((k, v) -> sum.entryTypes.merge(k, v, Integer::sum));
                bucket.flags.forEach((k, v) -> sum.flags.merge(k, v, Integer::sum));
            }
        });
        return sum;
    }
}
