package org.centerline.notification.subscription;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.centerline.contracts.json.CenterlineJson;
import org.centerline.contracts.topic.Topics;
import org.centerline.notification.state.TopicBackedState;
import org.centerline.notification.source.Notification;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Every subscription, as the compacted {@code notification-subscriptions} topic says, on every
 * instance: read whole at start (before the listeners run) and followed while running.
 */
@Component
public class SubscriptionRegistry extends TopicBackedState {

    private final Map<String, Subscription> byId = new ConcurrentHashMap<>();

    public SubscriptionRegistry(@Value("${spring.kafka.bootstrap-servers}") String bootstrapServers) {
        super("subscriptions", bootstrapServers, Topics.NOTIFICATION_SUBSCRIPTIONS.name());
    }

    @Override
    protected void apply(ConsumerRecord<byte[], byte[]> record) {
        String id = new String(record.key(), StandardCharsets.UTF_8);
        if (record.value() == null) {
            byId.remove(id);
        } else {
            byId.put(id, CenterlineJson.mapper().readValue(record.value(), Subscription.class));
        }
    }

    public Optional<Subscription> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public List<Subscription> matching(Notification notification) {
        return byId.values().stream().filter(s -> s.matches(notification)).toList();
    }

    public int size() {
        return byId.size();
    }




}
