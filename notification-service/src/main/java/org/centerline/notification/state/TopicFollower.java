package org.centerline.notification.state;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one topic whole from the beginning, then follows it, on its own thread: no consumer group, every
 * partition, {@code read_committed}. Unlike contracts' {@code TopicTail} it takes the service's full
 * consumer settings, so SASL and TLS reach it like every other Kafka client of the service.
 */
final class TopicFollower implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TopicFollower.class);

    private final String name;
    private final String topic;
    private final Map<String, Object> config;
    private final Consumer<ConsumerRecord<byte[], byte[]>> handler;
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private volatile boolean running;
    private Thread thread;

    /** @param settings the service's consumer settings (Spring's consumer factory): servers, security, TLS */
    TopicFollower(String name, String topic, Map<String, Object> settings, Consumer<ConsumerRecord<byte[], byte[]>> handler) {
        this.name = name;
        this.topic = topic;
        this.handler = handler;
        this.config = new HashMap<>(settings);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "centerline-tail-" + name);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
    }

    synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::run, "tail-" + name);
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        while (running) {
            try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
                consumer = c;
                follow(c);
            } catch (WakeupException e) {
                // close() asked us to stop
            } catch (RuntimeException e) {
                if (running) {
                    log.warn("Reading {} failed; starting over in 2 s: {}", topic, e.toString());
                    pause();
                }
            }
        }
    }

    private void follow(KafkaConsumer<byte[], byte[]> c) {
        List<TopicPartition> partitions = c.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        c.assign(partitions);
        c.seekToBeginning(partitions);
        Map<TopicPartition, Long> targets = caughtUp.getCount() > 0 ? c.endOffsets(partitions) : Map.of();
        while (running) {
            for (ConsumerRecord<byte[], byte[]> record : c.poll(Duration.ofMillis(500))) {
                try {
                    handler.accept(record);
                } catch (RuntimeException e) {
                    // The exception's class only: its message may quote the record, and a subscription holds a secret.
                    log.warn("Skipping unreadable record {}-{}@{} ({})", record.topic(), record.partition(), record.offset(),
                            e.getClass().getSimpleName());
                }
            }
            if (caughtUp.getCount() > 0 && targets.entrySet().stream().allMatch(t -> c.position(t.getKey()) >= t.getValue())) {
                log.info("Caught up with {}", topic);
                caughtUp.countDown();
            }
        }
    }

    /** Waits until everything that was on the topic at start has been handed to the handler. */
    boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        return caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        running = false;
        KafkaConsumer<byte[], byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
