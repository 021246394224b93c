package org.centerline.workload.counters;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.centerline.contracts.event.EntryStatus;
import org.centerline.contracts.event.RoutingFlag;

/**
 * A change to one Center's workload, sent from the per-entry tracker to the per-Center aggregate
 * (keyed by Center code): an entry filed into or out of the Center's counts, opened or closed.
 *
 * @param filed +1 when the entry starts counting for the Center, -1 when a re-filing moves it away, 0 otherwise
 * @param open +1 when it enters the backlog, -1 when it leaves it, 0 otherwise
 * @param decision the closing status when the entry was decided (or withdrawn), else null
 * @param whatIfHeading the HTS heading that carries the entry in the what-if counts (its largest heading of
 *     the Center it was routed to), or {@link WorkloadKeys#STAYS} when no table change moves it
 */
public record CenterDelta(
        String centerCode,
        String entryNumber,
        int filed,
        int open,
        double points,
        Instant filedAt,
        Instant routedAt,
        String entryType,
        List<RoutingFlag> flags,
        Map<String, Integer> linesByHeading,
        EntryStatus decision,
        Long millisToDecision,
        String whatIfHeading) {

    public CenterDelta {
        flags = flags == null ? List.of() : List.copyOf(flags);
        linesByHeading = linesByHeading == null ? Map.of() : Map.copyOf(linesByHeading);
    }
}
