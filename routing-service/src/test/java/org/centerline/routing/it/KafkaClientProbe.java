package org.centerline.routing.it;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.management.MBeanServerDelegate;
import javax.management.MBeanServerNotification;
import javax.management.ObjectName;
import org.apache.kafka.common.metrics.KafkaMetric;
import org.apache.kafka.common.metrics.MetricsReporter;

/**
 * A metrics reporter that only records the configuration of each Kafka client it is installed in.
 * Installed through {@code spring.kafka.properties.metric.reporters}, it shows which clients received
 * the {@code spring.kafka.*} settings and what they ended up with, without a broker that checks them.
 * {@link #watchClients} also notes every Kafka client created in the JVM, probed or not.
 */
public class KafkaClientProbe implements MetricsReporter {

    /** Client id -> the configuration the client was built with (clients that received the settings). */
    static final Map<String, Map<String, Object>> CONFIGURED = new ConcurrentHashMap<>();
    /** The id of every Kafka client created since {@link #watchClients} (each registers an app-info MBean). */
    static final Set<String> CREATED = ConcurrentHashMap.newKeySet();

    private static final Set<String> CLIENT_DOMAINS = Set.of("kafka.consumer", "kafka.producer", "kafka.admin.client");
    private static boolean watching;

    static synchronized void watchClients() throws Exception {
        if (watching) {
            return;
        }
        ManagementFactory.getPlatformMBeanServer().addNotificationListener(MBeanServerDelegate.DELEGATE_NAME,
                (notification, handback) -> {
                    ObjectName name = ((MBeanServerNotification) notification).getMBeanName();
                    if (CLIENT_DOMAINS.contains(name.getDomain()) && "app-info".equals(name.getKeyProperty("type"))) {
                        CREATED.add(name.getKeyProperty("id") != null ? name.getKeyProperty("id") : name.getKeyProperty("client-id"));
                    }
                },
                notification -> MBeanServerNotification.REGISTRATION_NOTIFICATION.equals(notification.getType()), null);
        watching = true;
    }

    @Override
    public void configure(Map<String, ?> configs) {
        CONFIGURED.put(String.valueOf(configs.get("client.id")), new HashMap<>(configs));
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
