package org.centerline.center.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.centerline.center.command.CommandOutcome;
import org.centerline.center.queue.CenterQueueProcessor;
import org.centerline.center.queue.WorkItem;
import org.centerline.contracts.event.StaffingRoster;
import org.springframework.kafka.streams.KafkaStreamsInteractiveQueryService;
import org.springframework.stereotype.Component;

/**
 * Reads the queue's Kafka Streams stores for the HTTP API and the gauges. The interactive query
 * service retries while a rebalance makes a store briefly unavailable, instead of failing the request.
 */
@Component
public class QueueStores {

    private final KafkaStreamsInteractiveQueryService queries;

    public QueueStores(KafkaStreamsInteractiveQueryService queries) {
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

    public Optional<WorkItem> item(String centerCode, String entryNumber) {
        return Optional.ofNullable(items().get(CenterQueueProcessor.key(centerCode, entryNumber)));
    }

    /** Every item of one Center (its keys share the prefix {@code CODE/}). */
    public List<WorkItem> itemsOf(String centerCode) {
        List<WorkItem> found = new ArrayList<>();
        // '/' + 1 == '0': the range covers exactly the keys "CODE/...".
        try (KeyValueIterator<String, WorkItem> range = items().range(centerCode + "/", centerCode + "0")) {
            range.forEachRemaining(kv -> found.add(kv.value));
        }
        return found;
    }

    public Optional<CommandOutcome> outcome(String commandId) {
        ReadOnlyKeyValueStore<String, CommandOutcome> store = store(CenterQueueProcessor.OUTCOMES);
        return Optional.ofNullable(store.get(commandId));
    }

    public Optional<StaffingRoster> roster(String centerCode) {
        ReadOnlyKeyValueStore<String, StaffingRoster> store = store(CenterQueueProcessor.ROSTERS);
        return Optional.ofNullable(store.get(centerCode));
    }

    private ReadOnlyKeyValueStore<String, WorkItem> items() {
        return store(CenterQueueProcessor.ITEMS);
    }
}
