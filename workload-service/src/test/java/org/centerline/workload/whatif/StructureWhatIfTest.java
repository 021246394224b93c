package org.centerline.workload.whatif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.centerline.contracts.event.SpecialistRole.DRAWBACK_SPECIALIST;
import static org.centerline.contracts.event.SpecialistRole.ENTRY_SPECIALIST;
import static org.centerline.contracts.event.SpecialistRole.IMPORT_SPECIALIST;

import java.util.List;
import java.util.Map;
import org.centerline.contracts.center.Centers;
import org.centerline.contracts.center.HtsCenterTable;
import org.centerline.contracts.event.SpecialistRole;
import org.centerline.workload.counters.WorkloadView.HeadingCount;
import org.centerline.workload.staffing.CenterStaffing;
import org.centerline.workload.staffing.StaffingModel;
import org.centerline.workload.staffing.StaffingStandards;
import org.centerline.workload.whatif.TableChange.Merge;
import org.centerline.workload.whatif.TableChange.Move;
import org.centerline.workload.whatif.TableChange.NewCenter;
import org.centerline.workload.whatif.TableChange.StaffMove;
import org.centerline.workload.whatif.WhatIfResult.Change;
import org.centerline.workload.whatif.WhatIfResult.Volume;
import org.junit.jupiter.api.Test;

/**
 * The structure what-if (new Centers, merges, splits, staff moves) on hand-computed cases, under the
 * shipped HTS -> Center table (DOMAIN.md): chapters 50-67 -> AFT, 91-97 -> CPM, 25-27 -> PNG, 85 -> ELE
 * with heading 8511 -> AUT, 84 -> MAC with headings 8471 and 8473 -> ELE.
 *
 * <p>Standards: import specialist 2 points/day, entry specialist 1, drawback 0, target utilization 75%:
 * one import specialist covers 1.5 points/day at target, so required = ceil(demand / 1.5). Counts are
 * given directly as the tracker publishes them (Center, day, deciding heading, entries, points, lines);
 * heading {@code -} is an account-based entry (no deciding heading).
 */
class StructureWhatIfTest {

    private static final long DAY = 20_500;

    private final StaffingModel model = new StaffingModel(new StaffingStandards(
            Map.of(IMPORT_SPECIALIST, 2.0, ENTRY_SPECIALIST, 1.0, DRAWBACK_SPECIALIST, 0.0), 0.75, 0.15, 1, IMPORT_SPECIALIST));
    private final WhatIf whatIf = new WhatIf(HtsCenterTable.standard(), model);

