package org.centerline.routing.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.centerline.contracts.center.HtsCenterTable;
import org.centerline.contracts.schema.Samples;
import org.centerline.contracts.reference.ReferenceData;
import org.centerline.contracts.event.Rejection;
import org.centerline.contracts.event.RejectionReason;
import org.centerline.contracts.event.RoutingBasis;
import org.centerline.contracts.event.RoutingDecision;
import org.centerline.contracts.event.RoutingFlag;
import org.centerline.contracts.workload.WorkloadModel;
import org.centerline.routing.assignment.ImporterAssignments;
import org.centerline.routing.classify.EntryClassifier;
import org.centerline.routing.validate.FilingValidator;
import org.centerline.routing.validate.ReasonCode;
import org.junit.jupiter.api.Test;

/** From one filed record to its routing result, without Kafka. */
class FilingRouterTest {

    private static final String ENTRY = "ABC-1234567-6";
    private static final String IMPORTER = "12-3456789AB";
    private static final Instant FILED_AT = Instant.parse("2026-11-20T14:03:09.250Z");
    private static final Instant NOW = Instant.parse("2026-11-20T14:03:11Z");
    private static final Function<String, String> NEVER_ROUTED = entry -> null;

    /** The example filing of CONTRACT.md: one line, heading 8471 (ELE), Section 301. */
    private static final String FILING = Samples.text("entry-summaries.filed/valid/contract-example.json");

    private final EntryClassifier classifier = new EntryClassifier(HtsCenterTable.standard(),
            ReferenceData.standard(), WorkloadModel.standard());
    private final FilingValidator validator = new FilingValidator(HtsCenterTable.standard(), FilingValidator.DEFAULT_MAX_BYTES);
    private final ImporterAssignments assignments = new ImporterAssignments();
    private final FilingRouter router = new FilingRouter(validator, classifier, assignments);

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private RoutingResult route(String key, String payload, Function<String, String> previous) {
        return router.route(key, utf8(payload), FILED_AT, NOW, previous);
    }

    private static RoutingResult.Routed routed(RoutingResult result) {
        assertThat(result).as("expected Routed but got %s", result).isInstanceOf(RoutingResult.Routed.class);
        return (RoutingResult.Routed) result;
    }

    private static RoutingResult.Rejected rejected(RoutingResult result) {
        assertThat(result).as("expected Rejected but got %s", result).isInstanceOf(RoutingResult.Rejected.class);
        return (RoutingResult.Rejected) result;
    }

    private static ConsumerRecord<byte[], byte[]> assignmentRecord(String importer, String json) {
        return new ConsumerRecord<>("importer-assignments", 0, 0L, utf8(importer), json == null ? null : utf8(json));
    }

    private void assign(String importer, String center, String effectiveFrom) {
        assignments.apply(assignmentRecord(importer, "{\"importerNumber\":\"" + importer + "\",\"centerCode\":\"" + center
                + "\",\"effectiveFrom\":\"" + effectiveFrom + "\"}"));
    }

    // ---------------------------------------------------------------- routed

    @Test
    void validFilingIsRoutedByHts() {
        RoutingResult.Routed routed = routed(route(ENTRY, FILING, NEVER_ROUTED));

        RoutingDecision d = routed.decision();
        assertThat(d.schemaVersion()).isEqualTo(1);
        assertThat(d.entryNumber()).isEqualTo(ENTRY);
        assertThat(d.filerCode()).isEqualTo("ABC");
        assertThat(d.importerNumber()).isEqualTo(IMPORTER);
        assertThat(d.entryType()).isEqualTo("01");
        assertThat(d.centerCode()).isEqualTo("ELE");
        assertThat(d.basis()).isEqualTo(RoutingBasis.HTS);
        assertThat(d.linesByCenter()).containsExactly(Map.entry("ELE", 1));
        assertThat(d.tableVersion()).isEqualTo(HtsCenterTable.standard().version());
        assertThat(d.workloadPoints()).isEqualTo(1.5);
        assertThat(d.flags()).containsExactly(RoutingFlag.SECTION_301);
        assertThat(d.previousCenterCode()).isNull();
        assertThat(d.filedAt()).isEqualTo(FILED_AT);
        assertThat(d.routedAt()).isEqualTo(NOW);
        assertThat(routed.decision().previousCenterCode()).isNull();
        assertThat(routed.summary().entryNumber()).isEqualTo(ENTRY);
        assertThat(routed.summary().lines()).hasSize(1);
    }

