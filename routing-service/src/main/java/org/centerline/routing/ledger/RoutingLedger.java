package org.centerline.routing.ledger;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.centerline.contracts.event.Rejection;
import org.centerline.contracts.event.RoutingDecision;
import org.centerline.contracts.json.CenterlineJson;

/**
 * The routing ledger: what became of each entry number, as a Kafka Streams window store
 * ({@value #STORE}: RocksDB, backed by its changelog topic) keyed by entry number and partitioned
 * exactly like {@code entry-summaries.filed}. Each routing of an entry number puts one value, at the
 * decision's time: its latest routing record or rejection (to answer "where did my filing go, and
 * why") and the Center it was last routed to (to spot re-filings that move an entry, so the earlier
 * Center gets a withdrawal). The latest value within the retention stands; older segments are dropped
 * by the store itself (and the changelog's retention), so memory and disk follow the retention, not
 * the history. The value is {@code [flags][center length][center ASCII][outcome JSON]}.
 */
public final class RoutingLedger {

    /** The store's name (its changelog is {@code <application id>-routing-ledger-changelog}). */
    public static final String STORE = "routing-ledger";

    private static final byte REJECTED = 1;
    private static final long END_OF_TIME_MILLIS = Long.MAX_VALUE / 2;
    private static final Instant END_OF_TIME = Instant.ofEpochMilli(END_OF_TIME_MILLIS);

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

    /**
     * The latest value of the entry number put no earlier than {@code retention} before {@code nowMillis}, with
     * its time (the window start), or null.
     */
    public static KeyValue<Long, byte[]> latest(ReadOnlyWindowStore<String, byte[]> store, String entryNumber,
                                               long nowMillis, Duration retention) {
        long from = Math.max(0, nowMillis - retention.toMillis());
        try (WindowStoreIterator<byte[]> newestFirst = store.backwardFetch(entryNumber, Instant.ofEpochMilli(from), END_OF_TIME)) {
            return newestFirst.hasNext() ? newestFirst.next() : null;
        }
    }

    /**
     * As {@link #latest(ReadOnlyWindowStore, String, long, Duration)}, for the routing step (once per filing): the
     * store's {@code long} bounds, because the {@code Instant} form formats two error-message prefixes with
     * {@code String.format} on every call (3.5 % of the stream thread's CPU in the profile).
     */
    public static KeyValue<Long, byte[]> latest(WindowStore<String, byte[]> store, String entryNumber,
                                               long nowMillis, Duration retention) {
        long from = Math.max(0, nowMillis - retention.toMillis());
        try (WindowStoreIterator<byte[]> newestFirst = store.backwardFetch(entryNumber, from, END_OF_TIME_MILLIS)) {
            return newestFirst.hasNext() ? newestFirst.next() : null;
        }
    }
}
