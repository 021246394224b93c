package org.centerline.routing.route;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.centerline.contracts.center.Centers;
import org.centerline.contracts.event.CenterEntry;
import org.centerline.contracts.json.CenterlineJson;
import org.centerline.contracts.topic.Topics;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a routing result to Kafka: the filing to its Center's topic and the decision to
 * {@code entry-summaries.routed} (plus a withdrawal to the earlier Center when a re-filing moved
 * the entry), or the rejection to {@code entry-summaries.rejected}. It sends inside the consumer's
 * transaction, so all of a record's outputs and its input offset commit together or not at all.
 */
public final class RoutingPublisher {

    private final KafkaTemplate<byte[], byte[]> template;
    private final JsonMapper json = CenterlineJson.mapper();
    private final Map<String, String> centerTopics = new HashMap<>();

    public RoutingPublisher(KafkaTemplate<byte[], byte[]> template) {
        this.template = template;
        Centers.all().forEach(c -> centerTopics.put(c.code(), Topics.centerTopicName(c.code())));
    }

    /**
     * Writes the result's records; {@code traced} adds the filing's trace context to each. Returns the
     * JSON of the decision or rejection it wrote, so the ledger keeps it without serializing it again.
     */
    public byte[] publish(RoutingResult result, Consumer<Headers> traced) {
        if (result instanceof RoutingResult.Routed routed) {
            byte[] key = bytes(routed.decision().entryNumber());
            send(centerTopics.get(routed.decision().centerCode()), key,
                    json.writeValueAsBytes(CenterEntry.routed(routed.summary(), routed.decision())), traced);
            String withdrawFrom = routed.decision().previousCenterCode();
            if (withdrawFrom != null) {
                send(centerTopics.get(withdrawFrom), key, json.writeValueAsBytes(
                        CenterEntry.withdrawn(routed.decision().entryNumber(), withdrawFrom, routed.decision())), traced);
            }
            byte[] decision = json.writeValueAsBytes(routed.decision());
            send(Topics.ROUTED.name(), key, decision, traced);
            return decision;
        }
        RoutingResult.Rejected rejected = (RoutingResult.Rejected) result;
        byte[] rejection = json.writeValueAsBytes(rejected.rejection());
        send(Topics.REJECTED.name(), bytes(rejected.key()), rejection, traced);
        return rejection;
    }

    private void send(String topic, byte[] key, byte[] value, Consumer<Headers> traced) {
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, key, value);
        traced.accept(record.headers());
        template.send(record);
    }

    private static byte[] bytes(String key) {
        return key == null ? null : key.getBytes(StandardCharsets.UTF_8);
    }
}
