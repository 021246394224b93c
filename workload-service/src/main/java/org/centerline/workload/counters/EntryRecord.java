package org.centerline.workload.counters;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.centerline.contracts.event.EntryStatus;
import org.centerline.contracts.event.RoutingBasis;
import org.centerline.contracts.event.RoutingFlag;

/**
 * What workload-service remembers of one entry number: its current Center and routing facts (so a
 * re-filing is counted once, and moves with the entry), and where its review stands. {@code touchedAt} is the
 * time of the last event that changed it: a closed (or never routed) entry is pruned once that is older
 * than the retention; an open one is kept.
 */
public record EntryRecord(
        String entryNumber,
        String centerCode,
        String entryType,
        RoutingBasis basis,
        List<RoutingFlag> flags,
        double workloadPoints,
        Map<String, Integer> linesByHeading,
        Instant filedAt,
        Instant routedAt,
        EntryStatus status,
        boolean open,
        PendingStatus pending,
        Instant touchedAt) {

    /**
     * A status read before the routing decision it belongs to (they come on different topics): applied
     * when a decision for the same Center, routed no later than the status, arrives.
     */
    public record PendingStatus(String centerCode, EntryStatus status, Instant at) {
    }

    public EntryRecord {
        flags = flags == null ? List.of() : List.copyOf(flags);
        linesByHeading = linesByHeading == null ? Map.of() : Map.copyOf(linesByHeading);
    }

    /** An entry known so far only from a status that came before its routing decision. */
    static EntryRecord pendingOnly(String entryNumber, PendingStatus pending) {
        return new EntryRecord(entryNumber, pending.centerCode(), null, null, null, 0, null, null, null, null, false, pending,
                pending.at());
    }

    EntryRecord withPending(PendingStatus pending) {
        return new EntryRecord(entryNumber, centerCode, entryType, basis, flags, workloadPoints, linesByHeading, filedAt,
                routedAt, status, open, pending, touchedAt == null || pending.at().isAfter(touchedAt) ? pending.at() : touchedAt);
    }

    /** Whether the entry has been routed (a status event can arrive before its routing decision). */
    public boolean routed() {
        return routedAt != null;
    }
}
