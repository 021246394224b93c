package org.centerline.contracts.testing;

import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.centerline.contracts.topic.Topics;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * One real in-process KRaft broker (spring-kafka-test) shared by the integration tests of a module (one per test JVM),
 * with broker auto-create off and every registry topic created as the local stack creates it.
 */
public final class SharedKafka {

    private static EmbeddedKafkaKraftBroker broker;

    private SharedKafka() {
    }

    public static synchronized String bootstrapServers() {
        if (broker == null) {
            broker = new EmbeddedKafkaKraftBroker(1, 1);
            broker.brokerProperties(Map.of(
                    "auto.create.topics.enable", "false",
                    "transaction.state.log.replication.factor", "1",
                    "transaction.state.log.min.isr", "1",
                    "message.max.bytes", String.valueOf(5 * 1024 * 1024)));
            broker.afterPropertiesSet();
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()))) {
                admin.createTopics(Topics.all().stream()
                        .map(t -> new NewTopic(t.name(), t.partitions(), (short) 1).configs(t.configs()))
                        .toList()).all().get();
            } catch (Exception e) {
                throw new IllegalStateException("Could not create the registry topics", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy));
        }
        return broker.getBrokersAsString();
    }
}
