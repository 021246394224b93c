package org.centerline.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.centerline.contracts.topic.Topics;
import org.centerline.stackprocess.KafkaClients;
import org.centerline.stackprocess.Sleep;

/**
 * routing-service's rate over the preloaded filings, timed on its filed counter once it has routed the
 * warm-up filings (or from its first batch's routedAt without a warm-up) until the counter reaches N more.
 */
final class RoutingThroughput {

    private static final long POLL_MS = 50;
    private static final long STALL_TIMEOUT_MS = 60_000;

    /** Filings counted, seconds from the first batch to the count reaching N, and the first batch's start. */
    record Result(long records, double seconds, Instant firstBatch, Instant done) {
        double recordsPerSecond() {
            return records / seconds;
        }
    }

    private RoutingThroughput() {
    }

    /** Waits until routing-service has counted {@code warmup} filings, the time it is warm. */
    static Instant awaitWarm(RoutingServiceProcess service, int warmup) {
        awaitCount(service, warmup);
        return Instant.now();
    }

    /**
     * Times the next {@code n} filings after {@code warmup} (from {@code warmAt}); without a warm-up, from the first batch.
     * Fails if the count stops moving for a minute.
     */
    static Result measure(RoutingServiceProcess service, String bootstrap, int warmup, Instant warmAt, int n) {
        long filed = awaitCount(service, (long) warmup + n) - warmup;
        Instant done = Instant.now();
        Instant first = warmup > 0 ? warmAt : firstRoutedAt(bootstrap);
        return new Result(filed, Duration.between(first, done).toNanos() / 1e9, first, done);
    }

    private static long awaitCount(RoutingServiceProcess service, long n) {
        long filed = 0;
        long lastProgress = System.currentTimeMillis();
        while (true) {
            long now = service.filedTotal();
            if (now >= n) {
                filed = now;
                break;
            }
            if (now > filed) {
                filed = now;
                lastProgress = System.currentTimeMillis();
            } else if (System.currentTimeMillis() - lastProgress > STALL_TIMEOUT_MS) {
                String oom = service.outOfMemory()
                        ? ": OutOfMemoryError in its log (see --routing-jvm)" : "";
                throw new IllegalStateException(String.format("routing-service stopped at %,d of %,d filings (no progress"
                        + " for %d s)%s; its log: %s", filed, n, STALL_TIMEOUT_MS / 1000, oom, service.logFile()));
            }
            Sleep.millis(POLL_MS);
        }
        return filed;
    }

    /** The earliest {@code routedAt} among the first committed decision of each partition of entry-summaries.routed. */
    static Instant firstRoutedAt(String bootstrap) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
                KafkaClients.committedReader(bootstrap, "bench-first-routed", null))) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.ROUTED.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long nonEmpty = ends.values().stream().filter(e -> e > 0).count();
            Map<TopicPartition, Instant> firsts = new HashMap<>();
            long deadline = System.currentTimeMillis() + 30_000;
            while (firsts.size() < nonEmpty && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    TopicPartition tp = new TopicPartition(r.topic(), r.partition());
                    if (!firsts.containsKey(tp)) {
                        firsts.put(tp, JsonInstants.field(r.value(), "routedAt"));
                        consumer.pause(List.of(tp));
                    }
                }
            }
            return firsts.values().stream().min(Instant::compareTo)
                    .orElseThrow(() -> new IllegalStateException("no decision on " + Topics.ROUTED.name()));
        }
    }
}
