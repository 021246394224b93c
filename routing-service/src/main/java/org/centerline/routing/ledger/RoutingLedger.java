package org.centerline.routing.ledger;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.centerline.contracts.center.Centers;
import org.centerline.contracts.event.Rejection;
import org.centerline.contracts.event.RoutingDecision;
import org.centerline.contracts.json.CenterlineJson;
import org.centerline.contracts.topic.Topics;

/**
 * What became of each entry number: its latest routing record or rejection (to answer "where did
 * my filing go, and why"), and the Center it was last routed to (to spot re-filings that move an
 * entry, so the earlier Center gets a withdrawal). Rebuilt from {@code entry-summaries.routed} and
 * {@code entry-summaries.rejected} at start; the router records its own decisions once committed.
 *
 * <p>Both indexes are bounded (oldest first out), keyed by the entry number packed into a long, and
 * hold compact values, JSON bytes and a shared Center code, so the ledger's memory does not grow
 * with history and holds few objects for the garbage collector: an evicted outcome answers 404, an
 * evicted route is no longer recognised as a re-filing. Size the bounds to the re-filing window.
 */
public final class RoutingLedger {

    /** The latest outcome of an entry number: exactly one of the two is set. */
    public record Outcome(RoutingDecision decision, Rejection rejection) {
    }

    private record Stored(byte[] json, boolean rejected) {
    }

    private final BoundedIndex<Stored> latest;
    private final BoundedIndex<String> lastRoute;
    private final Map<String, String> centerCodes = new HashMap<>();

    public RoutingLedger(int maxOutcomes, int maxRoutes) {
        this.latest = new BoundedIndex<>(maxOutcomes);
        this.lastRoute = new BoundedIndex<>(maxRoutes);
        Centers.all().forEach(c -> centerCodes.put(c.code(), c.code()));
    }

    /**
     * Applies one record of the routed or rejected topic. This process's own records come back here too, after
     * {@link #routed} learned them at commit: applying them again is cheap (headers, no parsing) and heals the ledger
     * should that step ever have been missed.
     */
    public void apply(ConsumerRecord<byte[], byte[]> record) {
        if (record.value() == null) {
            return;
        }
        if (record.topic().equals(Topics.ROUTED.name())) {
            String center = LedgerHeaders.text(record.headers(), LedgerHeaders.CENTER);
            if (center != null && record.key() != null) {
                remember(new String(record.key(), StandardCharsets.UTF_8), new Stored(record.value(), false), record.timestamp(),
                        center);
                return;
            }
            RoutingDecision d = CenterlineJson.mapper().readValue(record.value(), RoutingDecision.class);
            remember(d.entryNumber(), new Stored(record.value(), false), d.routedAt().toEpochMilli(), d.centerCode());
        } else {
            String entryNumber = LedgerHeaders.text(record.headers(), LedgerHeaders.ENTRY_NUMBER);
            if (entryNumber != null) {
                if (!entryNumber.isEmpty()) {
                    remember(entryNumber, new Stored(record.value(), true), record.timestamp(), null);
                }
                return;
            }
            Rejection r = CenterlineJson.mapper().readValue(record.value(), Rejection.class);
            if (r.entryNumber() != null) {
                remember(r.entryNumber(), new Stored(record.value(), true), r.rejectedAt().toEpochMilli(), null);
            }
        }
    }

    /** Records a decision routing made; {@code json} is the record it wrote to {@code entry-summaries.routed}. */
    public void routed(RoutingDecision decision, byte[] json) {
        remember(decision.entryNumber(), new Stored(json, false), decision.routedAt().toEpochMilli(), decision.centerCode());
    }

    /** Records a rejection routing made; {@code json} is the record it wrote to {@code entry-summaries.rejected}. */
    public void rejected(Rejection rejection, byte[] json) {
        remember(rejection.entryNumber(), new Stored(json, true), rejection.rejectedAt().toEpochMilli(), null);
    }

    // Records can reach the ledger twice and out of order (own decision, then the topic); the later one stands.
    private void remember(String entryNumber, Stored outcome, long atMillis, String routedTo) {
        long key = EntryKey.of(entryNumber);
        if (key == EntryKey.NONE) {
            return;
        }
        latest.merge(key, outcome, atMillis);
        if (routedTo != null) {
            // The ten Centers' own strings, so a million routes share ten values.
            lastRoute.merge(key, centerCodes.getOrDefault(routedTo, routedTo), atMillis);
        }
    }

    public Optional<Outcome> outcome(String entryNumber) {
        long key = EntryKey.of(entryNumber);
        Stored stored = key == EntryKey.NONE ? null : latest.get(key);
        if (stored == null) {
            return Optional.empty();
        }
        return Optional.of(stored.rejected()
                ? new Outcome(null, CenterlineJson.mapper().readValue(stored.json(), Rejection.class))
                : new Outcome(CenterlineJson.mapper().readValue(stored.json(), RoutingDecision.class), null));
    }

    /** The Center the entry number was last routed to, or null if it never was (or it was evicted). */
    public String lastCenter(String entryNumber) {
        long key = EntryKey.of(entryNumber);
        return key == EntryKey.NONE ? null : lastRoute.get(key);
    }

    public int size() {
        return latest.size();
    }
}
