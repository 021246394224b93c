package org.centerline.contracts.event;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Where an entry summary went and why, on {@code entry-summaries.routed}: anyone can ask why an
 * entry went where it went. {@code previousCenterCode} is set on a re-filing that moved Centers;
 * {@code linesByHeading} lets the decision be replayed under another HTS -> Center table;
 * {@code partnerAgencies} names the partner government agencies with an interest in the entry and
 * {@code referenceVersions} the versions of the reference tables it was judged by.
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
        Instant routedAt,
        List<PartnerAgency> partnerAgencies,
        Map<String, String> referenceVersions) {

    /** A decision without partner agencies and reference versions (as written before they existed). */
    public RoutingDecision(int schemaVersion, String entryNumber, String filerCode, String importerNumber, String entryType,
                           String centerCode, RoutingBasis basis, Map<String, Integer> linesByCenter,
                           Map<String, Integer> linesByHeading, String tableVersion, double workloadPoints,
                           List<RoutingFlag> flags, String previousCenterCode, Instant filedAt, Instant routedAt) {
        this(schemaVersion, entryNumber, filerCode, importerNumber, entryType, centerCode, basis, linesByCenter, linesByHeading,
                tableVersion, workloadPoints, flags, previousCenterCode, filedAt, routedAt, null, null);
    }

    public RoutingDecision {
        linesByCenter = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(linesByCenter));
        // Null (absent) on decisions written before it existed.
        linesByHeading = linesByHeading == null ? null
                : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(linesByHeading));
        flags = List.copyOf(flags);
        // Null (absent) on decisions written before they existed.
        partnerAgencies = partnerAgencies == null ? null : List.copyOf(partnerAgencies);
        referenceVersions = referenceVersions == null ? null
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(referenceVersions));
    }

    /** Whether the decision names this partner agency ({@code FDA}, {@code EPA}, ...). */
    public boolean names(String agency) {
        if (partnerAgencies == null) {
            return false;
        }
        for (PartnerAgency a : partnerAgencies) {
            if (a.agency().equals(agency)) {
                return true;
            }
        }
        return false;
    }

    public boolean has(RoutingFlag flag) {
        return flags.contains(flag);
    }
}
