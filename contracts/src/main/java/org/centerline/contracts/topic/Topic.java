package org.centerline.contracts.topic;

import java.util.Map;

/**
 * One Kafka topic of Centerline: its name, what its record key is, how many partitions it has and
 * the topic configs it is created with. Topics are created explicitly (broker auto-create is off).
 */
public record Topic(String name, String key, String value, int partitions, Map<String, String> configs) {

    public Topic {
        configs = Map.copyOf(configs);
    }

    public boolean compacted() {
        return "compact".equals(configs.get("cleanup.policy"));
    }
}
