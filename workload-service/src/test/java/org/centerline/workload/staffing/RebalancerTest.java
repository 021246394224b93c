package org.centerline.workload.staffing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static org.centerline.contracts.event.SpecialistRole.DRAWBACK_SPECIALIST;
import static org.centerline.contracts.event.SpecialistRole.ENTRY_SPECIALIST;
import static org.centerline.contracts.event.SpecialistRole.IMPORT_SPECIALIST;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.centerline.contracts.center.Center;
import org.centerline.contracts.center.Centers;
import org.centerline.contracts.event.SpecialistRole;
import org.junit.jupiter.api.Test;

/**
 * Transfers and hires on worked examples computed by hand. Standards throughout, unless a test says
 * otherwise: import 10 points per specialist-day, entry 5, drawback 0; target 85%; band 15 points;
 * every Center keeps at least 2 import specialists; import specialists transfer and are hired.
 * At 85%, one import specialist covers 10 x 0.85 = 8.5 points/day.
 */
class RebalancerTest {

    private static final Map<SpecialistRole, Double> STANDARD =
            Map.of(IMPORT_SPECIALIST, 10.0, ENTRY_SPECIALIST, 5.0, DRAWBACK_SPECIALIST, 0.0);

    private static Rebalancer rebalancer(double band, int minimum) {
        return new Rebalancer(new StaffingModel(new StaffingStandards(STANDARD, 0.85, band, minimum, IMPORT_SPECIALIST)));
    }

    private static final Rebalancer DEFAULT = rebalancer(0.15, 2);

    private static CenterLoad load(String code, double demand, int imports) {
        return new CenterLoad(code, demand, Map.of(IMPORT_SPECIALIST, imports));
    }

    private static Map<String, CenterStaffing> byCode(List<CenterStaffing> staffing) {
        return staffing.stream().collect(Collectors.toMap(CenterStaffing::centerCode, Function.identity()));
    }

    @Test
    void twoCentersMoveExactlyAsManySpecialistsAsTheBandNeeds() {
        // ELE 120 points/day, 10 import -> capacity 100, 120%.  AGR 40 points/day, 10 import -> 40%.
        // Spread 80 points > 15. Each move takes one from AGR (least) to ELE (most):
        //   move 1: ELE 11 -> 120/110 = 109.1%, AGR 9 -> 40/90 = 44.4%, spread 64.6
        //   move 2: ELE 12 -> 100.0%,           AGR 8 -> 50.0%,         spread 50.0
        //   move 3: ELE 13 ->  92.3%,           AGR 7 -> 57.1%,         spread 35.2
        //   move 4: ELE 14 ->  85.7%,           AGR 6 -> 66.7%,         spread 19.0
        //   move 5: ELE 15 ->  80.0%,           AGR 5 -> 80.0%,         spread  0.0 (inside the band, stop)
        // Total demand 160 <= 85% of 200 = 170: no hires.
        Recommendations r = DEFAULT.recommend(List.of(load("ELE", 120, 10), load("AGR", 40, 10)));

        assertThat(r.transfers()).containsExactly(new Transfer("AGR", "ELE", IMPORT_SPECIALIST, 5,
                "ELE runs at 120% of capacity (120.0 points/day against 100.0) and AGR at 40%; "
                        + "moving 5 import specialists brings them to 80% and 80%, inside the 15-point band"));
        assertThat(r.hires()).isEmpty();
        // before/after in Center code order; required = ceil(120 / 8.5) = 15 and ceil(40 / 8.5) = 5.
        assertThat(r.before()).containsExactly(
                new CenterStaffing("AGR", 40, 100, 0.4, 10, 5),
                new CenterStaffing("ELE", 120, 100, 1.2, 10, 15));
        assertThat(r.after()).containsExactly(
                new CenterStaffing("AGR", 40, 50, 0.8, 5, 5),
                new CenterStaffing("ELE", 120, 150, 0.8, 15, 15));
    }

