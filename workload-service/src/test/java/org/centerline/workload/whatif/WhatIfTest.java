package org.centerline.workload.whatif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.centerline.contracts.event.SpecialistRole.DRAWBACK_SPECIALIST;
import static org.centerline.contracts.event.SpecialistRole.ENTRY_SPECIALIST;
import static org.centerline.contracts.event.SpecialistRole.IMPORT_SPECIALIST;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.centerline.contracts.center.Center;
import org.centerline.contracts.center.Centers;
import org.centerline.contracts.center.HtsCenterTable;
import org.centerline.contracts.event.EntryStatus;
import org.centerline.contracts.event.RoutingBasis;
import org.centerline.contracts.event.SpecialistRole;
import org.centerline.workload.counters.EntryRecord;
import org.centerline.workload.counters.EntryTracker;
import org.centerline.workload.counters.WorkloadView;
import org.centerline.workload.staffing.CenterStaffing;
import org.centerline.workload.staffing.StaffingModel;
import org.centerline.workload.staffing.StaffingStandards;
import org.junit.jupiter.api.Test;

/**
 * The what-if on hand-computed cases, under the shipped HTS -> Center table (DOMAIN.md), whose rules
 * that matter here are: chapter 84 -> MAC, chapter 85 -> ELE, heading 8471 and 8473 -> ELE, heading
 * 8511 -> AUT, chapters 28-38 -> PHC, 87 -> AUT, 82 -> MAC, 98-99 companion, fallback CPM.
 * Team codes (ties go to the lower): PHC 001, AUT 003, ELE 007, MAC 010.
 *
 * <p>Standards: import specialist 2 points/day, entry specialist 1, drawback 0 (adds no capacity),
 * target utilization 75%: one import specialist covers 2 x 0.75 = 1.5 points/day at target, so
 * required = ceil(demand / 1.5).
 */
class WhatIfTest {

    static final Instant NOW = Instant.parse("2026-03-15T14:30:00Z");

    private final StaffingModel model = new StaffingModel(new StaffingStandards(
            Map.of(IMPORT_SPECIALIST, 2.0, ENTRY_SPECIALIST, 1.0, DRAWBACK_SPECIALIST, 0.0), 0.75, 0.15, 1, IMPORT_SPECIALIST));
    private final HtsCenterTable standard = HtsCenterTable.standard();
    private final WhatIf whatIf = new WhatIf(standard, model);

