package org.centerline.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.centerline.stackprocess.KafkaClients;

/** The ceiling: a plain kafka-clients exactly-once consume -> produce pass-through, one transaction per poll, no parsing. */
final class BaselinePassThrough {

    /**
     * routing-service's transactional producer retries after this many ms (application.yml): a transaction begun
     * while the previous one's markers are still being written is refused for a moment, and Kafka's default
     * 100 ms back-off would be most of a filing's latency.
     */
    static final int SHIPPED_RETRY_BACKOFF_MS = 10;

    /** routing-service's transactional producer lingers this long (application.yml): a commit sends what waits. */
    static final int SHIPPED_LINGER_MS = 100;

    /** Bytes of the decision-sized record (a routing decision is about this long). */
    static final int DECISION_BYTES = 300;
    private static final long IDLE_TIMEOUT_MS = 60_000;

    /** Records passed through, transactions committed, and seconds from the first record to the last commit. */
    record Result(long records, long transactions, double seconds) {
        double recordsPerSecond() {
            return records / seconds;
        }
    }

    private BaselinePassThrough() {
    }

    /** Passes {@code n} records from {@link BenchTopics#FILED_COPY} through (from the group's committed offsets), then returns. */
    static Result run(String bootstrap, int n, int maxPollRecords, String compression) {
        return run(bootstrap, n, maxPollRecords, compression, new CountDownLatch(1));
    }

    /** As {@link #run(String, int, int, String)}, counting {@code assigned} down once the consumer has its partitions. */
    static Result run(String bootstrap, int n, int maxPollRecords, String compression, CountDownLatch assigned) {
        Map<String, Object> consumerConfig = new HashMap<>(KafkaClients.committedReader(bootstrap, "bench-baseline", "bench-baseline"));
        consumerConfig.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords);
        Map<String, Object> producerConfig = new HashMap<>(KafkaClients.transactional(bootstrap, "bench-baseline-0"));
        producerConfig.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, compression);
        producerConfig.put(ProducerConfig.RETRY_BACKOFF_MS_CONFIG, SHIPPED_RETRY_BACKOFF_MS);
        producerConfig.put(ProducerConfig.LINGER_MS_CONFIG, SHIPPED_LINGER_MS);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig);
             KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerConfig)) {
            producer.initTransactions();
            consumer.subscribe(List.of(BenchTopics.FILED_COPY), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    assigned.countDown();
                }
            });
            long records = 0;
            long transactions = 0;
            long start = 0;
            long lastData = System.currentTimeMillis();
            while (records < n) {
                ConsumerRecords<byte[], byte[]> batch = consumer.poll(Duration.ofMillis(100));
                if (batch.isEmpty()) {
                    if (System.currentTimeMillis() - lastData > IDLE_TIMEOUT_MS) {
                        throw new IllegalStateException("baseline: no records for 60 s after " + records + " of " + n);
                    }
                    continue;
                }
                if (start == 0) {
                    start = System.nanoTime();
                }
                lastData = System.currentTimeMillis();
                producer.beginTransaction();
                Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
                for (ConsumerRecord<byte[], byte[]> r : batch) {
                    producer.send(new ProducerRecord<>(BenchTopics.CENTER_COPY, r.key(), r.value()));
                    // The filing's timestamp, so the latency run can read filed -> committed off the decision.
                    producer.send(new ProducerRecord<>(BenchTopics.DECISIONS, null, r.timestamp(), r.key(), decision(r.key())));
                    offsets.put(new TopicPartition(r.topic(), r.partition()), new OffsetAndMetadata(r.offset() + 1));
                }
                producer.sendOffsetsToTransaction(offsets, consumer.groupMetadata());
                producer.commitTransaction();
                records += batch.count();
                transactions++;
            }
            return new Result(records, transactions, (System.nanoTime() - start) / 1e9);
        }
    }

    /** A decision-like JSON of {@link #DECISION_BYTES} bytes; the record's key goes where the entry number is. */
    private static final byte[] TEMPLATE = template();
    private static final int KEY_AT = new String(TEMPLATE, StandardCharsets.US_ASCII).indexOf("ABC-1234567-6");

    /** A decision-sized value: the template with the key written in (a new array per record, as a real decision). */
    static byte[] decision(byte[] key) {
        byte[] value = TEMPLATE.clone();
        if (key != null) {
            System.arraycopy(key, 0, value, KEY_AT, Math.min(key.length, 13));
        }
        return value;
    }

    private static byte[] template() {
        StringBuilder json = new StringBuilder("{\"schemaVersion\":1,\"entryNumber\":\"ABC-1234567-6\",\"filerCode\":\"ABC\","
                + "\"importerNumber\":\"12-3456789AB\",\"entryType\":\"01\",\"centerCode\":\"ELE\",\"basis\":\"HTS\","
                + "\"linesByCenter\":{\"ELE\":2},\"tableVersion\":\"2026.1\",\"workloadPoints\":1.5,"
                + "\"filedAt\":\"2026-11-20T10:15:30.123Z\",\"routedAt\":\"2026-11-20T10:15:30.125Z\"");
        while (json.length() < DECISION_BYTES - 1) {
            json.append(' ');
        }
        return json.append('}').toString().getBytes(StandardCharsets.US_ASCII);
    }
}
