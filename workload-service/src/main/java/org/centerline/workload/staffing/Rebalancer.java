package org.centerline.workload.staffing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.centerline.contracts.event.SpecialistRole;

/**
 * Answers COAC's "rebalance and hire where workload demands": the order of the steps. The arithmetic is
 * {@link StaffingPlan}'s, the words {@link RecommendationWording}'s.
 *
 * <ol>
 *   <li>When every Center (two or more take part) runs over its capacity, nobody can be spared: first hire, for each Center above
 *       target + band (or with demand and no capacity), the fewest specialists of the transfer role that
 *       bring it within the band.</li>
 *   <li>Transfers: while the utilization spread is above the band, one specialist moves from the least to
 *       the most utilized Center, as long as the move narrows the spread, the donor keeps the minimum, and
 *       the donor is not itself above target + band. A Center with demand and no capacity counts as the
 *       most utilized of all; a Center with neither takes no part. Repeated moves between the same two
 *       Centers are merged, in the order of their first move.</li>
 *   <li>When total demand still exceeds total capacity x target, ceil((total demand / target - total
 *       capacity) / standard) more are hired, one at a time to the most utilized Center, merged per Center.</li>
 * </ol>
 * Ties go by Center code; the output does not depend on the order of the input.
 */
public final class Rebalancer {

    private final StaffingModel model;

    public Rebalancer(StaffingModel model) {
        this.model = Objects.requireNonNull(model, "model");
    }

    /** Transfers and hires for these Centers (each Center at most once), with every Center before and after. */
    public Recommendations recommend(List<CenterLoad> loads) {
        StaffingPlan plan = new StaffingPlan(model, loads);
        RecommendationWording words = new RecommendationWording(model.standards());
        SpecialistRole role = model.standards().transferRole();

        List<CenterStaffing> before = plan.evaluate();
        boolean hiresFirst = plan.allOverCapacity();
        if (hiresFirst) {
            plan.hireIntoBand();
        }
        List<CenterStaffing> afterBandHires = plan.evaluate();
        plan.transferIntoBand();
        List<CenterStaffing> afterTransfers = plan.evaluate();
        plan.hireToTarget();
        List<CenterStaffing> after = plan.evaluate();

        Map<String, CenterStaffing> beforeByCode = byCode(before);
        Map<String, CenterStaffing> bandHiredByCode = byCode(afterBandHires);
        Map<String, CenterStaffing> transferredByCode = byCode(afterTransfers);
        Map<String, CenterStaffing> afterByCode = byCode(after);

        List<Hire> hires = new ArrayList<>();
        plan.bandHires.forEach((code, count) -> hires.add(new Hire(code, role, count,
                words.bandHire(beforeByCode.get(code), count, bandHiredByCode.get(code), plan.ceiling()))));

        Spread finalSpread = Spread.of(afterTransfers);
        List<Transfer> transfers = new ArrayList<>();
        plan.moves.forEach((pair, count) -> transfers.add(new Transfer(pair.from(), pair.to(), role, count,
                words.transfer(pair, count, bandHiredByCode.get(pair.to()), bandHiredByCode.get(pair.from()),
                        transferredByCode.get(pair.to()), transferredByCode.get(pair.from()), finalSpread))));

        double totalDemand = StaffingPlan.totalDemand(afterTransfers);
        double totalCapacity = StaffingPlan.totalCapacity(afterTransfers);
        boolean first = true;
        for (Map.Entry<String, Integer> hire : plan.targetHires.entrySet()) {
            String code = hire.getKey();
            hires.add(new Hire(code, role, hire.getValue(), words.targetHire(totalDemand, totalCapacity,
                    plan.targetHiresNeeded, first, !plan.moves.isEmpty(), !plan.bandHires.isEmpty(),
                    transferredByCode.get(code), hire.getValue(), afterByCode.get(code))));
            first = false;
        }
        return new Recommendations(transfers, hires, before, after, hiresFirst);
    }

    /** "import specialist" or "import specialists". */
    static String roleName(SpecialistRole role, int count) {
        return RecommendationWording.roleName(role, count);
    }

    private static Map<String, CenterStaffing> byCode(List<CenterStaffing> staffing) {
        Map<String, CenterStaffing> byCode = new TreeMap<>();
        for (CenterStaffing c : staffing) {
            byCode.put(c.centerCode(), c);
        }
        return byCode;
    }
}
