package org.centerline.contracts.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.centerline.contracts.center.Centers;
import org.centerline.contracts.center.ReferenceTable;
import org.centerline.contracts.event.RoutingFlag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** points = base(entry type) + perLine x (lines - 1) + sum of flag weights (workload-model.table). */
class WorkloadModelTest {

    private static final WorkloadModel MODEL = WorkloadModel.standard();

    @Test
    void hasAVersion() {
        assertThat(MODEL.version()).isEqualTo("2026.12-2");
    }

    /** Values pinned from workload-model.table 2026.12-2: a change of weights is a change of version. */
    @ParameterizedTest(name = "type {0}, {1} lines -> {2}")
    @CsvSource({
            "01,1,1.0", "01,2,1.1", "01,11,2.0", "02,1,1.2", "03,1,1.5", "03,4,1.8", "07,1,1.8",
            "11,1,0.5", "12,3,0.8", "13,2,0.6", "86,1,0.2", "86,2,0.3",
            // types without a row of their own take the default base
            "04,1,1.0", "21,5,1.4"})
    void baseByTypePlusPerExtraLine(String type, int lines, double points) {
        assertThat(MODEL.points(type, lines, List.of())).isEqualTo(points);
    }

    @Test
    void flagsAddTheirWeights() {
        assertThat(MODEL.points("01", 1, List.of(RoutingFlag.ADCVD))).isEqualTo(2.0);
        assertThat(MODEL.points("01", 1, List.of(RoutingFlag.SECTION_301))).isEqualTo(1.5);
        assertThat(MODEL.points("01", 1, List.of(RoutingFlag.SECTION_232, RoutingFlag.SECTION_201))).isEqualTo(2.0);
        assertThat(MODEL.points("01", 1, List.of(RoutingFlag.REFILED))).isEqualTo(1.25);
        assertThat(MODEL.points("86", 1, List.of(RoutingFlag.LOW_VALUE))).isEqualTo(0.2);
        assertThat(MODEL.points("03", 3, List.of(RoutingFlag.ADCVD, RoutingFlag.SECTION_301))).isEqualTo(3.2);
    }

    @Test
    void newProgramsAndUflpaAddTheirWeights() {
        assertThat(MODEL.points("01", 1, List.of(RoutingFlag.SECTION_122))).isEqualTo(1.3);
        assertThat(MODEL.points("01", 1, List.of(RoutingFlag.IEEPA))).isEqualTo(1.4);
        assertThat(MODEL.points("01", 1, List.of(RoutingFlag.UFLPA))).isEqualTo(2.0);
    }

    @Test
    void linesAPartnerAgencyRequiresDataForAddTheirWeight() {
        assertThat(MODEL.points("01", 3, List.of(), 0)).isEqualTo(1.2);
        assertThat(MODEL.points("01", 3, List.of(), 2)).isEqualTo(1.6);
        assertThat(MODEL.points("01", 3, List.of())).isEqualTo(MODEL.points("01", 3, List.of(), 0));
    }

    @Test
    void aLowValueEntryIsLessWorkThanAConsumptionEntry() {
        assertThat(MODEL.points("86", 1, List.of(RoutingFlag.LOW_VALUE))).isLessThan(MODEL.points("01", 1, List.of()));
        assertThat(MODEL.points("86", 2, List.of())).isLessThan(MODEL.points("01", 2, List.of()));
    }

    @Test
    void noLinesCountsAsOne() {
        assertThat(MODEL.points("01", 0, List.of())).isEqualTo(MODEL.points("01", 1, List.of()));
    }

    @Test
    void pointsAreRoundedToTwoDecimals() {
        double points = MODEL.points("03", 4, List.of(RoutingFlag.ADCVD));
        assertThat(points).isEqualTo(2.8);
        assertThat(Math.round(points * 100) / 100.0).isEqualTo(points);
    }

    /** The formula, computed independently from the rows of the shipped file, for every type, flag and a range of line counts. */
    @Test
    void theModelComputesTheFormulaOfTheFile() {
        Map<String, Double> base = new HashMap<>();
        Map<RoutingFlag, Double> flags = new HashMap<>();
        double perLine = Double.NaN;
        for (String[] row : ReferenceTable.rows("/org/centerline/contracts/workload-model.table")) {
            switch (row[0]) {
                case "base" -> base.put(row[1], Double.parseDouble(row[2]));
                case "perLine" -> perLine = Double.parseDouble(row[2]);
                case "flag" -> flags.put(RoutingFlag.valueOf(row[1]), Double.parseDouble(row[2]));
                default -> { }
            }
        }
        assertThat(perLine).isEqualTo(0.1);
        assertThat(flags.keySet()).containsExactlyInAnyOrder(RoutingFlag.values());

        for (String type : List.of("01", "02", "03", "06", "07", "11", "12", "34", "38", "86", "04", "52")) {
            for (int lines = 1; lines <= 999; lines += 37) {
                for (Set<RoutingFlag> set : someFlagSets()) {
                    double expected = base.getOrDefault(type, base.get("default")) + perLine * (lines - 1)
                            + set.stream().mapToDouble(flags::get).sum();
                    assertThat(MODEL.points(type, lines, set)).as("%s %d %s", type, lines, set).isCloseTo(expected, within(0.005));
                }
            }
        }
    }

    @Test
    void aModelWithoutVersionOrDefaultBaseIsRefused() {
        assertThatThrownBy(() -> WorkloadModel.parse(List.<String[]>of(new String[] {"base", "default", "1.0"})))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("version");
        assertThatThrownBy(() -> WorkloadModel.parse(List.<String[]>of(new String[] {"version", "v"})))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("default");
        assertThatThrownBy(() -> WorkloadModel.parse(List.of(new String[] {"version", "v"}, new String[] {"bonus", "x", "1"})))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown row kind 'bonus'");
    }

    @Test
    void aParsedModelUsesItsOwnWeights() {
        WorkloadModel model = WorkloadModel.parse(List.of(new String[] {"version", "t"}, new String[] {"base", "default", "2"},
                new String[] {"base", "86", "0.5"}, new String[] {"perLine", "lines", "1"}, new String[] {"flag", "ADCVD", "3"}));
        assertThat(model.points("01", 3, List.of(RoutingFlag.ADCVD))).isEqualTo(7.0);
        assertThat(model.points("86", 1, List.of(RoutingFlag.SECTION_301))).isEqualTo(0.5);
    }

    private static List<Set<RoutingFlag>> someFlagSets() {
        List<Set<RoutingFlag>> sets = new ArrayList<>();
        sets.add(EnumSet.noneOf(RoutingFlag.class));
        for (RoutingFlag flag : RoutingFlag.values()) {
            sets.add(EnumSet.of(flag));
        }
        sets.add(EnumSet.allOf(RoutingFlag.class));
        return sets;
    }
}
