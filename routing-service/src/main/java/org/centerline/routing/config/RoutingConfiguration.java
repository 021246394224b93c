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
import org.centerline.routing.route.FiledBatchRouter;
import org.centerline.routing.route.FiledLoop;
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
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/** Wires the routing pipeline: reference data, validator, classifier, state, the loop over the filed topic. */
@Configuration(proxyBeanMethods = false)
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
    RoutingLedger routingLedger(RoutingProperties properties) {
        return new RoutingLedger(properties.ledgerOutcomes(), properties.ledgerRoutes());
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
                                          ImporterAssignments assignments, RoutingLedger ledger) {
        return new RoutingStateLoader(properties, kafka, assignments, ledger);
    }

    @Bean
    FiledBatchRouter filedBatchRouter(FilingRouter router, RoutingLedger ledger, RoutingMetrics metrics,
                                      ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator, Clock clock) {
        FilingTrace trace = new FilingTrace(tracer.getIfAvailable(() -> Tracer.NOOP),
                propagator.getIfAvailable(() -> Propagator.NOOP));
        return new FiledBatchRouter(router, new RoutingPublisher(), ledger, metrics, trace, clock);
    }

    /** The exactly-once loop over {@code entry-summaries.filed}; its clients are made afresh after each Kafka failure. */
    @Bean
    FiledLoop filedLoop(RoutingProperties properties, KafkaClientSettings kafka, FiledBatchRouter router,
                        MeterRegistry registry) {
        FiledClients clients = new FiledClients(properties, kafka);
        return new FiledLoop(clients::consumer, clients::producer, router, registry);
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
