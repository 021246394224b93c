package org.centerline.notification.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import org.centerline.notification.subscription.SubscriptionRegistry;
import org.springframework.stereotype.Component;

/** Delivery metrics: by outcome and event type, latency from the event to delivery, retries, dead letters, subscriptions. */
@Component
public class DeliveryMetrics {

    private final MeterRegistry registry;

    public DeliveryMetrics(MeterRegistry registry, SubscriptionRegistry subscriptions) {
        this.registry = registry;
        Gauge.builder("centerline.notification.subscriptions", subscriptions, SubscriptionRegistry::size)
                .description("Subscriptions").register(registry);
    }

    void dispatched(String eventType) {
        outcome("dispatched", eventType);
    }

    void delivered(String eventType, Instant occurredAt, Instant now) {
        outcome("delivered", eventType);
        Timer.builder("centerline.notification.delivery.latency").description("From the event to its delivery")
                .publishPercentileHistogram().tag("event_type", eventType).register(registry)
                .record(Duration.between(occurredAt, now).abs());
    }

    void failed(String eventType, boolean dead) {
        outcome(dead ? "dead" : "retrying", eventType);
        Counter.builder(dead ? "centerline.notification.dead.letters" : "centerline.notification.retries")
                .description(dead ? "Deliveries parked after the last attempt" : "Delivery attempts that failed and will be retried")
                .tag("event_type", eventType).register(registry).increment();
    }

    private void outcome(String outcome, String eventType) {
        Counter.builder("centerline.notification.deliveries").description("Deliveries, by outcome and event type")
                .tag("outcome", outcome).tag("event_type", eventType).register(registry).increment();
    }
}