    @Test
    void aNewEcommerceCenterTakesChapters61To64And95WithThreeSpecialistsFromPng() {
        // Window 2 days.
        //   Center  heading  entries points lines   chapter -> proposed
        //   AFT     6109     4       8.0    10      61 -> ECS
        //   AFT     6109     1       2.0     1      61 -> ECS (the next day: the same heading, counted once)
        //   AFT     6403     2       6.0     3      64 -> ECS
        //   AFT     5208     3       9.0     5      52 stays AFT
        //   AFT     -        1       2.0     4      account-based: stays AFT
        //   CPM     9503     5       5.0     7      95 -> ECS
        //   CPM     9403     2       4.0     2      94 stays CPM
        //   PNG     2709     6      12.0     6      stays PNG
        // Replayed 24, moved 4 + 1 + 2 + 5 = 12.
        // Rosters: AFT 2 import; CPM 1 import + 1 entry; PNG 5 import; 3 import move PNG -> ECS.
        // AFT before: 11 entries, 23 lines, 3 headings; 27 points -> 13.5/day, capacity 4 -> 3.375, required ceil(9) = 9
        // AFT after:   4 entries,  9 lines, 1 heading;  11 points ->  5.5/day, capacity 4 -> 1.375, required ceil(3.67) = 4
        // CPM before:  7 entries,  9 lines, 2 headings;  9 points ->  4.5/day, capacity 3 -> 1.5,   required 3
        // CPM after:   2 entries,  2 lines, 1 heading;   4 points ->  2.0/day, capacity 3 -> 0.667, required ceil(1.33) = 2
        // PNG before and after: 6 entries, 6 lines, 1 heading; 6/day; capacity 10 -> 0.6, 5 specialists;
        //            after 2 specialists, capacity 4 -> 1.5; required ceil(4) = 4 both
        // ECS (new): 12 entries, 21 lines, 3 headings (6109, 6403, 9503); 21 points -> 10.5/day; 3 import,
        //            capacity 6 -> 1.75; required ceil(7) = 7
        List<HeadingCount> counts = List.of(
                new HeadingCount("AFT", DAY, "6109", 4, 8.0, 10),
                new HeadingCount("AFT", DAY + 1, "6109", 1, 2.0, 1),
                new HeadingCount("AFT", DAY, "6403", 2, 6.0, 3),
                new HeadingCount("AFT", DAY, "5208", 3, 9.0, 5),
                new HeadingCount("AFT", DAY, "-", 1, 2.0, 4),
                new HeadingCount("CPM", DAY, "9503", 5, 5.0, 7),
                new HeadingCount("CPM", DAY, "9403", 2, 4.0, 2),
                new HeadingCount("PNG", DAY, "2709", 6, 12.0, 6));
        Map<String, Map<SpecialistRole, Integer>> rosters = Map.of(
                "AFT", Map.of(IMPORT_SPECIALIST, 2),
                "CPM", Map.of(IMPORT_SPECIALIST, 1, ENTRY_SPECIALIST, 1),
                "PNG", Map.of(IMPORT_SPECIALIST, 5));
        TableChange change = new TableChange(
                List.of(new NewCenter("ECS", "E-commerce & Small Business", "Los Angeles", "011")), null,
                List.of(new Move("61", null, "ECS"), new Move("62", null, "ECS"), new Move("63", null, "ECS"),
                        new Move("64", null, "ECS"), new Move("95", null, "ECS")),
                List.of(new StaffMove("PNG", "ECS", "IMPORT_SPECIALIST", 3)));

        WhatIfResult result = whatIf.evaluate(whatIf.proposal(change, rosters::get), counts, 2.0, rosters, Map.of("AFT", 4));

        assertThat(result.entriesReplayed()).isEqualTo(24);
        assertThat(result.entriesMoved()).isEqualTo(12);
        assertThat(result.proposedTableVersion()).isEqualTo("2026.11-1+what-if");
        assertThat(result.centers()).extracting(WhatIfResult.CenterChange::centerCode).containsExactly(
                "PHC", "AGR", "AUT", "AFT", "BME", "PNG", "ELE", "CPM", "IMM", "MAC", "ECS");
        assertThat(result.centers()).extracting(WhatIfResult.CenterChange::change).containsExactly(
                Change.UNCHANGED, Change.UNCHANGED, Change.UNCHANGED, Change.CHANGED, Change.UNCHANGED, Change.CHANGED,
                Change.UNCHANGED, Change.CHANGED, Change.UNCHANGED, Change.UNCHANGED, Change.NEW);
        Map<String, WhatIfResult.CenterChange> c = byCode(result);

        assertThat(c.get("AFT").volumeBefore()).isEqualTo(new Volume(11, 23, 3));
        assertThat(c.get("AFT").volumeAfter()).isEqualTo(new Volume(4, 9, 1));
        assertStaffing(c.get("AFT").before(), 13.5, 4, 3.375, 2, 9);
        assertStaffing(c.get("AFT").after(), 5.5, 4, 1.375, 2, 4);

        assertThat(c.get("CPM").volumeBefore()).isEqualTo(new Volume(7, 9, 2));
        assertThat(c.get("CPM").volumeAfter()).isEqualTo(new Volume(2, 2, 1));
        assertStaffing(c.get("CPM").before(), 4.5, 3, 1.5, 2, 3);
        assertStaffing(c.get("CPM").after(), 2.0, 3, 2.0 / 3, 2, 2);

        assertThat(c.get("PNG").volumeBefore()).isEqualTo(new Volume(6, 6, 1)).isEqualTo(c.get("PNG").volumeAfter());
        assertStaffing(c.get("PNG").before(), 6.0, 10, 0.6, 5, 4);
        assertStaffing(c.get("PNG").after(), 6.0, 4, 1.5, 2, 4);

        WhatIfResult.CenterChange ecs = c.get("ECS");
        assertThat(ecs.name()).isEqualTo("E-commerce & Small Business");
        assertThat(ecs.office()).isEqualTo("Los Angeles");
        assertThat(ecs.before()).isNull();
        assertThat(ecs.volumeBefore()).isEqualTo(Volume.NONE);
        assertThat(ecs.volumeAfter()).isEqualTo(new Volume(12, 21, 3));
        assertStaffing(ecs.after(), 10.5, 6, 1.75, 3, 7);

        assertThat(c.get("ELE").volumeAfter()).isEqualTo(Volume.NONE);
        assertThat(c.get("ELE").name()).isEqualTo(Centers.get("ELE").name());
        // No merge: no importer account changes Center.
        assertThat(result.accountMoves()).isEmpty();
        assertThat(result.importersChangingCenter()).isZero();
    }

