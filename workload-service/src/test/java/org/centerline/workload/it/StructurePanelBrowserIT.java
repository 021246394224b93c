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
import org.centerline.contracts.event.RoutingBasis;
import org.centerline.contracts.event.RoutingDecision;
import org.centerline.contracts.event.Specialist;
import org.centerline.contracts.event.SpecialistRole;
import org.centerline.contracts.event.StaffingRoster;
import org.centerline.contracts.json.CenterlineJson;
import org.centerline.contracts.testing.SharedKafka;
import org.centerline.contracts.topic.Topics;
import org.centerline.security.TestTokens;
import org.centerline.workload.view.HeadlessChromium;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

/**
 * The rebalance view's structure panel (issue 18) against the real service and the shared embedded broker,
 * in headless Chromium (skipped without it), composed from the keyboard: a new Center ECS taking chapter
 * 61 and heading 9503 with 3 import specialists from PNG, and CPM merged into AFT; then a bad proposal
 * whose faults appear next to their fields.
 */
class StructurePanelBrowserIT extends RunningWorkloadService {

    private static final Duration LOAD = Duration.ofSeconds(30);

    @Test
    void composesANewCenterAndAMergeAndReadsEveryCenterBeforeAndAfter() throws Exception {
        assumeTrue(HeadlessChromium.available(), "Skipped: no Chromium at " + HeadlessChromium.binary());
        awaitReady();
        String run = UUID.randomUUID().toString().substring(0, 4);
        roster("PNG", 4);
        roster("CPM", 2);
        roster("AFT", 2);
        Instant now = Instant.now();
        for (int i = 0; i < 3; i++) {
            routed("SPB-" + run + "A" + i, "AFT", Map.of("6109", 2), 1.0, now);
        }
        for (int i = 0; i < 2; i++) {
            routed("SPB-" + run + "C" + i, "CPM", Map.of("9503", 1), 1.0, now);
        }
        routed("SPB-" + run + "D0", "CPM", Map.of("9401", 1), 1.0, now);
        RestClient http = as(TestTokens.director("ELE"));
        await().atMost(LOAD).until(() -> importSpecialists(http, "PNG") == 4 && importSpecialists(http, "CPM") == 2);

        try (HeadlessChromium chromium = HeadlessChromium.launch(1366, 900);
             HeadlessChromium.Tab tab = chromium.open(baseUrl() + "/#token=" + TestTokens.director("ELE"))) {
            tab.waitUntil("document.body.dataset.refresh === 'ok'", LOAD);

            // From the keyboard: Enter or Space on an Add button puts a row in and focus in its first field.
            addRow(tab, "newCenters", "Enter");
            fill(tab, "ECS", "E-commerce & Small Business", "Los Angeles", "011");
            addRow(tab, "merges", " ");
            fill(tab, "CPM", "AFT");
            addRow(tab, "moves", "Enter");
            fill(tab, "61", "ECS");
            addRow(tab, "moves", "Enter");
            fill(tab, "9503", "ECS");
            addRow(tab, "staff", "Enter");
            fill(tab, "PNG", "ECS");
            tab.press("Tab"); // the role: import specialist is the first
            tab.press("Tab");
            tab.evaluate("(document.activeElement.value = '', true)");
            tab.type("3");
            assertThat(tab.text("document.activeElement.labels[0].textContent")).isEqualTo("Specialists");
            tab.evaluate("document.getElementById('run-structure').focus()");
            tab.press("Enter");
            tab.waitUntil("document.body.dataset.structure === 'answered'", LOAD);

            String ecs = row(tab, "ECS");
            assertThat(ecs).contains("New", "not yet", "3 /");
            assertThat(tab.text("document.querySelector('#structure-table tr[data-center=ECS]').dataset.change")).isEqualTo("NEW");
            // ECS takes at least the 3 chapter-61 entries and the 2 heading-9503 ones.
            assertThat(tab.evaluate("Number(document.querySelector('#structure-table tr[data-center=ECS] td.volume:last-child')"
                    + ".firstChild.textContent.replace(/,/g, ''))").asInt()).isGreaterThanOrEqualTo(5);
            assertThat(row(tab, "CPM")).contains("Merged into AFT", "merged away");
            assertThat(tab.text("document.querySelector('#structure-table tr[data-center=AFT]').dataset.change")).isEqualTo("CHANGED");
            assertThat(tab.evaluate("document.querySelectorAll('#structure-table tbody tr').length").asInt()).isEqualTo(11);
            assertThat(tab.text("document.getElementById('structure-status').textContent"))
                    .contains("Proposal priced", "1 new", "1 merged", "before and after");
            assertThat(tab.text("document.getElementById('structure-status').getAttribute('aria-live')")).isEqualTo("polite");
            assertThat(tab.text("document.querySelector('.account-moves h3').textContent")).contains("Importer accounts");
            tab.screenshot(Path.of("target", "rebalance-view-structure.png"), true);
            assertThat(tab.consoleErrors()).as("console errors").isEmpty();

            // A bad proposal: a new Center with an existing code and no name, and a merge of an unknown Center.
            tab.evaluate("(window.beforeReload = true, location.reload(), true)");
            tab.waitUntil("!window.beforeReload && document.body.dataset.refresh === 'ok'", LOAD);
            addRow(tab, "newCenters", "Enter");
            fill(tab, "ELE");
            addRow(tab, "merges", "Enter");
            fill(tab, "XXX", "AFT");
            tab.evaluate("document.getElementById('run-structure').focus()");
            tab.press(" ");
            tab.waitUntil("document.body.dataset.structure === 'refused'", LOAD);
            assertThat(error(tab, "newCenters", "code")).contains("ELE already exists");
            assertThat(error(tab, "newCenters", "name")).contains("needs a name");
            assertThat(error(tab, "merges", "from")).contains("Unknown Center 'XXX'");
            assertThat(tab.text("document.querySelector('#structure-merges [data-key=from]').getAttribute('aria-invalid')")).isEqualTo("true");
            assertThat(tab.text("document.querySelector('#structure-merges [data-key=into]').getAttribute('aria-invalid')")).isNotEqualTo("true");
            // The faults are also listed above the form, focus on that list, each leading to its field.
            assertThat(tab.text("document.activeElement.id")).isEqualTo("structure-faults-heading");
            List<String> faults = new ArrayList<>();
            tab.evaluate("Array.from(document.querySelectorAll('#structure-faults li'), e => e.textContent)").forEach(f -> faults.add(f.asString()));
            assertThat(faults).anySatisfy(f -> assertThat(f).startsWith("Merge 1, Merge Center: Unknown Center 'XXX'"));
            tab.press("Tab");
            tab.press("Tab");
            tab.press("Enter");
            assertThat(tab.text("document.activeElement.dataset.key")).isIn("code", "name", "from");
            assertThat(tab.text("document.getElementById('structure-status').textContent")).contains("shown next to their fields");
            tab.screenshot(Path.of("target", "rebalance-view-structure-faults.png"), true);
            assertThat(tab.javascriptErrors()).as("script errors").isEmpty();
        }
    }