    @Test
    void nullRecordKeyIsRouted() {
        assertThat(routed(route(null, FILING, NEVER_ROUTED)).decision().centerCode()).isEqualTo("ELE");
    }

    @Test
    void previousCenterIsLookedUpByTheEntryNumber() {
        Map<String, Integer> asked = new HashMap<>();
        route(ENTRY, FILING, entry -> {
            asked.merge(entry, 1, Integer::sum);
            return null;
        });
        assertThat(asked).containsExactly(Map.entry(ENTRY, 1));
    }

    // ---------------------------------------------------------------- re-filing

    @Test
    void refilingThatMovesCenterWithdrawsFromThePreviousOne() {
        RoutingResult.Routed routed = routed(route(ENTRY, FILING, entry -> ENTRY.equals(entry) ? "MAC" : null));

        assertThat(routed.decision().centerCode()).isEqualTo("ELE");
        assertThat(routed.decision().previousCenterCode()).isEqualTo("MAC");
        assertThat(routed.decision().previousCenterCode()).isEqualTo("MAC");
        assertThat(routed.decision().flags()).containsExactlyInAnyOrder(RoutingFlag.SECTION_301, RoutingFlag.REFILED);
        assertThat(routed.decision().workloadPoints())
                .isEqualTo(WorkloadModel.standard().points("01", 1, routed.decision().flags()));
        assertThat(routed.decision().filedAt()).isEqualTo(FILED_AT);
        assertThat(routed.decision().routedAt()).isEqualTo(NOW);
    }

    @Test
    void refilingToTheSameCenterIsRefiledWithoutWithdrawal() {
        RoutingResult.Routed routed = routed(route(ENTRY, FILING, entry -> "ELE"));

        assertThat(routed.decision().centerCode()).isEqualTo("ELE");
        assertThat(routed.decision().previousCenterCode()).isNull();
        assertThat(routed.decision().previousCenterCode()).isNull();
        assertThat(routed.decision().flags()).contains(RoutingFlag.REFILED);
    }

    @Test
    void firstFilingIsNotRefiled() {
        assertThat(routed(route(ENTRY, FILING, NEVER_ROUTED)).decision().flags()).doesNotContain(RoutingFlag.REFILED);
    }

    // ---------------------------------------------------------------- account assignments

    @Test
    void effectiveAccountAssignmentDecides() {
        assign(IMPORTER, "PHC", "2026-11-01");
        assertThat(assignments.find(IMPORTER)).isPresent();

        RoutingDecision d = routed(route(ENTRY, FILING, NEVER_ROUTED)).decision();
        assertThat(d.centerCode()).isEqualTo("PHC");
        assertThat(d.basis()).isEqualTo(RoutingBasis.ACCOUNT);
        assertThat(d.linesByCenter()).containsExactly(Map.entry("ELE", 1));
    }

    @Test
    void assignmentEffectiveTodayApplies() {
        assign(IMPORTER, "PHC", "2026-11-20");
        assertThat(routed(route(ENTRY, FILING, NEVER_ROUTED)).decision().basis()).isEqualTo(RoutingBasis.ACCOUNT);
    }

    @Test
    void assignmentEffectiveInTheFutureDoesNotApply() {
        assign(IMPORTER, "PHC", "2026-11-21");

        RoutingDecision d = routed(route(ENTRY, FILING, NEVER_ROUTED)).decision();
        assertThat(d.centerCode()).isEqualTo("ELE");
        assertThat(d.basis()).isEqualTo(RoutingBasis.HTS);
    }

    @Test
    void assignmentOfAnotherImporterDoesNotApply() {
        assign("123-45-6789", "PHC", "2026-11-01");
        assertThat(routed(route(ENTRY, FILING, NEVER_ROUTED)).decision().basis()).isEqualTo(RoutingBasis.HTS);
    }

    @Test
    void removedAssignmentNoLongerApplies() {
        assign(IMPORTER, "PHC", "2026-11-01");
        assignments.apply(assignmentRecord(IMPORTER, null));

        assertThat(assignments.find(IMPORTER)).isEmpty();
        assertThat(routed(route(ENTRY, FILING, NEVER_ROUTED)).decision().basis()).isEqualTo(RoutingBasis.HTS);
    }