    @Test
    void aMergedCenterTakesItsEntriesSpecialistsAndImporterAccountsToTheCenterItMergesInto() {
        // Merge CPM into AFT. Window 1 day.
        //   Center  heading  entries points lines   -> proposed
        //   AFT     6109     4       8.0    10      AFT
        //   AFT     -        1       2.0     4      AFT
        //   CPM     9503     5       5.0     7      AFT (chapter 95 follows CPM)
        //   CPM     -        1       1.0     2      AFT (account-based entries follow the account, which follows CPM)
        //   ELE     8471     2       3.0     2      ELE
        // Replayed 13, moved 6.
        // Rosters: AFT 2 import; CPM 1 import + 1 entry; ELE 1 import.
        // AFT before: 5 entries, 14 lines, 1 heading; 10/day, capacity 4 -> 2.5, 2 specialists, required ceil(6.67) = 7
        // CPM before: 6 entries,  9 lines, 1 heading;  6/day, capacity 3 -> 2.0, 2 specialists, required 4
        // AFT after: 11 entries, 23 lines, 2 headings; 16/day; 3 import + 1 entry, capacity 7 -> 2.2857, 4 specialists,
        //            required ceil(10.67) = 11
        // CPM after: merged (no staffing), no volume. ELE unchanged: 3/day, capacity 2 -> 1.5, required 2.
        // Importer accounts: CPM 12, AFT 3 -> 12 move CPM -> AFT.
        List<HeadingCount> counts = List.of(
                new HeadingCount("AFT", DAY, "6109", 4, 8.0, 10),
                new HeadingCount("AFT", DAY, "-", 1, 2.0, 4),
                new HeadingCount("CPM", DAY, "9503", 5, 5.0, 7),
                new HeadingCount("CPM", DAY, "-", 1, 1.0, 2),
                new HeadingCount("ELE", DAY, "8471", 2, 3.0, 2));
        Map<String, Map<SpecialistRole, Integer>> rosters = Map.of(
                "AFT", Map.of(IMPORT_SPECIALIST, 2),
                "CPM", Map.of(IMPORT_SPECIALIST, 1, ENTRY_SPECIALIST, 1),
                "ELE", Map.of(IMPORT_SPECIALIST, 1));
        TableChange change = new TableChange(null, List.of(new Merge("cpm", "AFT")), null, null);

        WhatIfResult result = whatIf.evaluate(whatIf.proposal(change, rosters::get), counts, 1.0, rosters,
                Map.of("CPM", 12, "AFT", 3));

        assertThat(result.entriesReplayed()).isEqualTo(13);
        assertThat(result.entriesMoved()).isEqualTo(6);
        Map<String, WhatIfResult.CenterChange> c = byCode(result);
        assertThat(result.centers()).hasSize(10);
        assertThat(c.get("CPM").change()).isEqualTo(Change.MERGED);
        assertThat(c.get("CPM").mergedInto()).isEqualTo("AFT");
        assertThat(c.get("CPM").after()).isNull();
        assertThat(c.get("CPM").volumeBefore()).isEqualTo(new Volume(6, 9, 1));
        assertThat(c.get("CPM").volumeAfter()).isEqualTo(Volume.NONE);
        assertStaffing(c.get("CPM").before(), 6.0, 3, 2.0, 2, 4);

        assertThat(c.get("AFT").change()).isEqualTo(Change.CHANGED);
        assertThat(c.get("AFT").mergedInto()).isNull();
        assertThat(c.get("AFT").volumeBefore()).isEqualTo(new Volume(5, 14, 1));
        assertThat(c.get("AFT").volumeAfter()).isEqualTo(new Volume(11, 23, 2));
        assertStaffing(c.get("AFT").before(), 10.0, 4, 2.5, 2, 7);
        assertStaffing(c.get("AFT").after(), 16.0, 7, 16.0 / 7, 4, 11);

        assertThat(c.get("ELE").change()).isEqualTo(Change.UNCHANGED);
        assertStaffing(c.get("ELE").before(), 3.0, 2, 1.5, 1, 2);
        assertStaffing(c.get("ELE").after(), 3.0, 2, 1.5, 1, 2);

        assertThat(result.accountMoves()).containsExactly(new WhatIfResult.AccountMove("CPM", "AFT", 12));
        assertThat(result.importersChangingCenter()).isEqualTo(12);
    }

