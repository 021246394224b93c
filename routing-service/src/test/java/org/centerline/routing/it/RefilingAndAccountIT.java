package org.centerline.routing.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.centerline.contracts.event.EntrySummary;
import org.centerline.contracts.json.CenterlineJson;
import org.centerline.contracts.sample.FilingGenerator;
import org.centerline.contracts.topic.Topics;
import org.centerline.security.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/** An importer's account assignment overrides its lines; a re-filing that moves an entry withdraws it. */
class RefilingAndAccountIT extends RoutingIntegrationTest {

    /** Shared by the class's tests, so no two tests file the same entry number. */
    private static final FilingGenerator generator = new FilingGenerator(31, 0.0, 0.0, LocalDate.of(2026, 11, 20));

    @Test
    void anAccountAssignmentOverridesTheLines() {
        RestClient http = http(TestTokens.admin());
        String importer = "123-45-6789";
        http.put().uri("/api/importer-assignments/{i}", importer).contentType(MediaType.APPLICATION_JSON)
                .body("{\"centerCode\":\"phc\",\"effectiveFrom\":\"2026-01-01\"}").retrieve().toBodilessEntity();
        await().atMost(Duration.ofSeconds(30)).until(() -> http.get().uri("/api/importer-assignments/{i}", importer)
                .exchange((req, res) -> res.getStatusCode().is2xxSuccessful()));

        EntrySummary electronics = withImporter(generator.summaryFor("ELE"), importer);
        send(Topics.FILED.name(), electronics.entryNumber(), CenterlineJson.mapper().writeValueAsBytes(electronics));

        try (KafkaConsumer<String, String> reader = committedReader(Topics.ROUTED.name())) {
            Map<String, Object> decision = json(RejectionIT.find(reader, electronics.entryNumber()).value());
            assertThat(decision.get("centerCode")).isEqualTo("PHC");
            assertThat(decision.get("basis")).isEqualTo("ACCOUNT");
            assertThat(decision.get("linesByCenter")).isEqualTo(Map.of("ELE", electronics.lines().size()));
        }

        // Removing the assignment sends the importer's next filing back to HTS routing.
        HttpStatusCode deleted = http.delete().uri("/api/importer-assignments/{i}", importer).retrieve()
                .toBodilessEntity().getStatusCode();
        assertThat(deleted.value()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(30)).until(() -> http.get().uri("/api/importer-assignments/{i}", importer)
                .exchange((req, res) -> res.getStatusCode().value() == 404));
        EntrySummary next = withImporter(generator.summaryFor("ELE"), importer);
        send(Topics.FILED.name(), next.entryNumber(), CenterlineJson.mapper().writeValueAsBytes(next));
        try (KafkaConsumer<String, String> reader = committedReader(Topics.ROUTED.name())) {
            Map<String, Object> decision = json(RejectionIT.find(reader, next.entryNumber()).value());
            assertThat(decision.get("centerCode")).isEqualTo("ELE");
            assertThat(decision.get("basis")).isEqualTo("HTS");
        }
    }

    @Test
    void aRefilingThatChangesCenterWithdrawsTheEntryFromTheEarlierCenter() {
        EntrySummary first = generator.summaryFor("ELE");
        send(Topics.FILED.name(), first.entryNumber(), CenterlineJson.mapper().writeValueAsBytes(first));
        try (KafkaConsumer<String, String> reader = committedReader(Topics.ROUTED.name())) {
            assertThat(json(RejectionIT.find(reader, first.entryNumber()).value()).get("centerCode")).isEqualTo("ELE");
        }
        EntrySummary machinery = generator.summaryFor("MAC");
        EntrySummary refiled = new EntrySummary(1, first.entryNumber(), first.filerCode(), first.entryType(),
                first.importerNumber(), first.portOfEntry(), first.entryDate(), first.summaryDate(),
                first.modeOfTransport(), machinery.lines());
        send(Topics.FILED.name(), refiled.entryNumber(), CenterlineJson.mapper().writeValueAsBytes(refiled));

        String ele = Topics.centerTopicName("ELE");
        String mac = Topics.centerTopicName("MAC");
        try (KafkaConsumer<String, String> reader = committedReader(ele, mac)) {
            List<ConsumerRecord<String, String>> records = new java.util.ArrayList<>(readUntil(reader, Duration.ofSeconds(60),
                    all -> all.stream().filter(r -> r.key().equals(first.entryNumber())).count() >= 3));
            readToEnd(reader, records);
            List<String> actions = records.stream().filter(r -> r.key().equals(first.entryNumber()))
                    .map(r -> r.topic() + " " + json(r.value()).get("action")).toList();
            assertThat(actions).containsExactlyInAnyOrder(ele + " ROUTED", ele + " WITHDRAWN", mac + " ROUTED");
            // On the earlier Center's topic (one partition per key) the withdrawal comes after the routing.
            assertThat(actions.stream().filter(a -> a.startsWith(ele)).toList())
                    .containsExactly(ele + " ROUTED", ele + " WITHDRAWN");
            Map<String, Object> macEntry = records.stream()
                    .filter(r -> r.key().equals(first.entryNumber()) && r.topic().equals(mac))
                    .map(r -> json(r.value())).findFirst().orElseThrow();
            @SuppressWarnings("unchecked")
            Map<String, Object> decision = (Map<String, Object>) macEntry.get("decision");
            assertThat((List<Object>) decision.get("flags")).contains("REFILED");
            assertThat(decision.get("previousCenterCode")).isEqualTo("ELE");
        }
    }

    private static EntrySummary withImporter(EntrySummary s, String importer) {
        return new EntrySummary(1, s.entryNumber(), s.filerCode(), s.entryType(), importer, s.portOfEntry(),
                s.entryDate(), s.summaryDate(), s.modeOfTransport(), s.lines());
    }
}
