package org.centerline.routing.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.centerline.contracts.event.EntrySummary;
import org.centerline.contracts.json.CenterlineJson;
import org.centerline.contracts.sample.FilingGenerator;
import org.centerline.contracts.testing.SharedKafka;
import org.centerline.contracts.topic.Topics;
import org.centerline.routing.RoutingApplication;
import org.centerline.security.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.client.RestClient;

/**
 * The routing ledger is Kafka Streams state partitioned by entry number: a re-filing is recognised after many
 * other filings and after an instance starts over with an empty state folder (restored from the changelog), and
 * every instance answers GET .../routing for every entry number (forwarding to the partition's owner).
 * The shared test context is instance A; instance B is a second application context with the same application
 * id, its own port and state folder.
 */
class RoutingLedgerIT extends RoutingIntegrationTest {

    private static final FilingGenerator generator = new FilingGenerator(77, 0.0, 0.0, LocalDate.of(2026, 11, 20));
    private static final int OTHERS = 3_000;
    private static final int PORT_B = freePort();

    @Test
    void refilingsAreRecognisedAfterManyFilingsAndARestartAndEveryInstanceAnswersEveryEntry() {
        // Early filings, one per partition or so, all to ELE.
        List<EntrySummary> early = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            early.add(generator.summaryFor("ELE"));
        }
        try (KafkaProducer<String, byte[]> producer = producer()) {
            early.forEach(s -> producer.send(new ProducerRecord<>(Topics.FILED.name(), s.entryNumber(), bytes(s))));
            // Many other filings after them.
            for (int i = 0; i < OTHERS; i++) {
                EntrySummary other = generator.summaryFor(i % 2 == 0 ? "AGR" : "CPM");
                producer.send(new ProducerRecord<>(Topics.FILED.name(), other.entryNumber(), bytes(other)));
            }
        }
        RestClient a = http(TestTokens.ops());
        RestClient fromB = RestClient.builder().baseUrl("http://localhost:" + PORT_B)
                .defaultHeader("Authorization", TestTokens.bearer(TestTokens.ops())).build();
        await().atMost(Duration.ofSeconds(120)).until(() -> early.stream().allMatch(s -> centerOf(a, s.entryNumber()) != null));

        ConfigurableApplicationContext b = instanceB(PORT_B, "target/kstreams-state/" + UUID.randomUUID());
        try {
            // Both instances answer the same for every early entry, whichever owns its partition.
            await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
                for (EntrySummary s : early) {
                    assertThat(centerOf(fromB, s.entryNumber())).as("from B: " + s.entryNumber()).isEqualTo("ELE");
                    assertThat(centerOf(a, s.entryNumber())).as("from A: " + s.entryNumber()).isEqualTo("ELE");
                }
            });
            // B starts over with an empty state folder: its partitions of the ledger come back from the changelog.
            b.close();
            b = instanceB(PORT_B, "target/kstreams-state/" + UUID.randomUUID());

            // Every early entry re-filed with machinery lines: each is withdrawn from ELE and flagged REFILED.
            try (KafkaProducer<String, byte[]> producer = producer()) {
                EntrySummary machinery = generator.summaryFor("MAC");
                for (EntrySummary s : early) {
                    EntrySummary refiled = new EntrySummary(1, s.entryNumber(), s.filerCode(), s.entryType(),
                            s.importerNumber(), s.portOfEntry(), s.entryDate(), s.summaryDate(), s.modeOfTransport(),
                            machinery.lines());
                    producer.send(new ProducerRecord<>(Topics.FILED.name(), s.entryNumber(), bytes(refiled)));
                }
            }
            String ele = Topics.centerTopicName("ELE");
            try (KafkaConsumer<String, String> reader = committedReader(ele)) {
                List<String> keys = early.stream().map(EntrySummary::entryNumber).toList();
                List<ConsumerRecord<String, String>> withdrawals = readUntil(reader, Duration.ofSeconds(120),
                        all -> all.stream().filter(r -> keys.contains(r.key()) && "WITHDRAWN".equals(json(r.value()).get("action")))
                                .count() >= keys.size()).stream()
                        .filter(r -> keys.contains(r.key()) && "WITHDRAWN".equals(json(r.value()).get("action"))).toList();
                assertThat(withdrawals).extracting(ConsumerRecord::key).containsExactlyInAnyOrderElementsOf(keys);
            }
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                for (EntrySummary s : early) {
                    Map<String, Object> fromA = routing(a, s.entryNumber());
                    assertThat(fromA).as("from A").containsEntry("centerCode", "MAC").containsEntry("previousCenterCode", "ELE");
                    assertThat(String.valueOf(fromA.get("flags"))).contains("REFILED");
                    assertThat(routing(fromB, s.entryNumber())).as("from B").isEqualTo(fromA);
                }
            });
        } finally {
            b.close();
        }
    }

    private static ConfigurableApplicationContext instanceB(int port, String stateDir) {
        // Command-line arguments: they win over application.yml, as on the local stack.
        return new SpringApplicationBuilder(RoutingApplication.class).run(
                "--" + TestTokens.PUBLIC_KEY, "--" + TestTokens.AUDIENCE,
                "--spring.kafka.bootstrap-servers=" + SharedKafka.bootstrapServers(),
                "--centerline.instance-id=it-b",
                "--centerline.routing.group-instance-id=",
                "--centerline.routing.consumer.session.timeout.ms=10000",
                "--server.port=" + port,
                "--centerline.state-dir=" + stateDir);
    }

    private static byte[] bytes(EntrySummary s) {
        return CenterlineJson.mapper().writeValueAsBytes(s);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> routing(RestClient http, String entryNumber) {
        return http.get().uri("/api/entry-summaries/{e}/routing", entryNumber)
                .exchange((req, res) -> res.getStatusCode().value() == 200 ? (Map<String, Object>) res.bodyTo(Map.class) : null);
    }

    private static String centerOf(RestClient http, String entryNumber) {
        Map<?, ?> routing = routing(http, entryNumber);
        return routing == null ? null : (String) routing.get("centerCode");
    }
}
