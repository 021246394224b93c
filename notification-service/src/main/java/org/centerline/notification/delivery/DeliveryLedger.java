package org.centerline.notification.delivery;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.centerline.contracts.json.CenterlineJson;
import org.centerline.contracts.topic.Topics;
import org.centerline.notification.state.TopicBackedState;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Every delivery's state, written to and read back from the compacted
 * {@code notifications.delivery-status} topic, so any instance can answer "what became of delivery X"
 * and list the dead ones.
 */
@Component
public class DeliveryLedger extends TopicBackedState {

    private final Map<String, DeliveryStatus> byId = new ConcurrentHashMap<>();
    private final KafkaTemplate<String, byte[]> kafka;
    private final Clock clock;

    public DeliveryLedger(KafkaTemplate<String, byte[]> kafka, Clock clock, ConsumerFactory<?, ?> consumers) {
        super("delivery-status", consumers, Topics.NOTIFICATIONS_DELIVERY_STATUS.name());
        this.kafka = kafka;
        this.clock = clock;
    }

    @Override
    protected void apply(ConsumerRecord<byte[], byte[]> record) {
        String id = new String(record.key(), StandardCharsets.UTF_8);
        if (record.value() == null) {
            byId.remove(id);
        } else {
            keepNewer(CenterlineJson.mapper().readValue(record.value(), DeliveryStatus.class));
        }
    }

    /** Records a new state of the delivery (here at once, and on the topic for every instance). */
    public DeliveryStatus record(Delivery delivery, DeliveryStatus.State state, int attempts, String error) {
        DeliveryStatus status = new DeliveryStatus(delivery.deliveryId(), delivery.subscriptionId(), delivery.eventType(),
                state, attempts, error, clock.instant(), delivery);
        keepNewer(status);
        kafka.send(Topics.NOTIFICATIONS_DELIVERY_STATUS.name(), delivery.deliveryId(),
                CenterlineJson.mapper().writeValueAsBytes(status));
        return status;
    }

    // This instance's own writes arrive here first and again from the topic; the later state stands.
    private void keepNewer(DeliveryStatus status) {
        byId.merge(status.deliveryId(), status, (old, neu) -> neu.updatedAt().isBefore(old.updatedAt()) ? old : neu);
    }

    public Optional<DeliveryStatus> find(String deliveryId) {
        return Optional.ofNullable(byId.get(deliveryId));
    }

    public List<DeliveryStatus> dead() {
        return byId.values().stream().filter(s -> s.state() == DeliveryStatus.State.DEAD)
                .sorted(java.util.Comparator.comparing(DeliveryStatus::updatedAt).reversed()).toList();
    }




}
