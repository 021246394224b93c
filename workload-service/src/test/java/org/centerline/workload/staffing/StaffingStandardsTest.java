package org.centerline.workload.staffing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.centerline.contracts.event.SpecialistRole.DRAWBACK_SPECIALIST;
import static org.centerline.contracts.event.SpecialistRole.ENTRY_SPECIALIST;
import static org.centerline.contracts.event.SpecialistRole.IMPORT_SPECIALIST;

import java.util.HashMap;
import java.util.Map;
import org.centerline.contracts.event.SpecialistRole;
import org.junit.jupiter.api.Test;

/** The staffing settings reject nonsense with a message that says which setting and why. */
class StaffingStandardsTest {

    @Test
    void missingRolesCountAsZeroAndTheMapIsInRoleOrder() {
        StaffingStandards standards = new StaffingStandards(Map.of(IMPORT_SPECIALIST, 10.0), 0.85, 0.15, 2, IMPORT_SPECIALIST);

        assertThat(standards.pointsPerDay()).containsExactly(
                Map.entry(IMPORT_SPECIALIST, 10.0), Map.entry(ENTRY_SPECIALIST, 0.0), Map.entry(DRAWBACK_SPECIALIST, 0.0));
        assertThat(standards.standard(DRAWBACK_SPECIALIST)).isZero();
        assertThat(standards).isEqualTo(new StaffingStandards(
                Map.of(IMPORT_SPECIALIST, 10.0, ENTRY_SPECIALIST, 0.0, DRAWBACK_SPECIALIST, 0.0), 0.85, 0.15, 2, IMPORT_SPECIALIST));
    }

    @Test
    void rejectsInvalidSettingsWithClearMessages() {
        Map<SpecialistRole, Double> ok = Map.of(IMPORT_SPECIALIST, 10.0);
        Map<SpecialistRole, Double> withNull = new HashMap<>();
        withNull.put(IMPORT_SPECIALIST, null);

        assertThatThrownBy(() -> new StaffingStandards(null, 0.85, 0.15, 2, IMPORT_SPECIALIST))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("pointsPerDay");
        assertThatThrownBy(() -> new StaffingStandards(Map.of(IMPORT_SPECIALIST, -1.0), 0.85, 0.15, 2, IMPORT_SPECIALIST))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("IMPORT_SPECIALIST").hasMessageContaining("-1.0");
        assertThatThrownBy(() -> new StaffingStandards(withNull, 0.85, 0.15, 2, IMPORT_SPECIALIST))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pointsPerDay for IMPORT_SPECIALIST");
        assertThatThrownBy(() -> new StaffingStandards(Map.of(IMPORT_SPECIALIST, Double.NaN), 0.85, 0.15, 2, IMPORT_SPECIALIST))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("finite");
        assertThatThrownBy(() -> new StaffingStandards(ok, 0, 0.15, 2, IMPORT_SPECIALIST))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("targetUtilization must be in (0, 1]");
        assertThatThrownBy(() -> new StaffingStandards(ok, 1.2, 0.15, 2, IMPORT_SPECIALIST))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("targetUtilization");
        assertThatThrownBy(() -> new StaffingStandards(ok, 0.85, -0.01, 2, IMPORT_SPECIALIST))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("band must be");
        assertThatThrownBy(() -> new StaffingStandards(ok, 0.85, Double.POSITIVE_INFINITY, 2, IMPORT_SPECIALIST))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("band must be");
        assertThatThrownBy(() -> new StaffingStandards(ok, 0.85, 0.15, -1, IMPORT_SPECIALIST))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("minimumSpecialists must be >= 0");
        assertThatThrownBy(() -> new StaffingStandards(ok, 0.85, 0.15, 2, null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("transferRole");
        assertThatThrownBy(() -> new StaffingStandards(ok, 0.85, 0.15, 2, DRAWBACK_SPECIALIST))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("transferRole DRAWBACK_SPECIALIST must have a positive pointsPerDay standard");
    }

    @Test
    void centerLoadValidatesAndNormalizes() {
        CenterLoad load = new CenterLoad("ELE", 12.5, Map.of(ENTRY_SPECIALIST, 3));
        assertThat(load.specialists()).containsExactly(
                Map.entry(IMPORT_SPECIALIST, 0), Map.entry(ENTRY_SPECIALIST, 3), Map.entry(DRAWBACK_SPECIALIST, 0));
        assertThat(new CenterLoad("ELE", 0, null).count(IMPORT_SPECIALIST)).isZero();
        assertThat(load.plus(IMPORT_SPECIALIST, 2).count(IMPORT_SPECIALIST)).isEqualTo(2);

        assertThatThrownBy(() -> new CenterLoad(" ", 1, Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("centerCode");
        assertThatThrownBy(() -> new CenterLoad("ELE", -1, Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("demandPointsPerDay of ELE");
        assertThatThrownBy(() -> new CenterLoad("ELE", 1, Map.of(IMPORT_SPECIALIST, -2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("IMPORT_SPECIALIST must be >= 0");
    }
}
