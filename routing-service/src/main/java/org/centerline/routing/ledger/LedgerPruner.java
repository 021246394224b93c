package org.centerline.routing.ledger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * Deletes the values of one ledger partition that are past the retention, a slice of keys per call, so each call
 * costs the same however large the ledger grows and the exactly-once transaction it runs in stays short. Entry
 * numbers are not in time order, so it walks the keys in order from where the last call stopped and starts over at
 * the end: a whole pass over a partition of n entry numbers takes n / slice calls. Until the pass reaches a value
 * it is only invisible ({@link RoutingLedger#latest} ignores it), not yet deleted. The place it stopped is kept
 * in memory: after a restart or a move of the partition the next pass starts at the first key, which is correct
 * and costs one extra pass at most.
 */
public final class LedgerPruner {

    private final KeyValueStore<String, ValueAndTimestamp<byte[]>> ledger;
    private final Duration retention;
    private final int slice;
    private String next;

    public LedgerPruner(KeyValueStore<String, ValueAndTimestamp<byte[]>> ledger, Duration retention, int slice) {
        this.ledger = ledger;
        this.retention = retention;
        this.slice = slice;
    }

    /** Looks at the next {@code slice} entry numbers and deletes those past the retention at {@code nowMillis}; returns how many. */
    public int prune(long nowMillis) {
        List<String> expired = new ArrayList<>();
        String after = null;
        try (KeyValueIterator<String, ValueAndTimestamp<byte[]>> keys = next == null ? ledger.all() : ledger.range(next, null)) {
            int seen = 0;
            while (keys.hasNext()) {
                KeyValue<String, ValueAndTimestamp<byte[]>> entry = keys.next();
                if (seen++ == slice) {
                    after = entry.key;
                    break;
                }
                if (!RoutingLedger.kept(entry.value.timestamp(), nowMillis, retention)) {
                    expired.add(entry.key);
                }
            }
        }
        expired.forEach(ledger::delete);
        next = after;
        return expired.size();
    }
}
