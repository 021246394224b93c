package org.centerline.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.centerline.contracts.topic.Topics;
import org.centerline.stackprocess.KafkaClients;

/**
 * Follows a decision topic (read_committed) from its end and records each decision's latencies in microseconds:
 * routing-service's {@code entry-summaries.routed}, whose decisions carry {@code filedAt} and {@code routedAt}, or the
 * baseline's {@code bench.decisions}, whose record timestamp is the filing's (the pass-through parses nothing).
 */
final class RoutedTail implements AutoCloseable {

    private final String bootstrap;
    private final String topic;
    private final boolean stampsInJson;
    private volatile long measureFromEpochMs = Long.MAX_VALUE;
    private final Samples serviceMicros = new Samples();
    private final Samples visibleMicros = new Samples();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong receivedBytes = new AtomicLong();
    private final AtomicLong lastReceivedAt = new AtomicLong(System.currentTimeMillis());
    private final CountDownLatch positioned = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread thread;
    private volatile boolean stop;
    private volatile RuntimeException failure;

    private RoutedTail(String bootstrap, String topic, boolean stampsInJson) {
        this.bootstrap = bootstrap;
        this.topic = topic;
        this.stampsInJson = stampsInJson;
        this.thread = new Thread(this::run, "routed-tail");
        this.thread.setDaemon(true);
    }

    /** routing-service's decisions: both latencies, from the decision's own stamps. */
    static RoutedTail routingDecisions(String bootstrap) {
        return new RoutedTail(bootstrap, Topics.ROUTED.name(), true);
    }

    /** The baseline's decisions: only {@code seen - filedAt}, filedAt being the record timestamp the pass-through copies. */
    static RoutedTail baselineDecisions(String bootstrap) {
        return new RoutedTail(bootstrap, BenchTopics.DECISIONS, false);
    }

    /** Starts following and returns once the reader sits at the end of every partition. */
    void start() {
        thread.start();
        try {
            if (!positioned.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("decision reader did not start within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        checkFailure();
    }

    /** Measures decisions filed at or after this time (epoch ms); before it is called, none. */
    void measureFrom(long epochMs) {
        measureFromEpochMs = epochMs;
    }

    /** Decisions received since the start (measured or not). */
    long received() {
        checkFailure();
        return received.get();
    }

    /** Average size of the decisions received, bytes. */
    double averageDecisionBytes() {
        long n = received.get();
        return n == 0 ? 0 : (double) receivedBytes.get() / n;
    }

    /** When the last decision arrived, epoch ms. */
    long lastReceivedAt() {
        return lastReceivedAt.get();
    }

    /** Stops following; the samples are complete afterwards. */
    @Override
    public void close() {
        stop = true;
        try {
            finished.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    long[] serviceMicros() {
        return serviceMicros.toArray();
    }

    long[] visibleMicros() {
        return visibleMicros.toArray();
    }

    private void run() {
        Map<String, Object> config = new HashMap<>(KafkaClients.committedReader(bootstrap, "bench-routed-tail", null));
        // The reader is the measuring instrument: it must not hold a fetch at the broker for Kafka's default 500 ms.
        config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 5);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            positioned.countDown();
            while (!stop) {
                ConsumerRecords<byte[], byte[]> batch = consumer.poll(Duration.ofMillis(100));
                if (batch.isEmpty()) {
                    continue;
                }
                Instant seen = Instant.now();
                long bytes = 0;
                for (ConsumerRecord<byte[], byte[]> r : batch) {
                    if (stampsInJson) {
                        record(r.value(), seen);
                    } else if (r.timestamp() >= measureFromEpochMs) {
                        visibleMicros.add(ChronoUnit.MICROS.between(Instant.ofEpochMilli(r.timestamp()), seen));
                    }
                    bytes += r.value().length;
                }
                receivedBytes.addAndGet(bytes);
                received.addAndGet(batch.count());
                lastReceivedAt.set(seen.toEpochMilli());
            }
        } catch (RuntimeException e) {
            failure = e;
            positioned.countDown();
        } finally {
            finished.countDown();
        }
    }

    /** routedAt - filedAt (the service's own stamps) and seen - filedAt. */
    private void record(byte[] decision, Instant seen) {
        Instant filedAt = JsonInstants.field(decision, "filedAt");
        if (filedAt.toEpochMilli() < measureFromEpochMs) {
            return;
        }
        Instant routedAt = JsonInstants.field(decision, "routedAt");
        serviceMicros.add(ChronoUnit.MICROS.between(filedAt, routedAt));
        visibleMicros.add(ChronoUnit.MICROS.between(filedAt, seen));
    }

    private void checkFailure() {
        if (failure != null) {
            throw new IllegalStateException("decision reader failed: " + failure, failure);
        }
    }
}
