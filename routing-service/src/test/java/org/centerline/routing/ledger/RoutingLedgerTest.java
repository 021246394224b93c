package org.centerline.routing.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.centerline.contracts.event.Rejection;
import org.centerline.contracts.event.RejectionReason;
import org.centerline.contracts.event.RoutingBasis;
import org.centerline.contracts.json.CenterlineJson;
import org.centerline.contracts.topic.Topics;
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

    private static String entry(int serial) {
        return org.centerline.contracts.entry.EntryNumber.of("ABC", String.format("%07d", serial)).toString();
    }

    @Test
    void theLaterDecisionStandsWhicheverArrivesFirst() {
        RoutingLedger ledger = new RoutingLedger(10, 10);
        record(ledger, decision("ABC-1234567-6", "MAC", 2_000));
        record(ledger, decision("ABC-1234567-6", "ELE", 1_000));
        assertThat(ledger.lastCenter("ABC-1234567-6")).isEqualTo("MAC");
        assertThat(ledger.outcome("ABC-1234567-6").orElseThrow().decision().centerCode()).isEqualTo("MAC");
    }

    @Test
    void theOldestEntriesLeaveFirstWhenTheBoundsAreReached() {
        RoutingLedger ledger = new RoutingLedger(2, 3);
        for (int i = 1; i <= 4; i++) {
            record(ledger, decision(entry(i), "ELE", i * 1_000L));
        }
        assertThat(ledger.size()).isEqualTo(2);
        assertThat(ledger.outcome(entry(1))).isEmpty();
        assertThat(ledger.outcome(entry(4))).isPresent();
        assertThat(ledger.lastCenter(entry(1))).isNull();
        assertThat(ledger.lastCenter(entry(2))).isEqualTo("ELE");
    }

    @Test
    void learnsFromTheHeadersOfItsOwnRecordsAndParsesOlderRecordsWithout() {
        RoutingLedger ledger = new RoutingLedger(10, 10);
        RoutingDecision mac = decision("ABC-1234567-6", "MAC", 5_000);
        ledger.apply(record(Topics.ROUTED.name(), "ABC-1234567-6", 5_000, mac, LedgerHeaders.center("MAC")));
        RoutingDecision legacy = decision("XYZ-7654321-0", "PHC", 6_000);
        ledger.apply(record(Topics.ROUTED.name(), "XYZ-7654321-0", 6_000, legacy));

        assertThat(ledger.lastCenter("ABC-1234567-6")).isEqualTo("MAC");
        assertThat(ledger.outcome("ABC-1234567-6").orElseThrow().decision()).isEqualTo(mac);
        assertThat(ledger.lastCenter("XYZ-7654321-0")).isEqualTo("PHC");

        // With the header, the JSON is not read for the route: a header that disagrees with it is what counts.
        ledger.apply(record(Topics.ROUTED.name(), "DEF-1234567-0", 7_000, decision("DEF-1234567-0", "ELE", 7_000),
                LedgerHeaders.center("AUT")));
        assertThat(ledger.lastCenter("DEF-1234567-0")).isEqualTo("AUT");

        // An older decision arriving late (the record timestamp is the decision's time) does not win.
        ledger.apply(record(Topics.ROUTED.name(), "ABC-1234567-6", 4_000, decision("ABC-1234567-6", "ELE", 4_000),
                LedgerHeaders.center("ELE")));
        assertThat(ledger.lastCenter("ABC-1234567-6")).isEqualTo("MAC");
    }

    @Test
    void rejectionsWithoutAReadableEntryNumberAreNotRemembered() {
        RoutingLedger ledger = new RoutingLedger(10, 10);
        Rejection known = new Rejection(1, "ABC-1234567-6", "ABC", List.of(new RejectionReason("lines", "REQUIRED", "x")),
                Instant.ofEpochMilli(7_000), "{}");
        ledger.apply(record(Topics.REJECTED.name(), "ABC-1234567-6", 7_000, known, LedgerHeaders.entryNumber("ABC-1234567-6")));
        Rejection unreadable = new Rejection(1, null, null, List.of(new RejectionReason("", "MALFORMED_JSON", "x")),
                Instant.ofEpochMilli(8_000), "{");
        ledger.apply(record(Topics.REJECTED.name(), "some-key", 8_000, unreadable, LedgerHeaders.entryNumber(null)));

        assertThat(ledger.outcome("ABC-1234567-6").orElseThrow().rejection()).isEqualTo(known);
        assertThat(ledger.outcome("some-key")).isEmpty();
        assertThat(ledger.size()).isEqualTo(1);
    }

    private static ConsumerRecord<byte[], byte[]> record(String topic, String key, long timestamp, Object value,
                                                         org.apache.kafka.common.header.Header... headers) {
        return new ConsumerRecord<>(topic, 0, 0, timestamp, TimestampType.CREATE_TIME, -1, -1,
                key.getBytes(StandardCharsets.UTF_8), CenterlineJson.mapper().writeValueAsBytes(value),
                new RecordHeaders(headers), java.util.Optional.empty());
    }

    @Test
    void aDecisionLearnedAtCommitAndAgainFromTheTopicIsKeptOnce() {
        RoutingLedger ledger = new RoutingLedger(10, 10);
        RoutingDecision mac = decision("ABC-1234567-6", "MAC", 5_000);
        record(ledger, mac);
        ledger.apply(record(Topics.ROUTED.name(), "ABC-1234567-6", 5_000, mac, LedgerHeaders.center("MAC")));
        assertThat(ledger.size()).isEqualTo(1);
        assertThat(ledger.outcome("ABC-1234567-6").orElseThrow().decision()).isEqualTo(mac);
    }
}
