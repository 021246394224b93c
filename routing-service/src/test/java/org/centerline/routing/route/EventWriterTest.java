package org.centerline.routing.route;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.centerline.contracts.center.HtsCenterTable;
import org.centerline.contracts.reference.ReferenceData;
import org.centerline.contracts.event.CenterEntry;
import org.centerline.contracts.event.EntryLine;
import org.centerline.contracts.event.EntrySummary;
import org.centerline.contracts.event.RoutingBasis;
import org.centerline.contracts.event.RoutingDecision;
import org.centerline.contracts.json.CenterlineJson;
import org.centerline.contracts.sample.FilingGenerator;
import org.centerline.contracts.workload.WorkloadModel;
import org.centerline.routing.assignment.ImporterAssignments;
import org.centerline.routing.classify.EntryClassifier;
import org.centerline.routing.validate.FilingValidator;
import org.junit.jupiter.api.Test;

/** The hand-written writer must produce exactly the bytes the contract's data binding produces. */
class EventWriterTest {

    private final EventWriter writer = new EventWriter();
    private final FilingRouter router = new FilingRouter(
            new FilingValidator(HtsCenterTable.standard(), FilingValidator.DEFAULT_MAX_BYTES),
            new EntryClassifier(HtsCenterTable.standard(), ReferenceData.standard(), WorkloadModel.standard()),
            new ImporterAssignments());

    @Test
    void writesWhatDataBindingWritesForThousandsOfGeneratedFilings() {
        FilingGenerator generator = new FilingGenerator(42, 0.0, 0.1, LocalDate.of(2026, 11, 20));
        Instant filedAt = Instant.parse("2026-11-20T14:03:09.250Z");
        int routed = 0;
        for (int i = 0; i < 2_000; i++) {
            FilingGenerator.Filing filing = generator.next();
            Instant now = filedAt.plusNanos((i / 10) * 1_000_123L); // a batch shares its instant
            RoutingResult result = router.route(filing.key(), filing.json(), filedAt, now,
                    entry -> entry.hashCode() % 7 == 0 ? "MAC" : null);
            if (result instanceof RoutingResult.Routed r) {
                routed++;
                assertSame(writer.routed(r.summary(), r.decision(), writer.decision(r.decision())),
                        CenterEntry.routed(r.summary(), r.decision()));
                assertSame(writer.decision(r.decision()), r.decision());
            }
        }
        assertThat(routed).isGreaterThan(1_600);
    }

    @Test
    void leavesOutWhatIsAbsentAsDataBindingDoes() {
        EntrySummary sparse = new EntrySummary(1, "ABC-1234567-6", "ABC", "01", "12-3456789AB", "2704", null,
                LocalDate.of(2026, 11, 20), null, List.of(new EntryLine(1, "8471300100", "CN",
                new java.math.BigDecimal("1200.50"), List.of(), null)));
        RoutingDecision decision = new RoutingDecision(1, "ABC-1234567-6", "ABC", "12-3456789AB", "01", "ELE",
                RoutingBasis.HTS, Map.of("ELE", 1), null, "2026.11-1", 2.0, List.of(), null,
                Instant.parse("2026-11-20T14:03:09Z"), Instant.parse("2026-11-20T14:03:11.100200300Z"));
        assertSame(writer.routed(sparse, decision, writer.decision(decision)), CenterEntry.routed(sparse, decision));
        assertSame(writer.decision(decision), decision);
        assertThat(new String(writer.decision(decision), StandardCharsets.UTF_8))
                .doesNotContain("linesByHeading").doesNotContain("previousCenterCode").contains("\"workloadPoints\":2.0");
    }

    @Test
    void escapesTextAsDataBindingDoes() {
        EntrySummary odd = new EntrySummary(1, "A\"B-\u00e9\u2028", "A\\B", "01", "12-\n3456789AB", "2704", LocalDate.of(2026, 11, 18),
                LocalDate.of(2026, 11, 20), "40", List.of(new EntryLine(1, "8471300100", "\u4e2d\u56fd",
                new java.math.BigDecimal("1E+3"), List.of("99038803", "\u0000"), "A-570-001")));
        RoutingDecision decision = new RoutingDecision(1, odd.entryNumber(), odd.filerCode(), odd.importerNumber(), "01",
                "E\"LE", RoutingBasis.ACCOUNT, Map.of("ELE", 1, "MAC", 2), Map.of("8471", 3), "2026.11-1", 0.1 + 0.2,
                List.of(org.centerline.contracts.event.RoutingFlag.ADCVD), "MAC",
                Instant.parse("2026-11-20T14:03:09Z"), Instant.parse("2026-11-20T14:03:11Z"));
        assertSame(writer.routed(odd, decision, writer.decision(decision)), CenterEntry.routed(odd, decision));
    }

    @Test
    void threadsSharingTheWriterNeverMixTheirInstants() throws Exception {
        EntrySummary summary = new FilingGenerator(5, 0.0).summaryFor("ELE");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<Integer>> runs = new java.util.ArrayList<>();
            for (int t = 0; t < 2; t++) {
                Instant at = Instant.parse("2026-11-20T14:03:11Z").plusMillis(t * 7);
                RoutingDecision d = new RoutingDecision(1, summary.entryNumber(), summary.filerCode(), summary.importerNumber(),
                        summary.entryType(), "ELE", RoutingBasis.HTS, Map.of("ELE", 1), null, "2026.11-1", 1.0, List.of(),
                        null, at, at);
                byte[] expected = CenterlineJson.mapper().writeValueAsBytes(d);
                runs.add(pool.submit(() -> {
                    int mismatches = 0;
                    for (int i = 0; i < 20_000; i++) {
                        mismatches += java.util.Arrays.equals(writer.decision(d), expected) ? 0 : 1;
                    }
                    return mismatches;
                }));
            }
            for (java.util.concurrent.Future<Integer> run : runs) {
                assertThat(run.get()).isZero();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void assertSame(byte[] written, Object event) {
        assertThat(new String(written, StandardCharsets.UTF_8))
                .isEqualTo(new String(CenterlineJson.mapper().writeValueAsBytes(event), StandardCharsets.UTF_8));
    }
}
