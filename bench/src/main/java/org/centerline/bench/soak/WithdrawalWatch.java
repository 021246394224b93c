package org.centerline.bench.soak;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.centerline.stackprocess.KafkaClients;

/** Reads a Center's topic from its end (at creation) for a WITHDRAWN record of one entry number. */
final class WithdrawalWatch implements AutoCloseable {

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final String entryNumber;

    WithdrawalWatch(String bootstrap, String topic, String entryNumber) {
        this.entryNumber = entryNumber;
        this.consumer = new KafkaConsumer<>(KafkaClients.committedReader(bootstrap, "soak-withdrawal-watch", null));
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
    }

    boolean await(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                String value = r.value() == null ? "" : new String(r.value(), StandardCharsets.UTF_8);
                String key = r.key() == null ? "" : new String(r.key(), StandardCharsets.UTF_8);
                if ((key.equals(entryNumber) || value.contains(entryNumber)) && value.contains("WITHDRAWN")) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
