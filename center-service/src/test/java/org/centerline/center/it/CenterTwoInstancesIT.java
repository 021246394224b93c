package org.centerline.center.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.centerline.center.CenterApplication;
import org.centerline.contracts.center.Center;
import org.centerline.contracts.center.Centers;
import org.centerline.contracts.event.EntrySummary;
import org.centerline.contracts.sample.FilingGenerator;
import org.centerline.contracts.testing.SharedKafka;
import org.centerline.security.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * Two instances of center-service with the same application id, each with its own port, instance id
 * and state folder, splitting the ten Centers between them: every Center's queue page, a work item and
 * the roster answer the same from both (the instance that does not own a Center forwards to the one
 * that does); two roster changes sent to the two instances at once both survive; after one instance
 * stops, the other serves every Center within 30 seconds.
 */
class CenterTwoInstancesIT {

    private static final FilingGenerator generator = new FilingGenerator(1414, 0.0, 0.0, LocalDate.of(2026, 11, 20));

    @Test
    void everyCenterAnswersTheSameFromBothAndTheSurvivorServesEveryCenter() throws Exception {
        String applicationId = "center-service-two-" + UUID.randomUUID();
        Map<String, EntrySummary> entries = new LinkedHashMap<>();
        for (Center c : Centers.all()) {
            entries.put(c.code(), generator.summaryFor(c.code()));
        }
        int portA = freePort();
        int portB = freePort();
        ConfigurableApplicationContext a = start(applicationId, "a", portA);
        try (ConfigurableApplicationContext b = start(applicationId, "b", portB)) {
            awaitReady(portA);
            awaitReady(portB);
            entries.forEach((center, summary) -> CenterServiceTestSupport.route(summary, center));

            // Two directors' roster changes at once, one through each instance: both survive.
            CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> putSpecialist(portA, "ELE", "ele-two-a"));
            CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> putSpecialist(portB, "ELE", "ele-two-b"));
            assertThat(first.get()).isEqualTo(200);
            assertThat(second.get()).isEqualTo(200);

            for (Center c : Centers.all()) {
                String center = c.code();
                String entry = entries.get(center).entryNumber();
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                    String pageA = get(portA, center, "/queue?size=500");
                    assertThat(pageA).startsWith("200 ").contains(entry);
                    assertThat(get(portB, center, "/queue?size=500")).isEqualTo(pageA);
                    String itemA = get(portA, center, "/entries/" + entry);
                    assertThat(itemA).startsWith("200 ");
                    assertThat(get(portB, center, "/entries/" + entry)).isEqualTo(itemA);
                    assertThat(get(portB, center, "/roster")).isEqualTo(get(portA, center, "/roster"));
                });
            }
            // Both instances own some Centers and forward the others: each answered some requests through the other.
            java.util.Set<String> forwarders = new java.util.TreeSet<>();
            for (Center c : Centers.all()) {
                for (int port : new int[] {portA, portB}) {
                    String by = CenterServiceTestSupport.as(port, TestTokens.director(c.code())).get()
                            .uri("/api/centers/" + c.code() + "/queue")
                            .exchange((req, res) -> res.getHeaders().getFirst("Centerline-Forwarded-By"));
                    if (by != null) {
                        forwarders.add(by);
                    }
                }
            }
            assertThat(forwarders).containsExactly("a", "b");
            String roster = get(portB, "ELE", "/roster");
            assertThat(roster).contains("ele-two-a", "ele-two-b");

            // A claim through either instance is applied once, by the owner, and read the same from both.
            String entry = entries.get("ELE").entryNumber();
            await().atMost(Duration.ofSeconds(30)).until(() -> get(portA, "ELE", "/entries/" + entry).contains("\"ASSIGNED\""));
            String holder = get(portA, "ELE", "/entries/" + entry).contains("ele-two-a") ? "ele-two-a" : "ele-two-b";
            int claimed = CenterServiceTestSupport.as(portB, TestTokens.specialist("ELE", holder)).post()
                    .uri("/api/centers/ELE/entries/{n}/claim", entry).contentType(MediaType.APPLICATION_JSON)
                    .body("{\"specialistId\":\"" + holder + "\"}").exchange((req, res) -> res.getStatusCode().value());
            assertThat(claimed).isEqualTo(200);
            assertThat(get(portA, "ELE", "/entries/" + entry)).contains("\"IN_REVIEW\"");

            // A request that was already forwarded is never forwarded again.
            String twice = CenterServiceTestSupport.as(portA, TestTokens.director("ELE")).get().uri("/api/centers/ELE/queue")
                    .header("Centerline-Forwarded-By", "test")
                    .exchange((req, res) -> res.getStatusCode().value() + " " + res.getHeaders().getFirst("Centerline-Forwarded-By"));
            assertThat(twice).isIn("200 null", "503 null");

            a.close();
            long stopped = System.nanoTime();
            for (Center c : Centers.all()) {
                String center = c.code();
                String e = entries.get(center).entryNumber();
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
                    assertThat(get(portB, center, "/queue?size=500")).startsWith("200 ").contains(e);
                    assertThat(get(portB, center, "/entries/" + e)).startsWith("200 ");
                });
            }
            Duration failover = Duration.ofNanos(System.nanoTime() - stopped);
            System.out.println("Every Center served by the survivor " + failover.toMillis() + " ms after the other stopped");
            assertThat(failover).isLessThan(Duration.ofSeconds(30));
        } finally {
            a.close();
        }
    }

    private static ConfigurableApplicationContext start(String applicationId, String instanceId, int port) {
        return new SpringApplicationBuilder(CenterApplication.class).run(
                "--server.port=" + port,
                "--centerline.instance-id=" + instanceId,
                "--centerline.advertised-host=localhost",
                "--centerline.center.standby-replicas=1",
                "--spring.kafka.bootstrap-servers=" + SharedKafka.bootstrapServers(),
                "--spring.kafka.streams.application-id=" + applicationId,
                "--centerline.state-dir=target/kstreams-state/" + UUID.randomUUID(),
                "--" + TestTokens.PUBLIC_KEY);
    }

    private static void awaitReady(int port) {
        RestClient anonymous = RestClient.create("http://localhost:" + port);
        await().atMost(Duration.ofSeconds(90)).until(() -> anonymous.get().uri("/actuator/health/readiness")
                .exchange((req, res) -> res.getStatusCode().is2xxSuccessful()));
    }

    /** Status and body of a GET under the Center, as its director. */
    private static String get(int port, String center, String path) {
        return CenterServiceTestSupport.as(port, TestTokens.director(center)).get().uri("/api/centers/" + center + path)
                .exchange((req, res) -> res.getStatusCode().value() + " " + res.bodyTo(String.class));
    }

    /** A PUT is idempotent: sent again while the Center's owner is not known yet (503) or moving. */
    private static int putSpecialist(int port, String center, String id) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        int status;
        do {
            status = CenterServiceTestSupport.as(port, TestTokens.director(center)).put()
                    .uri("/api/centers/{c}/specialists/{id}", center, id).contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("name", "Two " + id, "role", "IMPORT_SPECIALIST", "specialties", List.of(), "onDuty", true))
                    .exchange((req, res) -> res.getStatusCode().value());
        } while ((status == 503 || status == 504) && System.nanoTime() < deadline && pause());
        return status;
    }

    private static boolean pause() {
        try {
            Thread.sleep(500);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
