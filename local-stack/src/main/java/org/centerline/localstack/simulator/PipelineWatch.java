package org.centerline.localstack.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.centerline.contracts.topic.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts what the router decided since this watch started (routed and rejected records, read
 * committed), so the simulator's progress line shows the pipeline alive: filed = routed + rejected.
 */
public final class PipelineWatch implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PipelineWatch.class);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final AtomicLong routed = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;

    /** Positions at the end of {@code entry-summaries.routed} and {@code .rejected} now, then counts in the background. */
    public PipelineWatch(String bootstrapServers) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.CLIENT_ID_CONFIG, "local-stack-pipeline-watch",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : List.of(Topics.ROUTED.name(), Topics.REJECTED.name())) {
            for (PartitionInfo p : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
                partitions.add(new TopicPartition(p.topic(), p.partition()));
            }
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(tp -> consumer.position(tp, Duration.ofSeconds(30)));
        thread = new Thread(this::loop, "pipeline-watch");
        thread.setDaemon(true);
        thread.start();
    }

    public long routed() {
        return routed.get();
    }

    public long rejected() {
        return rejected.get();
    }

    private void loop() {
        try {
            while (running) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofSeconds(1));
                routed.addAndGet(count(records, Topics.ROUTED.name()));
                rejected.addAndGet(count(records, Topics.REJECTED.name()));
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            log.warn("pipeline watch stopped: {}", e.toString());
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private static long count(ConsumerRecords<byte[], byte[]> records, String topic) {
        long n = 0;
        for (var ignored : records.records(topic)) {
            n++;
        }
        return n;
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
