package org.centerline.center.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.centerline.contracts.event.EntrySummary;
import org.centerline.contracts.event.RoutingFlag;
import org.centerline.contracts.sample.FilingGenerator;
import org.centerline.contracts.testing.SharedKafka;
import org.centerline.security.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/** center-service on a real embedded broker: queue, assignment, lifecycle, conflicts, withdrawals. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {TestTokens.PUBLIC_KEY, TestTokens.AUDIENCE})
@DirtiesContext // Its processor serves every Center: it must not run beside the other test classes' instances.
class CenterQueueIT {

    @LocalServerPort
    int port;
    /** Anonymous: only health answers it. */
    RestClient http;
    /** Shared by every test of the class: each test gets entry numbers no other test uses. */
    static final FilingGenerator generator = new FilingGenerator(77, 0.0, 0.0, LocalDate.of(2026, 11, 20));

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", SharedKafka::bootstrapServers);
        registry.add("spring.kafka.streams.application-id", () -> "center-service-it");
        registry.add("spring.kafka.streams.state-dir", () -> "target/kstreams-state/" + java.util.UUID.randomUUID());
    }

    @BeforeEach
    void roster() {
        http = RestClient.create("http://localhost:" + port);
        await().atMost(Duration.ofSeconds(60)).until(() -> http.get().uri("/actuator/health/readiness")
                .exchange((req, res) -> res.getStatusCode().is2xxSuccessful()));
        putSpecialist("ELE", "ele-it-85", "Chapter 85 Expert", List.of(85), true);
        putSpecialist("ELE", "ele-it-any", "Generalist", List.of(), true);
        await().atMost(Duration.ofSeconds(30)).until(() -> director("ELE").get().uri("/api/centers/ele/roster").retrieve()
                .body(Map.class).toString().contains("ele-it-any"));
    }

    @Test
    void aRoutedEntryIsAssignedToTheSpecialistOfItsChapterAndTheDecisionFlowEmitsEveryStatusInOrder() {
        EntrySummary summary = chapter85(generator.summaryFor("ELE"));
        CenterServiceTestSupport.route(summary, "ELE");
        Map<?, ?> item = awaitItem("ELE", summary.entryNumber(), "ASSIGNED");
        assertThat(item.get("specialistId")).isEqualTo("ele-it-85");
        RestClient expert = specialist("ELE", "ele-it-85");

        post(expert, "/api/centers/ELE/entries/{n}/claim", summary.entryNumber(), "{\"specialistId\":\"ele-it-85\"}", 200);
        Map<?, ?> cf28 = post(expert, "/api/centers/ele/entries/{n}/decision", summary.entryNumber(),
                "{\"action\":\"CF28\",\"specialistId\":\"ele-it-85\",\"reason\":\"Need the commercial invoice\"}", 200);
        assertThat(cf28.get("status")).isEqualTo("CF28_ISSUED");
        assertThat(cf28.get("cf28DueDate")).isEqualTo(LocalDate.now(ZoneOffset.UTC).plusDays(30).toString());
        post(expert, "/api/centers/ELE/entries/{n}/cf28-answer", summary.entryNumber(), "{\"reason\":\"Invoice sent\"}", 200);
        post(expert, "/api/centers/ELE/entries/{n}/claim", summary.entryNumber(), "{\"specialistId\":\"ele-it-85\"}", 200);
        Map<?, ?> accepted = post(expert, "/api/centers/ELE/entries/{n}/decision", summary.entryNumber(),
                "{\"action\":\"ACCEPT\",\"specialistId\":\"ele-it-85\"}", 200);
        assertThat(accepted.get("status")).isEqualTo("ACCEPTED");
        assertThat((List<?>) accepted.get("history")).hasSize(7);

        List<Map<String, Object>> events = CenterServiceTestSupport.statuses(summary.entryNumber(), 7);
        assertThat(events).extracting(e -> e.get("status")).containsExactly("QUEUED", "ASSIGNED", "IN_REVIEW",
                "CF28_ISSUED", "CF28_ANSWERED", "IN_REVIEW", "ACCEPTED");
        assertThat(events.get(3).get("reason")).isEqualTo("Need the commercial invoice");
        assertThat(events).allSatisfy(e -> assertThat(e.get("centerCode")).isEqualTo("ELE"));
    }

    @Test
    void anIllegalTransitionIsA409AndPublishesNothing() {
        EntrySummary summary = generator.summaryFor("ELE");
        CenterServiceTestSupport.route(summary, "ELE");
        awaitItem("ELE", summary.entryNumber(), "ASSIGNED");
        var response = specialist("ELE", "ele-it-any").post().uri("/api/centers/ELE/entries/{n}/decision", summary.entryNumber())
                .contentType(MediaType.APPLICATION_JSON).body("{\"action\":\"ACCEPT\",\"specialistId\":\"ele-it-any\"}")
                .exchange((req, res) -> res.getStatusCode().value() + " " + res.getHeaders().getContentType() + " "
                        + res.bodyTo(String.class));
        assertThat(response).startsWith("409 application/problem+json").contains("IN_REVIEW");
        assertThat(CenterServiceTestSupport.statuses(summary.entryNumber(), 2)).extracting(e -> e.get("status"))
                .containsExactly("QUEUED", "ASSIGNED");
    }

    @Test
    void ofTwoSpecialistsClaimingTheSameItemExactlyOneWins() throws Exception {
        EntrySummary summary = generator.summaryFor("ELE");
        CenterServiceTestSupport.route(summary, "ELE");
        awaitItem("ELE", summary.entryNumber(), "ASSIGNED");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> claims = new ArrayList<>();
        for (String who : List.of("ele-it-85", "ele-it-any")) {
            claims.add(pool.submit(() -> {
                start.await();
                return specialist("ELE", who).post().uri("/api/centers/ELE/entries/{n}/claim", summary.entryNumber())
                        .contentType(MediaType.APPLICATION_JSON).body("{\"specialistId\":\"" + who + "\"}")
                        .exchange((req, res) -> res.getStatusCode().value());
            }));
        }
        start.countDown();
        List<Integer> codes = new ArrayList<>();
        for (Future<Integer> f : claims) {
            codes.add(f.get());
        }
        pool.shutdown();
        assertThat(codes).containsExactlyInAnyOrder(200, 409);
        assertThat(CenterServiceTestSupport.statuses(summary.entryNumber(), 3)).extracting(e -> e.get("status"))
                .containsExactly("QUEUED", "ASSIGNED", "IN_REVIEW");
    }

    @Test
    void aWithdrawalClosesTheItemAndARefilingReplacesItsContentKeepingHistory() {
        EntrySummary first = generator.summaryFor("ELE");
        CenterServiceTestSupport.route(first, "ELE", RoutingFlag.SECTION_301);
        awaitItem("ELE", first.entryNumber(), "ASSIGNED");
        EntrySummary more = generator.summaryFor("ELE");
        EntrySummary refiled = new EntrySummary(1, first.entryNumber(), first.filerCode(), first.entryType(),
                first.importerNumber(), first.portOfEntry(), first.entryDate(), first.summaryDate(),
                first.modeOfTransport(), more.lines());
        CenterServiceTestSupport.route(refiled, "ELE", RoutingFlag.REFILED);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Map<?, ?> item = item("ELE", first.entryNumber());
            assertThat(item.get("lines")).isEqualTo(more.lines().size());
            assertThat(item.get("status")).isEqualTo("ASSIGNED");
            assertThat(item.toString()).contains("Re-filed");
        });

        CenterServiceTestSupport.withdraw(first.entryNumber(), "ELE", "MAC");
        Map<?, ?> withdrawn = awaitItem("ELE", first.entryNumber(), "WITHDRAWN");
        assertThat((List<?>) withdrawn.get("history")).hasSize(4);
        assertThat(director("ELE").get().uri("/api/centers/ELE/queue").retrieve().body(String.class))
                .doesNotContain(first.entryNumber());
    }

    @Test
    void anItemWaitsQueuedWhileNobodyIsOnDutyAndIsAssignedWhenSomeoneComesOn() {
        EntrySummary summary = generator.summaryFor("PNG");
        CenterServiceTestSupport.route(summary, "PNG");
        Map<?, ?> queued = awaitItem("PNG", summary.entryNumber(), "QUEUED");
        assertThat(queued.get("specialistId")).isNull();
        putSpecialist("PNG", "png-it-1", "Just Arrived", List.of(), true);
        Map<?, ?> assigned = awaitItem("PNG", summary.entryNumber(), "ASSIGNED");
        assertThat(assigned.get("specialistId")).isEqualTo("png-it-1");
        Map<?, ?> page = director("PNG").get().uri("/api/centers/png/queue?specialistId=png-it-1").retrieve().body(Map.class);
        assertThat(page.toString()).contains(summary.entryNumber());
    }

    @Test
    void enforcementFlagsComeFirstInTheQueue() {
        EntrySummary plain = generator.summaryFor("AGR");
        EntrySummary adcvd = generator.summaryFor("AGR");
        CenterServiceTestSupport.route(plain, "AGR");
        CenterServiceTestSupport.route(adcvd, "AGR", RoutingFlag.ADCVD);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<?> items = (List<?>) director("AGR").get().uri("/api/centers/AGR/queue").retrieve().body(Map.class).get("items");
            List<Object> numbers = items.stream().map(i -> (Object) ((Map<?, ?>) i).get("entryNumber")).toList();
            assertThat(numbers).contains(plain.entryNumber(), adcvd.entryNumber());
            assertThat(numbers.indexOf(adcvd.entryNumber())).isLessThan(numbers.indexOf(plain.entryNumber()));
        });
        Map<?, ?> flagged = director("AGR").get().uri("/api/centers/AGR/queue?flag=ADCVD").retrieve().body(Map.class);
        assertThat(flagged.toString()).contains(adcvd.entryNumber()).doesNotContain(plain.entryNumber());
    }

    @Test
    void theStatusEventsCarryTheTraceOfTheEntryThatCausedThem() {
        String traceId = "0af7651916cd43dd8448eb211c80319c";
        EntrySummary summary = generator.summaryFor("ELE");
        CenterServiceTestSupport.routeTraced(summary, "ELE", "00-" + traceId + "-b7ad6b7169203331-01");
        var records = CenterServiceTestSupport.statusRecords(summary.entryNumber(), 2);
        assertThat(records).hasSize(2).allSatisfy(r -> assertThat(new String(r.headers().lastHeader("traceparent").value(),
                java.nio.charset.StandardCharsets.UTF_8)).contains(traceId));
    }

    private void putSpecialist(String center, String id, String name, List<Integer> chapters, boolean onDuty) {
        director(center).put().uri("/api/centers/{c}/specialists/{id}", center, id).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("name", name, "role", "IMPORT_SPECIALIST", "specialties", chapters, "onDuty", onDuty))
                .retrieve().toBodilessEntity();
    }

    private Map<?, ?> awaitItem(String center, String entryNumber, String status) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> item(center, entryNumber),
                item -> item != null && status.equals(item.get("status")));
    }

    private Map<?, ?> item(String center, String entryNumber) {
        return director(center).get().uri("/api/centers/{c}/entries/{n}", center, entryNumber)
                .exchange((req, res) -> res.getStatusCode().is2xxSuccessful() ? res.bodyTo(Map.class) : null);
    }

    private Map<?, ?> post(RestClient as, String path, String entryNumber, String body, int expected) {
        var result = as.post().uri(path, entryNumber).contentType(MediaType.APPLICATION_JSON).body(body)
                .exchange((req, res) -> Map.entry(res.getStatusCode().value(), res.bodyTo(Map.class)));
        assertThat(result.getKey()).as(path + " -> " + result.getValue()).isEqualTo(expected);
        return result.getValue();
    }

    private RestClient director(String center) {
        return CenterServiceTestSupport.as(port, TestTokens.director(center));
    }

    private RestClient specialist(String center, String specialistId) {
        return CenterServiceTestSupport.as(port, TestTokens.specialist(center, specialistId));
    }

    /** The same entry with every line moved into chapter 85, so its predominant chapter is known. */
    private static EntrySummary chapter85(EntrySummary s) {
        var lines = s.lines().stream().map(l -> new org.centerline.contracts.event.EntryLine(l.lineNumber(),
                "85" + l.htsNumber().substring(2), l.countryOfOrigin(), l.enteredValue(), l.chapter99Numbers(),
                l.adcvdCaseNumber())).toList();
        return new EntrySummary(1, s.entryNumber(), s.filerCode(), s.entryType(), s.importerNumber(), s.portOfEntry(),
                s.entryDate(), s.summaryDate(), s.modeOfTransport(), lines);
    }
}
