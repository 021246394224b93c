package org.centerline.workload.whatif;

import java.util.List;
import org.centerline.workload.staffing.CenterStaffing;

/** The answer to a what-if: each Center's demand, utilization and required staffing before and after the change. */
public record WhatIfResult(String proposedTableVersion, int entriesReplayed, int entriesMoved, List<CenterChange> centers) {

    /** One Center before and after. */
    public record CenterChange(String centerCode, CenterStaffing before, CenterStaffing after) {
    }
}
