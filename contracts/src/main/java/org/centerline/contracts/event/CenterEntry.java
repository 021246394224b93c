package org.centerline.contracts.event;

import java.time.Instant;

/**
 * The value on a Center's topic {@code centers.<code>.entry-summaries}: either an entry summary
 * routed to the Center (with its decision), or the withdrawal of one that a re-filing moved to
 * another Center, so no entry stays open in two Centers.
 */
public record CenterEntry(
        int schemaVersion,
        Action action,
        String entryNumber,
        String centerCode,
        EntrySummary entrySummary,
        RoutingDecision decision,
        String reason,
        Instant at) {

    /** What the record asks the Center to do with the entry. */
    public enum Action { ROUTED, WITHDRAWN }

    public static CenterEntry routed(EntrySummary summary, RoutingDecision decision) {
        return new CenterEntry(1, Action.ROUTED, summary.entryNumber(), decision.centerCode(), summary, decision,
                null, decision.routedAt());
    }

    public static CenterEntry withdrawn(String entryNumber, String fromCenter, RoutingDecision newDecision) {
        return new CenterEntry(1, Action.WITHDRAWN, entryNumber, fromCenter, null, newDecision,
                "Re-filed and routed to " + newDecision.centerCode(), newDecision.routedAt());
    }
}
