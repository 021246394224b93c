package org.centerline.routing.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.centerline.contracts.event.RoutingBasis;
import org.centerline.contracts.event.RoutingDecision;
import org.junit.jupiter.api.Test;

/** The ledger keeps the latest outcome per entry, tolerates out-of-order arrival, and stays within its bounds. */
class RoutingLedgerTest {

    private static RoutingDecision decision(String entry, String center, long at) {
        return new RoutingDecision(1, entry, "ABC", "12-3456789AB", "01", center, RoutingBasis.HTS, Map.of(center, 1),
                Map.of("8471", 1), "2026.11-1", 1.0, List.of(), null, Instant.ofEpochMilli(at - 10), Instant.ofEpochMilli(at));
    }

    private static void record(RoutingLedger ledger, RoutingDecision d) {
        ledger.routed(d, org.centerline.contracts.json.CenterlineJson.mapper().writeValueAsBytes(d));
    }

    private static RoutingDecision routedDecision(String entry, String center, long at) {
        return decision(entry, center, at);
    }

    @Test
    void theLaterDecisionStandsWhicheverArrivesFirst() {
        RoutingLedger ledger = new RoutingLedger(10, 10);
        record(ledger, routedDecision("ABC-1234567-6", "MAC", 2_000));
        record(ledger, routedDecision("ABC-1234567-6", "ELE", 1_000));
        assertThat(ledger.lastCenter("ABC-1234567-6")).isEqualTo("MAC");
        assertThat(ledger.outcome("ABC-1234567-6").orElseThrow().decision().centerCode()).isEqualTo("MAC");
    }

    @Test
    void theOldestEntriesLeaveFirstWhenTheBoundsAreReached() {
        RoutingLedger ledger = new RoutingLedger(2, 3);
        for (int i = 1; i <= 4; i++) {
            record(ledger, routedDecision("E-" + i, "ELE", i * 1_000L));
        }
        assertThat(ledger.size()).isEqualTo(2);
        assertThat(ledger.outcome("E-1")).isEmpty();
        assertThat(ledger.outcome("E-4")).isPresent();
        assertThat(ledger.lastCenter("E-1")).isNull();
        assertThat(ledger.lastCenter("E-2")).isEqualTo("ELE");
    }
}
