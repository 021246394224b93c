package org.centerline.contracts.testing;

import java.util.Locale;
import java.util.Map;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The Testcontainers side of {@link SharedKafka}, in a class of its own so that a run on the in-process broker never
 * loads Testcontainers.
 */
final class ContainerKafka {

    /** Kafka's GraalVM native image, the same Kafka version as kafka-clients and the local stack's broker. */
    static final String IMAGE = "apache/kafka-native:4.1.2";

    private ContainerKafka() {
    }

    static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    /** Starts the container with these broker settings (as KAFKA_* environment) and returns its bootstrap servers. */
    @SuppressWarnings("resource") // stopped by Testcontainers' Ryuk when the test JVM ends, and by the hook below
    static String start(Map<String, String> brokerSettings) {
        KafkaContainer kafka = new KafkaContainer(IMAGE);
        brokerSettings.forEach((k, v) -> kafka.withEnv("KAFKA_" + k.toUpperCase(Locale.ROOT).replace('.', '_'), v));
        kafka.start();
        Runtime.getRuntime().addShutdownHook(new Thread(kafka::stop));
        return kafka.getBootstrapServers();
    }
}
