package org.centerline.center.it;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.centerline.contracts.event.CenterEntry;
import org.centerline.contracts.event.EntrySummary;
import org.centerline.contracts.event.RoutingBasis;
import org.centerline.contracts.event.RoutingDecision;
import org.centerline.contracts.event.RoutingFlag;
import org.centerline.contracts.json.CenterlineJson;
import org.centerline.contracts.testing.SharedKafka;
import org.centerline.contracts.topic.Topics;
import org.centerline.security.TestTokens;
import org.springframework.http.HttpHeaders;
import org.springframework.web.client.RestClient;

/** Helpers for center-service tests: publish routed entries as routing-service does, read statuses, call as someone. */
final class CenterServiceTestSupport {

    private CenterServiceTestSupport() {
    }

    /** A client of the service on {@code port} that sends {@code token} as its bearer token. */
    static RestClient as(int port, String token) {
        return RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION, TestTokens.bearer(token)).build();
    }

    static void route(EntrySummary summary, String center, RoutingFlag... flags) {
        routeTraced(summary, center, null, flags);
    }

    /** As routing-service publishes it, with the W3C {@code traceparent} of the filing's trace when given. */
    static void routeTraced(EntrySummary summary, String center, String traceparent, RoutingFlag... flags) {
        RoutingDecision decision = new RoutingDecision(1, summary.entryNumber(), summary.filerCode(),
                summary.importerNumber(), summary.entryType(), center, RoutingBasis.HTS, Map.of(center, summary.lines().size()),
                Map.of(), "2026.11-1", 1.0 + summary.lines().size() * 0.1, List.of(flags), null, Instant.now(), Instant.now());
        publish(Topics.centerTopicName(center), summary.entryNumber(), CenterEntry.routed(summary, decision), traceparent);
    }

    static void withdraw(String entryNumber, String fromCenter, String toCenter) {
        RoutingDecision decision = new RoutingDecision(1, entryNumber, entryNumber.substring(0, 3), "12-3456789AB", "01",
                toCenter, RoutingBasis.HTS, Map.of(toCenter, 1), Map.of(), "2026.11-1", 1.0, List.of(RoutingFlag.REFILED), fromCenter,
                Instant.now(), Instant.now());
        publish(Topics.centerTopicName(fromCenter), entryNumber, CenterEntry.withdrawn(entryNumber, fromCenter, decision));
    }

    static void publish(String topic, String key, Object value) {
        publish(topic, key, value, null);
    }

    static void publish(String topic, String key, Object value, String traceparent) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, CenterlineJson.mapper().writeValueAsBytes(value));
            if (traceparent != null) {
                record.headers().add("traceparent", traceparent.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            producer.send(record);
        }
    }

    /** The status events of one entry, read committed from the beginning, waiting until there are at least {@code n}. */
    static List<Map<String, Object>> statuses(String entryNumber, int n) {
        return statusRecords(entryNumber, n).stream()
                .map(r -> (Map<String, Object>) CenterlineJson.mapper().readValue(r.value(), Map.class)).toList();
    }

    /** The status records of one entry (with their headers), read committed, waiting until there are at least {@code n}. */
    static List<ConsumerRecord<String, String>> statusRecords(String entryNumber, int n) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            c.subscribe(List.of(Topics.STATUS.name()));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (found.size() < n && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(200))) {
                    if (entryNumber.equals(r.key())) {
                        found.add(r);
                    }
                }
            }
            // Anything beyond n published by mistake shows up in a short extra read.
            for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(500))) {
                if (entryNumber.equals(r.key())) {
                    found.add(r);
                }
            }
        }
        return found;
    }
}
