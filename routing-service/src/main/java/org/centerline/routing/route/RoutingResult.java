package org.centerline.routing.route;

import org.centerline.contracts.event.EntrySummary;
import org.centerline.contracts.event.Rejection;
import org.centerline.contracts.event.RoutingDecision;

/** What routing made of one filed record: routed to a Center (maybe moving it from another), or rejected. */
public sealed interface RoutingResult {

    /** Routed; {@code decision.previousCenterCode()} names the Center to withdraw it from when a re-filing moved it. */
    record Routed(EntrySummary summary, RoutingDecision decision) implements RoutingResult {
    }

    /** Rejected. {@code key}: the record key of the rejection: the entry number when readable, else the key filed with */
    record Rejected(String key, Rejection rejection) implements RoutingResult {
    }
}
