package org.centerline.notification.subscription;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.centerline.contracts.json.CenterlineJson;
import org.centerline.contracts.topic.TopicTail;
import org.centerline.contracts.topic.Topics;
import org.centerline.notification.source.Notification;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Every subscription, as the compacted {@code notification-subscriptions} topic says, on every
 * instance: read whole at start (before the listeners run) and followed while running.
 */
@Component
public class SubscriptionRegistry implements SmartLifecycle {

    private final Map<String, Subscription> byId = new ConcurrentHashMap<>();
    private final TopicTail tail;
    private volatile boolean running;

    public SubscriptionRegistry(@Value("${spring.kafka.bootstrap-servers}") String bootstrapServers) {
        this.tail = new TopicTail("subscriptions", bootstrapServers, List.of(Topics.NOTIFICATION_SUBSCRIPTIONS.name()),
                this::apply);
    }

    void apply(ConsumerRecord<byte[], byte[]> record) {
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

    @Override
    public void start() {
        tail.start();
        try {
            if (!tail.awaitCaughtUp(Duration.ofMinutes(2))) {
                throw new IllegalStateException("Could not read notification-subscriptions from Kafka within 2 minutes");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        tail.close();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before the Kafka listeners (which match against it). */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1000;
    }
}
