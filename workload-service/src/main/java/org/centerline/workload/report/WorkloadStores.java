package org.centerline.workload.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.centerline.contracts.event.StaffingRoster;
import org.centerline.streams.LocalStores;
import org.centerline.workload.counters.CenterAggregator;
import org.centerline.workload.counters.CenterWorkload;
import org.centerline.workload.counters.EntryRecord;
import org.centerline.workload.counters.EntryTracker;
import org.centerline.workload.counters.WorkloadTopology;
import org.springframework.stereotype.Component;

/**
 * Reads workload-service's Kafka Streams stores for the API, the gauges and the what-if; the query
 * service retries while a rebalance makes a store briefly unavailable.
 */
@Component
public class WorkloadStores {

    private final LocalStores stores;

    public WorkloadStores(LocalStores stores) {
        this.stores = stores;
    }

    public Optional<CenterWorkload> workload(String centerCode) {
        return Optional.ofNullable(stores.<CenterWorkload>keyValue(CenterAggregator.WORKLOAD).get(centerCode));
    }

    /** When the oldest open item of the Center was routed (epoch ms), if it has any open. */
    public Optional<Long> oldestOpenRoutedAt(String centerCode) {
        long[] oldest = {Long.MAX_VALUE};
        stores.<Long>forEachUnder(CenterAggregator.OPEN_ITEMS, centerCode,
                (key, routedAt) -> oldest[0] = Math.min(oldest[0], routedAt));
        return oldest[0] == Long.MAX_VALUE ? Optional.empty() : Optional.of(oldest[0]);
    }

    public Optional<StaffingRoster> roster(String centerCode) {
        return Optional.ofNullable(stores.<StaffingRoster>keyValue(WorkloadTopology.ROSTERS).get(centerCode));
    }

    /** Every entry this instance tracks (the what-if replays them). */
    public List<EntryRecord> entries() {
        List<EntryRecord> all = new ArrayList<>();
        try (KeyValueIterator<String, EntryRecord> it = stores.<EntryRecord>keyValue(EntryTracker.STORE).all()) {
            it.forEachRemaining(kv -> all.add(kv.value));
        }
        return all;
    }
}
