package org.centerline.workload.staffing;

import java.util.Comparator;
import java.util.Objects;

/**
 * One Center measured against the standards: the demand, capacity, utilization and staffing numbers shown to directors.
 *
 * <p>{@code capacityPointsPerDay} is the sum over roles of specialists x standard.
 * {@code utilization} is demand / capacity as a fraction (1.42 = 142%). When capacity is 0 it is
 * {@code 0.0} if demand is 0 too (nothing to do, nobody to do it) and {@code null} if there is demand
 * (no finite number describes it, and JSON has no infinity): read null as "demand with no review
 * capacity", the most utilized state of all. {@code specialists} counts reviewers, the specialists of
 * roles with a positive standard. {@code requiredSpecialists} is
 * ceil(demand / (transfer-role standard x target utilization)), in specialists of the transfer role.
 */
public record CenterStaffing(
        String centerCode,
        double demandPointsPerDay,
        double capacityPointsPerDay,
        Double utilization,
        int specialists,
        int requiredSpecialists) {

    /**
     * Most utilized first: Centers with demand and no capacity (higher demand first), then by
     * utilization descending, then by Center code. Utilizations within 1e-9 of each other are ties.
     */
    public static final Comparator<CenterStaffing> MOST_UTILIZED_FIRST = CenterStaffing::compareMostUtilizedFirst;

    public CenterStaffing {
        Objects.requireNonNull(centerCode, "centerCode");
    }

    /** True when the Center has demand but no review capacity (utilization is null). */
    public boolean uncovered() {
        return utilization == null;
    }

    private static int compareMostUtilizedFirst(CenterStaffing a, CenterStaffing b) {
        if (a.uncovered() != b.uncovered()) {
            return a.uncovered() ? -1 : 1;
        }
        int byLoad = a.uncovered()
                ? Double.compare(b.demandPointsPerDay, a.demandPointsPerDay)
                : Long.compare(utilizationKey(b), utilizationKey(a));
        return byLoad != 0 ? byLoad : a.centerCode.compareTo(b.centerCode);
    }

    /** Utilization rounded to 1e-9, so that float noise does not decide ties (they go by Center code). */
    private static long utilizationKey(CenterStaffing c) {
        return Math.round(c.utilization * 1e9);
    }
}
