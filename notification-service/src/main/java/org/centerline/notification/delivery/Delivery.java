package org.centerline.notification.delivery;

import java.time.Instant;

/**
 * One notification for one subscription, on the {@code notifications} topic (key: subscription id).
 * Its JSON, less {@code subscriptionId}, is the body the subscriber's webhook receives (CONTRACT.md).
 */
public record Delivery(String deliveryId, String subscriptionId, String eventType, Instant occurredAt, Object data) {

    /** The webhook body: {@code deliveryId, eventType, occurredAt, data}. */
    public record Body(String deliveryId, String eventType, Instant occurredAt, Object data) {
    }

    public Body body() {
        return new Body(deliveryId, eventType, occurredAt, data);
    }
}