    @Test
    void neverTransfersBelowTheMinimum() {
        // Same two Centers, but every Center keeps at least 8 import specialists: AGR can give 2.
        //   move 1: ELE 11 -> 109.1%, AGR 9 -> 44.4%
        //   move 2: ELE 12 -> 100.0%, AGR 8 -> 50.0%, spread 50 points, AGR at its minimum: stop.
        Recommendations r = rebalancer(0.15, 8).recommend(List.of(load("ELE", 120, 10), load("AGR", 40, 10)));

        assertThat(r.transfers()).containsExactly(new Transfer("AGR", "ELE", IMPORT_SPECIALIST, 2,
                "ELE runs at 120% of capacity (120.0 points/day against 100.0) and AGR at 40%; "
                        + "moving 2 import specialists brings them to 100% and 50%, a spread of 50 points (ELE 100% to AGR 50%), "
                        + "as close to the 15-point band as moves of whole specialists allow without taking any Center below 8 import specialists"));
        assertThat(byCode(r.after()).get("AGR").specialists()).isEqualTo(8);
    }

    @Test
    void theLeastUtilizedCenterAtItsMinimumKeepsItsSpecialistsAndTheNextGives() {
        // ELE 120 points/day, 10 import            -> 100 capacity, 120%
        // AGR  10 points/day, 2 import + 4 entry   -> 20 + 20 = 40 capacity, 25% (least, but at the minimum of 2 import;
        //                                             its entry specialists do not count toward the minimum)
        // MAC  60 points/day, 10 import            -> 60%
        // Donor is MAC:
        //   move 1: ELE 11 -> 109.1%, MAC 9 -> 66.7%, spread 109.1 - 25 = 84.1 (was 95)
        //   move 2: ELE 12 -> 100.0%, MAC 8 -> 75.0%, spread 75.0
        //   move 3: ELE 13 ->  92.3%, MAC 7 -> 85.7%, spread 67.3
        //   move 4 would give ELE 14 -> 85.7%, MAC 6 -> 100%: spread 75 > 67.3, not narrower: stop.
        // Total demand 190 <= 85% of 240 = 204: no hires.
        Recommendations r = DEFAULT.recommend(List.of(
                load("ELE", 120, 10),
                new CenterLoad("AGR", 10, Map.of(IMPORT_SPECIALIST, 2, ENTRY_SPECIALIST, 4)),
                load("MAC", 60, 10)));

        assertThat(r.transfers()).extracting(Transfer::fromCenter, Transfer::toCenter, Transfer::count)
                .containsExactly(tuple("MAC", "ELE", 3));
        assertThat(r.transfers().get(0).reason()).endsWith(
                "moving 3 import specialists brings them to 92% and 86%, a spread of 67 points (ELE 92% to AGR 25%), "
                        + "as close to the 15-point band as moves of whole specialists allow without taking any Center below 2 import specialists");
        Map<String, CenterStaffing> after = byCode(r.after());
        assertThat(after.get("AGR")).isEqualTo(byCode(r.before()).get("AGR"));
        assertThat(after.get("AGR").specialists()).isEqualTo(6);
        assertThat(r.hires()).isEmpty();
    }

    @Test
    void noMovesInsideTheBandAndNoHiresAtExactlyTheTarget() {
        // ELE 90/100 = 90%, AGR 80/100 = 80%: spread 10 points <= 15, nothing moves.
        // Total demand 170 = 85% of 200 exactly: does not exceed it, no hires.
        Recommendations r = DEFAULT.recommend(List.of(load("ELE", 90, 10), load("AGR", 80, 10)));

        assertThat(r.transfers()).isEmpty();
        assertThat(r.hires()).isEmpty();
        assertThat(r.after()).isEqualTo(r.before());
    }