    /** Focuses the list's Add button and presses the key; focus lands in the new row's first field. */
    private static void addRow(HeadlessChromium.Tab tab, String list, String key) {
        tab.evaluate("document.getElementById('structure-add-" + list + "').focus()");
        tab.press(key);
    }

    /** Types each value into the focused field, then Tab to the next. */
    private static void fill(HeadlessChromium.Tab tab, String... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                tab.press("Tab");
            }
            tab.type(values[i]);
        }
    }

    private static String row(HeadlessChromium.Tab tab, String center) {
        return tab.text("document.querySelector('#structure-table tr[data-center=" + center + "]').innerText");
    }

    private static String error(HeadlessChromium.Tab tab, String list, String key) {
        return tab.text("document.getElementById(document.querySelector('#structure-" + list + " [data-key=" + key
                + "]').id + '-error').textContent");
    }

    private static int importSpecialists(RestClient http, String code) {
        Map<?, ?> report = http.get().uri("/api/workload").exchange((req, res) ->
                res.getStatusCode().is2xxSuccessful() ? res.bodyTo(Map.class) : null);
        if (report == null) {
            return -1;
        }
        return ((List<?>) report.get("centers")).stream().map(c -> (Map<?, ?>) c)
                .filter(c -> code.equals(c.get("centerCode"))).findFirst()
                .map(c -> ((Map<?, ?>) c.get("specialists")).get("IMPORT_SPECIALIST"))
                .map(n -> ((Number) n).intValue()).orElse(-1);
    }

    private static void roster(String center, int importSpecialists) {
        List<Specialist> specialists = new ArrayList<>();
        for (int i = 0; i < importSpecialists; i++) {
            specialists.add(new Specialist(center.toLowerCase() + "-s" + i, "S " + i, SpecialistRole.IMPORT_SPECIALIST,
                    List.of(), true));
        }
        send(Topics.CENTER_STAFFING.name(), center, StaffingRoster.of(center, specialists, Instant.now()));
    }

    private static void routed(String entry, String center, Map<String, Integer> headings, double points, Instant at) {
        send(Topics.ROUTED.name(), entry, new RoutingDecision(1, entry, "SPB", "12-3456789AB", "01", center, RoutingBasis.HTS,
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
