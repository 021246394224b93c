package org.centerline.contracts.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.centerline.contracts.topic.Topics;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * One real Kafka broker shared by the integration tests of a module (one per test JVM), with broker auto-create off and
 * every registry topic created as the local stack creates it. Which broker: system property
 * {@value #PROPERTY} = {@code auto} (default: a Testcontainers {@code apache/kafka-native} container when a Docker
 * engine answers, the in-process KRaft broker of spring-kafka-test otherwise), {@code embedded} or {@code container}
 * (fails when there is no Docker engine).
 */
public final class SharedKafka {

    public static final String PROPERTY = "centerline.test.broker";

    /** The brokers a test run can use. */
    public enum Broker { EMBEDDED, CONTAINER }

    private static final Map<String, String> BROKER_SETTINGS = Map.of(
            "auto.create.topics.enable", "false",
            "transaction.state.log.replication.factor", "1",
            "transaction.state.log.min.isr", "1",
            "message.max.bytes", String.valueOf(5 * 1024 * 1024));

    private static String bootstrapServers;
    private static Broker chosen;

    private SharedKafka() {
    }

    public static synchronized String bootstrapServers() {
        if (bootstrapServers == null) {
            chosen = choose(System.getProperty(PROPERTY, "auto"), SharedKafka::dockerAvailable);
            bootstrapServers = chosen == Broker.CONTAINER ? ContainerKafka.start(BROKER_SETTINGS) : embedded();
            createTopics(bootstrapServers);
        }
        return bootstrapServers;
    }

    /** The broker this JVM's tests run on (null before the first {@link #bootstrapServers()}). */
    public static synchronized Broker broker() {
        return chosen;
    }

    /**
     * The broker for a {@value #PROPERTY} setting: {@code embedded}, {@code container}, or {@code auto} (also blank)
     * = the container when {@code dockerAvailable} says so; asks {@code dockerAvailable} only for {@code auto}.
     *
     * @throws IllegalArgumentException for another value, or {@code container} without Docker
     */
    public static Broker choose(String setting, BooleanSupplier dockerAvailable) {
        String s = setting == null ? "" : setting.trim().toLowerCase(Locale.ROOT);
        return switch (s) {
            case "", "auto" -> dockerAvailable.getAsBoolean() ? Broker.CONTAINER : Broker.EMBEDDED;
            case "embedded" -> Broker.EMBEDDED;
            case "container" -> {
                if (!dockerAvailable.getAsBoolean()) {
                    throw new IllegalArgumentException(PROPERTY + "=container but no Docker engine answers"
                            + " (DOCKER_HOST or /var/run/docker.sock); use auto or embedded");
                }
                yield Broker.CONTAINER;
            }
            default -> throw new IllegalArgumentException(PROPERTY + " must be auto, embedded or container: '" + setting + "'");
        };
    }

    /**
     * Whether a Docker engine answers: none without {@code DOCKER_HOST}, a Testcontainers configuration or a docker
     * socket (so a machine without Docker never loads Testcontainers); otherwise Testcontainers' own probe.
     */
    static boolean dockerAvailable() {
        boolean hint = System.getenv("DOCKER_HOST") != null
                || Files.exists(Path.of("/var/run/docker.sock"))
                || Files.exists(Path.of(System.getProperty("user.home"), ".testcontainers.properties"));
        return hint && ContainerKafka.dockerAvailable();
    }

    private static String embedded() {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.brokerProperties(BROKER_SETTINGS);
        broker.afterPropertiesSet();
        Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy));
        return broker.getBrokersAsString();
    }

    private static void createTopics(String bootstrap) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(Topics.all().stream()
                    .map(t -> new NewTopic(t.name(), t.partitions(), (short) 1).configs(t.configs()))
                    .toList()).all().get();
        } catch (Exception e) {
            throw new IllegalStateException("Could not create the registry topics", e);
        }
    }
}
