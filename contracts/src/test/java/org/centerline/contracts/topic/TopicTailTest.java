package org.centerline.contracts.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.centerline.contracts.testing.KafkaClientRecorder;
import org.junit.jupiter.api.Test;

/**
 * A service's Kafka client settings (SASL, TLS) reach the consumer a {@link TopicTail} creates, under the tail's own
 * keys. Proven on the configuration the consumer was really created with, recorded by the {@link KafkaClientRecorder}
 * the same settings install. Nothing listens on the brokers' address: creating the consumer needs no broker, and the
 * protocol is PLAINTEXT, so the SASL and TLS settings are carried but not used.
 */
class TopicTailTest {

    private static final String JAAS = "org.apache.kafka.common.security.scram.ScramLoginModule required "
            + "username=\"routing-service\" password=\"scram-password\";";

    @Test
    void theCallersSecuritySettingsReachTheConsumerAndTheTailsOwnKeysWin() throws Exception {
        Map<String, Object> settings = new HashMap<>(Map.of(
                "bootstrap.servers", "localhost:1",
                "security.protocol", "PLAINTEXT",
                "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", JAAS,
                "ssl.truststore.location", "/etc/centerline/kafka-truststore.p12",
                "ssl.truststore.type", "PKCS12",
                "metric.reporters", KafkaClientRecorder.class.getName()));
        // What a service's consumer settings also hold, and a tail must not take.
        settings.putAll(Map.of(
                "group.id", "routing-service",
                "client.id", "routing-service-consumer",
                "isolation.level", "read_uncommitted",
                "enable.auto.commit", true,
                "auto.offset.reset", "latest",
                "key.deserializer", StringDeserializer.class,
                "value.deserializer", StringDeserializer.class));

        Map<String, Object> consumer;
        try (TopicTail tail = new TopicTail("settings-test", settings, List.of("some.topic"), record -> { })) {
            tail.start();
            consumer = consumerOf("centerline-tail-settings-test");
        }

        assertThat(consumer).as("the configuration the tail's consumer was created with").isNotNull()
                .containsEntry("bootstrap.servers", "localhost:1")
                .containsEntry("security.protocol", "PLAINTEXT")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("sasl.jaas.config", JAAS)
                .containsEntry("ssl.truststore.location", "/etc/centerline/kafka-truststore.p12")
                .containsEntry("ssl.truststore.type", "PKCS12")
                .containsEntry("isolation.level", "read_committed")
                .containsEntry("enable.auto.commit", "false")
                .containsEntry("auto.offset.reset", "earliest")
                .containsEntry("key.deserializer", "org.apache.kafka.common.serialization.ByteArrayDeserializer")
                .containsEntry("value.deserializer", "org.apache.kafka.common.serialization.ByteArrayDeserializer")
                .doesNotContainKey("group.id");
        assertThat(KafkaClientRecorder.configured()).doesNotContainKey("routing-service-consumer");
    }

    @Test
    void settingsWithoutBrokersAreRefusedAtOnce() {
        assertThatThrownBy(() -> new TopicTail("no-brokers", Map.of("security.protocol", "SASL_SSL"), List.of("some.topic"),
                record -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bootstrap.servers");
    }

    /** The configuration the tail's consumer was created with, once it has been. */
    private static Map<String, Object> consumerOf(String clientId) throws InterruptedException {
        for (int i = 0; i < 3000 && KafkaClientRecorder.configOf(clientId) == null; i++) {
            Thread.sleep(10);
        }
        return KafkaClientRecorder.configOf(clientId);
    }
}
