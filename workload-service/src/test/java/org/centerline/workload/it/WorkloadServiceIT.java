package org.centerline.workload.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
import org.centerline.contracts.event.Specialist;
import org.centerline.contracts.event.SpecialistRole;
import org.centerline.contracts.event.StaffingRoster;
import org.centerline.contracts.event.StatusChanged;
import org.centerline.contracts.json.CenterlineJson;
import org.centerline.contracts.testing.SharedKafka;
import org.centerline.contracts.topic.Topics;
import org.centerline.security.TestTokens;
import org.centerline.workload.view.HeadlessChromium;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * workload-service on a real embedded broker, fed the way routing-service and center-service feed it.
 * Worked example (standards: import 40, entry 25 points/day; window 1 day):
 * ELE gets 6 entries of 2.0 points = 12 points/day, with 1 import specialist (40) -> 30 %;
 * AGR gets 2 entries of 1.0 = 2 points/day with 3 import specialists (120) -> 1.7 %.
 */
class WorkloadServiceIT extends RunningWorkloadService {

    @Test
    void countsDemandCapacityRecommendationsAndWhatIfFollowTheEvents() throws Exception {
        // A director of another Center: rebalancing is across Centers, so every Center's numbers are theirs to see.
        RestClient http = as(TestTokens.director("PHC"));
        awaitReady();
        String run = UUID.randomUUID().toString().substring(0, 4);
        roster("ELE", 1);
        roster("AGR", 3);
        Instant now = Instant.now();
        List<String> ele = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String entry = "WIT-" + run + i + "-0";
            ele.add(entry);
            routed(entry, "ELE", Map.of("8471", 1), 2.0, now);
        }
        routed("WIT-" + run + "A-0", "AGR", Map.of("0302", 1), 1.0, now, RoutingFlag.UFLPA);
        routed("WIT-" + run + "B-0", "AGR", Map.of("0302", 1), 1.0, now, RoutingFlag.UFLPA, RoutingFlag.IEEPA);
        // A re-filing of one ELE entry (same Center) must not count twice; one ELE entry is decided.
        routed(ele.get(0), "ELE", Map.of("8471", 1), 2.0, now.plusMillis(5));
        status(ele.get(1), "ELE", EntryStatus.QUEUED, now.plusMillis(10));
        status(ele.get(1), "ELE", EntryStatus.ACCEPTED, now.plusSeconds(3600));

        Map<?, ?> eleReport = await().atMost(Duration.ofSeconds(60)).until(() -> center(http, "ELE"),
                c -> c != null && ((Number) c.get("filedToday")).intValue() >= 6 && ((Number) c.get("backlog")).intValue() == 5);
        assertThat(eleReport.get("filedToday")).isEqualTo(6);
        assertThat(eleReport.get("backlogPoints")).isEqualTo(10.0);
        assertThat(eleReport.get("decided")).isEqualTo(Map.of("ACCEPTED", 1));
        assertThat(eleReport.get("meanHoursToDecision")).isEqualTo(1.0);
        assertThat(eleReport.get("demandPointsPerDay")).isEqualTo(12.0);
        assertThat(eleReport.get("capacityPointsPerDay")).isEqualTo(40.0);
        assertThat(eleReport.get("utilization")).isEqualTo(0.3);
        assertThat(eleReport.get("topChapters")).isEqualTo(List.of(Map.of("chapter", 84, "lines", 6)));
        Map<?, ?> agr = center(http, "AGR");
        assertThat(agr.get("demandPointsPerDay")).isEqualTo(2.0);
        // entries by flag per Center (UFLPA by Center, as CBP reports it)
        assertThat(agr.get("entriesByFlag")).isEqualTo(Map.of("UFLPA", 2, "IEEPA", 1));
        assertThat(eleReport.get("entriesByFlag")).isEqualTo(Map.of());
        assertThat(agr.get("capacityPointsPerDay")).isEqualTo(120.0);

        // ELE at 30 %, AGR at 1.7 %: spread 28 points > 10 -> move import specialists AGR -> ELE.
        Map<?, ?> recommendations = http.get().uri("/api/staffing/recommendations").retrieve().body(Map.class);
        assertThat(recommendations.get("transfers").toString()).contains("fromCenter=AGR", "toCenter=ELE");

        // Move heading 8471 to MAC: ELE's 12 points/day go to MAC.
        Map<?, ?> whatIf = http.post().uri("/api/what-if").contentType(MediaType.APPLICATION_JSON)
                .body("{\"moves\":[{\"heading\":\"8471\",\"toCenter\":\"MAC\"}]}").retrieve().body(Map.class);
        assertThat(((Number) whatIf.get("entriesMoved")).intValue()).isGreaterThanOrEqualTo(6);
        Map<?, ?> eleChange = changeOf(whatIf, "ELE");
        Map<?, ?> macChange = changeOf(whatIf, "MAC");
        assertThat(((Map<?, ?>) eleChange.get("after")).get("demandPointsPerDay")).isEqualTo(
                ((Number) ((Map<?, ?>) eleChange.get("before")).get("demandPointsPerDay")).doubleValue() - 12.0);
        assertThat(((Number) ((Map<?, ?>) macChange.get("after")).get("demandPointsPerDay")).doubleValue()
                - ((Number) ((Map<?, ?>) macChange.get("before")).get("demandPointsPerDay")).doubleValue()).isEqualTo(12.0);

