package org.centerline.workload.counters;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;

/**
 * The per-Center counts of one task (the same task as the entry tracker, so a count and the tracker
 * change that causes it commit together): hourly windows, day-and-heading windows for the what-if,
 * totals and open items. Every change is also published (keys in {@link WorkloadKeys}) so that every
 * instance reads every Center from its global tables; windows older than the retention are tombstoned.
 */
final class CenterCounts {

    static final String HOURLY = "hourly-counts";
    static final String HEADING_DAYS = "heading-day-counts";
    static final String TOTALS = "center-totals";
    static final String OPEN_ITEMS = "open-items";
    static final long HOUR_MS = 3_600_000L;
    static final long DAY_MS = 24 * HOUR_MS;

    private final ProcessorContext<String, Published> context;
    private final Duration retention;
    private final WindowStore<String, HourBucket> hourly;
    private final WindowStore<String, HourBucket> headingDays;
    private final KeyValueStore<String, CenterTotals> totals;
    private final KeyValueStore<String, Long> openItems;
    private final int partition;
    private long expiredUpTo = -1;

    CenterCounts(ProcessorContext<String, Published> context, Duration retention) {
        this.context = context;
        this.retention = retention;
        this.hourly = context.getStateStore(HOURLY);
        this.headingDays = context.getStateStore(HEADING_DAYS);
        this.totals = context.getStateStore(TOTALS);
        this.openItems = context.getStateStore(OPEN_ITEMS);
        this.partition = context.taskId().partition();
    }

    /** Key of an open item: Center, routing time and entry number, so a Center's oldest is the first of its range. */
    static String openKey(String centerCode, Instant routedAt, String entryNumber) {
        return centerCode + "/" + WorkloadKeys.pad(routedAt.toEpochMilli(), 13) + "/" + entryNumber;
    }

    void apply(CenterDelta d, Instant now, long timestamp) {
        String center = d.centerCode();
        long oldest = now.minus(retention).toEpochMilli();
        if (d.filed() != 0 && d.filedAt() != null && d.filedAt().toEpochMilli() >= oldest) {
            long hourStart = d.filedAt().truncatedTo(ChronoUnit.HOURS).toEpochMilli();
            HourBucket bucket = orNew(hourly.fetch(center, hourStart));
            bucket.add(d);
            hourly.put(center, bucket, hourStart);
            publish(WorkloadKeys.hour(center, hourStart / HOUR_MS, partition), new Published.Window(bucket), timestamp);

            long dayStart = d.filedAt().truncatedTo(ChronoUnit.DAYS).toEpochMilli();
            String heading = d.whatIfHeading() == null ? WorkloadKeys.STAYS : d.whatIfHeading();
            HourBucket day = orNew(headingDays.fetch(center + "/" + heading, dayStart));
            day.addEntry(d.filed(), d.points(), HourBucket.lines(d));
            headingDays.put(center + "/" + heading, day, dayStart);
            publish(WorkloadKeys.day(center, dayStart / DAY_MS, heading, partition), new Published.Window(day), timestamp);
        }
        if (d.open() == 0 && d.decision() == null) {
            return;
        }
        CenterTotals t = totals.get(center);
        if (t == null) {
            t = new CenterTotals(center);
        }
        t.apply(d);
        if (d.routedAt() != null) {
            String key = openKey(center, d.routedAt(), d.entryNumber());
            if (d.open() > 0) {
                openItems.put(key, d.routedAt().toEpochMilli());
            } else if (d.open() < 0) {
                openItems.delete(key);
            }
        }
        t.oldestOpenRoutedAt = oldestOpen(center);
        totals.put(center, t);
        publish(WorkloadKeys.totals(center, partition), new Published.Totals(t), timestamp);
    }

    private Long oldestOpen(String center) {
        try (KeyValueIterator<String, Long> range = openItems.range(center + "/", center + "0")) {
            return range.hasNext() ? range.next().value : null;
        }
    }

    /**
     * Tombstones the published windows that fell out of the retention since the last call (the stores keep
     * them a little longer, so they can still be listed here).
     */
    void expire(Instant now, long timestamp) {
        long cutoff = now.minus(retention).toEpochMilli();
        long from = expiredUpTo < 0 ? cutoff - 3 * DAY_MS : expiredUpTo;
        if (cutoff <= from) {
            return;
        }
        try (KeyValueIterator<Windowed<String>, HourBucket> old = hourly.fetchAll(from, cutoff - 1)) {
            while (old.hasNext()) {
                KeyValue<Windowed<String>, HourBucket> kv = old.next();
                if (kv.key.window().start() + HOUR_MS <= cutoff) {
                    publish(WorkloadKeys.hour(kv.key.key(), kv.key.window().start() / HOUR_MS, partition),
                            new Published.Window(null), timestamp);
                }
            }
        }
        try (KeyValueIterator<Windowed<String>, HourBucket> old = headingDays.fetchAll(from - DAY_MS, cutoff - DAY_MS)) {
            while (old.hasNext()) {
                KeyValue<Windowed<String>, HourBucket> kv = old.next();
                String[] centerAndHeading = kv.key.key().split("/", 2);
                publish(WorkloadKeys.day(centerAndHeading[0], kv.key.window().start() / DAY_MS, centerAndHeading[1], partition),
                        new Published.Window(null), timestamp);
            }
        }
        expiredUpTo = cutoff;
    }

    private void publish(String key, Published value, long timestamp) {
        context.forward(new Record<>(key, value, timestamp));
    }

    private static HourBucket orNew(HourBucket bucket) {
        return bucket == null ? new HourBucket() : bucket;
    }
}
