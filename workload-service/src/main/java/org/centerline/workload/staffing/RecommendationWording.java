package org.centerline.workload.staffing;

import java.util.Locale;
import org.centerline.contracts.event.SpecialistRole;

/**
 * The words of the recommendations, no arithmetic: every reason quotes the numbers the plan produced.
 * Percentages are rounded to whole percent; points/day get thousands separators.
 */
final class RecommendationWording {

    private final StaffingStandards standards;

    RecommendationWording(StaffingStandards standards) {
        this.standards = standards;
    }

    String transfer(StaffingPlan.Pair pair, int count, CenterStaffing toBefore, CenterStaffing fromBefore,
                    CenterStaffing toAfter, CenterStaffing fromAfter, Spread finalSpread) {
        StringBuilder reason = new StringBuilder();
        if (toBefore.uncovered()) {
            reason.append(pair.to()).append(" has ").append(points1(toBefore.demandPointsPerDay()))
                    .append(" points/day of demand and no review capacity, and ")
                    .append(pair.from()).append(" runs at ").append(percent(fromBefore.utilization()));
        } else {
            reason.append(pair.to()).append(" runs at ").append(percent(toBefore.utilization()))
                    .append(" of capacity (").append(points1(toBefore.demandPointsPerDay()))
                    .append(" points/day against ").append(points1(toBefore.capacityPointsPerDay()))
                    .append(") and ").append(pair.from()).append(" at ").append(percent(fromBefore.utilization()));
        }
        reason.append("; moving ").append(count).append(' ').append(roleName(standards.transferRole(), count))
                .append(" brings them to ").append(utilization(toAfter)).append(" and ").append(utilization(fromAfter))
                .append(", ");
        String band = percentagePoints(standards.band());
        if (finalSpread.uncovered() > 0) {
            reason.append("still outside the ").append(band).append("-point band: ").append(finalSpread.uncovered())
                    .append(finalSpread.uncovered() == 1 ? " Center keeps" : " Centers keep")
                    .append(" demand without review capacity");
        } else if (finalSpread.aboveBand(standards.band())) {
            reason.append("a spread of ").append(Math.round(finalSpread.spread() * 100)).append(" points (")
                    .append(finalSpread.most().centerCode()).append(' ').append(utilization(finalSpread.most())).append(" to ")
                    .append(finalSpread.least().centerCode()).append(' ').append(utilization(finalSpread.least()))
                    .append("), as close to the ")
                    .append(band).append("-point band as moves of whole specialists allow without taking any Center below ")
                    .append(standards.minimumSpecialists()).append(' ')
                    .append(roleName(standards.transferRole(), standards.minimumSpecialists()));
        } else {
            reason.append("inside the ").append(band).append("-point band");
        }
        return reason.toString();
    }

    /** A hire made first, when every Center runs over its capacity: it brings one Center into the band. */
    String bandHire(CenterStaffing before, int count, CenterStaffing after, double ceiling) {
        String now = before.uncovered()
                ? "has " + points1(before.demandPointsPerDay()) + " points/day of demand and no review capacity"
                : "runs at " + percent(before.utilization()) + " (" + points1(before.demandPointsPerDay())
                        + " points/day against " + points1(before.capacityPointsPerDay()) + ")";
        return "Every Center runs over its capacity, so no Center can spare a specialist; " + before.centerCode() + " "
                + now + ": hiring " + count + " " + roleName(standards.transferRole(), count) + " brings it to "
                + utilization(after) + ", within the band (at most " + percentagePoints(ceiling) + "%)";
    }

    String targetHire(double totalDemand, double totalCapacity, int needed, boolean first, boolean transferred,
                      boolean bandHired, CenterStaffing beforeHires, int count, CenterStaffing afterHires) {
        String afterChanges = transferred ? " after transfers" : bandHired ? " after the hires above" : "";
        return "Total demand " + points0(totalDemand) + " points/day exceeds "
                + percentagePoints(standards.targetUtilization()) + "% of total capacity (" + points0(totalCapacity) + "): "
                + needed + " more " + roleName(standards.transferRole(), needed) + " needed; "
                + beforeHires.centerCode() + (first ? " is the most utilized" : " is the next most utilized")
                + afterChanges + " (" + utilization(beforeHires) + "); hiring " + count + " brings it to "
                + utilization(afterHires);
    }

    /** "import specialist" or "import specialists". */
    static String roleName(SpecialistRole role, int count) {
        String name = role.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return count == 1 ? name : name + "s";
    }

    private static String utilization(CenterStaffing c) {
        return c.uncovered() ? "no review capacity" : percent(c.utilization());
    }

    /** 1.4167 -> "142%". */
    private static String percent(Double fraction) {
        return fraction == null ? "no review capacity" : String.format(Locale.US, "%,d%%", Math.round(fraction * 100));
    }

    /** 0.15 -> "15", 0.125 -> "12.5". */
    private static String percentagePoints(double fraction) {
        double tenths = Math.round(fraction * 1000) / 10.0;
        return tenths == Math.rint(tenths)
                ? String.format(Locale.US, "%d", (long) tenths)
                : String.format(Locale.US, "%.1f", tenths);
    }

    /** 1020 -> "1,020.0". */
    private static String points1(double points) {
        return String.format(Locale.US, "%,.1f", points);
    }

    /** 1020 -> "1,020". */
    private static String points0(double points) {
        return String.format(Locale.US, "%,.0f", points);
    }
}