    @Test
    void hiresWhenTotalDemandExceedsTargetCapacityToTheMostUtilized() {
        // Band 20 points. ELE 110/100 = 110%, AGR 100/100 = 100%, MAC 94/100 = 94%: spread 16, no transfers.
        // Total demand 304 > 85% of 300 = 255.
        // Hires = ceil((304 / 0.85 - 300) / 10) = ceil((357.6 - 300) / 10) = ceil(5.76) = 6, one at a time:
        //   1: ELE (110%)   -> 11 -> 100.0%
        //   2: AGR (100%; ties ELE at 100%, AGR first by code) -> 11 -> 90.9%
        //   3: ELE (100%)   -> 12 -> 91.7%
        //   4: MAC (94%)    -> 11 -> 85.5%
        //   5: ELE (91.7%)  -> 13 -> 84.6%
        //   6: AGR (90.9%)  -> 12 -> 83.3%
        // ELE 3, AGR 2, MAC 1, in the order each first got one. Afterwards 304 / 360 = 84.4% <= 85%.
        Recommendations r = rebalancer(0.20, 2).recommend(List.of(load("ELE", 110, 10), load("AGR", 100, 10), load("MAC", 94, 10)));

        String why = "Total demand 304 points/day exceeds 85% of total capacity (300): 6 more import specialists needed; ";
        assertThat(r.transfers()).isEmpty();
        assertThat(r.hires()).containsExactly(
                new Hire("ELE", IMPORT_SPECIALIST, 3, why + "ELE is the most utilized (110%); hiring 3 brings it to 85%"),
                new Hire("AGR", IMPORT_SPECIALIST, 2, why + "AGR is the next most utilized (100%); hiring 2 brings it to 83%"),
                new Hire("MAC", IMPORT_SPECIALIST, 1, why + "MAC is the next most utilized (94%); hiring 1 brings it to 85%"));
        assertThat(r.after()).extracting(CenterStaffing::centerCode, CenterStaffing::specialists)
                .containsExactly(
                        tuple("AGR", 12),
                        tuple("ELE", 13),
                        tuple("MAC", 11));
    }

    @Test
    void transfersFirstThenHiresGoToTheMostUtilizedAfterTransfers() {
        // ELE 150/100 = 150%, AGR 60/100 = 60%.
        //   move 1: ELE 11 -> 136.4%, AGR 9 ->  66.7%, spread 69.7
        //   move 2: ELE 12 -> 125.0%, AGR 8 ->  75.0%, spread 50.0
        //   move 3: ELE 13 -> 115.4%, AGR 7 ->  85.7%, spread 29.7
        //   move 4: ELE 14 -> 107.1%, AGR 6 -> 100.0%, spread  7.1, inside the band
        // Total demand 210 > 85% of 200 = 170: hires = ceil((210 / 0.85 - 200) / 10) = ceil(4.71) = 5:
        //   1: ELE (107.1%) -> 15 -> 100.0%
        //   2: AGR (100%; ties ELE at 100%, AGR first by code) -> 7 -> 85.7%
        //   3: ELE (100%)   -> 16 -> 93.75%
        //   4: ELE (93.75%) -> 17 -> 88.2%
        //   5: ELE (88.2%)  -> 18 -> 83.3%
        Recommendations r = DEFAULT.recommend(List.of(load("ELE", 150, 10), load("AGR", 60, 10)));

        assertThat(r.transfers()).containsExactly(new Transfer("AGR", "ELE", IMPORT_SPECIALIST, 4,
                "ELE runs at 150% of capacity (150.0 points/day against 100.0) and AGR at 60%; "
                        + "moving 4 import specialists brings them to 107% and 100%, inside the 15-point band"));
        String why = "Total demand 210 points/day exceeds 85% of total capacity (200): 5 more import specialists needed; ";
        assertThat(r.hires()).containsExactly(
                new Hire("ELE", IMPORT_SPECIALIST, 4, why + "ELE is the most utilized after transfers (107%); hiring 4 brings it to 83%"),
                new Hire("AGR", IMPORT_SPECIALIST, 1, why + "AGR is the next most utilized after transfers (100%); hiring 1 brings it to 86%"));
        // after = after transfers and hires: AGR 7 -> 60/70, ELE 18 -> 150/180.
        assertThat(r.after()).containsExactly(
                new CenterStaffing("AGR", 60, 70, 60.0 / 70, 7, 8),
                new CenterStaffing("ELE", 150, 180, 150.0 / 180, 18, 18));
    }

