package org.centerline.notification.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.centerline.contracts.json.CenterlineJson;
import org.centerline.contracts.topic.Topics;
import org.centerline.notification.NotificationProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Every delivery's state, written to the compacted {@code notifications.delivery-status} topic and read from its
 * global store ({@link DeliveryStores}), so any instance can answer "what became of delivery X"; the dead ones are
 * also on {@code notifications.dead-letter-index}, which is all the dead-letter list reads. A finished delivery
 * (delivered, cancelled) is forgotten {@code centerline.notification.status-retention} after its last attempt (a
 * tombstone); pending, retrying and dead ones are kept until they finish.
 */
@Component
public class DeliveryLedger {

    private static final Logger log = LoggerFactory.getLogger(DeliveryLedger.class);
    /** The states that end a delivery's life; only these expire. */
    static final Set<DeliveryStatus.State> FINISHED = EnumSet.of(DeliveryStatus.State.DELIVERED, DeliveryStatus.State.CANCELLED);

    private final KafkaTemplate<String, byte[]> kafka;
    private final Clock clock;
    private final DeliveryStores stores;
    private final Duration retention;
    private final ScheduledExecutorService purger;

    public DeliveryLedger(KafkaTemplate<String, byte[]> kafka, Clock clock, DeliveryStores stores, NotificationProperties properties,
                          @Value("${centerline.notification.status-purge-interval:1h}") Duration purgeInterval) {
        this.kafka = kafka;
        this.clock = clock;
        this.stores = stores;
        this.retention = properties.statusRetention();
        this.purger = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "delivery-status-retention");
            t.setDaemon(true);
            return t;
        });
        purger.scheduleWithFixedDelay(this::purgeQuietly, purgeInterval.toMillis(), purgeInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Records a new state of the delivery (on the topic, for every instance); a dead one goes on the dead-letter index too. */
    public DeliveryStatus record(Delivery delivery, DeliveryStatus.State state, int attempts, String error) {
        DeliveryStatus status = new DeliveryStatus(delivery.deliveryId(), delivery.subscriptionId(), delivery.eventType(),
                state, attempts, error, clock.instant(), delivery);
        byte[] json = CenterlineJson.mapper().writeValueAsBytes(status);
        kafka.send(Topics.NOTIFICATIONS_DELIVERY_STATUS.name(), delivery.deliveryId(), json);
        if (state == DeliveryStatus.State.DEAD) {
            kafka.send(Topics.NOTIFICATIONS_DEAD_LETTER_INDEX.name(), delivery.deliveryId(), json);
        }
        return status;
    }

    /** The delivery is no longer dead (it is being redelivered): off the dead-letter index. */
    public void revived(String deliveryId) {
        kafka.send(Topics.NOTIFICATIONS_DEAD_LETTER_INDEX.name(), deliveryId, null);
    }

    public Optional<DeliveryStatus> find(String deliveryId) {
        return Optional.ofNullable(stores.store(DeliveryStores.STATUS).get(deliveryId)).map(DeliveryLedger::decode);
    }

    /** The dead delivery, from the dead-letter index. */
    public Optional<DeliveryStatus> findDead(String deliveryId) {
        return Optional.ofNullable(stores.store(DeliveryStores.DEAD).get(deliveryId)).map(DeliveryLedger::decode);
    }

    /** The dead letters, newest first: the index only, never every delivery. */
    public List<DeliveryStatus> dead() {
        List<DeliveryStatus> out = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> all = stores.store(DeliveryStores.DEAD).all()) {
            all.forEachRemaining(kv -> out.add(decode(kv.value)));
        }
        out.sort(Comparator.comparing(DeliveryStatus::updatedAt).reversed());
        return out;
    }

    private static DeliveryStatus decode(byte[] json) {
        return CenterlineJson.mapper().readValue(json, DeliveryStatus.class);
    }

    /** True when the status may be forgotten at {@code now}: finished, and its last attempt longer ago than the retention. */
    static boolean expired(DeliveryStatus status, Instant now, Duration retention) {
        return FINISHED.contains(status.state()) && status.updatedAt() != null && status.updatedAt().plus(retention).isBefore(now);
    }

    /** The ids of the statuses in the store that have expired at {@code now}. */
    static List<String> expired(ReadOnlyKeyValueStore<String, byte[]> store, Instant now, Duration retention) {
        List<String> out = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<String, byte[]> kv = all.next();
                if (expired(decode(kv.value), now, retention)) {
                    out.add(kv.key);
                }
            }
        }
        return out;
    }

    /**
     * Writes a tombstone for every expired status (each instance does, for the statuses it holds: all of them; a
     * tombstone written twice is harmless). Returns how many.
     */
    public int purge() {
        List<String> ids = expired(stores.store(DeliveryStores.STATUS), clock.instant(), retention);
        ids.forEach(id -> kafka.send(Topics.NOTIFICATIONS_DELIVERY_STATUS.name(), id, null));
        return ids.size();
    }

    private void purgeQuietly() {
        try {
            int purged = purge();
            if (purged > 0) {
                log.info("Forgot {} finished deliveries older than {}", purged, retention);
            }
        } catch (RuntimeException e) {
            log.warn("Delivery status retention pass failed; tried again next time: {}", e.toString());
        }
    }

    @jakarta.annotation.PreDestroy
    void close() {
        purger.shutdownNow();
    }
}
