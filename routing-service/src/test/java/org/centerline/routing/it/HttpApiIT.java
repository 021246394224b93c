package org.centerline.routing.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.centerline.contracts.sample.FilingGenerator;
import org.centerline.contracts.topic.Topics;
import org.centerline.security.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/** Filing over HTTP, the routing record, problem details, OpenAPI and metrics, each by a caller allowed to. */
class HttpApiIT extends RoutingIntegrationTest {

    @Test
    void aFilingPostedOverHttpIsAcceptedRoutedAndItsRoutingRecordServed() {
        FilingGenerator.Filing filing = new FilingGenerator(41, 0.0).validFor("BME");
        RestClient http = http(TestTokens.filer(filing.key().substring(0, 3)));
        ResponseEntity<Map> accepted = http.post().uri("/api/entry-summaries").contentType(MediaType.APPLICATION_JSON)
                .body(filing.json()).retrieve().toEntity(Map.class);
        assertThat(accepted.getStatusCode().value()).isEqualTo(202);
        assertThat(accepted.getHeaders().getLocation()).hasToString("/api/entry-summaries/" + filing.key() + "/routing");

        Map<?, ?> routing = await().atMost(Duration.ofSeconds(30)).until(() -> http.get()
                .uri(accepted.getHeaders().getLocation().toString())
                .exchange((req, res) -> res.getStatusCode().is2xxSuccessful() ? res.bodyTo(Map.class) : null), r -> r != null);
        assertThat(routing.get("centerCode")).isEqualTo("BME");
        assertThat(routing.get("basis")).isEqualTo("HTS");
        assertThat(routing.get("tableVersion")).isEqualTo("2026.11-1");
        assertThat(((Number) routing.get("workloadPoints")).doubleValue()).isPositive();
    }

    @Test
    void anInvalidFilingPostedOverHttpGetsA400ProblemWithEveryReasonAndIsPublishedAsRejected() {
        RestClient http = http(TestTokens.filer("QQQ"));
        String body = "{\"entryNumber\":\"QQQ-1111111-0\",\"filerCode\":\"QQQ\",\"entryType\":\"77\",\"lines\":[]}";
        var response = http.post().uri("/api/entry-summaries").contentType(MediaType.APPLICATION_JSON).body(body)
                .exchange((req, res) -> Map.entry(res.getStatusCode().value() + " " + res.getHeaders().getContentType(),
                        res.bodyTo(Map.class)));
        assertThat(response.getKey()).isEqualTo("400 application/problem+json");
        assertThat(response.getValue().get("type")).isEqualTo("https://centerline.dev/problems/invalid-filing");
        assertThat(response.getValue().get("reasons").toString())
                .contains("ENTRY_NUMBER_CHECK_DIGIT", "ENTRY_TYPE_UNKNOWN", "importerNumber", "portOfEntry", "summaryDate",
                        "LINE_COUNT");
        try (KafkaConsumer<String, String> reader = committedReader(Topics.REJECTED.name())) {
            assertThat(RejectionIT.find(reader, "QQQ-1111111-0").value()).contains("ENTRY_TYPE_UNKNOWN");
        }
        var missing = http.get().uri("/api/entry-summaries/ZZZ-0000001-0/routing")
                .exchange((req, res) -> res.getStatusCode().value() + " " + res.getHeaders().getContentType());
        assertThat(missing).isEqualTo("404 application/problem+json");
    }

    @Test
    void metricsOpenApiAndReadinessAreServed() {
        RestClient http = http(TestTokens.ops());
        FilingGenerator.Filing filing = new FilingGenerator(43, 0.0).validFor("CPM");
        send(Topics.FILED.name(), filing.key(), filing.json());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                http.get().uri("/actuator/prometheus").retrieve().body(String.class))
                .contains("centerline_routing_routed_total{application=\"routing-service\",basis=\"HTS\",center=\"CPM\"")
                .contains("centerline_routing_latency_seconds_bucket")
                .contains("centerline_routing_filed_total"));
        assertThat(http(TestTokens.agency("FDA")).get().uri("/v3/api-docs").retrieve().body(String.class))
                .contains("/api/entry-summaries", "/api/importer-assignments/{importerNumber}", "\"bearerFormat\":\"JWT\"")
                .as("the caller comes from the token, not a parameter").doesNotContain("\"caller\"");
        assertThat(http(null).get().uri("/actuator/health/readiness").retrieve().body(String.class)).contains("\"UP\"");
    }
}
