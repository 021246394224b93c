package org.centerline.notification.subscription;

import java.util.Set;
import org.centerline.notification.announce.ReviewAnnouncement;
import org.centerline.notification.source.Notification;
import org.centerline.security.Role;

/**
 * Who hears of a rebalancing review ({@link ReviewAnnouncement}): a subscription that names the audience
 * {@value ReviewAnnouncement#AUDIENCE} and was made by a role that may read the reviews (a director of any Center,
 * ops, admin). A subscription without an audience filter does not: unlike a public announcement, a review's numbers
 * are not for everyone, so one must ask for it.
 */
public final class ReviewAudience {

    private static final Set<Role> READERS = Set.of(Role.DIRECTOR, Role.OPS, Role.ADMIN);

    private ReviewAudience() {
    }

    public static boolean matches(Subscription s, Notification n) {
        Subscription.Owner owner = s.owner();
        return n.data() instanceof ReviewAnnouncement && owner != null && READERS.contains(owner.role())
                && s.audiences().stream().anyMatch(ReviewAnnouncement.AUDIENCE::equalsIgnoreCase);
    }
}