    @Test
    void aMoveWinsOverAMergeForTheHeadingItMoves() {
        // Merge CPM into AFT but move heading 9503 to ELE: 9503's entries go to ELE, CPM's others to AFT.
        List<HeadingCount> counts = List.of(
                new HeadingCount("CPM", DAY, "9503", 5, 5.0, 7),
                new HeadingCount("CPM", DAY, "9403", 1, 1.0, 1));
        TableChange change = new TableChange(null, List.of(new Merge("CPM", "AFT")),
                List.of(new Move(null, "9503", "ELE")), null);
        WhatIfResult result = whatIf.evaluate(whatIf.proposal(change, c -> Map.of()), counts, 1.0, Map.of(), Map.of());
        Map<String, WhatIfResult.CenterChange> c = byCode(result);
        assertThat(c.get("ELE").volumeAfter()).isEqualTo(new Volume(5, 7, 1));
        assertThat(c.get("AFT").volumeAfter()).isEqualTo(new Volume(1, 1, 1));
        assertThat(result.entriesMoved()).isEqualTo(6);
        assertThat(result.accountMoves()).containsExactly(new WhatIfResult.AccountMove("CPM", "AFT", 0));
    }

    @Test
    void aSplitOfElectronicsGivesComputersTheirOwnCenterAndKeepsHeading8511WithAut() {
        // Split ELE: a new Center CMP (team code 012) takes headings 8471 and 8473 (exceptions ELE holds in MAC's
        // chapter 84) and heading 8517, with 1 of ELE's 3 import specialists. ELE keeps the rest of chapter 85;
        // 8511 stays AUT (its own rule). Window 1 day.
        //   Center  heading  entries points lines   -> proposed
        //   ELE     8471     3       6.0     9      CMP
        //   ELE     8517     2       2.0     2      CMP
        //   ELE     8542     4       4.0     8      ELE
        //   ELE     -        1       1.0     1      ELE (account-based)
        //   AUT     8511     1       1.0     1      AUT
        //   MAC     8481     2       2.0     3      MAC
        // Replayed 13, moved 5.
        // ELE before: 10 entries, 20 lines, 3 headings; 13/day; 3 import, capacity 6 -> 2.1667; required ceil(8.67) = 9
        // ELE after:   5 entries,  9 lines, 1 heading;   5/day; 2 import, capacity 4 -> 1.25;   required ceil(3.33) = 4
        // CMP after:   5 entries, 11 lines, 2 headings;  8/day; 1 import, capacity 2 -> 4.0;    required ceil(5.33) = 6
        List<HeadingCount> counts = List.of(
                new HeadingCount("ELE", DAY, "8471", 3, 6.0, 9),
                new HeadingCount("ELE", DAY, "8517", 2, 2.0, 2),
                new HeadingCount("ELE", DAY, "8542", 4, 4.0, 8),
                new HeadingCount("ELE", DAY, "-", 1, 1.0, 1),
                new HeadingCount("AUT", DAY, "8511", 1, 1.0, 1),
                new HeadingCount("MAC", DAY, "8481", 2, 2.0, 3));
        Map<String, Map<SpecialistRole, Integer>> rosters = Map.of("ELE", Map.of(IMPORT_SPECIALIST, 3));
        TableChange change = new TableChange(List.of(new NewCenter("cmp", "Computers", "San Jose", "012")), null,
                List.of(new Move(null, "8471", "CMP"), new Move(null, "8473", "CMP"), new Move(null, "8517", "CMP")),
                List.of(new StaffMove("ELE", "CMP", "import_specialist", 1)));

        WhatIfResult result = whatIf.evaluate(whatIf.proposal(change, rosters::get), counts, 1.0, rosters, Map.of());

        assertThat(result.entriesReplayed()).isEqualTo(13);
        assertThat(result.entriesMoved()).isEqualTo(5);
        Map<String, WhatIfResult.CenterChange> c = byCode(result);
        assertThat(c.get("ELE").volumeBefore()).isEqualTo(new Volume(10, 20, 3));
        assertThat(c.get("ELE").volumeAfter()).isEqualTo(new Volume(5, 9, 1));
        assertStaffing(c.get("ELE").before(), 13.0, 6, 13.0 / 6, 3, 9);
        assertStaffing(c.get("ELE").after(), 5.0, 4, 1.25, 2, 4);
        assertThat(c.get("CMP").change()).isEqualTo(Change.NEW);
        assertThat(c.get("CMP").volumeAfter()).isEqualTo(new Volume(5, 11, 2));
        assertStaffing(c.get("CMP").after(), 8.0, 2, 4.0, 1, 6);
        assertThat(c.get("AUT").change()).isEqualTo(Change.UNCHANGED);
        assertThat(c.get("AUT").volumeAfter()).isEqualTo(new Volume(1, 1, 1));
        assertThat(c.get("MAC").change()).isEqualTo(Change.UNCHANGED);
    }

