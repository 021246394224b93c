package org.centerline.contracts.event;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Where an entry summary went and why, on {@code entry-summaries.routed}: anyone can ask why an
 * entry went where it went. {@code previousCenterCode} is set on a re-filing that moved Centers;
 * {@code linesByHeading} lets the decision be replayed under another HTS -> Center table.
 */
public record RoutingDecision(
        int schemaVersion,
        String entryNumber,
        String filerCode,
        String importerNumber,
        String entryType,
        String centerCode,
        RoutingBasis basis,
        Map<String, Integer> linesByCenter,
        Map<String, Integer> linesByHeading,
        String tableVersion,
        double workloadPoints,
        List<RoutingFlag> flags,
        String previousCenterCode,
        Instant filedAt,
        Instant routedAt) {

    public RoutingDecision {
        linesByCenter = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(linesByCenter));
        // Null (absent) on decisions written before it existed.
        linesByHeading = linesByHeading == null ? null
                : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(linesByHeading));
        flags = List.copyOf(flags);
    }

    public boolean has(RoutingFlag flag) {
        return flags.contains(flag);
    }
}
