package org.centerline.routing.classify;

import java.util.List;
import java.util.Map;
import org.centerline.contracts.event.PartnerAgency;
import org.centerline.contracts.event.RoutingBasis;
import org.centerline.contracts.event.RoutingFlag;

/** The outcome of classifying one entry summary: its Center, on what basis, and the facts behind it. */
public record Classification(
        String centerCode,
        RoutingBasis basis,
        Map<String, Integer> linesByCenter,
        Map<String, Integer> linesByHeading,
        List<RoutingFlag> flags,
        double workloadPoints,
        List<PartnerAgency> partnerAgencies) {
}