    @Test
    void aBadProposalListsEveryFault() {
        // PNG has 5 import specialists; CPM is merged away.
        TableChange change = new TableChange(
                List.of(new NewCenter("ELE", "Electronics again", null, "007"),
                        new NewCenter("ECS", "E-commerce & Small Business", "Los Angeles", "011"),
                        new NewCenter("ECS", " ", null, "011"),
                        new NewCenter("e1", "y", null, null)),
                List.of(new Merge("CPM", "AFT"), new Merge("AFT", "MAC"), new Merge("XXX", "AFT"), new Merge("BME", "bme")),
                List.of(new Move("61", null, "ECS"), new Move("61", null, "AFT"), new Move("98", null, "ECS"),
                        new Move(null, "95", "ECS"), new Move(null, "9503", "CPM"), new Move("62", null, "ZZZ"),
                        new Move("63", "6301", "ECS")),
                List.of(new StaffMove("PNG", "ECS", "IMPORT_SPECIALIST", 3), new StaffMove("PNG", "ECS", "IMPORT_SPECIALIST", 3),
                        new StaffMove("PNG", "ECS", "CHEMIST", 1), new StaffMove("PNG", "ECS", "ENTRY_SPECIALIST", 0),
                        new StaffMove("CPM", "PNG", "ENTRY_SPECIALIST", 1), new StaffMove("PNG", "png", "IMPORT_SPECIALIST", 1)));

        assertThatThrownBy(() -> whatIf.proposal(change, code -> "PNG".equals(code) ? Map.of(IMPORT_SPECIALIST, 5) : Map.of()))
                .isInstanceOfSatisfying(InvalidProposal.class, e -> {
                    assertThat(e.faults()).extracting(Fault::field).containsExactly(
                            "newCenters[0].code", "newCenters[0].teamCode",
                            "newCenters[2].code", "newCenters[2].name", "newCenters[2].teamCode",
                            "newCenters[3].code",
                            "merges[2].from", "merges[3].into", "merges[0].into", "merges[2].into",
                            "moves[1].toCenter", "moves[1].chapter", "moves[2].chapter", "moves[3].heading",
                            "moves[4].toCenter", "moves[5].toCenter", "moves[6]",
                            "staff[1].count", "staff[2].role", "staff[3].count", "staff[4].from", "staff[5].to");
                    assertThat(message(e, "newCenters[0].code")).isEqualTo("Center ELE already exists");
                    assertThat(message(e, "newCenters[0].teamCode")).isEqualTo("Team code 007 is already ELE's");
                    assertThat(message(e, "merges[0].into")).contains("AFT is itself merged into MAC");
                    assertThat(message(e, "moves[1].chapter")).contains("Chapter 61 is already moved by moves[0]");
                    assertThat(message(e, "moves[4].toCenter")).contains("CPM is merged away", "move to AFT");
                    assertThat(message(e, "staff[1].count")).contains("PNG has 5 IMPORT_SPECIALIST", "take 6");
                    assertThat(message(e, "staff[2].role")).contains("Unknown role 'CHEMIST'");
                });
    }

