package org.centerline.notification.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.centerline.contracts.testing.KafkaClientRecorder;
import org.centerline.contracts.testing.SharedKafka;
import org.centerline.contracts.topic.Topics;
import org.centerline.security.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * SASL/SCRAM and TLS are standard Spring settings, and every Kafka client of the service gets them: the listeners'
 * consumers (sources, deliveries, the retry and dead-letter topics'), the producer, the readers of the topic-backed
 * state and the admin client. Proven on the configuration each client was really created with, recorded by a Kafka
 * metrics reporter that the same settings install. The embedded broker speaks plaintext, so the protocol set is
 * PLAINTEXT (set explicitly: unset, it would not be in a client's configuration at all) and the SASL and TLS
 * settings, present on every client, are not used.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        TestTokens.PUBLIC_KEY, TestTokens.AUDIENCE,
        "spring.kafka.security.protocol=PLAINTEXT",
        "spring.kafka.ssl.trust-store-location=file:/etc/centerline/kafka-truststore.p12",
        "spring.kafka.ssl.trust-store-password=" + KafkaClientSettingsIT.TRUST_STORE_PASSWORD,
        "spring.kafka.ssl.trust-store-type=PKCS12",
        "spring.kafka.properties.sasl.mechanism=SCRAM-SHA-512",
        "spring.kafka.properties.sasl.jaas.config=" + KafkaClientSettingsIT.JAAS,
        "spring.kafka.properties.metric.reporters=org.centerline.contracts.testing.KafkaClientRecorder",
        "server.shutdown=immediate"})
@DirtiesContext // The consumer groups must not keep a member in this JVM once the class is done (see NotificationRestartIT).
@ExtendWith(OutputCaptureExtension.class)
class KafkaClientSettingsIT {

    static final String TRUST_STORE_PASSWORD = "trust-store-password-4d1c";
    static final String SCRAM_PASSWORD = "scram-password-9e27";
    static final String JAAS = "org.apache.kafka.common.security.scram.ScramLoginModule required "
            + "username=\"notification-service\" password=\"" + SCRAM_PASSWORD + "\";";

    /** What every client must have been created with. */
    private static final Map<String, Object> EXPECTED = Map.of(
            "security.protocol", "PLAINTEXT",
            "sasl.mechanism", "SCRAM-SHA-512",
            "sasl.jaas.config", JAAS,
            "ssl.truststore.location", "/etc/centerline/kafka-truststore.p12",
            "ssl.truststore.password", TRUST_STORE_PASSWORD,
            "ssl.truststore.type", "PKCS12");

    @Autowired
    KafkaListenerEndpointRegistry listeners;
    @Autowired
    KafkaTemplate<String, byte[]> template;
    @Autowired
    KafkaAdmin admin;

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", SharedKafka::bootstrapServers);
    }

    @Test
    void everyKafkaClientOfTheServiceIsCreatedWithTheSecuritySettings(CapturedOutput output) throws Exception {
        // The listeners' consumers, by the client ids their containers report once assigned: retry and DLT ones too.
        Set<String> listenerConsumers = new HashSet<>();
        assertThat(listeners.getAllListenerContainers()).extracting(MessageListenerContainer::getListenerId)
                .contains("notification-sources", "notification-deliveries", "notification-deliveries-retry-0",
                        "notification-deliveries-retry-3", "notification-deliveries.dead-letter");
        for (MessageListenerContainer container : listeners.getAllListenerContainers()) {
            await().atMost(Duration.ofSeconds(60)).until(() -> container.getAssignmentsByClientId() != null
                    && !container.getAssignmentsByClientId().isEmpty());
            listenerConsumers.addAll(container.getAssignmentsByClientId().keySet());
        }
        assertThat(listenerConsumers).hasSizeGreaterThanOrEqualTo(listeners.getAllListenerContainers().size());
        assertThat(listenerConsumers).allSatisfy(KafkaClientSettingsIT::hasTheSettings);

        // The readers of subscriptions and announcements.
        List.of("centerline-tail-subscriptions", "centerline-tail-announcements").forEach(KafkaClientSettingsIT::hasTheSettings);
        // The live streams' reader of the sources, and the delivery stores' (Kafka Streams) reader of the delivery states.
        for (String suffix : List.of("-live-feed", "-delivery-stores-global-consumer")) {
            Set<String> clients = KafkaClientRecorder.configured().keySet().stream().filter(id -> id.endsWith(suffix))
                    .collect(java.util.stream.Collectors.toSet());
            assertThat(clients).as(suffix).isNotEmpty().allSatisfy(KafkaClientSettingsIT::hasTheSettings);
        }

        // The producer: every write of the service (subscriptions, announcements, deliveries, retries, dead letters).
        template.send(Topics.NOTIFICATIONS_DELIVERY_STATUS.name(), "kafka-settings-it", null).get();
        Set<String> producers = new HashSet<>();
        template.metrics().keySet().forEach(name -> producers.add(name.tags().get("client-id")));
        assertThat(producers).isNotEmpty().allSatisfy(KafkaClientSettingsIT::hasTheSettings);

        // The admin client, as KafkaAdmin creates it.
        Set<String> before = KafkaClientRecorder.clientsIn("kafka.admin.client");
        admin.describeTopics(Topics.NOTIFICATIONS.name());
        Set<String> created = new HashSet<>(KafkaClientRecorder.clientsIn("kafka.admin.client"));
        created.removeAll(before);
        assertThat(created).isNotEmpty().allSatisfy(KafkaClientSettingsIT::hasTheSettings);

        // Every client the reporter saw (so: every client that got the settings) has all of them...
        assertThat(KafkaClientRecorder.configured().keySet()).allSatisfy(KafkaClientSettingsIT::hasTheSettings);
        // ...and none of the passwords was logged (Kafka prints them as [hidden]).
        assertThat(output.getAll()).contains("caught up with [" + Topics.NOTIFICATION_SUBSCRIPTIONS.name() + "]")
                .doesNotContain(SCRAM_PASSWORD).doesNotContain(TRUST_STORE_PASSWORD);
    }

    private static void hasTheSettings(String clientId) {
        Map<String, Object> config = KafkaClientRecorder.configOf(clientId);
        assertThat(config).as("the configuration client " + clientId + " was created with").isNotNull();
        EXPECTED.forEach((key, value) -> assertThat(String.valueOf(config.get(key))).as(clientId + ": " + key)
                .isEqualTo(String.valueOf(value)));
    }
}
