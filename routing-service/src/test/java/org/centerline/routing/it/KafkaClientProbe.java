package org.centerline.routing.it;

import java.lang.management.ManagementFactory;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.management.MBeanServerDelegate;
import javax.management.MBeanServerNotification;
import javax.management.ObjectName;
import org.centerline.contracts.testing.KafkaClientRecorder;

/**
 * The {@link KafkaClientRecorder} (installed through {@code spring.kafka.properties.metric.reporters}, it records
 * the configuration of each client that received the {@code spring.kafka.*} settings), plus {@link #watchClients},
 * which notes every Kafka client created in the JVM, recorded or not.
 */
public class KafkaClientProbe extends KafkaClientRecorder {

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
}
