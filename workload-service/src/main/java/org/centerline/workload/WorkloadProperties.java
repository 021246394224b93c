package org.centerline.workload;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.centerline.contracts.event.SpecialistRole;
import org.centerline.workload.staffing.StaffingStandards;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of workload-service ({@code centerline.workload.*}): the staffing standards are settings,
 * not code, so a Center director's numbers can change without a release. The defaults are here only
 * (application.yml does not repeat them).
 *
 * @param demandWindow the trailing window over which demand (points per day) is measured
 * @param productivity workload points one specialist of each role handles in a day
 * @param targetUtilization the utilization hires aim at
 * @param band the allowed spread of utilization between Centers before transfers are recommended
 * @param minimumSpecialists no transfer takes a Center below this many import specialists
 * @param retention how long the hourly and daily counts are kept, and how long an entry the tracker no
 *     longer needs (closed, untouched) is remembered; at least the demand window
 * @param pruneEvery how often the tracker prunes and expired windows are tombstoned (wall clock)
 * @param commodityLinesBand the band of a Center's share of all Centers' distinct HTS headings (its "commodity
 *     lines") over the demand window outside which the workload report marks it BELOW or ABOVE
 */
@ConfigurationProperties("centerline.workload")
public record WorkloadProperties(
        @DefaultValue("30d") Duration demandWindow,
        Map<SpecialistRole, Double> productivity,
        @DefaultValue("0.85") double targetUtilization,
        @DefaultValue("0.15") double band,
        @DefaultValue("2") int minimumSpecialists,
        @DefaultValue("31d") Duration retention,
        @DefaultValue("10m") Duration pruneEvery,
        @DefaultValue CommodityLinesBand commodityLinesBand) {

    /**
     * Shares of all Centers' distinct deciding headings (0..1). The defaults, 0.05 and 0.20, are half and twice
     * an even share among the ten Centers: a Center under 5 % handles too few commodity lines to be worth a
     * Center of its own, one over 20 % handles too many for one team of specialists to know them well.
     */
    public record CommodityLinesBand(@DefaultValue("0.05") double minShare, @DefaultValue("0.20") double maxShare) {

        public CommodityLinesBand {
            if (!(minShare >= 0 && minShare <= maxShare && maxShare <= 1)) {
                throw new IllegalArgumentException("centerline.workload.commodity-lines-band needs 0 <= min-share <= max-share <= 1, not "
                        + minShare + " and " + maxShare);
            }
        }
    }

    /** The productivity standards where {@code centerline.workload.productivity.<ROLE>} sets none (the only place they are). */
    public static final Map<SpecialistRole, Double> DEFAULT_PRODUCTIVITY = Map.of(
            SpecialistRole.IMPORT_SPECIALIST, 40.0,
            SpecialistRole.ENTRY_SPECIALIST, 25.0,
            SpecialistRole.DRAWBACK_SPECIALIST, 0.0);

    public WorkloadProperties {
        if (retention.compareTo(Duration.ofDays(1)) < 0) {
            throw new IllegalArgumentException("centerline.workload.retention must be at least 1 day, not " + retention);
        }
        if (demandWindow.compareTo(Duration.ofHours(1)) < 0 || demandWindow.compareTo(retention) > 0) {
            throw new IllegalArgumentException("centerline.workload.demand-window must be 1 hour to the retention ("
                    + retention + ", centerline.workload.retention), not " + demandWindow);
        }
        if (pruneEvery.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("centerline.workload.prune-every must be at least 1 second, not " + pruneEvery);
        }
    }

    /** The demand window as the view shows it: {@code 30d}, {@code 6h}, else ISO-8601 ({@code PT90M}). */
    public String demandWindowText() {
        if (demandWindow.toSeconds() % 86_400 == 0) {
            return demandWindow.toDays() + "d";
        }
        if (demandWindow.toSeconds() % 3_600 == 0) {
            return demandWindow.toHours() + "h";
        }
        return demandWindow.toString();
    }

    public StaffingStandards standards() {
        Map<SpecialistRole, Double> standards = new EnumMap<>(DEFAULT_PRODUCTIVITY);
        if (productivity != null) {
            standards.putAll(productivity);
        }
        return new StaffingStandards(standards, targetUtilization, band, minimumSpecialists,
                SpecialistRole.IMPORT_SPECIALIST);
    }

    /** The demand window in days (fractional for windows under a day, as the local stack uses). */
    public double demandWindowDays() {
        return demandWindow.toMinutes() / (24.0 * 60);
    }
}
