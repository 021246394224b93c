package org.centerline.notification.state;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.centerline.contracts.topic.TopicTail;
import org.springframework.context.SmartLifecycle;

/**
 * State this service rebuilds from a Kafka topic on every instance (subscriptions, announcements,
 * delivery states): the topic is read whole before the Kafka listeners start, and followed afterwards.
 */
public abstract class TopicBackedState implements SmartLifecycle {

    private static final Duration CATCH_UP = Duration.ofMinutes(2);

    private final TopicTail tail;
    private volatile boolean running;

    protected TopicBackedState(String name, String bootstrapServers, String topic) {
        Consumer<ConsumerRecord<byte[], byte[]>> apply = this::apply;
        this.tail = new TopicTail(name, bootstrapServers, List.of(topic), apply);
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
