package org.centerline.contracts.topic;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads whole topics from the beginning and then follows them, on its own thread, handing every
 * committed record to a handler. This is how a service rebuilds in-memory state that lives in
 * Kafka (a compacted table, a ledger) after a restart, on every instance alike: no consumer group,
 * all partitions, {@code read_committed}. {@link #awaitCaughtUp} tells when the state reflects
 * everything that was on the topics when the tail started. It is created with the service's Kafka client
 * settings, so SASL and TLS reach it like every other Kafka client of the service.
 */
public final class TopicTail implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TopicTail.class);

    /** What reading a topic whole, committed records only and without a group, relies on; plus the client id. */
    private static final Map<String, Object> OWN = Map.of(
            ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
            ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000",
            ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName(),
            ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());

    private final String name;
    private final List<String> topics;
    private final Map<String, Object> config;
    private final Consumer<ConsumerRecord<byte[], byte[]>> handler;
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private volatile boolean running;
    private Thread thread;

    /**
     * @param clientSettings the caller's Kafka client settings: {@code bootstrap.servers} and whatever else its
     *                       clients need (security protocol, SASL, TLS, metrics reporters). The keys the tail relies on
     *                       (client id, isolation level, offsets, deserializers) are its own and replace the caller's;
     *                       a group id is dropped, as the tail reads every partition without a group.
     */
    public TopicTail(String name, Map<String, Object> clientSettings, List<String> topics,
                     Consumer<ConsumerRecord<byte[], byte[]>> handler) {
        this.name = name;
        this.topics = List.copyOf(topics);
        this.handler = handler;
        this.config = new HashMap<>(clientSettings);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        config.putAll(OWN);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "centerline-tail-" + name);
        if (config.get(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG) == null) {
            throw new IllegalArgumentException("TopicTail " + name + ": the client settings name no bootstrap.servers");
        }
    }

    public synchronized void start() {
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
            try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(config)) {
                consumer = c;
                follow(c);
            } catch (WakeupException e) {
                // close() asked us to stop
            } catch (RuntimeException e) {
                if (running) {
                    log.warn("Reading {} failed; starting over in 2 s: {}", topics, e.toString());
                    sleep(2_000);
                }
            }
        }
    }

    private void follow(KafkaConsumer<byte[], byte[]> c) {
        if (!running) {
            return; // close() came before it could see this consumer to wake it up
        }
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            for (PartitionInfo info : c.partitionsFor(topic, Duration.ofSeconds(30))) {
                partitions.add(new TopicPartition(topic, info.partition()));
            }
        }
        c.assign(partitions);
        c.seekToBeginning(partitions);
        Map<TopicPartition, Long> targets = caughtUp.getCount() > 0 ? new HashMap<>(c.endOffsets(partitions)) : Map.of();
        while (running) {
            ConsumerRecords<byte[], byte[]> records = c.poll(Duration.ofMillis(500));
            for (ConsumerRecord<byte[], byte[]> record : records) {
                try {
                    handler.accept(record);
                } catch (RuntimeException e) {
                    // The exception's class only: its message may quote the record (a webhook secret, a filing).
                    log.warn("Skipping unreadable record {}-{}@{} ({})", record.topic(), record.partition(), record.offset(),
                            e.getClass().getSimpleName());
                }
            }
            if (caughtUp.getCount() > 0 && reached(c, targets)) {
                log.info("{}: caught up with {}", name, topics);
                caughtUp.countDown();
            }
        }
    }

    private static boolean reached(KafkaConsumer<byte[], byte[]> c, Map<TopicPartition, Long> targets) {
        for (Map.Entry<TopicPartition, Long> target : targets.entrySet()) {
            if (c.position(target.getKey()) < target.getValue()) {
                return false;
            }
        }
        return true;
    }

    /** Waits until everything that was on the topics at start has been handed to the handler. */
    public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        return caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public boolean isCaughtUp() {
        return caughtUp.getCount() == 0;
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

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
