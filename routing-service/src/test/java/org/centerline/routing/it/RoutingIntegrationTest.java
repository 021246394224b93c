package org.centerline.routing.it;

import org.centerline.web.PublishedDocuments;
import org.junit.jupiter.api.extension.ExtendWith;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.metrics.JmxReporter;
import org.centerline.contracts.testing.SharedKafka;
import org.centerline.security.TestTokens;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/**
 * Base of the integration tests: routing-service as shipped, on a real embedded KRaft broker, with
 * plain Kafka clients on the other side, as broker systems and Centers would be. All subclasses
 * share one application context (same configuration), so one routing consumer runs at a time.
 * The service trusts the test token key ({@link TestTokens}) and runs with the Kafka security
 * settings a SASL/TLS deployment sets ({@link #kafka}), so {@link KafkaClientSecurityIT} can show
 * that every client it makes received them. The tests' own Kafka clients are named {@code it-*}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
        properties = {TestTokens.PUBLIC_KEY, TestTokens.AUDIENCE})
@ExtendWith(PublishedDocuments.class)
abstract class RoutingIntegrationTest {

    static final String SASL_JAAS = "org.apache.kafka.common.security.scram.ScramLoginModule required "
            + "username=\"routing-service\" password=\"it-only\";";

    static final int PORT = freePort();
    static final String STATE_DIR = "target/kstreams-state/" + UUID.randomUUID();

    @LocalServerPort
    int port;

    static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) throws Exception {
        String brokers = SharedKafka.bootstrapServers();
        // From here on, every Kafka client created is the service's or one of the tests' own (it-*).
        KafkaClientProbe.watchClients();
        registry.add("spring.kafka.bootstrap-servers", () -> brokers);
        registry.add("centerline.instance-id", () -> "it");
        // A port known before start: Kafka Streams advertises it (application.server) for forwarded queries.
        registry.add("server.port", () -> PORT);
        registry.add("centerline.state-dir", () -> STATE_DIR);
        // A second instance that stops hands its partitions over without waiting out the default 45 s.
        registry.add("centerline.routing.consumer.session.timeout.ms", () -> "10000");
        // Everything SASL/SCRAM over TLS needs, except the protocol: the embedded broker speaks plain text.
        registry.add("spring.kafka.security.protocol", () -> "PLAINTEXT");
        registry.add("spring.kafka.ssl.protocol", () -> "TLSv1.3");
        registry.add("spring.kafka.ssl.trust-store-type", () -> "PKCS12");
        registry.add("spring.kafka.properties.sasl.mechanism", () -> "SCRAM-SHA-512");
        registry.add("spring.kafka.properties.sasl.jaas.config", () -> SASL_JAAS);
        registry.add("spring.kafka.properties.metric.reporters",
                () -> JmxReporter.class.getName() + "," + KafkaClientProbe.class.getName());
    }

    /** An HTTP client of the service that sends this token (none if null). */
    RestClient http(String token) {
        RestClient.Builder builder = RestClient.builder().baseUrl("http://localhost:" + port);
        if (token != null) {
            builder.defaultHeader(HttpHeaders.AUTHORIZATION, TestTokens.bearer(token));
        }
        return builder.build();
    }

    static KafkaProducer<String, byte[]> producer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers());
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "it-producer-" + UUID.randomUUID());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(4 * 1024 * 1024));
        return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    static void send(String topic, String key, byte[] value) {
        try (KafkaProducer<String, byte[]> producer = producer()) {
            producer.send(new ProducerRecord<>(topic, key, value));
        }
    }

    static void send(String topic, String key, String value) {
        send(topic, key, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    /** Every record committed on the topic so far, read from the beginning to its end. */
    static List<ConsumerRecord<String, String>> readAll(String topic) {
        try (KafkaConsumer<String, String> consumer = reader()) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<ConsumerRecord<String, String>> all = new ArrayList<>();
            readToEnd(consumer, all);
            return all;
        }
    }

    /** A read_committed consumer of the given topics from the beginning, as downstream services read them. */
    static KafkaConsumer<String, String> committedReader(String... topics) {
        KafkaConsumer<String, String> consumer = reader();
        consumer.subscribe(List.of(topics));
        return consumer;
    }

    private static KafkaConsumer<String, String> reader() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID());
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "it-reader-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        return new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
    }

    /** Reads from the topics until the predicate holds over everything read so far, or the timeout passes. */
    static List<ConsumerRecord<String, String>> readUntil(KafkaConsumer<String, String> consumer, Duration timeout,
                                                          java.util.function.Predicate<List<ConsumerRecord<String, String>>> done) {
        List<ConsumerRecord<String, String>> all = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(200)).forEach(all::add);
            if (done.test(all)) {
                return all;
            }
        }
        return all;
    }

    /**
     * Reads on until the consumer has everything committed on its partitions up to now: a predicate over
     * one topic being true says nothing about how far the other topics have been read.
     */
    static void readToEnd(KafkaConsumer<String, String> consumer, List<ConsumerRecord<String, String>> into) {
        var ends = consumer.endOffsets(consumer.assignment());
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline
                && ends.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
            consumer.poll(Duration.ofMillis(200)).forEach(into::add);
        }
    }

    static Map<String, Object> json(String text) {
        return org.centerline.contracts.json.CenterlineJson.mapper().readValue(text, Map.class);
    }
}
