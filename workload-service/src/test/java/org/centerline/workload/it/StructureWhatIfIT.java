package org.centerline.workload.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
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
import org.centerline.contracts.event.ImporterAssignment;
import org.centerline.contracts.event.RoutingBasis;
import org.centerline.contracts.event.RoutingDecision;
import org.centerline.contracts.event.Specialist;
import org.centerline.contracts.event.SpecialistRole;
import org.centerline.contracts.event.StaffingRoster;
import org.centerline.contracts.json.CenterlineJson;
import org.centerline.contracts.testing.SharedKafka;
import org.centerline.contracts.topic.Topics;
import org.centerline.security.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * The structure what-if over HTTP, on the embedded broker (issue 18's "done when": a director proposes an
 * "E-commerce & Small Business" Center taking chapters 61-64 and 95 with three specialists from PNG).
 * Headings 6109 and 9503 and the PNG, AFT and CPM rosters are this test's own (the other ITs share the broker).
 * Worked example (import specialist 40 points/day; demand window 1 day):
 * CPM gets 3 entries of 9503 (1.0 point, 2 lines each) and 1 account-based entry (1.0, 1 line); AFT 2 entries of
 * 6109 (2.0 points, 1 line each). ECS takes 61 and 95: 5 entries, 3 x 2 + 2 x 1 = 8 lines, 2 headings,
 * 3 x 1.0 + 2 x 2.0 = 7 points/day; 3 import specialists from PNG (5 -> 2): capacity 120, utilization 7/120.
 */
class StructureWhatIfIT extends RunningWorkloadService {

    private static final String ECS = "{\"newCenters\":[{\"code\":\"ECS\",\"name\":\"E-commerce & Small Business\","
            + "\"office\":\"Los Angeles\",\"teamCode\":\"011\"}],"
            + "\"moves\":[{\"chapter\":\"61\",\"toCenter\":\"ECS\"},{\"chapter\":\"62\",\"toCenter\":\"ECS\"},"
            + "{\"chapter\":\"63\",\"toCenter\":\"ECS\"},{\"chapter\":\"64\",\"toCenter\":\"ECS\"},"
            + "{\"chapter\":\"95\",\"toCenter\":\"ECS\"}],"
            + "\"staff\":[{\"from\":\"PNG\",\"to\":\"ECS\",\"role\":\"IMPORT_SPECIALIST\",\"count\":3}]}";

