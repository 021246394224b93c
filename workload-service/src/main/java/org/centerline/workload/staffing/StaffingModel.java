package org.centerline.workload.staffing;

import java.util.Objects;
import org.centerline.contracts.event.SpecialistRole;

/** Turns a Center's demand and roster into capacity, utilization and required staffing under the standards. */
public final class StaffingModel {

    /**
     * Slack for float noise in ceilings: 153 points/day at 12 points x 0.85 is 15 specialists, although
     * 153 / (12 x 0.85) comes out as 15.000000000000002 in doubles.
     */
    static final double EPSILON = 1e-9;

    private final StaffingStandards standards;

    public StaffingModel(StaffingStandards standards) {
        this.standards = Objects.requireNonNull(standards, "standards");
    }

    public StaffingStandards standards() {
        return standards;
    }

    /**
     * Capacity = sum over roles of specialists x standard; utilization = demand / capacity (null for
     * demand with no capacity, 0 for neither); specialists = reviewers of roles with a positive
     * standard; required = ceil(demand / (transfer-role standard x target utilization)).
     */
    public CenterStaffing evaluate(CenterLoad load) {
        Objects.requireNonNull(load, "load");
        double capacity = 0;
        int reviewers = 0;
        for (SpecialistRole role : SpecialistRole.values()) {
            double standard = standards.standard(role);
            int count = load.count(role);
            if (standard > 0) {
                capacity += count * standard;
                reviewers += count;
            }
        }
        double demand = load.demandPointsPerDay();
        Double utilization;
        if (capacity > 0) {
            utilization = demand / capacity;
        } else {
            utilization = demand > 0 ? null : 0.0;
        }
        double perSpecialistAtTarget = standards.standard(standards.transferRole()) * standards.targetUtilization();
        int required = ceil(demand / perSpecialistAtTarget);
        return new CenterStaffing(load.centerCode(), demand, capacity, utilization, reviewers, required);
    }

    /** Ceiling that ignores float noise below {@link #EPSILON}. */
    static int ceil(double value) {
        return (int) Math.ceil(value - EPSILON);
    }
}
