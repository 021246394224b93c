package org.centerline.routing.config;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.centerline.contracts.center.HtsCenterTable;
import org.centerline.contracts.center.ReferenceTable;
import org.centerline.contracts.reference.ReferenceData;
import org.centerline.contracts.workload.WorkloadModel;
import org.centerline.routing.assignment.ImporterAssignments;
import org.centerline.routing.classify.EntryClassifier;
import org.centerline.routing.ledger.RoutingLedger;
import java.time.Duration;
import java.util.function.Consumer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.centerline.routing.route.CommittedMetrics;
import org.centerline.routing.route.RoutingTopology;
import org.centerline.routing.route.FilingRouter;
import org.centerline.routing.route.RoutingMetrics;
import org.centerline.routing.route.RoutingPublisher;
import org.centerline.routing.validate.FilingValidator;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.centerline.routing.route.FilingTrace;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.centerline.streams.DuplicateInstanceGuard;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/** Wires the routing pipeline: reference data, validator, classifier, state, the loop over the filed topic. */
@Configuration(proxyBeanMethods = false)
@Import(DuplicateInstanceGuard.Configuration.class)
public class RoutingConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    HtsCenterTable htsCenterTable(RoutingProperties properties) throws IOException {
        if (properties.htsTable() == null) {
            return HtsCenterTable.standard();
        }
        try (InputStream in = properties.htsTable().getInputStream()) {
            return HtsCenterTable.parse(ReferenceTable.parse(in));
        }
    }

    @Bean
    FilingValidator filingValidator(HtsCenterTable table, RoutingProperties properties) {
        return new FilingValidator(table, properties.maxFilingBytes());
    }

    @Bean
    EntryClassifier entryClassifier(HtsCenterTable table) {
        return new EntryClassifier(table, ReferenceData.standard(), WorkloadModel.standard());
    }

    @Bean
    ImporterAssignments importerAssignments() {
        return new ImporterAssignments();
    }

    @Bean
    RoutingMetrics routingMetrics(MeterRegistry registry) {
        return new RoutingMetrics(registry);
    }

    @Bean
    FilingRouter filingRouter(FilingValidator validator, EntryClassifier classifier, ImporterAssignments assignments) {
        return new FilingRouter(validator, classifier, assignments);
    }

    @Bean
    KafkaClientSettings kafkaClientSettings(KafkaProperties spring) {
        return new KafkaClientSettings(spring);
    }

    @Bean
    RoutingStateLoader routingStateLoader(RoutingProperties properties, KafkaClientSettings kafka,
                                          ImporterAssignments assignments) {
        return new RoutingStateLoader(properties, kafka, assignments);
    }

    @Bean
    CommittedMetrics committedMetrics(RoutingMetrics metrics) {
        return new CommittedMetrics(metrics);
    }

    @Bean
    RoutingTopology routingTopology(FilingRouter router, CommittedMetrics metrics, ObjectProvider<Tracer> tracer,
                                    ObjectProvider<Propagator> propagator, Clock clock, RoutingProperties properties) {
        FilingTrace trace = new FilingTrace(tracer.getIfAvailable(() -> Tracer.NOOP),
                propagator.getIfAvailable(() -> Propagator.NOOP));
        return new RoutingTopology(router, new RoutingPublisher(), trace, metrics, clock, properties.ledgerRetention(),
                properties.ledgerPruneEvery(), properties.ledgerPruneSlice());
    }

    /** The routing topology over {@code entry-summaries.filed} (binding {@code route-in-0}), run by the Kafka Streams binder. */
    @Bean
    Consumer<KStream<byte[], byte[]>> route(RoutingTopology topology) {
        return topology::build;
    }

    /**
     * The routing ledger: a persistent (RocksDB) timestamped key-value store keyed by entry number, the latest value of
     * each at the decision's time (its changelog topic is compacted; values past the retention are deleted by the
     * routing step's pruning pass). The binder adds it to the topology.
     */
    @Bean
    StoreBuilder<TimestampedKeyValueStore<String, byte[]>> routingLedgerStore() {
        return Stores.timestampedKeyValueStoreBuilder(Stores.persistentTimestampedKeyValueStore(RoutingLedger.STORE),
                Serdes.String(), Serdes.ByteArray());
    }

    @Bean
    RoutingStreams routingStreams(RoutingProperties properties, KafkaClientSettings kafka, CommittedMetrics metrics,
                                  @Value("${centerline.advertised-host:localhost}") String advertisedHost,
                                  @Value("${server.port:8081}") int port,
                                  @Value("${centerline.instance-id}") String instanceId,
                                  DuplicateInstanceGuard duplicates,
                                  @Value("${centerline.state-dir:${spring.kafka.streams.state-dir:${java.io.tmpdir}/centerline/routing-service-${centerline.instance-id}}}") String stateDir) {
        return new RoutingStreams(properties, kafka, metrics, new HostInfo(advertisedHost, port), instanceId,
                stateDir + "/kafka-streams", duplicates);
    }

    /** An idempotent producer for what the HTTP API publishes (filings, importer assignments). */
    @Bean
    KafkaTemplate<String, byte[]> httpKafkaTemplate(RoutingProperties properties, KafkaClientSettings kafka,
                                                    @Value("${centerline.http.max-body-bytes}") int maxHttpBodyBytes) {
        DefaultKafkaProducerFactory<String, byte[]> factory = new DefaultKafkaProducerFactory<>(kafka.producer(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, properties.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, maxHttpBodyBytes + 64 * 1024,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
                ProducerConfig.CLIENT_ID_CONFIG, "routing-service-http",
                // Fail an HTTP filing within the send timeout, not after the client's default minute.
                ProducerConfig.MAX_BLOCK_MS_CONFIG, properties.sendTimeout().toMillis(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class)));
        return new KafkaTemplate<>(factory);
    }
}
