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
import org.centerline.security.Caller;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

/**
 * Every subscription, as the compacted {@code notification-subscriptions} topic says, on every
 * instance: read whole at start (before the listeners run) and followed while running.
 */
@Component
public class SubscriptionRegistry extends TopicBackedState {

    private final Map<String, Subscription> byId = new ConcurrentHashMap<>();

    public SubscriptionRegistry(ConsumerFactory<?, ?> consumers) {
        super("subscriptions", consumers, Topics.NOTIFICATION_SUBSCRIPTIONS.name());
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

    /** The subscription, when it exists and the caller may see it: someone else's looks like none. */
    public Optional<Subscription> findFor(String id, Caller caller) {
        return find(id).filter(s -> SubscriptionScope.mayRead(caller, s));
    }

    public List<Subscription> matching(Notification notification) {
        return byId.values().stream().filter(s -> s.matches(notification)).toList();
    }

    public int size() {
        return byId.size();
    }
}
