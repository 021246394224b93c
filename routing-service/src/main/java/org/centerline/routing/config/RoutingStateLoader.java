package org.centerline.routing.config;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.centerline.contracts.topic.Topics;
import org.centerline.routing.assignment.ImporterAssignments;
import org.centerline.contracts.topic.TopicTail;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.SmartLifecycle;

/**
 * Loads the importer assignments (a small compacted topic, whole on every instance) from Kafka before
 * the routing topology starts (an earlier lifecycle phase that blocks until caught up), and follows it,
 * so a restarted instance routes exactly as the one before it would have. Also the readiness health of
 * that state. (The routing ledger is the topology's own store, restored by Kafka Streams.)
 */
public class RoutingStateLoader implements SmartLifecycle, HealthIndicator {

    private final RoutingProperties properties;
    private final TopicTail assignmentsTail;
    private volatile boolean running;

    public RoutingStateLoader(RoutingProperties properties, KafkaClientSettings kafka, ImporterAssignments assignments) {
        this.properties = properties;
        Map<String, Object> settings = kafka.consumer(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, properties.bootstrapServers()));
        this.assignmentsTail = new TopicTail("importer-assignments", settings, List.of(Topics.IMPORTER_ASSIGNMENTS.name()),
                assignments::apply);
    }

    @Override
    public void start() {
        assignmentsTail.start();
        try {
            if (!assignmentsTail.awaitCaughtUp(properties.catchUpTimeout())) {
                throw new IllegalStateException("Could not read importer-assignments from Kafka ("
                        + properties.bootstrapServers() + ") within " + properties.catchUpTimeout()
                        + "; refusing to route without them.");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while loading routing state", e);
        }
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        assignmentsTail.close();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before the routing topology, which starts in a later phase. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1000;
    }

    @Override
    public Health health() {
        boolean ready = assignmentsTail.isCaughtUp();
        return (ready ? Health.up() : Health.outOfService())
                .withDetail("importerAssignments", assignmentsTail.isCaughtUp() ? "loaded" : "loading")
                .build();
    }
}
