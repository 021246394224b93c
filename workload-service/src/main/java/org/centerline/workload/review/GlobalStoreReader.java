package org.centerline.workload.review;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * A global table's store as a processor sees it ({@code context.getStateStore}: values with their timestamps), read
 * as plain values, the way the HTTP side's interactive queries read it.
 */
final class GlobalStoreReader {

    private GlobalStoreReader() {
    }

    @SuppressWarnings("unchecked")
    static <V> ReadOnlyKeyValueStore<String, V> of(Object store) {
        if (store instanceof TimestampedKeyValueStore<?, ?> timestamped) {
            return new Unwrapped<>((TimestampedKeyValueStore<String, V>) timestamped);
        }
        return (KeyValueStore<String, V>) store;
    }

    private record Unwrapped<V>(TimestampedKeyValueStore<String, V> store) implements ReadOnlyKeyValueStore<String, V> {

        @Override
        public V get(String key) {
            return value(store.get(key));
        }

        @Override
        public KeyValueIterator<String, V> range(String from, String to) {
            return new Values<>(store.range(from, to));
        }

        @Override
        public KeyValueIterator<String, V> all() {
            return new Values<>(store.all());
        }

        @Override
        public long approximateNumEntries() {
            return store.approximateNumEntries();
        }
    }

    private static <V> V value(ValueAndTimestamp<V> v) {
        return v == null ? null : v.value();
    }

    private record Values<V>(KeyValueIterator<String, ValueAndTimestamp<V>> inner) implements KeyValueIterator<String, V> {

        @Override
        public boolean hasNext() {
            return inner.hasNext();
        }

        @Override
        public KeyValue<String, V> next() {
            KeyValue<String, ValueAndTimestamp<V>> kv = inner.next();
            return KeyValue.pair(kv.key, value(kv.value));
        }

        @Override
        public void close() {
            inner.close();
        }

        @Override
        public String peekNextKey() {
            return inner.peekNextKey();
        }
    }

}
