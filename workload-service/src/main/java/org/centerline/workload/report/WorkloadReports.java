package org.centerline.workload.report;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.centerline.contracts.center.Center;
import org.centerline.contracts.center.Centers;
import org.centerline.contracts.event.SpecialistRole;
import org.centerline.contracts.event.StaffingRoster;
import org.centerline.contracts.workload.WorkloadModel;
import org.centerline.workload.WorkloadProperties;
import org.centerline.workload.counters.CenterWorkload;
import org.centerline.workload.counters.HourBucket;
import org.centerline.workload.counters.WorkloadKeys;
import org.centerline.workload.counters.WorkloadView;
import org.centerline.workload.staffing.CenterLoad;
import org.centerline.workload.staffing.CenterStaffing;
import org.centerline.workload.staffing.Rebalancer;
import org.centerline.workload.staffing.Recommendations;
import org.centerline.workload.staffing.StaffingModel;
import org.centerline.workload.web.CenterReport;
import org.centerline.workload.web.WorkloadReport;
import org.centerline.workload.whatif.WhatIf;
import org.springframework.stereotype.Component;

/**
 * Turns the stores into what people read: each Center's counters, demand against capacity under the
 * staffing model, and the rebalance recommendations.
 */
@Component
public class WorkloadReports {

    private static final String WORKLOAD_MODEL_VERSION = WorkloadModel.standard().version();

    private final WorkloadStores stores;
    private final WorkloadProperties properties;
    private final StaffingModel model;
    private final Clock clock;

    public WorkloadReports(WorkloadStores stores, WorkloadProperties properties, Clock clock) {
        this.stores = stores;
        this.properties = properties;
        this.model = new StaffingModel(properties.standards());
        this.clock = clock;
    }

    public StaffingModel model() {
        return model;
    }

    public WorkloadReport report() {
        Instant now = clock.instant();
        return report(now, true, loads(now));
    }

    public Recommendations recommendations() {
        return new Rebalancer(model).recommend(loads(clock.instant()).values().stream().map(Load::load).toList());
    }

    /** The report and the recommendations made from the same reading of the stores. */
    public record Reading(WorkloadReport report, Recommendations recommendations) {
    }

    /**
     * The report without the commodity-line shares (the gauges do not show them, and they read every day-and-heading
     * count of the window) and the recommendations, from one read of each Center's workload and roster: the gauges
     * show both every refresh.
     */
    public Reading reading() {
        Instant now = clock.instant();
        Map<String, Load> loads = loads(now);
        return new Reading(report(now, false, loads),
                new Rebalancer(model).recommend(loads.values().stream().map(Load::load).toList()));
    }

    /** A Center's workload as read from the stores, and its load under the staffing model. */
    private record Load(CenterWorkload workload, CenterLoad load) {
    }

    /** Every Center's workload and load, in reference order: one read of its counts and roster each. */
    private Map<String, Load> loads(Instant now) {
        Map<String, Load> loads = new LinkedHashMap<>();
        for (Center center : Centers.all()) {
            CenterWorkload w = stores.workload(center.code(), now);
            loads.put(center.code(), new Load(w, new CenterLoad(center.code(), demand(w, now), specialists(center.code()))));
        }
        return loads;
    }

    private WorkloadReport report(Instant now, boolean withShares, Map<String, Load> loads) {
        Map<String, CommodityLines> shares = withShares ? commodityLines(now) : Map.of();
        List<CenterReport> centers = new ArrayList<>();
        for (Center center : Centers.all()) {
            Load load = loads.get(center.code());
            centers.add(report(center, now, load.workload(), load.load(),
                    shares.getOrDefault(center.code(), CommodityLines.NONE)));
        }
        WorkloadReport.Model settings = new WorkloadReport.Model(properties.targetUtilization(), properties.band(),
                properties.demandWindowText(), properties.commodityLinesBand());
        return new WorkloadReport(now, properties.demandWindow().toString(), WORKLOAD_MODEL_VERSION, centers, settings);
    }

    /** A Center's share of lines and of distinct deciding headings, and where the latter is against the band. */
    public record CommodityLines(double lineShare, double headingShare, String band) {
        static final CommodityLines NONE = new CommodityLines(0, 0, "WITHIN");
    }

    /**
     * Each Center's share of all Centers' lines and distinct deciding headings over the demand window, from the
     * day-and-heading counts (whole days, as the what-if reads them): cost days x headings, not entries.
     */
    Map<String, CommodityLines> commodityLines(Instant now) {
        long sinceDay = now.minus(properties.demandWindow()).getEpochSecond() / 86_400;
        return commodityLines(stores.headingCounts(sinceDay), properties.commodityLinesBand());
    }

