package org.centerline.workload.staffing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.centerline.contracts.event.SpecialistRole;

/**
 * The arithmetic of a rebalance, no words: the Centers' rosters as hires and transfers change them, and
 * what was hired and moved. Each step is one method; {@link Rebalancer} decides their order.
 */
final class StaffingPlan {

    /** Two Centers of a transfer. */
    record Pair(String from, String to) {
    }

    private final StaffingModel model;
    private final StaffingStandards standards;
    private final SpecialistRole role;
    private final TreeMap<String, CenterLoad> state = new TreeMap<>();
    final Map<Pair, Integer> moves = new LinkedHashMap<>();
    /** Hires that bring a Center over the band back into it (made first when every Center is over capacity). */
    final Map<String, Integer> bandHires = new LinkedHashMap<>();
    /** Hires that bring the whole workforce to the target utilization. */
    final Map<String, Integer> targetHires = new LinkedHashMap<>();
    int targetHiresNeeded;

    StaffingPlan(StaffingModel model, List<CenterLoad> loads) {
        this.model = model;
        this.standards = model.standards();
        this.role = standards.transferRole();
        for (CenterLoad load : Objects.requireNonNull(loads, "loads")) {
            Objects.requireNonNull(load, "loads contains a null CenterLoad");
            if (state.put(load.centerCode(), load) != null) {
                throw new IllegalArgumentException("Center " + load.centerCode() + " appears more than once in the loads");
            }
        }
    }

    List<CenterStaffing> evaluate() {
        List<CenterStaffing> staffing = new ArrayList<>(state.size());
        for (CenterLoad load : state.values()) {
            staffing.add(model.evaluate(load));
        }
        return staffing;
    }

    /** A Center with neither demand nor capacity has no utilization to balance. */
    static boolean participates(CenterStaffing c) {
        return c.demandPointsPerDay() > 0 || c.capacityPointsPerDay() > 0;
    }

    /** The highest utilization a Center may run at and still be inside the band: target + band. */
    double ceiling() {
        return standards.targetUtilization() + standards.band();
    }

    /** Above target + band, or demand with no capacity at all. */
    boolean overBand(CenterStaffing c) {
        return c.uncovered() || c.utilization() > ceiling() + StaffingModel.EPSILON;
    }

    /** Every Center that takes part (two or more do) runs above its capacity (utilization over 100 %). */
    boolean allOverCapacity() {
        List<CenterStaffing> taking = evaluate().stream().filter(StaffingPlan::participates).toList();
        return taking.size() > 1 && taking.stream().allMatch(c -> c.uncovered() || c.utilization() > 1 + StaffingModel.EPSILON);
    }

    /** Hires, for each Center over the band (most utilized first), the fewest specialists that bring it to target + band. */
    void hireIntoBand() {
        double perSpecialist = standards.standard(role);
        for (CenterStaffing c : evaluate().stream().sorted(CenterStaffing.MOST_UTILIZED_FIRST).toList()) {
            if (!participates(c) || !overBand(c)) {
                continue;
            }
            int n = Math.max(1, StaffingModel.ceil(c.demandPointsPerDay() / (ceiling() * perSpecialist)
                    - c.capacityPointsPerDay() / perSpecialist));
            state.put(c.centerCode(), state.get(c.centerCode()).plus(role, n));
            bandHires.merge(c.centerCode(), n, Integer::sum);
        }
    }

    /**
     * One specialist at a time from the least to the most utilized Center while the spread is above the band
     * and each move narrows it; a donor keeps the minimum and is never itself over the band.
     */
    void transferIntoBand() {
        Spread spread = Spread.of(evaluate());
        while (spread.aboveBand(standards.band())) {
            List<CenterStaffing> now = evaluate();
            Optional<CenterStaffing> receiver = now.stream().filter(StaffingPlan::participates)
                    .min(CenterStaffing.MOST_UTILIZED_FIRST);
            if (receiver.isEmpty()) {
                return;
            }
            String to = receiver.get().centerCode();
            Optional<CenterStaffing> donor = now.stream()
                    .filter(c -> !c.centerCode().equals(to))
                    .filter(c -> !(participates(c) && overBand(c)))
                    .filter(c -> state.get(c.centerCode()).count(role) > standards.minimumSpecialists())
                    .max(CenterStaffing.MOST_UTILIZED_FIRST);
            if (donor.isEmpty()) {
                return;
            }
            String from = donor.get().centerCode();
            TreeMap<String, CenterLoad> moved = new TreeMap<>(state);
            moved.put(from, moved.get(from).plus(role, -1));
            moved.put(to, moved.get(to).plus(role, 1));
            Spread next = Spread.of(evaluate(moved));
            if (!next.narrowerThan(spread)) {
                return;
            }
            state.putAll(moved);
            spread = next;
            moves.merge(new Pair(from, to), 1, Integer::sum);
        }
    }

    /** When total demand exceeds total capacity x target, hires one at a time to the most utilized Center. */
    void hireToTarget() {
        List<CenterStaffing> now = evaluate();
        double totalDemand = totalDemand(now);
        double totalCapacity = totalCapacity(now);
        double target = standards.targetUtilization();
        targetHiresNeeded = 0;
        if (totalDemand > totalCapacity * target + StaffingModel.EPSILON) {
            targetHiresNeeded = Math.max(1, StaffingModel.ceil((totalDemand / target - totalCapacity) / standards.standard(role)));
        }
        for (int i = 0; i < targetHiresNeeded; i++) {
            String to = evaluate().stream().min(CenterStaffing.MOST_UTILIZED_FIRST).orElseThrow().centerCode();
            state.put(to, state.get(to).plus(role, 1));
            targetHires.merge(to, 1, Integer::sum);
        }
    }

    static double totalDemand(List<CenterStaffing> staffing) {
        return staffing.stream().mapToDouble(CenterStaffing::demandPointsPerDay).sum();
    }

    static double totalCapacity(List<CenterStaffing> staffing) {
        return staffing.stream().mapToDouble(CenterStaffing::capacityPointsPerDay).sum();
    }

    private List<CenterStaffing> evaluate(Map<String, CenterLoad> loads) {
        List<CenterStaffing> staffing = new ArrayList<>(loads.size());
        for (CenterLoad load : loads.values()) {
            staffing.add(model.evaluate(load));
        }
        return staffing;
    }
}
