package org.centerline.routing.config;

import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;
import org.centerline.contracts.topic.Topics;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.centerline.routing.route.CommittedMetrics;
import org.centerline.streams.BoundedRocksDbMemory;
import org.centerline.streams.DuplicateInstanceGuard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;

/**
 * The routing topology's Kafka Streams instance, as the Kafka Streams binder makes it: this configures it
 * (exactly-once v2, state folder, {@code application.server} for forwarding, standby replicas, static
 * membership, {@code spring.kafka.*} security and the service's client settings, a producer that counts
 * committed work), hands it to the HTTP API for interactive queries, and says whether it is ready.
 */
public final class RoutingStreams implements StreamsBuilderFactoryBeanConfigurer, HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(RoutingStreams.class);

    /** The largest record of a filing re-keyed through the repartition topic (a 4 MiB HTTP body plus headers). */
    static final int MAX_RECORD_BYTES = 4259840;

    private final RoutingProperties properties;
    private final KafkaClientSettings kafka;
    private final CommittedMetrics metrics;
    private final HostInfo self;
    private final String instanceId;
    private final String stateDir;
    private final DuplicateInstanceGuard duplicates;
    private final AtomicBoolean hasRun = new AtomicBoolean();
    private volatile StreamsBuilderFactoryBean factory;

    public RoutingStreams(RoutingProperties properties, KafkaClientSettings kafka, CommittedMetrics metrics,
                          HostInfo self, String instanceId, String stateDir, DuplicateInstanceGuard duplicates) {
        this.properties = properties;
        this.kafka = kafka;
        this.metrics = metrics;
        this.self = self;
        this.instanceId = instanceId;
        this.stateDir = stateDir;
        this.duplicates = duplicates;
    }

    @Override
    public void configure(StreamsBuilderFactoryBean factoryBean) {
        Properties p = new Properties();
        p.putAll(factoryBean.getStreamsConfiguration());
        p.putAll(kafka.streams());
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, properties.bootstrapServers());
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, properties.applicationId());
        p.put(StreamsConfig.CLIENT_ID_CONFIG, properties.applicationId() + "-" + instanceId);
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir);
        p.put(StreamsConfig.APPLICATION_SERVER_CONFIG, self.host() + ":" + self.port());
        p.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, properties.standbyReplicas());
        // A new group starts at the first filing ever kept: starting at the end would skip filings.
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        if (properties.groupInstanceId() != null && !properties.groupInstanceId().isBlank()) {
            p.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG), properties.groupInstanceId());
        }
        properties.consumer().forEach((key, value) -> p.put(StreamsConfig.mainConsumerPrefix(key), value));
        properties.producer().forEach((key, value) -> p.put(StreamsConfig.producerPrefix(key), value));
        p.putIfAbsent(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG), MAX_RECORD_BYTES);
        // The repartition topic carries filings as filed (up to the HTTP body limit) and the changelog rejections.
        p.put(StreamsConfig.topicPrefix(TopicConfig.MAX_MESSAGE_BYTES_CONFIG), String.valueOf(MAX_RECORD_BYTES + 65536));
        // The ledger's RocksDB instances share one bounded block cache and write-buffer budget.
        // Sized for the ledger (one point lookup and one put per filing): 64 MiB of cache, up to 32 MiB of it memtables.
        p.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbMemory.class.getName());
        p.put(BoundedRocksDbMemory.CACHE_BYTES, String.valueOf(64L << 20));
        p.put(BoundedRocksDbMemory.MEMTABLE_BYTES, String.valueOf(32L << 20));
        p.put(BoundedRocksDbMemory.WRITE_BUFFER_BYTES, String.valueOf(8L << 20));
        properties.streams().forEach(p::put);
        factoryBean.setStreamsConfiguration(p);
        factoryBean.setClientSupplier(metrics.clientSupplier());
        // A stopped instance hands its partitions over at once instead of after the session timeout (a crashed one,
        // with static membership, keeps them for the session timeout, in case it comes straight back).
        factoryBean.setLeaveGroupOnClose(true);
        // Kafka failing longer than the clients retry (a broker restart, say) ends a stream thread: a new one takes
        // over from the last committed transaction, so the service carries on by itself.
        // A thread fenced by another instance with the same id ends this instance instead (DuplicateInstanceGuard).
        factoryBean.setStreamsUncaughtExceptionHandler(e -> {
            if (duplicates.onFailure(e)) {
                return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
            }
            log.warn("Routing stream thread failed; replacing it (it starts from the last committed transaction)", e);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        this.factory = factoryBean;
    }

    /** The running Kafka Streams instance, or null before it is made. */
    public KafkaStreams kafkaStreams() {
        StreamsBuilderFactoryBean f = factory;
        return f == null ? null : f.getKafkaStreams();
    }

    /** This instance, as other instances address it ({@code application.server}). */
    public HostInfo self() {
        return self;
    }

    public String instanceId() {
        return instanceId;
    }

    /**
     * Ready once the topology has run (the ledger restored); a later rebalance keeps it ready, since
     * queries answer 503 or retry through it. Down when the Streams instance is not running.
     */
    @Override
    public Health health() {
        KafkaStreams streams = kafkaStreams();
        KafkaStreams.State state = streams == null ? null : streams.state();
        if (state == KafkaStreams.State.RUNNING) {
            hasRun.set(true);
        }
        boolean up = state == KafkaStreams.State.RUNNING || (hasRun.get() && state == KafkaStreams.State.REBALANCING);
        return (up ? Health.up() : Health.outOfService()).withDetail("state", String.valueOf(state))
                .withDetail("topic", Topics.FILED.name()).build();
    }
}