    @Test
    void movingHeading8471ToMacMovesTheEntriesItNowDecidesAndPricesEveryCenterBeforeAndAfter() {
        // Window: 2 days (since = NOW - 2d); demand = points in the window / 2.
        //   entry      now in  basis    lines by heading       points  filed        under 8471 -> MAC
        //   ELE-3      ELE     HTS      8471:2, 8542:1         4.0     NOW - 1d     MAC 2 vs ELE 1 -> MAC (moved)
        //   MAC-2      MAC     HTS      8471:1, 8481:2         3.0     NOW - 1d     MAC 3          -> MAC (was MAC 2 vs ELE 1)
        //   ACCOUNT    ELE     ACCOUNT  8471:5                 2.0     NOW - 1d     account assignment: stays ELE
        //   OLD        ELE     HTS      8471:1               100.0     NOW - 3d     before the window: not replayed
        //   NO-LINES   ELE     HTS      (none recorded)        1.0     NOW - 1d     nothing to replay: stays ELE
        //   PHC-1      PHC     HTS      3004:1                 5.0     NOW - 1d     PHC
        //   AT-SINCE   AUT     HTS      8703:1                 0.5     NOW - 2d     AUT (the window's first instant counts)
        //   UNROUTED   ELE     -        -                      0       -            a status without a decision: skipped
        // Replayed 6, moved 1.
        // Before: ELE 4 + 2 + 1 = 7 -> 3.5/day; MAC 3 -> 1.5/day; PHC 5 -> 2.5/day; AUT 0.5 -> 0.25/day.
        // After:  ELE 2 + 1 = 3 -> 1.5/day; MAC 3 + 4 = 7 -> 3.5/day; PHC and AUT unchanged.
        Instant since = NOW.minus(Duration.ofDays(2));
        List<EntryRecord> entries = List.of(
                entry("ELE-3", "ELE", RoutingBasis.HTS, Map.of("8471", 2, "8542", 1), 4.0, NOW.minus(Duration.ofDays(1))),
                entry("MAC-2", "MAC", RoutingBasis.HTS, Map.of("8471", 1, "8481", 2), 3.0, NOW.minus(Duration.ofDays(1))),
                entry("ACCOUNT", "ELE", RoutingBasis.ACCOUNT, Map.of("8471", 5), 2.0, NOW.minus(Duration.ofDays(1))),
                entry("OLD", "ELE", RoutingBasis.HTS, Map.of("8471", 1), 100.0, NOW.minus(Duration.ofDays(3))),
                entry("NO-LINES", "ELE", RoutingBasis.HTS, Map.of(), 1.0, NOW.minus(Duration.ofDays(1))),
                entry("PHC-1", "PHC", RoutingBasis.HTS, Map.of("3004", 1), 5.0, NOW.minus(Duration.ofDays(1))),
                entry("AT-SINCE", "AUT", RoutingBasis.HTS, Map.of("8703", 1), 0.5, since),
                new EntryRecord("UNROUTED", "ELE", null, null, null, 0, null, null, null, EntryStatus.IN_REVIEW, true, null, null));
        // Rosters:
        //   ELE: 1 import + 1 entry        -> capacity 1 x 2 + 1 x 1 = 3.0 points/day, 2 specialists
        //   MAC: 2 import                  -> capacity 4.0, 2 specialists
        //   AUT: 1 import + 2 drawback     -> capacity 2.0, 1 specialist (drawback reviews nothing)
        //   PHC: nobody                    -> capacity 0
        Map<String, Map<SpecialistRole, Integer>> specialists = Map.of(
                "ELE", Map.of(IMPORT_SPECIALIST, 1, ENTRY_SPECIALIST, 1),
                "MAC", Map.of(IMPORT_SPECIALIST, 2),
                "AUT", Map.of(IMPORT_SPECIALIST, 1, DRAWBACK_SPECIALIST, 2));

        WhatIfResult result = whatIf.evaluate(new TableChange(List.of(new TableChange.Move(null, "8471", "MAC"))),
                counts(entries, since), 2.0, specialists);

        assertThat(result.proposedTableVersion()).isEqualTo("2026.11-1+what-if");
        assertThat(result.entriesReplayed()).isEqualTo(6);
        assertThat(result.entriesMoved()).isEqualTo(1);
        assertThat(result.centers()).extracting(WhatIfResult.CenterChange::centerCode)
                .containsExactlyElementsOf(Centers.all().stream().map(Center::code).toList());
        Map<String, WhatIfResult.CenterChange> centers = byCode(result);

        // ELE before: 3.5 / 3.0 = 116.7 %; required ceil(3.5 / 1.5) = ceil(2.33) = 3.
        // ELE after:  1.5 / 3.0 =  50.0 %; required ceil(1.5 / 1.5) = 1.
        assertStaffing(centers.get("ELE").before(), 3.5, 3.0, 3.5 / 3.0, 2, 3);
        assertStaffing(centers.get("ELE").after(), 1.5, 3.0, 0.5, 2, 1);
        // MAC before: 1.5 / 4.0 = 37.5 %; required ceil(1.0) = 1.
        // MAC after:  3.5 / 4.0 = 87.5 %; required ceil(2.33) = 3.
        assertStaffing(centers.get("MAC").before(), 1.5, 4.0, 0.375, 2, 1);
        assertStaffing(centers.get("MAC").after(), 3.5, 4.0, 0.875, 2, 3);
        // PHC: 2.5 points/day and no capacity: utilization null (uncovered); required ceil(1.67) = 2, before and after.
        assertThat(centers.get("PHC").before()).isEqualTo(new CenterStaffing("PHC", 2.5, 0.0, null, 0, 2));
        assertThat(centers.get("PHC").after()).isEqualTo(centers.get("PHC").before());
        // AUT: 0.25 / 2.0 = 12.5 %; required ceil(0.17) = 1, before and after.
        assertStaffing(centers.get("AUT").before(), 0.25, 2.0, 0.125, 1, 1);
        assertThat(centers.get("AUT").after()).isEqualTo(centers.get("AUT").before());
        // Every other Center: no demand, nobody, before and after.
        for (String code : List.of("AGR", "AFT", "BME", "PNG", "CPM", "IMM")) {
            assertThat(centers.get(code).before()).as(code).isEqualTo(new CenterStaffing(code, 0.0, 0.0, 0.0, 0, 0));
            assertThat(centers.get(code).after()).as(code).isEqualTo(new CenterStaffing(code, 0.0, 0.0, 0.0, 0, 0));
        }
        // Demand is only moved, never made or lost: (7 + 3 + 5 + 0.5) / 2 days = 7.75 points/day before and after.
        assertThat(result.centers().stream().mapToDouble(c -> c.before().demandPointsPerDay()).sum()).isCloseTo(7.75, within(1e-9));
        assertThat(result.centers().stream().mapToDouble(c -> c.after().demandPointsPerDay()).sum()).isCloseTo(7.75, within(1e-9));
    }

