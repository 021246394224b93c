package org.centerline.workload.report;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.centerline.contracts.event.EntryStatus;
import org.centerline.contracts.event.RoutingFlag;
import org.centerline.workload.staffing.Recommendations;
import org.centerline.workload.web.CenterReport;
import org.centerline.workload.web.WorkloadReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The per-Center gauges (label {@code center}) that the staffing dashboard and alerts read,
 * recomputed from the stores every few seconds.
 */
@Component
public class WorkloadGauges {

    private static final Logger log = LoggerFactory.getLogger(WorkloadGauges.class);

    private final WorkloadReports reports;
    private final Map<String, MultiGauge> gauges = new LinkedHashMap<>();
    private final Map<String, ToDoubleFunction<CenterReport>> values = new LinkedHashMap<>();

    public WorkloadGauges(WorkloadReports reports, MeterRegistry registry) {
        this.reports = reports;
        gauge(registry, "centerline.workload.backlog", "Open entry summaries", r -> r.backlog());
        gauge(registry, "centerline.workload.backlog.points", "Open workload points", CenterReport::backlogPoints);
        gauge(registry, "centerline.workload.oldest.open.age", "Age of the oldest open entry (seconds)",
                r -> r.oldestOpenAgeSeconds());
        gauge(registry, "centerline.workload.demand", "Demand, workload points per day", CenterReport::demandPointsPerDay);
        gauge(registry, "centerline.workload.capacity", "Capacity, workload points per day", CenterReport::capacityPointsPerDay);
        gauge(registry, "centerline.workload.utilization", "Demand / capacity (absent without capacity)",
                // Demand with no capacity at all is the worst case: +Inf, so "utilization > x" alerts fire.
                r -> r.utilization() != null ? r.utilization() : r.demandPointsPerDay() > 0 ? Double.POSITIVE_INFINITY : 0);
        gauge(registry, "centerline.workload.required.specialists", "Import specialists the demand requires",
                r -> r.requiredSpecialists());
        gauge(registry, "centerline.workload.filed.today", "Entry summaries filed today", r -> r.filedToday());
        gauge(registry, "centerline.workload.decided", "Entry summaries decided (accepted, CF-29 issued or rejected to the filer) "
                + "since the Center's totals began; withdrawals are not decisions", WorkloadGauges::decided);
        // Tagged center and flag: one row per Center and routing flag, 0 included, so "UFLPA by Center" shows every Center.
        gauges.put(BY_FLAG, MultiGauge.builder(BY_FLAG)
                .description("Entry summaries received in the last 30 days, by routing flag").register(registry));
        MultiGauge in = MultiGauge.builder("centerline.workload.recommended.transfers.in")
                .description("Specialists recommended to move into the Center").register(registry);
        MultiGauge out = MultiGauge.builder("centerline.workload.recommended.transfers.out")
                .description("Specialists recommended to move out of the Center").register(registry);
        MultiGauge hires = MultiGauge.builder("centerline.workload.recommended.hires")
                .description("Specialists recommended to hire for the Center").register(registry);
        gauges.put("in", in);
        gauges.put("out", out);
        gauges.put("hires", hires);
    }

    private static final String BY_FLAG = "centerline.workload.entries.by.flag";

    private static double decided(CenterReport r) {
        return r.decided() == null ? 0 : r.decided().entrySet().stream()
                .filter(e -> !EntryStatus.WITHDRAWN.name().equals(e.getKey())).mapToInt(Map.Entry::getValue).sum();
    }

    private void gauge(MeterRegistry registry, String name, String description, ToDoubleFunction<CenterReport> value) {
        gauges.put(name, MultiGauge.builder(name).description(description).register(registry));
        values.put(name, value);
    }

    @Scheduled(fixedDelayString = "${centerline.workload.metrics-every:10s}", initialDelayString = "5s")
    public void refresh() {
        try {
            WorkloadReports.Reading reading = reports.reading();
            WorkloadReport report = reading.report();
            values.forEach((name, value) -> {
                List<MultiGauge.Row<?>> rows = new ArrayList<>();
                for (CenterReport center : report.centers()) {
                    rows.add(MultiGauge.Row.of(Tags.of("center", center.centerCode()), value.applyAsDouble(center)));
                }
                gauges.get(name).register(rows, true);
            });
            List<MultiGauge.Row<?>> byFlag = new ArrayList<>();
            for (CenterReport center : report.centers()) {
                Map<String, Integer> flags = center.entriesByFlag() == null ? Map.of() : center.entriesByFlag();
                for (RoutingFlag flag : RoutingFlag.values()) {
                    byFlag.add(MultiGauge.Row.of(Tags.of("center", center.centerCode(), "flag", flag.name()),
                            flags.getOrDefault(flag.name(), 0)));
                }
            }
            gauges.get(BY_FLAG).register(byFlag, true);
            Recommendations recommendations = reading.recommendations();
            Map<String, Integer> in = new HashMap<>();
            Map<String, Integer> out = new HashMap<>();
            Map<String, Integer> hires = new HashMap<>();
            recommendations.transfers().forEach(t -> {
                in.merge(t.toCenter(), t.count(), Integer::sum);
                out.merge(t.fromCenter(), t.count(), Integer::sum);
            });
            recommendations.hires().forEach(h -> hires.merge(h.centerCode(), h.count(), Integer::sum));
            register("in", report, in);
            register("out", report, out);
            register("hires", report, hires);
        } catch (RuntimeException e) {
            log.debug("Workload gauges not refreshed (stores not ready): {}", e.toString());
        }
    }

    private void register(String gauge, WorkloadReport report, Map<String, Integer> counts) {
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        for (CenterReport center : report.centers()) {
            rows.add(MultiGauge.Row.of(Tags.of("center", center.centerCode()), counts.getOrDefault(center.centerCode(), 0)));
        }
        gauges.get(gauge).register(rows, true);
    }
}
