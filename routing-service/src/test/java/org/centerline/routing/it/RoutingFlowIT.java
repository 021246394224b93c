package org.centerline.routing.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.centerline.contracts.center.Center;
import org.centerline.contracts.center.Centers;
import org.centerline.contracts.sample.FilingGenerator;
import org.centerline.contracts.topic.Topics;
import org.junit.jupiter.api.Test;

/** The routing rules end to end: every Center reached, invalid and non-JSON filings rejected. */
class RoutingFlowIT extends RoutingIntegrationTest {

    @Test
    void everyCenterReceivesTheFilingsItsLinesPointTo() {
        FilingGenerator generator = new FilingGenerator(11, 0.0, 0.0, java.time.LocalDate.of(2026, 11, 20));
        Map<String, String> expected = new java.util.HashMap<>();
        for (Center center : Centers.all()) {
            var filing = generator.validFor(center.code());
            expected.put(filing.key(), center.code());
            send(Topics.FILED.name(), filing.key(), filing.json());
        }
        String[] centerTopics = Centers.all().stream().map(c -> Topics.centerTopicName(c.code())).toArray(String[]::new);
        try (KafkaConsumer<String, String> reader = committedReader(centerTopics)) {
            List<ConsumerRecord<String, String>> records = readUntil(reader, Duration.ofSeconds(60),
                    all -> all.stream().filter(r -> expected.containsKey(r.key())).count() >= expected.size());
            Map<String, String> landed = new java.util.HashMap<>();
            for (ConsumerRecord<String, String> r : records) {
                if (expected.containsKey(r.key())) {
                    landed.put(r.key(), r.topic());
                    Map<String, Object> value = json(r.value());
                    assertThat(value.get("action")).isEqualTo("ROUTED");
                    assertThat(((Map<?, ?>) value.get("entrySummary")).get("entryNumber")).isEqualTo(r.key());
                }
            }
            assertThat(landed).hasSize(expected.size());
            expected.forEach((entry, center) -> assertThat(landed.get(entry)).isEqualTo(Topics.centerTopicName(center)));
        }
    }

    @Test
    void theFilingsTraceGoesOnToEveryRecordRoutingWritesForIt() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        var filing = new FilingGenerator(12, 0.0).validFor("MAC");
        try (var producer = producer()) {
            var record = new org.apache.kafka.clients.producer.ProducerRecord<String, byte[]>(Topics.FILED.name(),
                    filing.key(), filing.json());
            record.headers().add("traceparent",
                    ("00-" + traceId + "-00f067aa0ba902b7-01").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            producer.send(record);
        }
        try (KafkaConsumer<String, String> reader = committedReader(Topics.centerTopicName("MAC"), Topics.ROUTED.name())) {
            List<ConsumerRecord<String, String>> records = readUntil(reader, Duration.ofSeconds(60),
                    all -> all.stream().filter(r -> filing.key().equals(r.key())).count() >= 2);
            List<ConsumerRecord<String, String>> ours = records.stream().filter(r -> filing.key().equals(r.key())).toList();
            assertThat(ours).hasSize(2).allSatisfy(r -> {
                String traceparent = new String(r.headers().lastHeader("traceparent").value(),
                        java.nio.charset.StandardCharsets.UTF_8);
                assertThat(traceparent).startsWith("00-" + traceId + "-").doesNotContain("00f067aa0ba902b7");
            });
        }
    }
}