    @Test
    void movingChapter85ToMacKeepsHeading8511WithAutAndTiesGoToTheLowerTeamCode() {
        HtsCenterTable proposed = whatIf.propose(new TableChange(List.of(new TableChange.Move("85", null, "MAC"))));
        assertThat(proposed.centerOfHeading(8542).code()).isEqualTo("MAC");
        assertThat(proposed.centerOfHeading(8501).code()).isEqualTo("MAC");
        assertThat(proposed.centerOfHeading(8511).code()).as("heading rule 8511 stays").isEqualTo("AUT");
        assertThat(proposed.centerOfHeading(8471).code()).as("chapter 84 untouched").isEqualTo("ELE");
        assertThat(proposed.centerOfHeading(8481).code()).isEqualTo("MAC");
        // The current table is not changed by a proposal.
        assertThat(standard.centerOfHeading(8542).code()).isEqualTo("ELE");

        // Window 1 day; nobody on any roster.
        //   entry  now in  lines by heading    points  under chapter 85 -> MAC
        //   B1     ELE     8542:2, 8511:1      3.0     MAC 2 vs AUT 1         -> MAC (moved)
        //   B2     AUT     8511:2, 8542:1      2.0     AUT 2 vs MAC 1         -> AUT
        //   B3     AUT     8511:1, 8542:1      1.0     AUT 1 vs MAC 1, tie    -> AUT (003 < 010)
        //   B4     ELE     8471:1, 8542:1      4.0     ELE 1 vs MAC 1, tie    -> ELE (007 < 010)
        // Before: ELE 3 + 4 = 7, AUT 2 + 1 = 3. After: ELE 4, AUT 3, MAC 3.
        Instant filed = NOW.minus(Duration.ofHours(3));
        List<EntryRecord> entries = List.of(
                entry("B1", "ELE", RoutingBasis.HTS, Map.of("8542", 2, "8511", 1), 3.0, filed),
                entry("B2", "AUT", RoutingBasis.HTS, Map.of("8511", 2, "8542", 1), 2.0, filed),
                entry("B3", "AUT", RoutingBasis.HTS, Map.of("8511", 1, "8542", 1), 1.0, filed),
                entry("B4", "ELE", RoutingBasis.HTS, Map.of("8471", 1, "8542", 1), 4.0, filed));

        WhatIfResult result = whatIf.evaluate(new TableChange(List.of(new TableChange.Move("85", null, "MAC"))),
                counts(entries, NOW.minus(Duration.ofDays(1))), 1.0, Map.of());

        assertThat(result.entriesReplayed()).isEqualTo(4);
        assertThat(result.entriesMoved()).isEqualTo(1);
        Map<String, WhatIfResult.CenterChange> centers = byCode(result);
        assertThat(demand(centers, "ELE")).containsExactly(7.0, 4.0);
        assertThat(demand(centers, "AUT")).containsExactly(3.0, 3.0);
        assertThat(demand(centers, "MAC")).containsExactly(0.0, 3.0);
        // No capacity anywhere: MAC goes from idle (0 %) to uncovered (null) and needs ceil(3 / 1.5) = 2.
        assertThat(centers.get("MAC").before()).isEqualTo(new CenterStaffing("MAC", 0.0, 0.0, 0.0, 0, 0));
        assertThat(centers.get("MAC").after()).isEqualTo(new CenterStaffing("MAC", 3.0, 0.0, null, 0, 2));
        // ELE: ceil(7 / 1.5) = ceil(4.67) = 5 -> ceil(4 / 1.5) = ceil(2.67) = 3.
        assertThat(centers.get("ELE").before().requiredSpecialists()).isEqualTo(5);
        assertThat(centers.get("ELE").after().requiredSpecialists()).isEqualTo(3);
    }

