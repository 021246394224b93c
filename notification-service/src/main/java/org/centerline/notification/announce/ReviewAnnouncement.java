package org.centerline.notification.announce;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.centerline.contracts.event.RebalancingReview;

/**
 * A rebalancing review announced to Center directors: the {@code data} of its {@code announcement} deliveries. It is
 * not on the public announcement feed ({@code center-announcements}, readable by any caller): the numbers are for
 * those who may read {@code GET /api/reviews} on workload-service (directors, ops, admin), so only their
 * subscriptions that ask for the audience {@value #AUDIENCE} receive it ({@code ReviewAudience}).
 *
 * @param id {@code review-<review id>}
 * @param review the path of the whole review on workload-service
 */
public record ReviewAnnouncement(String id, String reviewId, List<String> audiences, String title, String body,
                                 Instant publishedAt, Instant periodFrom, Instant periodTo,
                                 RebalancingReview.Headline headline, String review) {

    /** The audience reviews are announced to. */
    public static final String AUDIENCE = "Center directors";

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'", Locale.US)
            .withZone(ZoneOffset.UTC);

    public static ReviewAnnouncement of(RebalancingReview r) {
        RebalancingReview.Headline h = r.headline();
        String title = "Rebalancing review " + DAY.format(r.periodFrom()) + " to " + DAY.format(r.periodTo()) + ": "
                + plural(h.centersOverBand(), "Center") + " over the band, " + plural(h.hiresRecommended(), "hire")
                + " recommended";
        StringBuilder body = new StringBuilder();
        body.append(h.overBand().isEmpty() ? "No Center runs over the band." :
                "Over the band: " + String.join(", ", h.overBand()) + ".");
        body.append(" Recommended: ").append(plural(h.hiresRecommended(), "hire")).append(", ")
                .append(plural(h.transfersRecommended(), "specialist")).append(" moved between Centers.");
        body.append(String.format(Locale.US, " Demand %.1f points a day against capacity %.1f.",
                h.totalDemandPointsPerDay(), h.totalCapacityPointsPerDay()));
        if (r.previousReviewId() != null) {
            body.append(" Previous review: ").append(r.previousReviewId()).append('.');
        }
        return new ReviewAnnouncement("review-" + r.id(), r.id(), List.of(AUDIENCE), title, body.toString(), r.publishedAt(),
                r.periodFrom(), r.periodTo(), h, "/api/reviews/" + r.id());
    }

    private static String plural(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
