package org.centerline.faults;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.centerline.stackprocess.KafkaClients;
import org.centerline.stackprocess.Sleep;

/**
 * What is on the broker, as a downstream consumer sees it: every committed record of some topics
 * ({@code read_committed}, from the beginning to the end as of the call), and how far a consumer group has got.
 */
final class CommittedLog implements AutoCloseable {

    private final String bootstrap;
    private final Admin admin;

    CommittedLog(String bootstrap) {
        this.bootstrap = bootstrap;
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.CLIENT_ID_CONFIG, "fault-tests-admin",
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 4_000));
    }

    /**
     * Hands every committed record of {@code topics} to {@code visitor} (key as UTF-8 text or null, value as bytes), in
     * partition order, up to the last stable offset of each partition at the time of the call.
     */
    void readAll(Collection<String> topics, BiConsumer<ConsumerRecord<byte[], byte[]>, String> visitor) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
                KafkaClients.committedReader(bootstrap, "fault-tests-reader", null))) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                consumer.partitionsFor(topic, Duration.ofSeconds(30))
                        .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    if (r.offset() < end.get(new TopicPartition(r.topic(), r.partition()))) {
                        visitor.accept(r, r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8));
                    }
                }
            }
        }
    }

    /** Records on the topic (the sum of its partitions' end offsets). */
    long endOffset(String topic) {
        try {
            List<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic)
                    .partitions().stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            partitions.forEach(tp -> latest.put(tp, OffsetSpec.latest()));
            return admin.listOffsets(latest).all().get().values().stream().mapToLong(i -> i.offset()).sum();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read the end offsets of " + topic + ": " + e.getCause(), e);
        }
    }

    /**
     * The offsets {@code group} has committed on {@code topic}, summed over its partitions; -1 when unknown right now.
     * A transactional consumer's offsets count once its transaction has committed: what it has finished.
     */
    long committed(String group, String topic) {
        try {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get();
            return offsets.entrySet().stream().filter(e -> e.getKey().topic().equals(topic) && e.getValue() != null)
                    .mapToLong(e -> e.getValue().offset()).sum();
        } catch (Exception e) {
            return -1;
        }
    }

    /** Waits until {@code group} has committed offsets summing to at least {@code target} on {@code topic}. */
    void awaitCommitted(String group, String topic, long target, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long committed;
        while ((committed = committed(group, topic)) < target) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(group + " committed " + committed + " of " + target + " on " + topic
                        + " within " + timeout.toSeconds() + " s");
            }
            Sleep.millis(100);
        }
    }

    /**
     * Waits until routing-service has finished {@code filings} filings: its group committed them on
     * {@code entry-summaries.filed} and, for the few filed without their entry number as key (re-keyed through
     * {@link #REKEYED}, then routed), also every committed record of that repartition topic. Offsets on the filed
     * topic alone no longer mean "routed" for those: they commit once re-keyed.
     */
    void awaitRouted(String group, long filings, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        awaitCommitted(group, org.centerline.contracts.topic.Topics.FILED.name(), filings, timeout);
        Map<Integer, Long> last = new HashMap<>();
        readAll(List.of(REKEYED), (r, key) -> last.merge(r.partition(), r.offset(), Math::max));
        while (true) {
            Map<TopicPartition, OffsetAndMetadata> offsets;
            try {
                offsets = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
            } catch (Exception e) {
                offsets = Map.of();
            }
            Map<TopicPartition, OffsetAndMetadata> committed = offsets;
            boolean drained = last.entrySet().stream().allMatch(e -> {
                OffsetAndMetadata at = committed.get(new TopicPartition(REKEYED, e.getKey()));
                return at != null && at.offset() > e.getValue();
            });
            if (drained) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(group + " has not routed the re-keyed filings of " + REKEYED + " within "
                        + timeout.toSeconds() + " s: last records " + last + ", committed " + committed);
            }
            Sleep.millis(100);
        }
    }

    /** routing-service's repartition topic of filings filed without their entry number as key. */
    static final String REKEYED = "routing-service-filed-by-entry-number-repartition";

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