    @Test
    void aDirectorProposesAnEcommerceCenterAMergeAndReadsTheNumbersAndTheFaults() {
        RestClient http = as(TestTokens.director("PNG"));
        awaitReady();
        String run = UUID.randomUUID().toString().substring(0, 4);
        roster("PNG", 5);
        roster("AFT", 2);
        roster("CPM", 2);
        Instant now = Instant.now();
        for (int i = 0; i < 3; i++) {
            routed("SWI-" + run + "C" + i, "CPM", RoutingBasis.HTS, Map.of("9503", 2), 1.0, now);
        }
        routed("SWI-" + run + "A0", "CPM", RoutingBasis.ACCOUNT, Map.of("9403", 1), 1.0, now);
        for (int i = 0; i < 2; i++) {
            routed("SWI-" + run + "F" + i, "AFT", RoutingBasis.HTS, Map.of("6109", 1), 2.0, now);
        }
        send(Topics.IMPORTER_ASSIGNMENTS.name(), "11-" + run + "001AB", new ImporterAssignment("11-" + run + "001AB", "CPM", LocalDate.now()));
        send(Topics.IMPORTER_ASSIGNMENTS.name(), "11-" + run + "002AB", new ImporterAssignment("11-" + run + "002AB", "CPM", LocalDate.now()));

        // The report's commodity-line shares and model, once the counts are in.
        Map<?, ?> report = await().atMost(Duration.ofSeconds(60)).until(() -> http.get().uri("/api/workload")
                        .exchange((req, res) -> res.getStatusCode().is2xxSuccessful() ? res.bodyTo(Map.class) : null),
                r -> r != null && ((Number) center(r, "CPM").get("filedToday")).intValue() >= 4
                        && ((Number) center(r, "AFT").get("filedToday")).intValue() >= 2
                        && ((Number) center(r, "PNG").get("capacityPointsPerDay")).doubleValue() == 200.0
                        && ((Number) center(r, "AFT").get("capacityPointsPerDay")).doubleValue() == 80.0
                        && ((Number) center(r, "CPM").get("capacityPointsPerDay")).doubleValue() == 80.0);
        assertThat(((Number) center(report, "CPM").get("headingShare")).doubleValue()).isPositive();
        assertThat(((Number) center(report, "CPM").get("lineShare")).doubleValue()).isPositive();
        assertThat(center(report, "CPM").get("commodityLines")).isIn("BELOW", "WITHIN", "ABOVE");
        assertThat(report.get("model")).isEqualTo(Map.of("targetUtilization", 0.85, "band", 0.1, "demandWindow", "1d",
                "commodityLinesBand", Map.of("minShare", 0.05, "maxShare", 0.2)));

        Map<?, ?> whatIf = post(http, ECS);
        List<Object> codes = ((List<?>) whatIf.get("centers")).stream().map(c -> (Object) ((Map<?, ?>) c).get("centerCode")).toList();
        assertThat(codes).containsExactly("PHC", "AGR", "AUT", "AFT", "BME", "PNG", "ELE", "CPM", "IMM", "MAC", "ECS");
        Map<?, ?> ecs = center(whatIf, "ECS");
        assertThat(ecs.get("change")).isEqualTo("NEW");
        assertThat(ecs.get("name")).isEqualTo("E-commerce & Small Business");
        assertThat(ecs.containsKey("before")).as("before is there, as null").isTrue();
        assertThat(ecs.get("before")).isNull();
        assertThat(ecs.get("mergedInto")).isNull();
        assertThat(ecs.get("volumeBefore")).isEqualTo(Map.of("entries", 0, "lines", 0, "headings", 0));
        assertThat(ecs.get("volumeAfter")).isEqualTo(Map.of("entries", 5, "lines", 8, "headings", 2));
        Map<?, ?> ecsAfter = (Map<?, ?>) ecs.get("after");
        assertThat(ecsAfter.get("demandPointsPerDay")).isEqualTo(7.0);
        assertThat(ecsAfter.get("capacityPointsPerDay")).isEqualTo(120.0);
        assertThat(((Number) ecsAfter.get("utilization")).doubleValue()).isCloseTo(7.0 / 120, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(ecsAfter.get("specialists")).isEqualTo(3);
        Map<?, ?> png = center(whatIf, "PNG");
        assertThat(png.get("change")).isEqualTo("CHANGED");
        assertThat(((Map<?, ?>) png.get("before")).get("specialists")).isEqualTo(5);
        assertThat(((Map<?, ?>) png.get("after")).get("specialists")).isEqualTo(2);
        // CPM keeps its account-based entry and loses 9503's 3 entries; AFT loses 6109's 2.
        assertThat(((Map<?, ?>) center(whatIf, "CPM").get("volumeAfter")).get("entries")).isEqualTo(1);
        assertThat(((Map<?, ?>) center(whatIf, "AFT").get("volumeAfter")).get("entries")).isEqualTo(0);
        assertThat(whatIf.get("accountMoves")).isEqualTo(List.of());
        assertThat(whatIf.get("importersChangingCenter")).isEqualTo(0);

        // Merge CPM into AFT: its entries, specialists and 2 importer accounts follow it.
        Map<?, ?> merge = await().atMost(Duration.ofSeconds(30)).until(
                () -> post(http, "{\"merges\":[{\"from\":\"CPM\",\"into\":\"AFT\"}]}"),
                m -> Integer.valueOf(2).equals(m.get("importersChangingCenter")));
        assertThat(merge.get("accountMoves")).isEqualTo(List.of(Map.of("from", "CPM", "to", "AFT", "importers", 2)));
        Map<?, ?> cpm = center(merge, "CPM");
        assertThat(cpm.get("change")).isEqualTo("MERGED");
        assertThat(cpm.get("mergedInto")).isEqualTo("AFT");
        assertThat(cpm.get("after")).isNull();
        Map<?, ?> aft = center(merge, "AFT");
        assertThat(aft.get("volumeAfter")).isEqualTo(Map.of("entries", 6, "lines", 9, "headings", 2));
        assertThat(((Map<?, ?>) aft.get("after")).get("specialists")).isEqualTo(4);

        // A bad proposal: every fault listed.
        Map<?, ?> problem = http.post().uri("/api/what-if").contentType(MediaType.APPLICATION_JSON)
                .body("{\"newCenters\":[{\"code\":\"AFT\",\"name\":\"x\"}],\"merges\":[{\"from\":\"CPM\",\"into\":\"CPM\"}],"
                        + "\"moves\":[{\"chapter\":\"61\",\"toCenter\":\"ZZZ\"},{\"chapter\":\"61\",\"toCenter\":\"AFT\"}],"
                        + "\"staff\":[{\"from\":\"PNG\",\"to\":\"AFT\",\"role\":\"IMPORT_SPECIALIST\",\"count\":9}]}")
                .exchange((req, res) -> {
                    assertThat(res.getStatusCode().value()).isEqualTo(400);
                    assertThat(res.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
                    return res.bodyTo(Map.class);
                });
        assertThat(((List<?>) problem.get("errors")).stream().map(e -> (Object) ((Map<?, ?>) e).get("field")).toList()).containsExactly(
                "newCenters[0].code", "merges[0].into", "moves[0].toCenter", "moves[1].chapter", "staff[0].count");
        assertThat(problem.get("type")).isEqualTo("https://centerline.dev/problems/invalid-what-if");
    }

    private static Map<?, ?> post(RestClient http, String body) {
        return http.post().uri("/api/what-if").contentType(MediaType.APPLICATION_JSON).body(body).retrieve().body(Map.class);
    }

    private static Map<?, ?> center(Map<?, ?> body, String code) {
        return ((List<?>) body.get("centers")).stream().map(c -> (Map<?, ?>) c)
                .filter(c -> code.equals(c.get("centerCode"))).findFirst().orElseThrow();
    }

    private static void roster(String center, int importSpecialists) {
        List<Specialist> specialists = new ArrayList<>();
        for (int i = 0; i < importSpecialists; i++) {
            specialists.add(new Specialist(center.toLowerCase() + "-s" + i, "S " + i, SpecialistRole.IMPORT_SPECIALIST,
                    List.of(), true));
        }
        send(Topics.CENTER_STAFFING.name(), center, StaffingRoster.of(center, specialists, Instant.now()));
    }

    private static void routed(String entry, String center, RoutingBasis basis, Map<String, Integer> headings, double points,
                               Instant at) {
        send(Topics.ROUTED.name(), entry, new RoutingDecision(1, entry, "SWI", "12-3456789AB", "01", center, basis,
                Map.of(center, 1), headings, "2026.11-1", points, List.of(), null, at, at));
    }

    private static void send(String topic, String key, Object value) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, key, CenterlineJson.mapper().writeValueAsBytes(value)));
        }
    }
}
