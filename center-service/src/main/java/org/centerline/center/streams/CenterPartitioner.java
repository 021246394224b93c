package org.centerline.center.streams;

import java.util.Optional;
import java.util.Set;
import org.apache.kafka.streams.processor.StreamPartitioner;
import org.centerline.contracts.topic.Topics;

/**
 * How center-service partitions by Center: one partition per Center ({@link Topics#centerCommandPartition}),
 * on the commands topic and the by-Center repartition topic alike. Finding the instance that owns a
 * Center's stores must use this partitioner too, not the default hash of the key.
 */
public final class CenterPartitioner<V> implements StreamPartitioner<String, V> {

    public static <V> CenterPartitioner<V> of() {
        return new CenterPartitioner<>();
    }

    @Override
    public Optional<Set<Integer>> partitions(String topic, String centerCode, V value, int numPartitions) {
        return Optional.of(Set.of(Topics.centerCommandPartition(centerCode) % numPartitions));
    }
}