    @Test
    void refilingMovedByANewAccountAssignment() {
        assign(IMPORTER, "PHC", "2026-11-01");
        RoutingResult.Routed routed = routed(route(ENTRY, FILING, entry -> "ELE"));
        assertThat(routed.decision().centerCode()).isEqualTo("PHC");
        assertThat(routed.decision().previousCenterCode()).isEqualTo("ELE");
        assertThat(routed.decision().flags()).contains(RoutingFlag.REFILED);
    }

    // ---------------------------------------------------------------- rejected

    @Test
    void invalidFilingWithAWellFormedEntryNumberIsKeyedByIt() {
        String payload = FILING.replace("8471300100", "847130");
        RoutingResult.Rejected rejected = rejected(route(null, payload, NEVER_ROUTED));

        assertThat(rejected.key()).isEqualTo(ENTRY);
        Rejection r = rejected.rejection();
        assertThat(r.schemaVersion()).isEqualTo(1);
        assertThat(r.entryNumber()).isEqualTo(ENTRY);
        assertThat(r.filerCode()).isEqualTo("ABC");
        assertThat(r.rejectedAt()).isEqualTo(NOW);
        assertThat(r.payload()).isEqualTo(payload);
        assertThat(r.reasons()).extracting(RejectionReason::field, RejectionReason::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("lines[0].htsNumber", "HTS_FORMAT"));
    }

    @Test
    void wellFormedEntryNumberWithWrongCheckDigitStillKeysTheRejection() {
        String number = "ABC-1234567-5";
        RoutingResult.Rejected rejected = rejected(route(number, FILING.replace(ENTRY, number), NEVER_ROUTED));
        assertThat(rejected.key()).isEqualTo(number);
        assertThat(rejected.rejection().entryNumber()).isEqualTo(number);
        assertThat(rejected.rejection().reasons()).extracting(RejectionReason::code)
                .containsExactly(ReasonCode.ENTRY_NUMBER_CHECK_DIGIT.name());
    }

    @Test
    void keyMismatchIsKeyedByTheEntryNumberNotTheRecordKey() {
        RoutingResult.Rejected rejected = rejected(route("ABC-1234568-4", FILING, NEVER_ROUTED));
        assertThat(rejected.key()).isEqualTo(ENTRY);
        assertThat(rejected.rejection().reasons()).extracting(RejectionReason::code)
                .containsExactly(ReasonCode.KEY_MISMATCH.name());
    }

    @Test
    void invalidFilingWithAMalformedEntryNumberIsKeyedByTheRecordKey() {
        String payload = FILING.replace(ENTRY, "ABC-123");
        RoutingResult.Rejected rejected = rejected(route("the-record-key", payload, NEVER_ROUTED));

        assertThat(rejected.key()).isEqualTo("the-record-key");
        assertThat(rejected.rejection().entryNumber()).isNull();
        assertThat(rejected.rejection().filerCode()).isEqualTo("ABC");
        assertThat(rejected.rejection().payload()).isEqualTo(payload);
        assertThat(rejected.rejection().reasons()).extracting(RejectionReason::code)
                .contains(ReasonCode.ENTRY_NUMBER_FORMAT.name(), ReasonCode.KEY_MISMATCH.name());
    }

    @Test
    void malformedJsonIsKeyedByTheRecordKeyAndKeepsThePayload() {
        String payload = "{\"entryNumber\": \"ABC-1234567-6\", ";
        RoutingResult.Rejected rejected = rejected(route("k-1", payload, NEVER_ROUTED));
        assertThat(rejected.key()).isEqualTo("k-1");
        assertThat(rejected.rejection().entryNumber()).isNull();
        assertThat(rejected.rejection().filerCode()).isNull();
        assertThat(rejected.rejection().payload()).isEqualTo(payload);
        assertThat(rejected.rejection().reasons()).extracting(RejectionReason::field, RejectionReason::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("", "MALFORMED_JSON"));

        RoutingResult.Rejected noKey = rejected(route(null, payload, NEVER_ROUTED));
        assertThat(noKey.key()).isNull();
    }

    @Test
    void rejectedPayloadIsCutAtTheMaximum() {
        // Not JSON, well under the 1 MiB filing limit, far over the 64 KiB kept in a rejection.
        String payload = "x".repeat(200_000);
        Rejection r = rejected(route("k", payload, NEVER_ROUTED)).rejection();
        assertThat(r.payload()).hasSize(Rejection.MAX_PAYLOAD_BYTES).isEqualTo(payload.substring(0, Rejection.MAX_PAYLOAD_BYTES));

        String exactly = "y".repeat(Rejection.MAX_PAYLOAD_BYTES);
        assertThat(rejected(route("k", exactly, NEVER_ROUTED)).rejection().payload()).isEqualTo(exactly);
    }

