package org.centerline.workload.counters;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Reads the published counts from the global stores (every Center, every counting task), summing the
 * partitions: the same answer on every instance. Only the windows inside the retention are read.
 */
public final class WorkloadView {

    private final Supplier<ReadOnlyKeyValueStore<String, CenterTotals>> totals;
    private final Supplier<ReadOnlyKeyValueStore<String, HourBucket>> windows;
    private final Duration retention;

    public WorkloadView(Supplier<ReadOnlyKeyValueStore<String, CenterTotals>> totals,
                        Supplier<ReadOnlyKeyValueStore<String, HourBucket>> windows, Duration retention) {
        this.totals = totals;
        this.windows = windows;
        this.retention = retention;
    }

    /** One Center's hourly counts (within the retention) and totals. */
    public CenterWorkload workload(String centerCode, Instant now) {
        CenterWorkload w = new CenterWorkload(centerCode);
        try (KeyValueIterator<String, CenterTotals> parts = totals.get().range(centerCode + "/", centerCode + "0")) {
            parts.forEachRemaining(kv -> w.add(kv.value));
        }
        long fromHour = now.minus(retention).getEpochSecond() / 3600;
        String prefix = WorkloadKeys.hourPrefix(centerCode);
        try (KeyValueIterator<String, HourBucket> hours = windows.get().range(WorkloadKeys.hourFrom(centerCode, fromHour),
                WorkloadKeys.endOf(prefix))) {
            while (hours.hasNext()) {
                KeyValue<String, HourBucket> kv = hours.next();
                w.hours.computeIfAbsent(WorkloadKeys.hourOf(kv.key), h -> new HourBucket()).add(kv.value);
            }
        }
        return w;
    }

    /**
     * Entries, points and lines of one Center, day and deciding heading (for the what-if and the commodity-line
     * shares). {@code lines} are all the lines of those entries (they move with the entry); counts written
     * before lines were counted read as 0 lines.
     */
    public record HeadingCount(String centerCode, long epochDay, String heading, int entries, double points, int lines) {

        public HeadingCount(String centerCode, long epochDay, String heading, int entries, double points) {
            this(centerCode, epochDay, heading, entries, points, 0);
        }
    }

    /** Every Center's day-and-heading counts from {@code sinceDay} (epoch day, inclusive), one per partition. */
    public List<HeadingCount> headingCounts(String centerCode, long sinceDay) {
        List<HeadingCount> counts = new ArrayList<>();
        String prefix = WorkloadKeys.dayPrefix(centerCode);
        try (KeyValueIterator<String, HourBucket> days = windows.get().range(WorkloadKeys.dayFrom(centerCode, sinceDay),
                WorkloadKeys.endOf(prefix))) {
            while (days.hasNext()) {
                KeyValue<String, HourBucket> kv = days.next();
                String[] dayAndHeading = WorkloadKeys.dayAndHeading(kv.key);
                counts.add(new HeadingCount(centerCode, Long.parseLong(dayAndHeading[0]), dayAndHeading[1], kv.value.filed,
                        kv.value.points, kv.value.lines));
            }
        }
        return counts;
    }
}
