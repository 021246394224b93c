package org.centerline.routing.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.centerline.contracts.sample.FilingGenerator;
import org.centerline.contracts.testing.SharedKafka;
import org.centerline.security.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * Kafka SASL/SCRAM and TLS are set once, through Spring's standard {@code spring.kafka.*} properties
 * (see {@link RoutingIntegrationTest#kafka}), and every Kafka client the service makes receives them:
 * the routing topology's consumers, transactional producer and admin client, the assignments reader, the HTTP producer.
 */
class KafkaClientSecurityIT extends RoutingIntegrationTest {

    @Test
    void everyKafkaClientOfTheServiceReceivesTheSpringKafkaSecuritySettings() throws Exception {
        // Take every path that makes a client: an HTTP filing, health and metrics.
        FilingGenerator.Filing filing = new FilingGenerator(51, 0.0).validFor("AUT");
        http(TestTokens.filer(filing.key().substring(0, 3))).post().uri("/api/entry-summaries")
                .contentType(MediaType.APPLICATION_JSON).body(filing.json()).retrieve().toBodilessEntity();
        // Health answers 503 until the topology runs; asked only so that its clients are made, whatever it says.
        http(null).get().uri("/actuator/health").retrieve().onStatus(status -> true, (request, response) -> { })
                .toBodilessEntity();
        http(TestTokens.ops()).get().uri("/actuator/prometheus").retrieve().toBodilessEntity();

        Map<String, Map<String, Object>> configured = KafkaClientProbe.configured();
        Set<String> created = KafkaClientProbe.CREATED.stream().filter(id -> !id.startsWith("it-")).collect(Collectors.toSet());
        assertThat(configured.keySet()).as("every Kafka client the service created received spring.kafka.properties")
                .containsAll(created);
        assertThat(configured.keySet()).contains("centerline-tail-importer-assignments")
                .anyMatch(id -> id.startsWith("routing-service-http"))
                .anyMatch(id -> id.startsWith("routing-service-it-StreamThread-"));
        assertThat(configured.values()).as("the routing topology's consumer and its transactional producer")
                .anyMatch(c -> "routing-service".equals(c.get("group.id")))
                .anyMatch(c -> String.valueOf(c.get("transactional.id")).startsWith("routing-service-"));

        configured.forEach((client, config) -> {
            assertThat(config).as(client)
                    .containsEntry("security.protocol", "PLAINTEXT")
                    .containsEntry("ssl.protocol", "TLSv1.3")
                    .containsEntry("ssl.truststore.type", "PKCS12")
                    .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                    .containsEntry("sasl.jaas.config", SASL_JAAS);
            assertThat(String.valueOf(config.get("bootstrap.servers"))).as(client + " connects to the service's broker")
                    .contains(SharedKafka.bootstrapServers());
        });
    }
}