    @Test
    void oneCenterOverTargetHiresExactlyEnoughAndReasonsGroupThousands() {
        // One Center, ELE: 1,020 points/day, 90 import -> 900 capacity, 113%. Nobody to transfer from.
        // Hires = (1020 / 0.85 - 900) / 10 = (1200 - 900) / 10 = 30 exactly. Afterwards 1020 / 1200 = 85%.
        Recommendations r = DEFAULT.recommend(List.of(load("ELE", 1020, 90)));

        assertThat(r.transfers()).isEmpty();
        assertThat(r.hires()).containsExactly(new Hire("ELE", IMPORT_SPECIALIST, 30,
                "Total demand 1,020 points/day exceeds 85% of total capacity (900): 30 more import specialists needed; "
                        + "ELE is the most utilized (113%); hiring 30 brings it to 85%"));
    }

    @Test
    void aCenterWithDemandAndNoCapacityIsMostUtilizedAndReceivesFirst() {
        // ELE 50 points/day and nobody: no capacity (utilization null). AGR 40/100 = 40%. MAC 60/100 = 60%.
        // While ELE has no capacity the spread is unbounded; ELE receives, the least utilized gives:
        //   move 1: AGR -> ELE: ELE 1 -> 500%,   AGR 9 -> 44.4%               (ELE now has capacity)
        //   move 2: AGR -> ELE: ELE 2 -> 250%,   AGR 8 -> 50.0%, spread 200
        //   move 3: AGR -> ELE: ELE 3 -> 166.7%, AGR 7 -> 57.1%, spread 109.5
        //   move 4: AGR -> ELE: ELE 4 -> 125%,   AGR 6 -> 66.7%, spread 125 - 60 (MAC) = 65
        //   move 5: MAC -> ELE: ELE 5 -> 100%,   MAC 9 -> 66.7%, spread 33.3
        //   move 6: AGR -> ELE (AGR 40/60 and MAC 60/90 tie at 66.7%, AGR first by code):
        //           ELE 6 -> 83.3%, AGR 5 -> 80%, spread 83.3 - 66.7 = 16.7
        //   move 7: MAC -> ELE: ELE 7 -> 71.4%, MAC 8 -> 75%, spread 80 (AGR) - 71.4 = 8.6, inside the band
        // AGR -> ELE 5 and MAC -> ELE 2, in the order of their first move. Total 150 <= 170: no hires.
        Recommendations r = DEFAULT.recommend(List.of(
                new CenterLoad("ELE", 50, Map.of()), load("AGR", 40, 10), load("MAC", 60, 10)));

        assertThat(byCode(r.before()).get("ELE")).isEqualTo(new CenterStaffing("ELE", 50, 0, null, 0, 6));
        assertThat(r.transfers()).containsExactly(
                new Transfer("AGR", "ELE", IMPORT_SPECIALIST, 5,
                        "ELE has 50.0 points/day of demand and no review capacity, and AGR runs at 40%; "
                                + "moving 5 import specialists brings them to 71% and 80%, inside the 15-point band"),
                new Transfer("MAC", "ELE", IMPORT_SPECIALIST, 2,
                        "ELE has 50.0 points/day of demand and no review capacity, and MAC runs at 60%; "
                                + "moving 2 import specialists brings them to 71% and 75%, inside the 15-point band"));
        assertThat(r.hires()).isEmpty();
        assertThat(r.after()).extracting(CenterStaffing::centerCode, CenterStaffing::specialists)
                .containsExactly(
                        tuple("AGR", 5),
                        tuple("ELE", 7),
                        tuple("MAC", 8));
    }

