package org.centerline.notification.state;

import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.centerline.contracts.topic.TopicTail;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;

/**
 * State this service rebuilds from a Kafka topic on every instance (subscriptions, announcements,
 * delivery states): the topic is read whole before the Kafka listeners start, and followed afterwards.
 */
public abstract class TopicBackedState implements SmartLifecycle {

    private static final Duration CATCH_UP = Duration.ofMinutes(2);

    private final TopicTail tail;
    private volatile boolean running;

    /** @param consumers the service's consumer factory: its settings (servers, SASL, TLS) are the reader's too */
    protected TopicBackedState(String name, ConsumerFactory<?, ?> consumers, String topic) {
        this.tail = new TopicTail(name, consumers.getConfigurationProperties(), List.of(topic), this::apply);
    }

    /** Applies one record of the topic (a null value is a tombstone). */
    protected abstract void apply(ConsumerRecord<byte[], byte[]> record);

    @Override
    public void start() {
        tail.start();
        try {
            if (!tail.awaitCaughtUp(CATCH_UP)) {
                throw new IllegalStateException("Could not read " + getClass().getSimpleName() + "'s topic within " + CATCH_UP);
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

    /** Before the Kafka listeners, which read this state. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1000;
    }
}