    @Test
    void movingChapter84ToEleKeepsHeadings8471And8473WithEle() {
        HtsCenterTable proposed = whatIf.propose(new TableChange(List.of(new TableChange.Move("84", null, "ELE"))));
        assertThat(proposed.centerOfHeading(8481).code()).isEqualTo("ELE");
        assertThat(proposed.centerOfHeading(8401).code()).isEqualTo("ELE");
        assertThat(proposed.centerOfHeading(8471).code()).isEqualTo("ELE");
        assertThat(proposed.centerOfHeading(8473).code()).isEqualTo("ELE");
        assertThat(proposed.centerOfHeading(8201).code()).as("chapter 82 untouched").isEqualTo("MAC");
        assertThat(proposed.centerOfHeading(9018).code()).as("heading rule 9018 untouched").isEqualTo("PHC");

        // Window 1 day.
        //   entry  now in  lines by heading    points  under chapter 84 -> ELE
        //   C1     MAC     8471:1, 8481:2      3.0     ELE 3          -> ELE (moved)
        //   C2     ELE     8473:1, 8542:1      2.0     ELE 2          -> ELE
        //   C3     MAC     8201:1              1.0     MAC            -> MAC
        //   C4     MAC     8481:1, 8431:1      2.5     ELE 2          -> ELE (moved)
        // Before: MAC 3 + 1 + 2.5 = 6.5, ELE 2. After: MAC 1, ELE 2 + 3 + 2.5 = 7.5.
        Instant filed = NOW.minus(Duration.ofHours(3));
        List<EntryRecord> entries = List.of(
                entry("C1", "MAC", RoutingBasis.HTS, Map.of("8471", 1, "8481", 2), 3.0, filed),
                entry("C2", "ELE", RoutingBasis.HTS, Map.of("8473", 1, "8542", 1), 2.0, filed),
                entry("C3", "MAC", RoutingBasis.HTS, Map.of("8201", 1), 1.0, filed),
                entry("C4", "MAC", RoutingBasis.HTS, Map.of("8481", 1, "8431", 1), 2.5, filed));
        // ELE: 3 import = 6.0 points/day; MAC: 4 import = 8.0 points/day.
        Map<String, Map<SpecialistRole, Integer>> specialists = Map.of(
                "ELE", Map.of(IMPORT_SPECIALIST, 3), "MAC", Map.of(IMPORT_SPECIALIST, 4));

        WhatIfResult result = whatIf.evaluate(new TableChange(List.of(new TableChange.Move("84", null, "ELE"))),
                counts(entries, NOW.minus(Duration.ofDays(1))), 1.0, specialists);

        assertThat(result.entriesReplayed()).isEqualTo(4);
        assertThat(result.entriesMoved()).isEqualTo(2);
        Map<String, WhatIfResult.CenterChange> centers = byCode(result);
        // ELE: 2.0 / 6.0 = 33.3 %, required ceil(1.33) = 2 -> 7.5 / 6.0 = 125 %, required ceil(5.0) = 5.
        assertStaffing(centers.get("ELE").before(), 2.0, 6.0, 2.0 / 6.0, 3, 2);
        assertStaffing(centers.get("ELE").after(), 7.5, 6.0, 1.25, 3, 5);
        // MAC: 6.5 / 8.0 = 81.25 %, required ceil(4.33) = 5 -> 1.0 / 8.0 = 12.5 %, required 1.
        assertStaffing(centers.get("MAC").before(), 6.5, 8.0, 0.8125, 4, 5);
        assertStaffing(centers.get("MAC").after(), 1.0, 8.0, 0.125, 4, 1);
    }