    @Test
    void aCenterWithNoCapacityThatNoOneCanStaffGetsHiredIntoTheBandFirst() {
        // ELE 50 points/day and nobody; AGR 80 points/day with 2 import (its minimum) -> 400%. Both are over
        // capacity: hires first, most utilized first, each to at most target + band = 100%:
        //   ELE (no capacity): ceil(50 / 10) = 5 -> 100%;  AGR: ceil(80 / 10 - 2) = 6 -> 8 specialists, 100%.
        // Spread 0: no transfers. Total demand 130 > 85% of 130 = 110.5: ceil((130 / 0.85 - 130) / 10) = 3 more:
        //   AGR 9 -> 88.9% (tie at 100%, AGR first by code); ELE 6 -> 83.3%; AGR 10 -> 80%.
        Recommendations r = DEFAULT.recommend(List.of(new CenterLoad("ELE", 50, Map.of()), load("AGR", 80, 2)));

        assertThat(r.hiresFirst()).isTrue();
        assertThat(r.transfers()).isEmpty();
        assertThat(r.hires()).extracting(Hire::centerCode, Hire::count).containsExactly(
                tuple("ELE", 5), tuple("AGR", 6), tuple("AGR", 2), tuple("ELE", 1));
        assertThat(r.hires().get(0).reason()).isEqualTo("Every Center runs over its capacity, so no Center can spare a "
                + "specialist; ELE has 50.0 points/day of demand and no review capacity: hiring 5 import specialists "
                + "brings it to 100%, within the band (at most 100%)");
        assertThat(r.hires().get(2).reason()).isEqualTo(
                "Total demand 130 points/day exceeds 85% of total capacity (130): 3 more import specialists needed; "
                        + "AGR is the most utilized after the hires above (100%); hiring 2 brings it to 80%");
        assertThat(r.after()).allSatisfy(c -> assertThat(c.utilization()).isNotNull());
    }

    @Test
    void atNationalNumbersWithEveryCenterOverCapacityHiresComeFirstAndNobodyMovesOutOfAnOverloadedCenter() {
        // PNG 6,480 points/day with 100 import (capacity 1,000) -> 648%; ELE 1,200 with 100 -> 120%;
        // AGR 1,100 with 100 -> 110%. Every Center is over capacity: moving PNG's people would only
        // overload another Center. Hires first, each to at most 100% (target 85 + band 15):
        //   PNG: ceil(648 - 100) = 548 -> 648 specialists, 100%;  ELE: 20 -> 100%;  AGR: 10 -> 100%.
        // Then the spread is 0: no transfers. Total demand 8,780 > 85% of 8,780: ceil((8,780 / 0.85 - 8,780) / 10)
        // = ceil(154.94) = 155 more, to the most utilized one at a time.
        Recommendations r = DEFAULT.recommend(List.of(load("ELE", 1200, 100), load("PNG", 6480, 100), load("AGR", 1100, 100)));

        assertThat(r.hiresFirst()).isTrue();
        assertThat(r.transfers()).isEmpty();
        assertThat(r.hires()).extracting(Hire::centerCode, Hire::count).startsWith(
                tuple("PNG", 548), tuple("ELE", 20), tuple("AGR", 10));
        assertThat(r.hires().get(0).reason()).startsWith("Every Center runs over its capacity, so no Center can spare a "
                + "specialist; PNG runs at 648% (6,480.0 points/day against 1,000.0): hiring 548 import specialists "
                + "brings it to 100%");
        assertThat(r.hires().stream().skip(3).mapToInt(Hire::count).sum()).isEqualTo(155);
        assertThat(r.after()).allSatisfy(c -> assertThat(c.utilization()).isLessThanOrEqualTo(0.86));
    }

    @Test
    void aCenterOverTheBandNeverGivesEvenWhenAnotherCenterIsWorse() {
        // ELE 300 points/day with 10 -> 300%; MAC 120 with 10 -> 120% (over target + band = 100%);
        // AGR 20 with 10 -> 20%. Not every Center is over capacity: transfers, but only AGR may give.
        // AGR gives down to its minimum of 2 (8 moves: ELE 18 -> 166.7%, AGR 2 -> 100%); MAC keeps its 10.
        Recommendations r = DEFAULT.recommend(List.of(load("ELE", 300, 10), load("MAC", 120, 10), load("AGR", 20, 10)));

        assertThat(r.hiresFirst()).isFalse();
        assertThat(r.transfers()).extracting(Transfer::fromCenter, Transfer::toCenter, Transfer::count)
                .containsExactly(tuple("AGR", "ELE", 8));
        assertThat(r.transfers()).noneMatch(t -> t.fromCenter().equals("MAC"));
    }