        String bad = http.post().uri("/api/what-if").contentType(MediaType.APPLICATION_JSON)
                .body("{\"moves\":[{\"heading\":\"84\",\"toCenter\":\"MAC\"}]}")
                .exchange((req, res) -> res.getStatusCode().value() + " " + res.getHeaders().getContentType());
        assertThat(bad).isEqualTo("400 application/problem+json");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(as(TestTokens.ops()).get().uri("/actuator/prometheus")
                .retrieve().body(String.class)).contains("centerline_workload_utilization{application=\"workload-service\",center=\"ELE\"}")
                // UFLPA by Center for the dashboard: every Center and flag, 0 included; decisions per Center.
                .containsPattern("centerline_workload_entries_by_flag\\{[^}]*center=\"AGR\",flag=\"UFLPA\"[^}]*} [2-9]")
                .containsPattern("centerline_workload_entries_by_flag\\{[^}]*center=\"ELE\",flag=\"UFLPA\"[^}]*} 0\\.0")
                .containsPattern("centerline_workload_decided\\{[^}]*center=\"ELE\"[^}]*} [1-9]"));

        rebalanceViewShowsTheseNumbers();
    }

    /**
     * The rebalance view, served by this service from these events, in headless Chromium (skipped
     * without it), opened as the local stack's link opens it: with a director's token in the address.
     */
    private void rebalanceViewShowsTheseNumbers() throws Exception {
        assumeTrue(HeadlessChromium.available(), "Skipped the browser part: no Chromium at " + HeadlessChromium.binary());
        try (HeadlessChromium chromium = HeadlessChromium.launch(1366, 900);
             HeadlessChromium.Tab tab = chromium.open(baseUrl() + "/#token=" + TestTokens.director("ELE"))) {
            tab.waitUntil("document.body.dataset.refresh === 'ok'", Duration.ofSeconds(30));
            assertThat(tab.text("location.href")).as("the token left the address bar").isEqualTo(baseUrl() + "/");
            String page = tab.text("document.body.innerText");
            assertThat(page).contains("PHC", "AGR", "AUT", "AFT", "BME", "PNG", "ELE", "CPM", "IMM", "MAC");
            assertThat(page).contains("from AGR to ELE");
            tab.screenshot(Path.of("target", "rebalance-view-live.png"), false);
            assertThat(tab.consoleErrors()).as("console errors").isEmpty();
        }
    }

    private static Map<?, ?> changeOf(Map<?, ?> whatIf, String center) {
        return ((List<?>) whatIf.get("centers")).stream().map(c -> (Map<?, ?>) c)
                .filter(c -> center.equals(c.get("centerCode"))).findFirst().orElseThrow();
    }

    private static Map<?, ?> center(RestClient http, String code) {
        Map<?, ?> report = http.get().uri("/api/workload").exchange((req, res) ->
                res.getStatusCode().is2xxSuccessful() ? res.bodyTo(Map.class) : null);
        if (report == null) {
            return null;
        }
        return ((List<?>) report.get("centers")).stream().map(c -> (Map<?, ?>) c)
                .filter(c -> code.equals(c.get("centerCode"))).findFirst().orElse(null);
    }

    private static void roster(String center, int importSpecialists) {
        List<Specialist> specialists = new ArrayList<>();
        for (int i = 0; i < importSpecialists; i++) {
            specialists.add(new Specialist(center.toLowerCase() + "-w" + i, "W " + i, SpecialistRole.IMPORT_SPECIALIST,
                    List.of(), true));
        }
        send(Topics.CENTER_STAFFING.name(), center, StaffingRoster.of(center, specialists, Instant.now()));
    }

    private static void routed(String entry, String center, Map<String, Integer> headings, double points, Instant at,
                               RoutingFlag... flags) {
        send(Topics.ROUTED.name(), entry, new RoutingDecision(1, entry, "WIT", "12-3456789AB", "01", center, RoutingBasis.HTS,
                Map.of(center, 1), headings, "2026.11-1", points, List.of(flags), null, at, at));
    }

    private static void status(String entry, String center, EntryStatus status, Instant at) {
        send(Topics.STATUS.name(), entry, new StatusChanged(1, entry, center, entry.substring(0, 3), "12-3456789AB", status, null, null, at));
    }

    private static void send(String topic, String key, Object value) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, key, CenterlineJson.mapper().writeValueAsBytes(value)));
        }
    }
}