    @Test
    void aHeadingMoveWinsOverAChapterMoveInTheSameChangeWhateverTheOrder() {
        // Chapter 84 -> ELE and heading 8471 -> MAC: 8471 goes to MAC, the rest of 84 to ELE.
        for (List<TableChange.Move> moves : List.of(
                List.of(new TableChange.Move(null, "8471", "MAC"), new TableChange.Move("84", null, "ELE")),
                List.of(new TableChange.Move("84", null, "ELE"), new TableChange.Move(null, "8471", "MAC")))) {
            HtsCenterTable proposed = whatIf.propose(new TableChange(moves));
            assertThat(proposed.centerOfHeading(8471).code()).isEqualTo("MAC");
            assertThat(proposed.centerOfHeading(8473).code()).isEqualTo("ELE");
            assertThat(proposed.centerOfHeading(8481).code()).isEqualTo("ELE");
        }
        // An entry 8471:1 + 8481:2 (now MAC) then has MAC 1 vs ELE 2 -> ELE.
        WhatIfResult result = whatIf.evaluate(new TableChange(List.of(new TableChange.Move(null, "8471", "MAC"),
                        new TableChange.Move("84", null, "ELE"))),
                counts(List.of(entry("X", "MAC", RoutingBasis.HTS, Map.of("8471", 1, "8481", 2), 3.0, NOW)),
                        NOW.minus(Duration.ofDays(1))), 1.0, Map.of());
        assertThat(result.entriesMoved()).isEqualTo(1);
        assertThat(demand(byCode(result), "ELE")).containsExactly(0.0, 3.0);
    }

    @Test
    void aCenterCodeInLowerCaseIsTakenAsItsCode() {
        HtsCenterTable proposed = whatIf.propose(new TableChange(List.of(new TableChange.Move(null, "8471", "mac"))));
        assertThat(proposed.centerOfHeading(8471).code()).isEqualTo("MAC");
    }

    @Test
    void tiesGoToTheLowerTeamCodeAndCompanionLinesFollowTheOthers() {
        // One line ELE (007), one line MAC (010): ELE.
        assertThat(WhatIf.route(standard, Map.of("8471", 1, "8481", 1))).isEqualTo("ELE");
        // One line AUT (003), one line MAC (010): AUT.
        assertThat(WhatIf.route(standard, Map.of("8511", 1, "8481", 1))).isEqualTo("AUT");
        // One line PHC (001, heading 9018), one line MAC (chapter 90): PHC.
        assertThat(WhatIf.route(standard, Map.of("9018", 1, "9001", 1))).isEqualTo("PHC");
        // More lines win over a lower team code: MAC 2 vs ELE 1.
        assertThat(WhatIf.route(standard, Map.of("8471", 1, "8481", 2))).isEqualTo("MAC");
        // Chapter 99 lines have no Center of their own: 3 of them do not outvote one MAC line.
        assertThat(WhatIf.route(standard, Map.of("9903", 3, "8481", 1))).isEqualTo("MAC");
        // Only companion lines: the fallback, CPM.
        assertThat(WhatIf.route(standard, Map.of("9903", 2, "9801", 1))).isEqualTo("CPM");
    }

