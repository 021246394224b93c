package org.centerline.workload.review;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.centerline.contracts.center.Center;
import org.centerline.contracts.center.Centers;
import org.centerline.contracts.event.RebalancingReview;
import org.centerline.contracts.event.SpecialistRole;
import org.centerline.contracts.event.StaffingRoster;
import org.centerline.workload.WorkloadProperties;
import org.centerline.workload.counters.CenterWorkload;
import org.centerline.workload.counters.WorkloadView;
import org.centerline.workload.staffing.CenterLoad;
import org.centerline.workload.staffing.CenterStaffing;
import org.centerline.workload.staffing.Rebalancer;
import org.centerline.workload.staffing.Recommendations;
import org.centerline.workload.staffing.StaffingModel;
import org.centerline.workload.staffing.StaffingStandards;

/**
 * Makes a review from what every instance holds (the global tables of published counts and rosters), with the
 * same arithmetic as {@code GET /api/workload} and {@code GET /api/staffing/recommendations}: demand over the
 * trailing demand window, the staffing model, the {@link Rebalancer}. The change is against the previous review.
 */
public final class ReviewMaker {

    private final WorkloadView view;
    private final Function<String, StaffingRoster> rosters;
    private final WorkloadProperties properties;
    private final StaffingModel model;

    public ReviewMaker(WorkloadView view, Function<String, StaffingRoster> rosters, WorkloadProperties properties) {
        this.view = view;
        this.rosters = rosters;
        this.properties = properties;
        this.model = new StaffingModel(properties.standards());
    }

    /** The review of the period {@code [from, to)}, as of {@code now}. */
    public RebalancingReview review(Instant from, Instant to, Instant now, RebalancingReview previous) {
        Map<String, RebalancingReview.CenterNumbers> before = new HashMap<>();
        if (previous != null) {
            previous.centers().forEach(c -> before.put(c.centerCode(), c));
        }
        List<CenterLoad> loads = new ArrayList<>();
        List<RebalancingReview.CenterNumbers> centers = new ArrayList<>();
        StaffingStandards standards = model.standards();
        double overBandAbove = standards.targetUtilization() + standards.band();
        List<String> overBand = new ArrayList<>();
        double totalDemand = 0;
        double totalCapacity = 0;
        long fromHour = Math.floorDiv(from.getEpochSecond() + 3599, 3600);
        long toHour = Math.floorDiv(to.getEpochSecond() + 3599, 3600);
        for (Center center : Centers.all().stream().sorted(java.util.Comparator.comparing(Center::code)).toList()) {
            CenterWorkload w = view.workload(center.code(), now);
            // As WorkloadReports.demand: points filed in the trailing demand window, per day.
            double demand = w.since(now.minus(properties.demandWindow())).points / properties.demandWindowDays();
            CenterLoad load = new CenterLoad(center.code(), demand, specialists(center.code()));
            loads.add(load);
            CenterStaffing staffing = model.evaluate(load);
            int filed = 0;
            for (Map.Entry<Long, org.centerline.workload.counters.HourBucket> hour : w.hours.entrySet()) {
                if (hour.getKey() >= fromHour && hour.getKey() < toHour) {
                    filed += hour.getValue().filed;
                }
            }
            Double utilization = staffing.utilization() == null ? null : round(staffing.utilization());
            if (staffing.uncovered() || staffing.utilization() > overBandAbove + 1e-9) {
                overBand.add(center.code());
            }
            totalDemand += staffing.demandPointsPerDay();
            totalCapacity += staffing.capacityPointsPerDay();
            RebalancingReview.CenterNumbers numbers = new RebalancingReview.CenterNumbers(center.code(),
                    round(staffing.demandPointsPerDay()), round(staffing.capacityPointsPerDay()), utilization,
                    staffing.specialists(), staffing.requiredSpecialists(), w.open, w.openPoints, filed, null);
            RebalancingReview.CenterNumbers earlier = before.get(center.code());
            centers.add(earlier == null ? numbers : withChange(numbers, earlier));
        }
        Recommendations recommendations = new Rebalancer(model).recommend(loads);
        List<RebalancingReview.Transfer> transfers = recommendations.transfers().stream()
                .map(t -> new RebalancingReview.Transfer(t.fromCenter(), t.toCenter(), t.role(), t.count(), t.reason())).toList();
        List<RebalancingReview.Hire> hires = recommendations.hires().stream()
                .map(h -> new RebalancingReview.Hire(h.centerCode(), h.role(), h.count(), h.reason())).toList();
        RebalancingReview.Headline headline = new RebalancingReview.Headline(overBand.size(), overBand,
                hires.stream().mapToInt(RebalancingReview.Hire::count).sum(),
                transfers.stream().mapToInt(RebalancingReview.Transfer::count).sum(), round(totalDemand), round(totalCapacity));
        return new RebalancingReview(1, ReviewPeriods.id(from), from, to, now, properties.demandWindow().toString(),
                previous == null ? null : previous.id(), headline, centers, transfers, hires, recommendations.hiresFirst());
    }

    private static RebalancingReview.CenterNumbers withChange(RebalancingReview.CenterNumbers now,
                                                              RebalancingReview.CenterNumbers before) {
        Double utilization = now.utilization() == null || before.utilization() == null ? null
                : round(now.utilization() - before.utilization());
        RebalancingReview.Change change = new RebalancingReview.Change(utilization, now.backlog() - before.backlog(),
                now.filedInPeriod() - before.filedInPeriod(), now.specialists() - before.specialists());
        return new RebalancingReview.CenterNumbers(now.centerCode(), now.demandPointsPerDay(), now.capacityPointsPerDay(),
                now.utilization(), now.specialists(), now.requiredSpecialists(), now.backlog(), now.backlogPoints(),
                now.filedInPeriod(), change);
    }

    /** Specialists on the Center's roster, by role (as WorkloadReports.specialists). */
    private Map<SpecialistRole, Integer> specialists(String centerCode) {
        Map<SpecialistRole, Integer> counts = new EnumMap<>(SpecialistRole.class);
        for (SpecialistRole role : SpecialistRole.values()) {
            counts.put(role, 0);
        }
        StaffingRoster roster = rosters.apply(centerCode);
        if (roster != null) {
            counts.putAll(roster.countsByRole());
        }
        return counts;
    }

    static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
