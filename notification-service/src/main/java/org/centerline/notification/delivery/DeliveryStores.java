package org.centerline.notification.delivery;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.centerline.contracts.json.CenterlineJson;
import org.centerline.contracts.topic.Topics;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

/**
 * The delivery states and the dead letters, each a Kafka Streams global store (RocksDB, on disk under
 * {@code centerline.state-dir}) of its compacted topic: every instance can answer for any delivery, the heap
 * holds none of them, and a restart reads only what changed since its checkpoint.
 */
@Component
public class DeliveryStores implements SmartLifecycle {

    public static final String STATUS = "delivery-status";
    public static final String DEAD = "dead-letters";
    private static final Duration START = Duration.ofMinutes(2);

    private final Map<String, Object> kafka;
    private final String instanceId;
    private final Path stateDir;
    private volatile KafkaStreams streams;

    public DeliveryStores(ConsumerFactory<?, ?> consumers,
                          @Value("${centerline.instance-id:${spring.application.name}}") String instanceId,
                          @Value("${centerline.state-dir:${spring.kafka.streams.state-dir:${java.io.tmpdir}/centerline}}") String stateDir) {
        this.kafka = new HashMap<>(consumers.getConfigurationProperties());
        this.instanceId = instanceId;
        this.stateDir = Path.of(stateDir, "notification-service", instanceId);
    }

    /** The two global stores; a newer record replaces an older one unless it is older by its time (own writes race). */
    public static Topology topology() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addGlobalStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STATUS), Serdes.String(), Serdes.ByteArray())
                        .withLoggingDisabled(),
                Topics.NOTIFICATIONS_DELIVERY_STATUS.name(),
                org.apache.kafka.streams.kstream.Consumed.with(Serdes.String(), Serdes.ByteArray()),
                () -> new Keeper(STATUS));
        builder.addGlobalStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DEAD), Serdes.String(), Serdes.ByteArray())
                        .withLoggingDisabled(),
                Topics.NOTIFICATIONS_DEAD_LETTER_INDEX.name(),
                org.apache.kafka.streams.kstream.Consumed.with(Serdes.String(), Serdes.ByteArray()),
                () -> new Keeper(DEAD));
        return builder.build();
    }

    private static final class Keeper implements Processor<String, byte[], Void, Void> {
        private final String name;
        private KeyValueStore<String, byte[]> store;

        Keeper(String name) {
            this.name = name;
        }

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            store = context.getStateStore(name);
        }

        @Override
        public void process(Record<String, byte[]> record) {
            if (record.key() == null) {
                return;
            }
            if (record.value() == null) {
                store.delete(record.key());
                return;
            }
            byte[] old = store.get(record.key());
            if (old != null && updatedAt(record.value()).isBefore(updatedAt(old))) {
                return;
            }
            store.put(record.key(), record.value());
        }
    }

    static Instant updatedAt(byte[] status) {
        return CenterlineJson.mapper().readValue(status, DeliveryStatus.class).updatedAt();
    }

    Properties properties() {
        Properties p = new Properties();
        kafka.forEach((k, v) -> {
            // The service's Kafka settings (servers, security) minus the consumer-only ones Streams sets itself.
            if (!k.endsWith("deserializer") && !k.equals(ConsumerConfig.GROUP_ID_CONFIG) && !k.equals(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG)
                    && !k.equals(ConsumerConfig.ISOLATION_LEVEL_CONFIG) && !k.equals(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG)) {
                p.put(k, v);
            }
        });
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, "notification-service-state");
        p.put(StreamsConfig.CLIENT_ID_CONFIG, instanceId + "-delivery-stores");
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.ISOLATION_LEVEL_CONFIG), "read_committed");
        return p;
    }

    @Override
    public void start() {
        KafkaStreams s = new KafkaStreams(topology(), properties());
        forgetAnotherClustersState(s);
        s.start();
        long deadline = System.nanoTime() + START.toNanos();
        // Global stores are restored (from their checkpoint on) before the instance is RUNNING.
        while (s.state() != KafkaStreams.State.RUNNING) {
            if (System.nanoTime() > deadline || s.state() == KafkaStreams.State.ERROR || s.state() == KafkaStreams.State.NOT_RUNNING) {
                s.close(Duration.ofSeconds(10));
                throw new IllegalStateException("The delivery stores did not start within " + START + " (state " + s.state() + ")");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        streams = s;
    }

    /**
     * The stores' checkpoints are offsets of one Kafka cluster: against another (a local stack started afresh, a
     * restored backup) they would skip or keep the wrong records. The cluster id is kept next to the state; when it
     * differs, the state is wiped and rebuilt from the topics.
     */
    private void forgetAnotherClustersState(KafkaStreams s) {
        Map<String, Object> admin = new HashMap<>();
        properties().forEach((k, v) -> admin.put((String) k, v));
        admin.keySet().removeIf(k -> k.startsWith("application.") || k.equals(StreamsConfig.STATE_DIR_CONFIG)
                || k.startsWith("consumer.") || k.equals(StreamsConfig.CLIENT_ID_CONFIG));
        admin.put(org.apache.kafka.clients.admin.AdminClientConfig.CLIENT_ID_CONFIG, instanceId + "-delivery-stores-admin");
        String clusterId;
        try (org.apache.kafka.clients.admin.Admin a = org.apache.kafka.clients.admin.Admin.create(admin)) {
            clusterId = a.describeCluster().clusterId().get(60, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not reach Kafka to start the delivery stores", e);
        }
        Path marker = stateDir.resolve("kafka-cluster-id");
        try {
            String known = java.nio.file.Files.exists(marker) ? java.nio.file.Files.readString(marker).strip() : null;
            if (known != null && !known.equals(clusterId)) {
                s.cleanUp();
            }
            java.nio.file.Files.createDirectories(stateDir);
            java.nio.file.Files.writeString(marker, clusterId);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Could not use the state dir " + stateDir, e);
        }
    }

    public ReadOnlyKeyValueStore<String, byte[]> store(String name) {
        KafkaStreams s = streams;
        if (s == null) {
            throw new org.apache.kafka.streams.errors.InvalidStateStoreException("The delivery stores are not started");
        }
        return s.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.keyValueStore()));
    }

    static String key(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public void stop() {
        KafkaStreams s = streams;
        streams = null;
        if (s != null) {
            s.close(Duration.ofSeconds(10));
        }
    }

    @Override
    public boolean isRunning() {
        return streams != null;
    }

    /** With the other state, before the Kafka listeners. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1000;
    }
}
