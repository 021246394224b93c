package org.centerline.workload.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.centerline.contracts.event.StaffingRoster;
import org.centerline.workload.counters.CenterAggregator;
import org.centerline.workload.counters.CenterWorkload;
import org.centerline.workload.counters.EntryRecord;
import org.centerline.workload.counters.EntryTracker;
import org.centerline.workload.counters.WorkloadTopology;
import org.springframework.kafka.streams.KafkaStreamsInteractiveQueryService;
import org.springframework.stereotype.Component;

/**
 * Reads workload-service's Kafka Streams stores for the API, the gauges and the what-if; the query
 * service retries while a rebalance makes a store briefly unavailable.
 */
@Component
public class WorkloadStores {

    private final KafkaStreamsInteractiveQueryService queries;

    public WorkloadStores(KafkaStreamsInteractiveQueryService queries) {
        this.queries = queries;
    }

    /** The store, or the InvalidStateStoreException itself (the query service wraps it when its retries run out). */
    private <V> ReadOnlyKeyValueStore<String, V> store(String name) {
        try {
            return queries.retrieveQueryableStore(name, QueryableStoreTypes.keyValueStore());
        } catch (IllegalStateException e) {
            if (e.getCause() instanceof InvalidStateStoreException notReady) {
                throw notReady;
            }
            throw e;
        }
    }

    public Optional<CenterWorkload> workload(String centerCode) {
        ReadOnlyKeyValueStore<String, CenterWorkload> store = store(CenterAggregator.WORKLOAD);
        return Optional.ofNullable(store.get(centerCode));
    }

    /** When the oldest open item of the Center was routed (epoch ms), if it has any open. */
    public Optional<Long> oldestOpenRoutedAt(String centerCode) {
        ReadOnlyKeyValueStore<String, Long> store = store(CenterAggregator.OPEN_ITEMS);
        Long oldest = null;
        // '/' + 1 == '0': the range covers exactly the keys "CODE/...".
        try (KeyValueIterator<String, Long> range = store.range(centerCode + "/", centerCode + "0")) {
            while (range.hasNext()) {
                long routedAt = range.next().value;
                oldest = oldest == null ? routedAt : Math.min(oldest, routedAt);
            }
        }
        return Optional.ofNullable(oldest);
    }

    public Optional<StaffingRoster> roster(String centerCode) {
        ReadOnlyKeyValueStore<String, StaffingRoster> store = store(WorkloadTopology.ROSTERS);
        return Optional.ofNullable(store.get(centerCode));
    }

    /** Every entry this instance tracks (the what-if replays them). */
    public List<EntryRecord> entries() {
        ReadOnlyKeyValueStore<String, EntryRecord> store = store(EntryTracker.STORE);
        List<EntryRecord> all = new ArrayList<>();
        try (KeyValueIterator<String, EntryRecord> it = store.all()) {
            it.forEachRemaining(kv -> all.add(kv.value));
        }
        return all;
    }
}
