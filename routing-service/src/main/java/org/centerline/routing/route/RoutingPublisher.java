package org.centerline.routing.route;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.centerline.contracts.center.Centers;
import org.centerline.contracts.event.CenterEntry;
import org.centerline.contracts.event.RoutingDecision;
import org.centerline.contracts.topic.Topics;
import org.centerline.routing.ledger.LedgerHeaders;

/**
 * Writes a routing result to Kafka: the filing to its Center's topic and the decision to
 * {@code entry-summaries.routed} (plus a withdrawal to the earlier Center when a re-filing moved
 * the entry), or the rejection to {@code entry-summaries.rejected}. It hands each record to an
 * {@link Output}: the routing topology's forward to its sink, so all of a record's outputs, its ledger
 * update and its input offset commit in the same exactly-once transaction or not at all.
 * Every record is stamped with the decision's time and carries the filing's trace headers; routed
 * and rejected records also carry the {@link LedgerHeaders}.
 */
public final class RoutingPublisher {

    private final EventWriter events = new EventWriter();
    private final Map<String, String> centerTopics = new HashMap<>();

    public RoutingPublisher() {
        Centers.all().forEach(c -> centerTopics.put(c.code(), Topics.centerTopicName(c.code())));
    }

    /** Where the records go: one call per record, with headers of its own. */
    public interface Output {
        void send(String topic, byte[] key, long timestamp, byte[] value, RecordHeaders headers);
    }

    /**
     * Writes the result's records to {@code producer}, each with {@code trace} headers. Returns the JSON of the decision
     * or rejection it wrote, so the ledger keeps it without serializing it again.
     */
    public byte[] publish(Output producer, RoutingResult result, List<Header> trace) {
        if (result instanceof RoutingResult.Routed routed) {
            RoutingDecision decision = routed.decision();
            long at = decision.routedAt().toEpochMilli();
            byte[] key = bytes(decision.entryNumber());
            byte[] json = events.decision(decision);
            send(producer, centerTopics.get(decision.centerCode()), key, at, events.routed(routed.summary(), decision, json), trace);
            String withdrawFrom = decision.previousCenterCode();
            if (withdrawFrom != null) {
                send(producer, centerTopics.get(withdrawFrom), key, at, events.withdrawn(
                        CenterEntry.withdrawn(decision.entryNumber(), withdrawFrom, decision)), trace);
            }
            send(producer, Topics.ROUTED.name(), key, at, json, trace, LedgerHeaders.center(decision.centerCode()));
            return json;
        }
        RoutingResult.Rejected rejected = (RoutingResult.Rejected) result;
        byte[] json = events.rejection(rejected.rejection());
        send(producer, Topics.REJECTED.name(), bytes(rejected.key()), rejected.rejection().rejectedAt().toEpochMilli(), json, trace,
                LedgerHeaders.entryNumber(rejected.rejection().entryNumber()));
        return json;
    }

    private static void send(Output producer, String topic, byte[] key, long timestamp, byte[] value,
                             List<Header> trace, Header... ledger) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : trace) {
            headers.add(header);
        }
        for (Header header : ledger) {
            headers.add(header);
        }
        producer.send(topic, key, timestamp, value, headers);
    }

    private static byte[] bytes(String key) {
        return key == null ? null : key.getBytes(StandardCharsets.UTF_8);
    }
}
