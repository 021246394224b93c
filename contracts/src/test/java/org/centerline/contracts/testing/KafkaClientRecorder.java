package org.centerline.contracts.testing;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.metrics.KafkaMetric;
import org.apache.kafka.common.metrics.MetricsContext;
import org.apache.kafka.common.metrics.MetricsReporter;

/**
 * A Kafka metrics reporter that only remembers, by client id, the configuration each Kafka client it is installed in
 * was created with, and the client's kind. Installed through {@code metric.reporters} next to a service's security
 * settings, it shows which clients received those settings and what they ended up with, without a broker that checks
 * them. One per JVM: the records are static.
 */
public class KafkaClientRecorder implements MetricsReporter {

    private static final Map<String, Map<String, Object>> CONFIGS = new ConcurrentHashMap<>();
    private static final Map<String, String> KINDS = new ConcurrentHashMap<>();

    private String clientId;

    /** Client id -> the configuration the client was created with, for every client that installed the recorder. */
    public static Map<String, Map<String, Object>> configured() {
        return Map.copyOf(CONFIGS);
    }

    /** The configuration the client was created with, or null if it did not install the recorder. */
    public static Map<String, Object> configOf(String clientId) {
        return CONFIGS.get(clientId);
    }

    /** The ids of the clients of one kind: {@code kafka.consumer}, {@code kafka.producer}, {@code kafka.admin.client}. */
    public static Set<String> clientsIn(String namespace) {
        Set<String> ids = new HashSet<>();
        KINDS.forEach((id, kind) -> {
            if (kind.equals(namespace)) {
                ids.add(id);
            }
        });
        return ids;
    }

    @Override
    public void configure(Map<String, ?> configs) {
        clientId = String.valueOf(configs.get("client.id"));
        CONFIGS.put(clientId, new HashMap<>(configs));
    }

    @Override
    public void contextChange(MetricsContext context) {
        KINDS.put(clientId, context.contextLabels().getOrDefault("_namespace", "?"));
    }

    @Override
    public void init(List<KafkaMetric> metrics) {
    }

    @Override
    public void metricChange(KafkaMetric metric) {
    }

    @Override
    public void metricRemoval(KafkaMetric metric) {
    }

    @Override
    public void close() {
    }
}
