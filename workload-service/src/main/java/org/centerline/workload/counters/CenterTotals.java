package org.centerline.workload.counters;

import java.util.Map;
import java.util.TreeMap;
import org.centerline.contracts.event.EntryStatus;

/**
 * One task's running totals for one Center (not windowed): the open backlog, decisions by type and the
 * time they took, and the oldest open item's routing time. Kept in the {@code center-totals} store and
 * published, keyed {@code CENTER/partition}, to {@code workload-service.center-totals}; readers sum the
 * partitions.
 */
public final class CenterTotals {

    public String centerCode;
    public int open;
    public double openPoints;
    public Map<String, Integer> decided = new TreeMap<>();
    public long decisionMillis;
    public long decisions;
    /** Epoch ms of the oldest open item's routing, or null when none is open. */
    public Long oldestOpenRoutedAt;

    public CenterTotals() {
    }

    public CenterTotals(String centerCode) {
        this.centerCode = centerCode;
    }

    void apply(CenterDelta d) {
        open += d.open();
        openPoints = Math.max(0, Math.round((openPoints + d.open() * d.points()) * 100) / 100.0);
        if (d.decision() != null) {
            decided.merge(d.decision().name(), 1, Integer::sum);
            if (d.decision() != EntryStatus.WITHDRAWN && d.millisToDecision() != null) {
                decisionMillis += d.millisToDecision();
                decisions++;
            }
        }
    }
}