    /** The shares from the counts (every Center's, any order). */
    public static Map<String, CommodityLines> commodityLines(List<WorkloadView.HeadingCount> counts,
                                                            WorkloadProperties.CommodityLinesBand band) {
        Map<String, Integer> lines = new HashMap<>();
        Map<String, Map<String, Integer>> byHeading = new HashMap<>();
        for (WorkloadView.HeadingCount c : counts) {
            lines.merge(c.centerCode(), c.lines(), Integer::sum);
            if (!WorkloadKeys.STAYS.equals(c.heading())) {
                byHeading.computeIfAbsent(c.centerCode(), k -> new HashMap<>()).merge(c.heading(), c.entries(), Integer::sum);
            }
        }
        Map<String, Integer> headings = new HashMap<>();
        byHeading.forEach((center, entries) -> headings.put(center, WhatIf.distinctHeadings(entries)));
        int allLines = lines.values().stream().mapToInt(n -> Math.max(0, n)).sum();
        int allHeadings = headings.values().stream().mapToInt(Integer::intValue).sum();
        Map<String, CommodityLines> shares = new HashMap<>();
        for (Center center : Centers.all()) {
            double lineShare = allLines == 0 ? 0 : Math.max(0, lines.getOrDefault(center.code(), 0)) / (double) allLines;
            double headingShare = allHeadings == 0 ? 0 : headings.getOrDefault(center.code(), 0) / (double) allHeadings;
            String where = allHeadings == 0 ? "WITHIN"
                    : headingShare < band.minShare() ? "BELOW" : headingShare > band.maxShare() ? "ABOVE" : "WITHIN";
            shares.put(center.code(), new CommodityLines(round(lineShare), round(headingShare), where));
        }
        return shares;
    }

    /** Specialists on the Center's roster, by role. */
    public Map<SpecialistRole, Integer> specialists(String centerCode) {
        Map<SpecialistRole, Integer> counts = new EnumMap<>(SpecialistRole.class);
        for (SpecialistRole role : SpecialistRole.values()) {
            counts.put(role, 0);
        }
        stores.roster(centerCode).map(StaffingRoster::countsByRole).ifPresent(counts::putAll);
        return counts;
    }

    private CenterReport report(Center center, Instant now, CenterWorkload w, CenterLoad load, CommodityLines shares) {
        CenterWorkload t = w;
        HourBucket today = w.since(now.atZone(ZoneOffset.UTC).toLocalDate().atStartOfDay(ZoneOffset.UTC).toInstant());
        HourBucket week = w.since(now.minus(Duration.ofDays(7)));
        HourBucket month = w.since(now.minus(Duration.ofDays(30)));
        long oldest = t.oldestOpenRoutedAt == null ? 0 : Math.max(0, (now.toEpochMilli() - t.oldestOpenRoutedAt) / 1000);
        CenterStaffing staffing = model.evaluate(load);
        Map<String, Integer> byRole = new TreeMap<>();
        load.specialists().forEach((role, n) -> byRole.put(role.name(), n));
        return new CenterReport(center.code(), center.name(), center.office(), today.filed, week.filed, month.filed,
                t.open, t.openPoints, oldest, t.decided,
                t.decisions == 0 ? null : round(t.decisionMillis / (double) t.decisions / 3_600_000.0),
                topChapters(month), shares(month.entryTypes, month.filed), shares(month.flags, month.filed),
                round(staffing.demandPointsPerDay()), byRole, round(staffing.capacityPointsPerDay()),
                staffing.utilization() == null ? null : round(staffing.utilization()), staffing.requiredSpecialists(),
                entriesByFlag(month.flags), shares.lineShare(), shares.headingShare(), shares.band());
    }

    /** Entries by flag, those with a positive count (a bucket's count can fall to 0 when a re-filing moved an entry). */
    private static Map<String, Integer> entriesByFlag(Map<String, Integer> flags) {
        Map<String, Integer> counts = new TreeMap<>();
        flags.forEach((flag, n) -> {
            if (n > 0) {
                counts.put(flag, n);
            }
        });
        return counts;
    }

    /** Points per day over the trailing demand window. */
    public double demand(CenterWorkload w, Instant now) {
        return w.since(now.minus(properties.demandWindow())).points / properties.demandWindowDays();
    }

    private static List<CenterReport.ChapterLines> topChapters(HourBucket month) {
        return month.chapterLines.entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<Integer, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(10).map(e -> new CenterReport.ChapterLines(e.getKey(), e.getValue())).toList();
    }

    private static Map<String, Double> shares(Map<String, Integer> counts, int total) {
        Map<String, Double> shares = new TreeMap<>();
        if (total > 0) {
            counts.forEach((k, v) -> {
                if (v > 0) {
                    shares.put(k, round(v / (double) total));
                }
            });
        }
        return shares;
    }

    static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
