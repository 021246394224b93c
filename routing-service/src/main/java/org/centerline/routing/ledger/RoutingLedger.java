package org.centerline.routing.ledger;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.centerline.contracts.event.Rejection;
import org.centerline.contracts.event.RoutingDecision;
import org.centerline.contracts.json.CenterlineJson;

/**
 * The routing ledger: what became of each entry number, as a Kafka Streams timestamped key-value store
 * ({@value #STORE}: RocksDB, backed by its compacted changelog topic) keyed by entry number and partitioned
 * exactly like {@code entry-summaries.filed}. Each routing of an entry number replaces its value, stamped with the
 * decision's time: its latest routing record or rejection (to answer "where did my filing go, and why") and the
 * Center it was last routed to (to spot re-filings that move an entry, so the earlier Center gets a withdrawal).
 * A value older than the retention counts as absent on every read, and {@link LedgerPruner} deletes it (a tombstone
 * in the changelog), so memory and disk follow the retention, not the history. The value is
 * {@code [flags][center length][center ASCII][outcome JSON]}.
 * <p>
 * A key-value store rather than a window store (the first version): a filing's lookup is a point {@code get}, which
 * RocksDB's bloom filters answer without a read for a new entry number (most filings), where the window store
 * opened an iterator and sought backwards in every segment: 11 % of the stream thread in the profile
 * (docs/performance.md). The price is the pruning pass, which a window store did by dropping whole segments.
 */
public final class RoutingLedger {

    /** The store's name (its changelog is {@code <application id>-routing-ledger-latest-changelog}). */
    public static final String STORE = "routing-ledger-latest";

    private static final byte REJECTED = 1;

    private RoutingLedger() {
    }

    /** The latest outcome of an entry number: exactly one of the two is set. */
    public record Outcome(RoutingDecision decision, Rejection rejection) {
    }

    /**
     * One ledger value.
     *
     * @param lastCenter the Center the entry number was last routed to (null if never, within retention)
     * @param rejected whether {@code json} is a rejection (else a routing decision)
     * @param json the record routing wrote to {@code entry-summaries.routed} or {@code .rejected}
     */
    public record Entry(String lastCenter, boolean rejected, byte[] json) {

        public byte[] encode() {
            byte[] center = lastCenter == null ? new byte[0] : lastCenter.getBytes(StandardCharsets.US_ASCII);
            ByteBuffer out = ByteBuffer.allocate(2 + center.length + json.length);
            out.put(rejected ? REJECTED : 0).put((byte) center.length).put(center).put(json);
            return out.array();
        }

        public static Entry decode(byte[] stored) {
            int centerLength = stored[1];
            String center = centerLength == 0 ? null : new String(stored, 2, centerLength, StandardCharsets.US_ASCII);
            byte[] json = new byte[stored.length - 2 - centerLength];
            System.arraycopy(stored, 2 + centerLength, json, 0, json.length);
            return new Entry(center, (stored[0] & REJECTED) != 0, json);
        }

        /** The Center alone, without copying the JSON (the hot path needs nothing else). */
        public static String centerOf(byte[] stored) {
            int centerLength = stored[1];
            return centerLength == 0 ? null : new String(stored, 2, centerLength, StandardCharsets.US_ASCII);
        }

        public Outcome outcome() {
            return rejected ? new Outcome(null, CenterlineJson.mapper().readValue(json, Rejection.class))
                    : new Outcome(CenterlineJson.mapper().readValue(json, RoutingDecision.class), null);
        }
    }

    /** Whether a value stamped {@code at} is still within the retention at {@code nowMillis}. */
    public static boolean kept(long at, long nowMillis, Duration retention) {
        return at >= nowMillis - retention.toMillis();
    }

    /** The entry number's value within the retention at {@code nowMillis}, or null. */
    public static ValueAndTimestamp<byte[]> latest(ReadOnlyKeyValueStore<String, ValueAndTimestamp<byte[]>> store,
                                                  String entryNumber, long nowMillis, Duration retention) {
        ValueAndTimestamp<byte[]> value = store.get(entryNumber);
        return value != null && kept(value.timestamp(), nowMillis, retention) ? value : null;
    }
}
