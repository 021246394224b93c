package org.centerline.workload.staffing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.centerline.contracts.event.SpecialistRole.DRAWBACK_SPECIALIST;
import static org.centerline.contracts.event.SpecialistRole.ENTRY_SPECIALIST;
import static org.centerline.contracts.event.SpecialistRole.IMPORT_SPECIALIST;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Capacity, utilization and required staffing on worked examples. Standards throughout: import 10
 * points per specialist-day, entry 4, drawback 0 (adds no review capacity), target 85%.
 */
class StaffingModelTest {

    private final StaffingModel model = new StaffingModel(new StaffingStandards(
            Map.of(IMPORT_SPECIALIST, 10.0, ENTRY_SPECIALIST, 4.0, DRAWBACK_SPECIALIST, 0.0),
            0.85, 0.15, 2, IMPORT_SPECIALIST));

    @Test
    void evaluatesCapacityUtilizationAndRequiredStaffing() {
        // ELE: 102 points/day; 8 import, 5 entry, 3 drawback.
        // capacity    = 8 x 10 + 5 x 4 + 3 x 0 = 80 + 20 + 0 = 100 points/day
        // utilization = 102 / 100 = 1.02 (102%)
        // specialists = 8 + 5 = 13 reviewers (drawback has standard 0, so it is not counted)
        // required    = ceil(102 / (10 x 0.85)) = ceil(102 / 8.5) = ceil(12.0) = 12 (exactly 12, not 13)
        CenterStaffing ele = model.evaluate(new CenterLoad("ELE", 102,
                Map.of(IMPORT_SPECIALIST, 8, ENTRY_SPECIALIST, 5, DRAWBACK_SPECIALIST, 3)));

        assertThat(ele).isEqualTo(new CenterStaffing("ELE", 102, 100, 1.02, 13, 12));
    }

    @Test
    void requiredStaffingRoundsUp() {
        // 103 / 8.5 = 12.12 -> 13 import specialists at 85%.
        CenterStaffing ele = model.evaluate(new CenterLoad("ELE", 103, Map.of(IMPORT_SPECIALIST, 8, ENTRY_SPECIALIST, 5)));

        assertThat(ele.requiredSpecialists()).isEqualTo(13);
        assertThat(ele.utilization()).isCloseTo(1.03, within(1e-12));
    }

    @Test
    void requiredStaffingIgnoresFloatNoise() {
        // Import standard 12, target 85%: one specialist covers 12 x 0.85 = 10.2 points/day, and
        // 153 / 10.2 = 15 exactly, but 153 / (12 * 0.85) is 15.000000000000002 in doubles: still 15, not 16.
        StaffingModel twelve = new StaffingModel(new StaffingStandards(Map.of(IMPORT_SPECIALIST, 12.0), 0.85, 0.15, 2, IMPORT_SPECIALIST));
        assertThat(153 / (12 * 0.85)).isGreaterThan(15.0);

        assertThat(twelve.evaluate(new CenterLoad("ELE", 153, Map.of(IMPORT_SPECIALIST, 15))).requiredSpecialists()).isEqualTo(15);
    }

    @Test
    void zeroCapacityWithDemandHasNullUtilizationAndZeroWithoutDemandHasZero() {
        // AGR: 5 points/day and only 3 drawback specialists: capacity 0, utilization undefined (null,
        // never Infinity, which JSON cannot carry); required = ceil(5 / 8.5) = ceil(0.59) = 1.
        CenterStaffing agr = model.evaluate(new CenterLoad("AGR", 5, Map.of(DRAWBACK_SPECIALIST, 3)));
        assertThat(agr).isEqualTo(new CenterStaffing("AGR", 5, 0, null, 0, 1));
        assertThat(agr.uncovered()).isTrue();

        // MAC: no demand, nobody: utilization 0, required 0.
        CenterStaffing mac = model.evaluate(new CenterLoad("MAC", 0, Map.of()));
        assertThat(mac).isEqualTo(new CenterStaffing("MAC", 0, 0, 0.0, 0, 0));
        assertThat(mac.uncovered()).isFalse();
    }

    @Test
    void mostUtilizedFirstPutsUncoveredFirstThenUtilizationThenCode() {
        CenterStaffing uncoveredSmall = new CenterStaffing("AGR", 5, 0, null, 0, 1);
        CenterStaffing uncoveredLarge = new CenterStaffing("PET", 50, 0, null, 0, 6);
        CenterStaffing high = new CenterStaffing("MAC", 120, 100, 1.2, 10, 15);
        CenterStaffing tieB = new CenterStaffing("ELE", 80, 100, 0.8, 10, 10);
        CenterStaffing tieA = new CenterStaffing("CPE", 40, 50, 0.8, 5, 5);

        assertThat(Stream.of(tieB, high, uncoveredSmall, tieA, uncoveredLarge)
                .sorted(CenterStaffing.MOST_UTILIZED_FIRST).map(CenterStaffing::centerCode))
                .containsExactly("PET", "AGR", "MAC", "CPE", "ELE");
    }
}