    @Test
    void rejectedPayloadIsCutAt64KiBOfUtf8() {
        // 'é' is two bytes in UTF-8, '€' three, '𝄞' four: the cut counts bytes, as CONTRACT.md says (64 KiB).
        for (String unit : new String[] {"é", "€", "𝄞"}) {
            String payload = unit.repeat(100_000);
            Rejection r = rejected(route("k", payload, NEVER_ROUTED)).rejection();
            String whole = r.payload().replace("\uFFFD", "");
            assertThat(whole.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                    .isLessThanOrEqualTo(Rejection.MAX_PAYLOAD_BYTES)
                    .isGreaterThan(Rejection.MAX_PAYLOAD_BYTES - 4);
            assertThat(payload).startsWith(whole);
        }
    }

    @Test
    void tooLargeFilingIsRejectedWithItsPayloadCut() {
        FilingRouter small = new FilingRouter(new FilingValidator(HtsCenterTable.standard(), 2048), classifier, assignments);
        String payload = FILING.replace("\"schemaVersion\": 1,", "\"schemaVersion\": 1, \"pad\": \"" + "p".repeat(100_000) + "\",");
        RoutingResult.Rejected rejected = rejected(small.route(ENTRY, utf8(payload), FILED_AT, NOW, NEVER_ROUTED));
        assertThat(rejected.key()).isEqualTo(ENTRY);
        assertThat(rejected.rejection().reasons()).extracting(RejectionReason::code)
                .containsExactly(ReasonCode.PAYLOAD_TOO_LARGE.name());
        assertThat(rejected.rejection().payload()).hasSize(Rejection.MAX_PAYLOAD_BYTES);
        assertThat(payload).startsWith(rejected.rejection().payload());
    }

    @Test
    void nullPayloadIsRejectedWithEmptyPayloadText() {
        RoutingResult.Rejected rejected = rejected(router.route("k", null, FILED_AT, NOW, NEVER_ROUTED));
        assertThat(rejected.key()).isEqualTo("k");
        assertThat(rejected.rejection().payload()).isEmpty();
    }

    @Test
    void aDefectWhileRoutingRejectsWithRoutingFailedInsteadOfThrowing() {
        Function<String, String> broken = entry -> {
            throw new IllegalStateException("ledger unavailable");
        };
        RoutingResult.Rejected rejected = rejected(route(ENTRY, FILING, broken));
        assertThat(rejected.key()).isEqualTo(ENTRY);
        assertThat(rejected.rejection().entryNumber()).isEqualTo(ENTRY);
        assertThat(rejected.rejection().payload()).isEqualTo(FILING);
        assertThat(rejected.rejection().reasons()).extracting(RejectionReason::field, RejectionReason::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("", ReasonCode.ROUTING_FAILED.name()));
    }

    @Test
    void routeNeverThrowsForBadInput() {
        String payload = FILING.replace("\"schemaVersion\": 1", "\"schemaVersion\": 4294967297");
        assertThatCode(() -> route(ENTRY, payload, NEVER_ROUTED)).doesNotThrowAnyException();
        RoutingResult.Rejected rejected = rejected(route(ENTRY, payload, NEVER_ROUTED));
        assertThat(rejected.key()).isEqualTo(ENTRY);
        assertThat(rejected.rejection().reasons()).extracting(RejectionReason::code)
                .containsExactly(ReasonCode.SCHEMA_VERSION_UNSUPPORTED.name());
    }

    @Test
    void anAssignmentToAnUnknownCenterIsIgnoredAndALowerCaseCodeIsNormalised() {
        assignments.apply(assignmentRecord("22-2222222AB", "{\"importerNumber\":\"22-2222222AB\",\"centerCode\":\"XYZ\"}"));
        assignments.apply(assignmentRecord("33-3333333AB", "{\"importerNumber\":\"33-3333333AB\",\"centerCode\":\"phc\"}"));
        assertThat(assignments.find("22-2222222AB")).isEmpty();
        assertThat(assignments.centerFor("33-3333333AB", java.time.LocalDate.of(2026, 11, 20))).isEqualTo("PHC");
    }
}