    @Test
    void staffMovedOutOfACenterMayIncludeThoseOfTheCentersMergedIntoIt() {
        // Merge CPM (1 import) into AFT (2 import): AFT then has 3 import specialists, and all 3 may move to ECS.
        Map<String, Map<SpecialistRole, Integer>> rosters = Map.of(
                "AFT", Map.of(IMPORT_SPECIALIST, 2),
                "CPM", Map.of(IMPORT_SPECIALIST, 1, ENTRY_SPECIALIST, 1));
        List<NewCenter> ecs = List.of(new NewCenter("ECS", "E-commerce & Small Business", "Los Angeles", "011"));
        TableChange three = new TableChange(ecs, List.of(new Merge("CPM", "AFT")), null,
                List.of(new StaffMove("AFT", "ECS", "IMPORT_SPECIALIST", 3)));
        WhatIfResult result = whatIf.evaluate(whatIf.proposal(three, c -> rosters.getOrDefault(c, Map.of())), List.of(), 1.0,
                rosters, Map.of());
        Map<String, WhatIfResult.CenterChange> c = byCode(result);
        // AFT after: 2 + 1 - 3 = 0 import, CPM's 1 entry specialist; ECS: 3 import.
        assertThat(c.get("AFT").after().specialists()).isEqualTo(1);
        assertThat(c.get("ECS").after().specialists()).isEqualTo(3);

        // Four is one more than AFT has with CPM's.
        TableChange four = new TableChange(ecs, List.of(new Merge("CPM", "AFT")), null,
                List.of(new StaffMove("AFT", "ECS", "IMPORT_SPECIALIST", 4)));
        assertThatThrownBy(() -> whatIf.proposal(four, c2 -> rosters.getOrDefault(c2, Map.of())))
                .isInstanceOfSatisfying(InvalidProposal.class, e -> assertThat(message(e, "staff[0].count"))
                        .contains("AFT has 3 IMPORT_SPECIALIST"));
    }

    @Test
    void anEmptyProposalIsAFault() {
        assertThatThrownBy(() -> whatIf.proposal(new TableChange(List.of(), List.of(), List.of(), List.of()), c -> Map.of()))
                .isInstanceOfSatisfying(InvalidProposal.class, e -> assertThat(e.faults()).extracting(Fault::field)
                        .containsExactly("moves"));
        assertThatThrownBy(() -> whatIf.proposal(null, c -> Map.of())).isInstanceOf(InvalidProposal.class);
    }

    @Test
    void theRostersAreReadOnlyForStaffMoves() {
        TableChange change = new TableChange(List.of(new Move("85", null, "MAC")));
        Proposal p = whatIf.proposal(change, c -> {
            throw new AssertionError("read the roster of " + c);
        });
        assertThat(p.destination(8501)).isEqualTo("MAC");
        assertThat(p.destination(8511)).isNull();
    }

    private static String message(InvalidProposal e, String field) {
        return e.faults().stream().filter(f -> f.field().equals(field)).findFirst().orElseThrow().message();
    }

    private static Map<String, WhatIfResult.CenterChange> byCode(WhatIfResult result) {
        return result.centers().stream().collect(java.util.stream.Collectors.toMap(WhatIfResult.CenterChange::centerCode,
                java.util.function.Function.identity()));
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
