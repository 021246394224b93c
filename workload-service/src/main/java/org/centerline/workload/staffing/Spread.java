package org.centerline.workload.staffing;

import java.util.List;

/**
 * How far apart the Centers are: first how many have demand without capacity (each is an infinite
 * spread), then max - min utilization over the Centers that have capacity and take part, and which
 * Centers those are.
 */
record Spread(int uncovered, double spread, CenterStaffing most, CenterStaffing least) {

    static Spread of(List<CenterStaffing> staffing) {
        int uncovered = 0;
        CenterStaffing most = null;
        CenterStaffing least = null;
        for (CenterStaffing c : staffing) {
            if (!StaffingPlan.participates(c)) {
                continue;
            }
            if (c.uncovered()) {
                uncovered++;
            } else {
                if (most == null || CenterStaffing.MOST_UTILIZED_FIRST.compare(c, most) < 0) {
                    most = c;
                }
                if (least == null || CenterStaffing.MOST_UTILIZED_FIRST.compare(c, least) > 0) {
                    least = c;
                }
            }
        }
        double spread = most == null ? 0.0 : most.utilization() - least.utilization();
        return new Spread(uncovered, spread, most, least);
    }

    boolean aboveBand(double band) {
        return uncovered > 0 || spread > band + StaffingModel.EPSILON;
    }

    boolean narrowerThan(Spread other) {
        return uncovered < other.uncovered
                || (uncovered == other.uncovered && spread < other.spread - StaffingModel.EPSILON);
    }
}
