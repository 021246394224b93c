package org.centerline.workload.staffing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.centerline.contracts.event.SpecialistRole;

/**
 * Answers COAC's "rebalance and hire where workload demands": transfers into the band, then hires, each explained.
 *
 * <p>Transfers: while the utilization spread (most minus least utilized Center) is above the band,
 * one specialist of the transfer role moves from the least utilized Center that keeps at least the
 * minimum to the most utilized Center, as long as the move narrows the spread. A Center with demand
 * and no capacity counts as the most utilized of all (the spread is infinite while one exists), so it
 * receives first; a Center with neither demand nor capacity takes no part in the spread. Repeated moves
 * between the same two Centers are merged into one {@link Transfer}, listed in the order of their first move.
 *
 * <p>Hires: when total demand exceeds total capacity x target utilization, ceil((total demand / target
 * - total capacity) / transfer-role standard) specialists of the transfer role are hired, one at a time
 * to the currently most utilized Center, merged per Center and listed in the order of their first hire.
 *
 * <p>Reasons quote numbers: a transfer's reason gives both Centers' utilization before any transfer and
 * after all transfers (so a Center in several transfers shows the same "after"), and the final spread
 * against the band; a hire's reason gives total demand, total capacity, how many are needed, and the
 * Center's utilization after transfers and after its hires. Percentages are rounded to whole percent.
 *
 * <p>Ties go by Center code (among Centers with no capacity, higher demand first); the output does not
 * depend on the order of the input.
 */
public final class Rebalancer {

    private static final double EPSILON = StaffingModel.EPSILON;

    private final StaffingModel model;

    public Rebalancer(StaffingModel model) {
        this.model = Objects.requireNonNull(model, "model");
    }

    /** Transfers and hires for these Centers (each Center at most once), with every Center before and after. */
    public Recommendations recommend(List<CenterLoad> loads) {
        Objects.requireNonNull(loads, "loads");
        StaffingStandards standards = model.standards();
        SpecialistRole role = standards.transferRole();

        TreeMap<String, CenterLoad> state = new TreeMap<>();
        for (CenterLoad load : loads) {
            Objects.requireNonNull(load, "loads contains a null CenterLoad");
            if (state.put(load.centerCode(), load) != null) {
                throw new IllegalArgumentException("Center " + load.centerCode() + " appears more than once in the loads");
            }
        }
        List<CenterStaffing> before = evaluate(state);

        // Transfers: one specialist at a time, least utilized -> most utilized.
        Map<Pair, Integer> moves = new LinkedHashMap<>();
        Spread spread = Spread.of(before);
        while (spread.aboveBand(standards.band())) {
            List<CenterStaffing> now = evaluate(state);
            Optional<CenterStaffing> receiver = now.stream()
                    .filter(Rebalancer::participates)
                    .min(CenterStaffing.MOST_UTILIZED_FIRST);
            if (receiver.isEmpty()) {
                break;
            }
            String to = receiver.get().centerCode();
            Optional<CenterStaffing> donor = now.stream()
                    .filter(c -> !c.centerCode().equals(to))
                    .filter(c -> state.get(c.centerCode()).count(role) > standards.minimumSpecialists())
                    .max(CenterStaffing.MOST_UTILIZED_FIRST);
            if (donor.isEmpty()) {
                break;
            }
            String from = donor.get().centerCode();
            TreeMap<String, CenterLoad> moved = new TreeMap<>(state);
            moved.put(from, moved.get(from).plus(role, -1));
            moved.put(to, moved.get(to).plus(role, 1));
            Spread next = Spread.of(evaluate(moved));
            if (!next.narrowerThan(spread)) {
                break;
            }
            state.putAll(moved);
            spread = next;
            moves.merge(new Pair(from, to), 1, Integer::sum);
        }
        List<CenterStaffing> afterTransfers = evaluate(state);

        // Hires: only when the whole workforce would run above the target utilization.
        double totalDemand = afterTransfers.stream().mapToDouble(CenterStaffing::demandPointsPerDay).sum();
        double totalCapacity = afterTransfers.stream().mapToDouble(CenterStaffing::capacityPointsPerDay).sum();
        double target = standards.targetUtilization();
        int needed = 0;
        if (totalDemand > totalCapacity * target + EPSILON) {
            needed = Math.max(1, StaffingModel.ceil((totalDemand / target - totalCapacity) / standards.standard(role)));
        }
        Map<String, Integer> hired = new LinkedHashMap<>();
        for (int i = 0; i < needed; i++) {
            String to = evaluate(state).stream()
                    .min(CenterStaffing.MOST_UTILIZED_FIRST)
                    .orElseThrow()
                    .centerCode();
            state.put(to, state.get(to).plus(role, 1));
            hired.merge(to, 1, Integer::sum);
        }
        List<CenterStaffing> after = evaluate(state);

        Map<String, CenterStaffing> beforeByCode = byCode(before);
        Map<String, CenterStaffing> transferredByCode = byCode(afterTransfers);
        Map<String, CenterStaffing> afterByCode = byCode(after);
        Spread finalSpread = Spread.of(afterTransfers);

        List<Transfer> transfers = new ArrayList<>();
        for (Map.Entry<Pair, Integer> move : moves.entrySet()) {
            Pair pair = move.getKey();
            int count = move.getValue();
            String reason = transferReason(pair, count, standards,
                    beforeByCode.get(pair.to()), beforeByCode.get(pair.from()),
                    transferredByCode.get(pair.to()), transferredByCode.get(pair.from()), finalSpread);
            transfers.add(new Transfer(pair.from(), pair.to(), role, count, reason));
        }

        List<Hire> hires = new ArrayList<>();
        boolean first = true;
        for (Map.Entry<String, Integer> hire : hired.entrySet()) {
            String code = hire.getKey();
            String reason = hireReason(totalDemand, totalCapacity, needed, standards, first, !moves.isEmpty(),
                    transferredByCode.get(code), hire.getValue(), afterByCode.get(code));
            hires.add(new Hire(code, role, hire.getValue(), reason));
            first = false;
        }
        return new Recommendations(transfers, hires, before, after);
    }

