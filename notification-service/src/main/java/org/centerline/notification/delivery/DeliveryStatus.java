package org.centerline.notification.delivery;

import java.time.Instant;

/** Where a delivery stands, on the compacted {@code notifications.delivery-status} topic (key: delivery id). */
public record DeliveryStatus(String deliveryId, String subscriptionId, String eventType, State state, int attempts,
                             String lastError, Instant updatedAt, Delivery delivery) {

    /** The life of a delivery; DEAD ones can be redelivered. */
    public enum State { PENDING, RETRYING, DELIVERED, DEAD, CANCELLED }
}