    @Test
    void aCenterWithNeitherDemandNorCapacityTakesNoPartInTheSpread() {
        // The two-Center example plus CPE with no demand and nobody (utilization 0): the same 5 moves,
        // and CPE's 0% does not hold the spread open.
        Recommendations r = DEFAULT.recommend(List.of(
                load("ELE", 120, 10), load("AGR", 40, 10), new CenterLoad("CPE", 0, Map.of())));

        assertThat(r.transfers()).extracting(Transfer::fromCenter, Transfer::toCenter, Transfer::count)
                .containsExactly(tuple("AGR", "ELE", 5));
        assertThat(r.transfers().get(0).reason()).endsWith("inside the 15-point band");
        assertThat(byCode(r.after()).get("CPE")).isEqualTo(new CenterStaffing("CPE", 0, 0, 0.0, 0, 0));
    }

    @Test
    void tenCentersGiveTheSameAnswerWhateverTheInputOrder() {
        // Ten Centers with uneven demand and rosters (seeded, so the same every run).
        Random random = new Random(4);
        List<CenterLoad> loads = new ArrayList<>();
        for (Center center : Centers.all()) {
            loads.add(new CenterLoad(center.code(), 20 + random.nextInt(200), Map.of(
                    IMPORT_SPECIALIST, 2 + random.nextInt(12),
                    ENTRY_SPECIALIST, random.nextInt(4),
                    DRAWBACK_SPECIALIST, random.nextInt(3))));
        }
        assertThat(loads).hasSize(10);

        Recommendations expected = DEFAULT.recommend(loads);
        for (long seed = 0; seed < 20; seed++) {
            List<CenterLoad> shuffled = new ArrayList<>(loads);
            Collections.shuffle(shuffled, new Random(seed));
            assertThat(DEFAULT.recommend(shuffled)).isEqualTo(expected);
        }
        List<CenterLoad> reversed = new ArrayList<>(loads);
        Collections.reverse(reversed);
        assertThat(DEFAULT.recommend(reversed)).isEqualTo(expected);

        // Before and after in Center code order; every transfer and hire explains itself in numbers;
        // nobody went below the minimum that had it; specialists are conserved except for hires.
        List<String> codes = Centers.all().stream().map(Center::code).sorted().toList();
        assertThat(expected.before()).extracting(CenterStaffing::centerCode).containsExactlyElementsOf(codes);
        assertThat(expected.after()).extracting(CenterStaffing::centerCode).containsExactlyElementsOf(codes);
        assertThat(expected.transfers()).isNotEmpty().allSatisfy(t -> assertThat(t.reason()).matches(".*\\d+%.*\\d+%.*"));
        int hired = expected.hires().stream().mapToInt(Hire::count).sum();
        int before = expected.before().stream().mapToInt(CenterStaffing::specialists).sum();
        int after = expected.after().stream().mapToInt(CenterStaffing::specialists).sum();
        assertThat(after).isEqualTo(before + hired);
        Map<String, Long> outflow = expected.transfers().stream()
                .collect(Collectors.groupingBy(Transfer::fromCenter, Collectors.summingLong(Transfer::count)));
        for (CenterLoad load : loads) {
            long gave = outflow.getOrDefault(load.centerCode(), 0L);
            if (gave > 0) {
                assertThat(load.count(IMPORT_SPECIALIST) - gave).isGreaterThanOrEqualTo(2);
            }
        }
    }

    @Test
    void noCentersNoRecommendationsAndDuplicatesAreRejected() {
        assertThat(DEFAULT.recommend(List.of())).isEqualTo(new Recommendations(List.of(), List.of(), List.of(), List.of()));
        assertThatThrownBy(() -> DEFAULT.recommend(List.of(load("ELE", 1, 2), load("ELE", 3, 4))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Center ELE appears more than once");
    }
}
