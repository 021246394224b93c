package org.centerline.bench.soak;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/** Each topic's bytes on the broker's log dirs and its record count (end minus start offsets), as the soak left them. */
final class TopicSizes {

    /** One topic: bytes on disk, offsets (records incl. transaction markers), bytes per offset. */
    record Size(long bytes, long offsets) {
        double bytesPerRecord() {
            return offsets == 0 ? 0 : (double) bytes / offsets;
        }
    }

    private TopicSizes() {
    }

    static Map<String, Size> measure(String bootstrap) {
        Map<String, Size> sizes = new TreeMap<>();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            List<Integer> brokers = admin.describeCluster().nodes().get().stream().map(n -> n.id()).toList();
            Map<String, Long> bytes = new HashMap<>();
            var dirs = admin.describeLogDirs(brokers).allDescriptions().get();
            for (var byBroker : dirs.values()) {
                for (var dir : byBroker.values()) {
                    dir.replicaInfos().forEach((tp, info) -> bytes.merge(tp.topic(), info.size(), Long::sum));
                }
            }
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
            var topics = admin.describeTopics(bytes.keySet()).allTopicNames().get();
            topics.forEach((name, d) -> d.partitions().forEach(p -> {
                latest.put(new TopicPartition(name, p.partition()), OffsetSpec.latest());
                earliest.put(new TopicPartition(name, p.partition()), OffsetSpec.earliest());
            }));
            var ends = admin.listOffsets(latest).all().get();
            var starts = admin.listOffsets(earliest).all().get();
            Map<String, Long> offsets = new HashMap<>();
            ends.forEach((tp, e) -> offsets.merge(tp.topic(), e.offset() - starts.get(tp).offset(), Long::sum));
            bytes.forEach((topic, b) -> sizes.put(topic, new Size(b, offsets.getOrDefault(topic, 0L))));
        } catch (Exception e) {
            Soak.say("topic sizes not measured: %s", e);
        }
        return sizes;
    }
}
