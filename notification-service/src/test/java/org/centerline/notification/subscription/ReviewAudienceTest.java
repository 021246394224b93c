package org.centerline.notification.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.centerline.contracts.event.RebalancingReview;
import org.centerline.contracts.json.CenterlineJson;
import org.centerline.contracts.topic.Topics;
import org.centerline.notification.announce.ReviewAnnouncement;
import org.centerline.notification.source.Notification;
import org.centerline.notification.source.ReviewSourceAccess;
import org.centerline.security.Role;
import org.junit.jupiter.api.Test;

/** A rebalancing review reaches the subscriptions of directors, ops and admin that ask for "Center directors", no other. */
class ReviewAudienceTest {

    static final RebalancingReview REVIEW = new RebalancingReview(1, "2026-11-30T00:00:00Z",
            Instant.parse("2026-11-30T00:00:00Z"), Instant.parse("2026-12-07T00:00:00Z"),
            Instant.parse("2026-12-07T00:00:40Z"), "PT720H", "2026-11-23T00:00:00Z",
            new RebalancingReview.Headline(2, List.of("ELE", "MAC"), 3, 1, 912.5, 800.0), List.of(), List.of(), List.of(), false);

    private static Notification notification(long offset) {
        return ReviewSourceAccess.toNotification(new ConsumerRecord<>(Topics.REBALANCING_REVIEWS.name(), 0, offset,
                REVIEW.id(), CenterlineJson.mapper().writeValueAsBytes(REVIEW)));
    }

    private static Subscription subscription(Role role, String party, List<String> types, List<String> centers,
                                             List<String> audiences) {
        return new Subscription("id", "who", types, null, null, centers, audiences, null, Instant.EPOCH,
                new Subscription.Owner("someone", role, party));
    }

    @Test
    void theNotificationIsAnAnnouncementForCenterDirectorsWithTheHeadlineNumbers() {
        Notification n = notification(7);
        assertThat(n.eventType()).isEqualTo(Notification.ANNOUNCEMENT);
        assertThat(n.audiences()).containsExactly("Center directors");
        assertThat(n.centerCode()).as("all Centers").isNull();
        ReviewAnnouncement a = (ReviewAnnouncement) n.data();
        assertThat(a.reviewId()).isEqualTo(REVIEW.id());
        assertThat(a.title()).isEqualTo("Rebalancing review 30 Nov 2026 00:00 UTC to 7 Dec 2026 00:00 UTC: 2 Centers over the band,"
                + " 3 hires recommended");
        assertThat(a.body()).contains("Over the band: ELE, MAC.", "3 hires, 1 specialist moved", "912.5", "800.0");
        assertThat(a.headline()).isEqualTo(REVIEW.headline());
        assertThat(a.review()).isEqualTo("/api/reviews/2026-11-30T00:00:00Z");
        // The source is the review, not the record: a re-read at another offset is the same notification.
        assertThat(n.sourceId()).isEqualTo(notification(99).sourceId()).isEqualTo("rebalancing-reviews/2026-11-30T00:00:00Z");
    }

    @Test
    void directorsOpsAndAdminThatAskForCenterDirectorsHearOfIt() {
        Notification n = notification(0);
        assertThat(subscription(Role.DIRECTOR, "ELE", null, List.of("ELE"), List.of("Center directors")).matches(n)).isTrue();
        assertThat(subscription(Role.DIRECTOR, "PNG", List.of(Notification.ANNOUNCEMENT), List.of("PNG"),
                List.of("Importers", "center directors")).matches(n)).isTrue();
        assertThat(subscription(Role.OPS, null, null, null, List.of("Center directors")).matches(n)).isTrue();
        assertThat(subscription(Role.ADMIN, null, null, null, List.of("Center directors")).matches(n)).isTrue();
    }

    @Test
    void nobodyElseDoes() {
        Notification n = notification(0);
        assertThat(subscription(Role.DIRECTOR, "ELE", null, List.of("ELE"), List.of("Importers")).matches(n))
                .as("another audience").isFalse();
        assertThat(subscription(Role.DIRECTOR, "ELE", null, List.of("ELE"), null).matches(n))
                .as("no audience filter: a review must be asked for").isFalse();
        assertThat(subscription(Role.DIRECTOR, "ELE", List.of(Notification.ENTRY_STATUS), List.of("ELE"),
                List.of("Center directors")).matches(n)).as("event types").isFalse();
        assertThat(subscription(Role.FILER, "ABC", null, null, List.of("Center directors")).matches(n)).isFalse();
        assertThat(subscription(Role.SPECIALIST, "ELE", null, List.of("ELE"), List.of("Center directors")).matches(n)).isFalse();
        assertThat(subscription(Role.AGENCY, "FDA", null, null, List.of("Center directors")).matches(n)).isFalse();
        assertThat(new Subscription("id", "who", null, null, null, null, List.of("Center directors"), null, Instant.EPOCH, null)
                .matches(n)).as("no owner recorded").isFalse();
    }

    @Test
    void aTombstoneMakesNoNotification() {
        assertThat(ReviewSourceAccess.toNotification(new ConsumerRecord<>(Topics.REBALANCING_REVIEWS.name(), 0, 1L,
                REVIEW.id(), null))).isNull();
        assertThat(new String(CenterlineJson.mapper().writeValueAsBytes(REVIEW), StandardCharsets.UTF_8)).contains("headline");
    }
}