    @Test
    void invalidMovesAreRejectedWithAClearMessage() {
        assertInvalid(new TableChange.Move(null, "84", "MAC"), "A heading is 4 digits, not '84'");
        assertInvalid(new TableChange.Move(null, "847", "MAC"), "A heading is 4 digits, not '847'");
        assertInvalid(new TableChange.Move(null, "84x1", "MAC"), "A heading is 4 digits, not '84x1'");
        assertInvalid(new TableChange.Move("9", null, "MAC"), "A chapter is 2 digits, not '9'");
        assertInvalid(new TableChange.Move("8471", null, "MAC"), "A chapter is 2 digits, not '8471'");
        assertInvalid(new TableChange.Move("84", "8471", "MAC"), "exactly one of chapter or heading");
        assertInvalid(new TableChange.Move(null, null, "MAC"), "exactly one of chapter or heading");
        assertInvalid(new TableChange.Move("84", null, "XYZ"), "Unknown Center 'XYZ'");
        assertInvalid(new TableChange.Move("84", null, null), "Unknown Center 'null'");
        assertInvalid(new TableChange.Move("98", null, "MAC"), "Chapter 98 has no sector of its own and cannot be moved");
        assertInvalid(new TableChange.Move("99", null, "MAC"), "Chapter 99 has no sector of its own and cannot be moved");
        assertInvalid(new TableChange.Move(null, "9903", "MAC"), "Heading 9903 is in chapter 98/99 and cannot be moved");

        // One bad move spoils the whole change, wherever it is in the list, and evaluate says so too.
        TableChange mixed = new TableChange(List.of(new TableChange.Move("85", null, "MAC"), new TableChange.Move("98", null, "ELE")));
        assertThatThrownBy(() -> whatIf.propose(mixed))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Chapter 98");
        assertThatThrownBy(() -> whatIf.evaluate(mixed, List.of(), 1.0, Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Chapter 98");
    }

    // ---------------------------------------------------------------------------------------------

    private void assertInvalid(TableChange.Move move, String message) {
        assertThatThrownBy(() -> whatIf.propose(new TableChange(List.of(move))))
                .as(move.toString())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    /** The counts the tracker publishes for these entries: one per entry, on its day and deciding heading. */
    static List<WorkloadView.HeadingCount> counts(List<EntryRecord> entries, Instant since) {
        long sinceDay = since.getEpochSecond() / 86_400;
        return entries.stream().filter(e -> e.routed() && e.filedAt().getEpochSecond() / 86_400 >= sinceDay)
                .map(e -> new WorkloadView.HeadingCount(e.centerCode(), e.filedAt().getEpochSecond() / 86_400,
                        EntryTracker.whatIfHeading(e), 1, e.workloadPoints()))
                .toList();
    }

    private static EntryRecord entry(String number, String center, RoutingBasis basis, Map<String, Integer> lines,
                                     double points, Instant filedAt) {
        return new EntryRecord(number, center, "01", basis, List.of(), points, lines, filedAt, filedAt.plusSeconds(2),
                EntryStatus.QUEUED, true, null, filedAt.plusSeconds(2));
    }

    private static Map<String, WhatIfResult.CenterChange> byCode(WhatIfResult result) {
        return result.centers().stream().collect(Collectors.toMap(WhatIfResult.CenterChange::centerCode, Function.identity()));
    }

    private static List<Double> demand(Map<String, WhatIfResult.CenterChange> centers, String code) {
        return List.of(centers.get(code).before().demandPointsPerDay(), centers.get(code).after().demandPointsPerDay());
    }

    private static void assertStaffing(CenterStaffing s, double demand, double capacity, double utilization,
                                       int specialists, int required) {
        assertThat(s.demandPointsPerDay()).as(s.centerCode() + " demand").isCloseTo(demand, within(1e-9));
        assertThat(s.capacityPointsPerDay()).as(s.centerCode() + " capacity").isCloseTo(capacity, within(1e-9));
        assertThat(s.utilization()).as(s.centerCode() + " utilization").isCloseTo(utilization, within(1e-9));
        assertThat(s.specialists()).as(s.centerCode() + " specialists").isEqualTo(specialists);
        assertThat(s.requiredSpecialists()).as(s.centerCode() + " required").isEqualTo(required);
    }
}
