package org.centerline.bench.soak;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** The summed lag of every consumer group (committed offset to end offset), as the services work through a backlog. */
final class Lag {

    private Lag() {
    }

    /**
     * Waits until every group's lag is below a few records per partition (transaction markers) and stops falling, or
     * {@code timeout}; returns the last lag.
     */
    static long awaitDrained(String bootstrap, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long last = Long.MAX_VALUE;
        int stable = 0;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            while (System.nanoTime() < deadline) {
                long lag = total(admin);
                stable = lag == last ? stable + 1 : 0;
                last = lag;
                if (lag < 200 && stable >= 2) {
                    return lag;
                }
                Soak.sleep(1_000);
            }
        }
        return last;
    }

    static long total(Admin admin) {
        try {
            long sum = 0;
            for (ConsumerGroupListing g : admin.listConsumerGroups().all().get()) {
                Map<TopicPartition, OffsetAndMetadata> committed =
                        admin.listConsumerGroupOffsets(g.groupId()).partitionsToOffsetAndMetadata().get();
                Map<TopicPartition, OffsetSpec> ask = new HashMap<>();
                committed.keySet().forEach(tp -> ask.put(tp, OffsetSpec.latest()));
                var ends = admin.listOffsets(ask).all().get();
                for (var e : committed.entrySet()) {
                    if (e.getValue() != null && ends.containsKey(e.getKey())) {
                        sum += Math.max(0, ends.get(e.getKey()).offset() - e.getValue().offset());
                    }
                }
            }
            return sum;
        } catch (Exception e) {
            return Long.MAX_VALUE / 2;
        }
    }
}
