package org.centerline.workload.counters;

import org.centerline.contracts.event.RoutingDecision;
import org.centerline.contracts.event.StatusChanged;

/** What reaches the entry tracker: a routing decision or a status change, both keyed by entry number. */
public sealed interface WorkloadInput {

    record Routed(RoutingDecision decision) implements WorkloadInput {
    }

    record Status(StatusChanged status) implements WorkloadInput {
    }
}
