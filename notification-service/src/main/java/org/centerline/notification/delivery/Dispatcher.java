package org.centerline.notification.delivery;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.centerline.contracts.json.CenterlineJson;
import org.centerline.contracts.topic.Topics;
import org.centerline.notification.source.Notification;
import org.centerline.notification.subscription.Subscription;
import org.centerline.notification.subscription.SubscriptionRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Fans a notification out: one delivery per matching subscription onto {@code notifications} (the live
 * streams read the sources themselves: {@code LiveFeed}). Returns once Kafka has every delivery, so the source record's
 * offset is committed only after (nothing lost; a replay makes the same delivery ids).
 */
@Component
public class Dispatcher {

    private final SubscriptionRegistry subscriptions;
    private final KafkaTemplate<String, byte[]> kafka;
    private final DeliveryLedger ledger;
    private final DeliveryMetrics metrics;

    public Dispatcher(SubscriptionRegistry subscriptions, KafkaTemplate<String, byte[]> kafka, DeliveryLedger ledger,
                      DeliveryMetrics metrics) {
        this.subscriptions = subscriptions;
        this.kafka = kafka;
        this.ledger = ledger;
        this.metrics = metrics;
    }

    public void dispatch(Notification notification) {
        dispatch(notification, false);
    }

    /**
     * As {@link #dispatch}, for a notification whose {@code sourceId} names the event rather than the record (a
     * rebalancing review: its id), read again when its source is re-read or republished: a subscription whose delivery
     * of it the ledger already has past {@code PENDING} (delivered, retrying, dead, cancelled) is skipped, so it is not
     * delivered twice. A {@code PENDING} one (maybe never handed to Kafka) is handed again under the same delivery id.
     */
    public void dispatchOnce(Notification notification) {
        dispatch(notification, true);
    }

    private void dispatch(Notification notification, boolean once) {
        List<CompletableFuture<?>> sends = new ArrayList<>();
        for (Subscription subscription : subscriptions.matching(notification)) {
            if (once && ledger.find(deliveryId(notification, subscription))
                    .filter(status -> status.state() != DeliveryStatus.State.PENDING).isPresent()) {
                continue;
            }
            Delivery delivery = new Delivery(deliveryId(notification, subscription), subscription.id(),
                    notification.eventType(), notification.occurredAt(), notification.data());
            // PENDING before the send, so it can never be the later state of a delivery already made.
            ledger.record(delivery, DeliveryStatus.State.PENDING, 0, null);
            sends.add(kafka.send(Topics.NOTIFICATIONS.name(), subscription.id(), CenterlineJson.mapper().writeValueAsBytes(delivery)));
            metrics.dispatched(delivery.eventType());
        }
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not hand deliveries to Kafka; the source record will be read again", e);
        }
    }

    /** The same notification for the same subscription always gets the same id (receivers drop duplicates). */
    static String deliveryId(Notification notification, Subscription subscription) {
        return UUID.nameUUIDFromBytes((notification.sourceId() + "|" + subscription.id()).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
