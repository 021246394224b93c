package org.centerline.workload.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.centerline.contracts.event.EntryStatus;
import org.centerline.contracts.event.RoutingBasis;
import org.centerline.contracts.event.RoutingDecision;
import org.centerline.contracts.event.RoutingFlag;
import org.centerline.contracts.event.StatusChanged;
import org.centerline.contracts.json.CenterlineJson;
import org.centerline.contracts.testing.SharedKafka;
import org.centerline.contracts.topic.Topics;
import org.centerline.security.TestTokens;
import org.centerline.workload.WorkloadApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * Two instances of workload-service (the same application id, each with its own port, instance id and state
 * folder) on the shared embedded broker: the entries' partitions are split between them, yet each answers
 * {@code GET /api/workload} and the what-if with the same numbers for every Center, from its global tables.
 * Uses BME and IMM only, so that it does not disturb the other tests' Centers on the shared topics.
 */
class TwoInstancesIT {

    private static final String APP = "workload-two-" + UUID.randomUUID();
    private static final List<ConfigurableApplicationContext> INSTANCES = new ArrayList<>();
    private static final List<Integer> PORTS = new ArrayList<>();

    @BeforeAll
    static void startTwo() throws IOException {
        for (String id : List.of("a", "b")) {
            int port = freePort();
            // As command-line arguments: they win over application.yml (builder properties would not).
            INSTANCES.add(new SpringApplicationBuilder(WorkloadApplication.class).run(
                    "--" + TestTokens.PUBLIC_KEY, "--" + TestTokens.AUDIENCE,
                    "--server.port=" + port,
                    "--centerline.instance-id=two-" + id,
                    "--centerline.workload.demand-window=1d",
                    "--spring.kafka.bootstrap-servers=" + SharedKafka.bootstrapServers(),
                    "--spring.kafka.streams.application-id=" + APP,
                    "--spring.kafka.streams.state-dir=target/kstreams-state/" + UUID.randomUUID()));
            PORTS.add(port);
        }
    }

    @AfterAll
    static void stopBoth() {
        INSTANCES.forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void bothInstancesGiveTheSameWorkloadAndWhatIfForEveryCenter() {
        String run = UUID.randomUUID().toString().substring(0, 6);
        Instant now = Instant.now();
        // 12 BME entries (2.0 points, heading 7208) and 4 IMM entries (1.0, heading 3901), on every partition;
        // 3 BME entries decided.
        for (int i = 0; i < 12; i++) {
            routed("TWO-" + run + "B" + i, "BME", Map.of("7208", 1), 2.0, now);
        }
        for (int i = 0; i < 4; i++) {
            routed("TWO-" + run + "I" + i, "IMM", Map.of("3901", 1), 1.0, now);
        }
        for (int i = 0; i < 3; i++) {
            status("TWO-" + run + "B" + i, "BME", EntryStatus.ACCEPTED, now.plusSeconds(60));
        }

        RestClient a = client(0);
        RestClient b = client(1);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            Map<String, Object> fromA = counts(a);
            assertThat(fromA.get("BME")).asString().contains("filedToday=12", "backlog=9", "ACCEPTED=3");
            assertThat(fromA.get("IMM")).asString().contains("filedToday=4", "backlog=4");
            assertThat(counts(b)).isEqualTo(fromA);
        });
        // Every Center's full report, but for the clock-dependent fields, is the same on both.
        assertThat(withoutClock(a)).isEqualTo(withoutClock(b));

        String move = "{\"moves\":[{\"chapter\":\"72\",\"toCenter\":\"IMM\"}]}";
        Map<?, ?> whatIfA = a.post().uri("/api/what-if").contentType(MediaType.APPLICATION_JSON).body(move).retrieve().body(Map.class);
        Map<?, ?> whatIfB = b.post().uri("/api/what-if").contentType(MediaType.APPLICATION_JSON).body(move).retrieve().body(Map.class);
        assertThat(whatIfA).isEqualTo(whatIfB);
        assertThat(((Number) whatIfA.get("entriesMoved")).intValue()).isGreaterThanOrEqualTo(12);
    }

    private static RestClient client(int instance) {
        return RestClient.builder().baseUrl("http://localhost:" + PORTS.get(instance))
                .defaultHeader("Authorization", TestTokens.bearer(TestTokens.director("BME"))).build();
    }

    /** Center -> the counters that follow the events (not the clock). */
    private static Map<String, Object> counts(RestClient http) {
        Map<String, Object> counts = new LinkedHashMap<>();
        for (Map<?, ?> c : centers(http)) {
            counts.put((String) c.get("centerCode"), "filedToday=" + c.get("filedToday") + " backlog=" + c.get("backlog")
                    + " points=" + c.get("backlogPoints") + " decided=" + c.get("decided") + " demand=" + c.get("demandPointsPerDay"));
        }
        return counts;
    }

    private static List<Map<?, ?>> withoutClock(RestClient http) {
        List<Map<?, ?>> reports = new ArrayList<>();
        for (Map<?, ?> c : centers(http)) {
            Map<Object, Object> copy = new LinkedHashMap<>(c);
            copy.remove("oldestOpenAgeSeconds");
            reports.add(copy);
        }
        return reports;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<?, ?>> centers(RestClient http) {
        Map<?, ?> report = http.get().uri("/api/workload").retrieve().body(Map.class);
        return (List<Map<?, ?>>) report.get("centers");
    }

    private static void routed(String entry, String center, Map<String, Integer> headings, double points, Instant at) {
        send(Topics.ROUTED.name(), entry, new RoutingDecision(1, entry, "TWO", "12-3456789AB", "01", center, RoutingBasis.HTS,
                Map.of(center, 1), headings, "2026.11-1", points, List.<RoutingFlag>of(), null, at, at));
    }

    private static void status(String entry, String center, EntryStatus status, Instant at) {
        send(Topics.STATUS.name(), entry, new StatusChanged(1, entry, center, "TWO", "12-3456789AB", status, null, null, at));
    }

    private static void send(String topic, String key, Object value) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, key, CenterlineJson.mapper().writeValueAsBytes(value)));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
