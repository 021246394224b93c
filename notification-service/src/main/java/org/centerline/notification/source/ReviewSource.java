package org.centerline.notification.source;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.centerline.contracts.event.RebalancingReview;
import org.centerline.contracts.json.CenterlineJson;
import org.centerline.contracts.topic.Topics;
import org.centerline.notification.NotificationProperties;
import org.centerline.notification.announce.ReviewAnnouncement;
import org.centerline.notification.delivery.Dispatcher;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * workload-service's rebalancing reviews ({@code rebalancing-reviews}) announced to Center directors: each review
 * becomes an {@code announcement} notification carrying a {@link ReviewAnnouncement} (its headline numbers), for the
 * audience {@value ReviewAnnouncement#AUDIENCE} only ({@link org.centerline.notification.subscription.ReviewAudience}).
 * Its own consumer group, like the other sources. Idempotent by review id: the notification's source is the review id,
 * not the record's offset, so the delivery ids are the same however often the review is read (a re-read after a
 * failure, the same review published again), and {@link Dispatcher#dispatchOnce} skips the deliveries already made.
 * That memory lasts {@code centerline.notification.status-retention}: a review published longer ago is not announced
 * (a new consumer group, or lost offsets, would otherwise announce a year of reviews to directors at once).
 */
@Component
public class ReviewSource {

    private final Dispatcher dispatcher;
    private final Clock clock;
    private final Duration remembered;

    public ReviewSource(Dispatcher dispatcher, Clock clock, NotificationProperties properties) {
        this.dispatcher = dispatcher;
        this.clock = clock;
        this.remembered = properties.statusRetention();
    }

    @KafkaListener(id = "notification-reviews", groupId = "notification-service-reviews",
            containerFactory = "sourcesContainerFactory",
            topics = "#{T(org.centerline.contracts.topic.Topics).REBALANCING_REVIEWS.name()}")
    public void onRecord(ConsumerRecord<String, byte[]> record) throws InterruptedException {
        NotificationSources.dispatch(record, r -> recent(toNotification(r)), dispatcher::dispatchOnce);
    }

    /** The notification, or null when its review is older than the deliveries are remembered. */
    private Notification recent(Notification n) {
        return n == null || n.occurredAt().isBefore(clock.instant().minus(remembered)) ? null : n;
    }

    /** The announcement of one review, or null for a tombstone or a record without an id. */
    static Notification toNotification(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            return null;
        }
        RebalancingReview review = CenterlineJson.mapper().readValue(record.value(), RebalancingReview.class);
        if (review.id() == null || review.headline() == null) {
            return null;
        }
        ReviewAnnouncement announcement = ReviewAnnouncement.of(review);
        java.time.Instant at = review.publishedAt() != null ? review.publishedAt()
                : java.time.Instant.ofEpochMilli(record.timestamp());
        return new Notification(Topics.REBALANCING_REVIEWS.name() + "/" + review.id(), Notification.ANNOUNCEMENT, at, null,
                null, null, announcement.audiences(), announcement);
    }
}
