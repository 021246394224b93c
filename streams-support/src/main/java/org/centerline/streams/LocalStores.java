package org.centerline.streams;

import java.util.function.BiConsumer;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.kafka.streams.KafkaStreamsInteractiveQueryService;

/**
 * This instance's key-value stores, for HTTP and gauges. The query service retries while a rebalance
 * makes a store unavailable; when it gives up, the {@link InvalidStateStoreException} itself is thrown
 * (not wrapped), so the services answer 503 "not ready" rather than 500.
 */
public final class LocalStores {

    private final KafkaStreamsInteractiveQueryService queries;

    public LocalStores(KafkaStreamsInteractiveQueryService queries) {
        this.queries = queries;
    }

    public <V> ReadOnlyKeyValueStore<String, V> keyValue(String name) {
        try {
            return queries.retrieveQueryableStore(name, QueryableStoreTypes.keyValueStore());
        } catch (IllegalStateException e) {
            if (e.getCause() instanceof InvalidStateStoreException notReady) {
                throw notReady;
            }
            throw e;
        }
    }

    /** Every entry whose key starts with {@code prefix + "/"} (keys like {@code ELE/ABC-1234567-6}). */
    public <V> void forEachUnder(String store, String prefix, BiConsumer<String, V> action) {
        // '/' + 1 == '0': the range covers exactly the keys "PREFIX/...".
        ReadOnlyKeyValueStore<String, V> kv = keyValue(store);
        try (KeyValueIterator<String, V> range = kv.range(prefix + "/", prefix + "0")) {
            range.forEachRemaining(entry -> action.accept(entry.key, entry.value));
        }
    }
}
