package org.centerline.routing.ledger;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.centerline.contracts.event.Rejection;
import org.centerline.contracts.event.RoutingDecision;
import org.centerline.contracts.json.CenterlineJson;
import org.centerline.contracts.topic.Topics;

/**
 * What became of each entry number: its latest routing record or rejection (to answer "where did
 * my filing go, and why"), and the Center it was last routed to (to spot re-filings that move an
 * entry, so the earlier Center gets a withdrawal). Rebuilt from {@code entry-summaries.routed} and
 * {@code entry-summaries.rejected} at start; the router records its own decisions once committed.
 */
public final class RoutingLedger {

    /** The latest outcome of an entry number: exactly one of the two is set. */
    public record Outcome(RoutingDecision decision, Rejection rejection) {
        Instant at() {
            return decision != null ? decision.routedAt() : rejection.rejectedAt();
        }
    }

    private record Route(String centerCode, Instant routedAt) {
    }

    private final Map<String, Outcome> latest = new ConcurrentHashMap<>();
    private final Map<String, Route> lastRoute = new ConcurrentHashMap<>();

    /** Applies one record of the routed or rejected topic. */
    public void apply(ConsumerRecord<byte[], byte[]> record) {
        if (record.value() == null) {
            return;
        }
        if (record.topic().equals(Topics.ROUTED.name())) {
            routed(CenterlineJson.mapper().readValue(record.value(), RoutingDecision.class));
        } else {
            Rejection rejection = CenterlineJson.mapper().readValue(record.value(), Rejection.class);
            if (rejection.entryNumber() != null) {
                rejected(rejection);
            }
        }
    }

    public void routed(RoutingDecision decision) {
        Outcome outcome = new Outcome(decision, null);
        latest.merge(decision.entryNumber(), outcome, RoutingLedger::newer);
        lastRoute.merge(decision.entryNumber(), new Route(decision.centerCode(), decision.routedAt()),
                (old, neu) -> neu.routedAt().isBefore(old.routedAt()) ? old : neu);
    }

    public void rejected(Rejection rejection) {
        latest.merge(rejection.entryNumber(), new Outcome(null, rejection), RoutingLedger::newer);
    }

    // Records can reach the ledger twice and out of order (own decision, then the topic); the later one stands.
    private static Outcome newer(Outcome old, Outcome neu) {
        return neu.at().isBefore(old.at()) ? old : neu;
    }

    public Optional<Outcome> outcome(String entryNumber) {
        return Optional.ofNullable(latest.get(entryNumber));
    }

    /** The Center the entry number was last routed to, or null if it never was. */
    public String lastCenter(String entryNumber) {
        Route route = lastRoute.get(entryNumber);
        return route == null ? null : route.centerCode();
    }

    public int size() {
        return latest.size();
    }
}
