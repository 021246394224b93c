package org.centerline.workload.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.centerline.contracts.center.Center;
import org.centerline.contracts.center.Centers;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.centerline.contracts.event.ImporterAssignment;
import org.centerline.contracts.event.StaffingRoster;
import org.centerline.streams.LocalStores;
import org.centerline.workload.WorkloadProperties;
import org.centerline.workload.counters.CenterWorkload;
import org.centerline.workload.counters.WorkloadTopology;
import org.centerline.workload.counters.WorkloadView;
import org.springframework.stereotype.Component;

/**
 * Reads workload-service's global stores for the API, the gauges and the what-if: every instance holds
 * every Center's published counts, so every instance gives the same answer without forwarding. The query
 * service retries while a store is briefly unavailable.
 */
@Component
public class WorkloadStores {

    private final LocalStores stores;
    private final WorkloadView view;

    public WorkloadStores(LocalStores stores, WorkloadProperties properties) {
        this.stores = stores;
        this.view = new WorkloadView(() -> stores.keyValue(WorkloadTopology.GLOBAL_TOTALS),
                () -> stores.keyValue(WorkloadTopology.GLOBAL_WINDOWS), properties.retention());
    }

    public CenterWorkload workload(String centerCode, Instant now) {
        return view.workload(centerCode, now);
    }

    public Optional<StaffingRoster> roster(String centerCode) {
        return Optional.ofNullable(stores.<StaffingRoster>keyValue(WorkloadTopology.ROSTERS).get(centerCode));
    }

    /**
     * Importers with an account-based assignment, by Center code (the what-if moves a merged Center's accounts
     * with it). One pass over the assignments table: its cost follows the number of assigned importers, not
     * the history of filings.
     */
    public Map<String, Integer> accountsByCenter() {
        Map<String, Integer> counts = new HashMap<>();
        try (KeyValueIterator<String, ImporterAssignment> all = stores.<ImporterAssignment>keyValue(WorkloadTopology.ASSIGNMENTS).all()) {
            all.forEachRemaining(kv -> {
                if (kv.value != null && kv.value.centerCode() != null) {
                    counts.merge(kv.value.centerCode().toUpperCase(Locale.ROOT), 1, Integer::sum);
                }
            });
        }
        return counts;
    }

    /** Every Center's day-and-heading counts from {@code sinceDay} on (the what-if prices them). */
    public List<WorkloadView.HeadingCount> headingCounts(long sinceDay) {
        List<WorkloadView.HeadingCount> all = new ArrayList<>();
        for (Center center : Centers.all()) {
            all.addAll(view.headingCounts(center.code(), sinceDay));
        }
        return all;
    }
}