    private List<CenterStaffing> evaluate(Map<String, CenterLoad> state) {
        List<CenterStaffing> staffing = new ArrayList<>(state.size());
        for (CenterLoad load : state.values()) {
            staffing.add(model.evaluate(load));
        }
        return staffing;
    }

    private static Map<String, CenterStaffing> byCode(List<CenterStaffing> staffing) {
        Map<String, CenterStaffing> byCode = new TreeMap<>();
        for (CenterStaffing c : staffing) {
            byCode.put(c.centerCode(), c);
        }
        return byCode;
    }

    /** A Center with neither demand nor capacity has no utilization to balance. */
    private static boolean participates(CenterStaffing c) {
        return c.demandPointsPerDay() > 0 || c.capacityPointsPerDay() > 0;
    }

    // ---- reasons -----------------------------------------------------------------------------------

    private static String transferReason(Pair pair, int count, StaffingStandards standards,
            CenterStaffing toBefore, CenterStaffing fromBefore, CenterStaffing toAfter, CenterStaffing fromAfter,
            Spread finalSpread) {
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

    private static String hireReason(double totalDemand, double totalCapacity, int needed, StaffingStandards standards,
            boolean first, boolean transferred, CenterStaffing beforeHires, int count, CenterStaffing afterHires) {
        String afterTransfers = transferred ? " after transfers" : "";
        return "Total demand " + points0(totalDemand) + " points/day exceeds "
                + percentagePoints(standards.targetUtilization()) + "% of total capacity (" + points0(totalCapacity) + "): "
                + needed + " more " + roleName(standards.transferRole(), needed) + " needed; "
                + beforeHires.centerCode() + (first ? " is the most utilized" : " is the next most utilized")
                + afterTransfers + " (" + utilization(beforeHires) + "); hiring " + count + " brings it to "
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
        return fraction == null ? "no review capacity" : Math.round(fraction * 100) + "%";
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

    // ---- spread ------------------------------------------------------------------------------------

    private record Pair(String from, String to) {
    }

    /**
     * How far apart the Centers are: first how many have demand without capacity (each is an infinite
     * spread), then max - min utilization over the Centers that have capacity and take part, and
     * which Centers those are.
     */
    private record Spread(int uncovered, double spread, CenterStaffing most, CenterStaffing least) {

        static Spread of(List<CenterStaffing> staffing) {
            int uncovered = 0;
            CenterStaffing most = null;
            CenterStaffing least = null;
            for (CenterStaffing c : staffing) {
                if (!participates(c)) {
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
            return uncovered > 0 || spread > band + EPSILON;
        }

        boolean narrowerThan(Spread other) {
            return uncovered < other.uncovered || (uncovered == other.uncovered && spread < other.spread - EPSILON);
        }
    }
}
