package org.centerline.workload.counters;

import java.time.Clock;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Applies {@link CenterDelta}s to each Center's {@link CenterWorkload} (tasks keyed by Center code),
 * and keeps the open items per Center with their routing time, for the age of the oldest.
 */
public final class CenterAggregator implements Processor<String, CenterDelta, Void, Void> {

    public static final String WORKLOAD = "center-workload";
    public static final String OPEN_ITEMS = "open-items";

    private final Clock clock;
    private KeyValueStore<String, CenterWorkload> workloads;
    private KeyValueStore<String, Long> openItems;

    public CenterAggregator(Clock clock) {
        this.clock = clock;
    }

    /** Key of an open item: Center and entry number, so one Center's items are one key range. */
    public static String openKey(String centerCode, String entryNumber) {
        return centerCode + "/" + entryNumber;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        workloads = context.getStateStore(WORKLOAD);
        openItems = context.getStateStore(OPEN_ITEMS);
    }

    @Override
    public void process(Record<String, CenterDelta> record) {
        CenterDelta delta = record.value();
        CenterWorkload workload = workloads.get(delta.centerCode());
        if (workload == null) {
            workload = new CenterWorkload(delta.centerCode());
        }
        workload.apply(delta);
        workload.prune(clock.instant());
        workloads.put(delta.centerCode(), workload);
        String key = openKey(delta.centerCode(), delta.entryNumber());
        if (delta.open() > 0 && delta.routedAt() != null) {
            openItems.put(key, delta.routedAt().toEpochMilli());
        } else if (delta.open() < 0) {
            openItems.delete(key);
        }
    }
}
