package org.centerline.center.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.centerline.center.CenterApplication;
import org.centerline.contracts.event.EntrySummary;
import org.centerline.contracts.sample.FilingGenerator;
import org.centerline.contracts.testing.SharedKafka;
import org.centerline.security.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * Whole center-service instances started and stopped as in production: a restart on an empty disk
 * restores every item and its history from Kafka; an instance for one Center sees only that Center.
 */
class CenterInstancesIT {

    private static final FilingGenerator generator = new FilingGenerator(91, 0.0, 0.0, LocalDate.of(2026, 11, 20));

    @Test
    void aRestartedInstanceOnAFreshDiskKeepsEveryOpenItemAndItsHistory() {
        String applicationId = "center-service-restart-" + UUID.randomUUID();
        EntrySummary claimed = generator.summaryFor("IMM");
        EntrySummary waiting = generator.summaryFor("IMM");
        try (ConfigurableApplicationContext first = start(applicationId, "IMM")) {
            RestClient http = client(first, "IMM");
            http.put().uri("/api/centers/imm/specialists/imm-r-1").contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("name", "Restart Tester", "role", "IMPORT_SPECIALIST", "onDuty", true))
                    .retrieve().toBodilessEntity();
            await().atMost(Duration.ofSeconds(30)).until(() -> http.get().uri("/api/centers/imm/roster").retrieve()
                    .body(String.class).contains("imm-r-1"));
            CenterServiceTestSupport.route(claimed, "IMM");
            CenterServiceTestSupport.route(waiting, "IMM");
            await().atMost(Duration.ofSeconds(30)).until(() -> status(http, claimed.entryNumber()), "ASSIGNED"::equals);
            as(first, TestTokens.specialist("IMM", "imm-r-1")).post().uri("/api/centers/IMM/entries/{n}/claim", claimed.entryNumber())
                    .contentType(MediaType.APPLICATION_JSON).body("{\"specialistId\":\"imm-r-1\"}").retrieve().toBodilessEntity();
            await().atMost(Duration.ofSeconds(30)).until(() -> status(http, waiting.entryNumber()), "ASSIGNED"::equals);
        }

        // Same application id, new state directory: everything must come back from the changelog topics.
        try (ConfigurableApplicationContext second = start(applicationId, "IMM")) {
            RestClient http = client(second, "IMM");
            Map<?, ?> item = await().atMost(Duration.ofSeconds(60)).until(() -> item(http, "IMM", claimed.entryNumber()),
                    i -> i != null);
            assertThat(item.get("status")).isEqualTo("IN_REVIEW");
            assertThat(item.get("specialistId")).isEqualTo("imm-r-1");
            assertThat(((List<?>) item.get("history")).stream().map(h -> (Object) ((Map<?, ?>) h).get("status")).toList())
                    .containsExactly("QUEUED", "ASSIGNED", "IN_REVIEW");
            assertThat(status(http, waiting.entryNumber())).isEqualTo("ASSIGNED");
            Map<?, ?> accepted = as(second, TestTokens.specialist("IMM", "imm-r-1")).post()
                    .uri("/api/centers/IMM/entries/{n}/decision", claimed.entryNumber())
                    .contentType(MediaType.APPLICATION_JSON).body("{\"action\":\"ACCEPT\",\"specialistId\":\"imm-r-1\"}")
                    .retrieve().body(Map.class);
            assertThat(accepted.get("status")).isEqualTo("ACCEPTED");
        }
    }

    @Test
    void anInstanceForOneCenterNeverSeesAnotherCentersItems() {
        EntrySummary own = generator.summaryFor("CPM");
        EntrySummary other = generator.summaryFor("AUT");
        try (ConfigurableApplicationContext cpmOnly = start("center-service-cpm-" + UUID.randomUUID(), "cpm")) {
            RestClient http = client(cpmOnly, "CPM");
            CenterServiceTestSupport.route(other, "AUT");
            CenterServiceTestSupport.route(own, "CPM");
            await().atMost(Duration.ofSeconds(30)).until(() -> item(http, "CPM", own.entryNumber()) != null);
            String notServed = as(cpmOnly, TestTokens.director("AUT")).get().uri("/api/centers/aut/queue")
                    .exchange((req, res) -> res.getStatusCode().value() + " " + res.bodyTo(String.class));
            assertThat(notServed).startsWith("404").contains("center-not-served");
            assertThat(http.get().uri("/api/centers/cpm/queue?size=500").retrieve().body(String.class))
                    .contains(own.entryNumber()).doesNotContain(other.entryNumber());
            // Its stores hold no AUT item at all (the queue above only ever lists CPM's).
            assertThat(cpmOnly.getBean(org.centerline.center.web.QueueStores.class).itemsOf("AUT")).isEmpty();
        }
    }

    private static ConfigurableApplicationContext start(String applicationId, String centers) {
        // Command-line arguments, like a real start, so they override application.yml.
        return new SpringApplicationBuilder(CenterApplication.class).run(
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + SharedKafka.bootstrapServers(),
                "--spring.kafka.streams.application-id=" + applicationId,
                "--spring.kafka.streams.state-dir=target/kstreams-state/" + UUID.randomUUID(),
                "--centerline.center.centers=" + centers,
                "--" + TestTokens.PUBLIC_KEY);
    }

    /** A client of the ready instance, as the director of {@code center}. */
    private static RestClient client(ConfigurableApplicationContext context, String center) {
        RestClient anonymous = RestClient.create("http://localhost:" + port(context));
        await().atMost(Duration.ofSeconds(60)).until(() -> anonymous.get().uri("/actuator/health/readiness")
                .exchange((req, res) -> res.getStatusCode().is2xxSuccessful()));
        return as(context, TestTokens.director(center));
    }

    private static RestClient as(ConfigurableApplicationContext context, String token) {
        return CenterServiceTestSupport.as(port(context), token);
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    private static Map<?, ?> item(RestClient http, String center, String entryNumber) {
        return http.get().uri("/api/centers/{c}/entries/{n}", center, entryNumber)
                .exchange((req, res) -> res.getStatusCode().is2xxSuccessful() ? res.bodyTo(Map.class) : null);
    }

    private static String status(RestClient http, String entryNumber) {
        Map<?, ?> item = item(http, "IMM", entryNumber);
        return item == null ? null : (String) item.get("status");
    }
}
