package org.centerline.notification.subscription;

import org.centerline.contracts.event.RoutingDecision;
import org.centerline.notification.source.Notification;
import org.centerline.security.Role;

/**
 * Who hears of {@code entry.routed}: a partner agency's subscription (or live stream) hears of every
 * entry whose routing decision names that agency, and of no other; ops and admin hear of them only when
 * they ask for {@code entry.routed} by name (they are one per entry of interest to any agency). Filers,
 * importers and Center staff do not hear of them: the event is for partner agencies (CONTRACT.md).
 */
public final class AgencyRouting {

    private AgencyRouting() {
    }

    public static boolean matches(Subscription s, Notification n) {
        if (!(n.data() instanceof RoutingDecision decision)) {
            return false;
        }
        Subscription.Owner owner = s.owner();
        if (owner == null || owner.role() == Role.OPS || owner.role() == Role.ADMIN) {
            return s.eventTypes().contains(Notification.ENTRY_ROUTED);
        }
        return owner.role() == Role.AGENCY && owner.party() != null && decision.names(owner.party())
                && (s.eventTypes().isEmpty() || s.eventTypes().contains(Notification.ENTRY_ROUTED));
    }
}
