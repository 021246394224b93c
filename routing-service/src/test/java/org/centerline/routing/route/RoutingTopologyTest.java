package org.centerline.routing.route;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.test.TestRecord;
import org.centerline.contracts.center.HtsCenterTable;
import org.centerline.contracts.event.Rejection;
import org.centerline.contracts.event.RoutingDecision;
import org.centerline.contracts.event.RoutingFlag;
import org.centerline.contracts.json.CenterlineJson;
import org.centerline.contracts.reference.ReferenceData;
import org.centerline.contracts.sample.FilingGenerator;
import org.centerline.contracts.schema.Samples;
import org.centerline.contracts.topic.Topics;
import org.centerline.contracts.workload.WorkloadModel;
import org.centerline.routing.assignment.ImporterAssignments;
import org.centerline.routing.classify.EntryClassifier;
import org.centerline.routing.ledger.RoutingLedger;
import org.centerline.routing.validate.FilingValidator;
import org.centerline.routing.validate.ReasonCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The routing topology on Kafka Streams' test driver: the ledger lookup and its retention, the pruning of what is past
 * it, and which key a filing is validated with.
 */
class RoutingTopologyTest {

    private static final String ENTRY = "ABC-1234567-6";
    private static final byte[] FILING = Samples.text("entry-summaries.filed/valid/contract-example.json")
            .getBytes(StandardCharsets.UTF_8);
    private static final Instant T0 = Instant.parse("2026-11-20T14:03:09Z");

    private static final FilingGenerator generator = new FilingGenerator(13, 0.0, 0.0, LocalDate.of(2026, 11, 20));

    /** The service's clock, moved together with the driver's wall clock. */
    private final AtomicReference<Instant> now = new AtomicReference<>(T0);
    private final TopologyTestDriver driver;
    private final TestInputTopic<byte[], byte[]> filed;
    private final TestOutputTopic<byte[], byte[]> routed;
    private final TestOutputTopic<byte[], byte[]> rejected;

    RoutingTopologyTest() {
        FilingRouter router = new FilingRouter(new FilingValidator(HtsCenterTable.standard(), FilingValidator.DEFAULT_MAX_BYTES),
                new EntryClassifier(HtsCenterTable.standard(), ReferenceData.standard(), WorkloadModel.standard()),
                new ImporterAssignments());
        RoutingTopology topology = new RoutingTopology(router, new RoutingPublisher(),
                new FilingTrace(Tracer.NOOP, Propagator.NOOP), new CommittedMetrics(new RoutingMetrics(new SimpleMeterRegistry())),
                clock(), Duration.ofDays(400), Duration.ofSeconds(1), 2);
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.timestampedKeyValueStoreBuilder(Stores.persistentTimestampedKeyValueStore(RoutingLedger.STORE),
                Serdes.String(), Serdes.ByteArray()));
        topology.build(builder.stream(Topics.FILED.name()));
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "routing-topology-test");
        // As the binder's configuration in application.yml.
        config.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.ByteArraySerde.class);
        config.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, Serdes.ByteArraySerde.class);
        config.put(StreamsConfig.STATE_DIR_CONFIG, Path.of("target", "kstreams-state", UUID.randomUUID().toString()).toString());
        driver = new TopologyTestDriver(builder.build(), config, T0);
        filed = driver.createInputTopic(Topics.FILED.name(), new ByteArraySerializer(), new ByteArraySerializer());
        routed = driver.createOutputTopic(Topics.ROUTED.name(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
        rejected = driver.createOutputTopic(Topics.REJECTED.name(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    @AfterEach
    void close() {
        driver.close();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private Clock clock() {
        return new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
    }

    /** Moves the service's clock and the driver's wall clock (which runs the pruning pass when it is due). */
    private void advance(Duration by) {
        now.set(now.get().plus(by));
        driver.advanceWallClockTime(by);
    }

    private long ledgerSize() {
        try (var all = driver.getTimestampedKeyValueStore(RoutingLedger.STORE).all()) {
            long n = 0;
            while (all.hasNext()) {
                all.next();
                n++;
            }
            return n;
        }
    }

    private List<RoutingDecision> decisions() {
        return routed.readValuesToList().stream().map(json -> CenterlineJson.mapper().readValue(json, RoutingDecision.class))
                .toList();
    }

    @Test
    void aReFilingWithinRetentionIsFlaggedFromTheLedger() {
        filed.pipeInput(new TestRecord<>(utf8(ENTRY), FILING, T0));
        filed.pipeInput(new TestRecord<>(utf8(ENTRY), FILING, T0.plusSeconds(60)));

        List<RoutingDecision> decisions = decisions();
        assertThat(decisions).hasSize(2);
        assertThat(decisions.get(0).flags()).doesNotContain(RoutingFlag.REFILED);
        assertThat(decisions.get(1).flags()).contains(RoutingFlag.REFILED);
    }

    @Test
    void aCorrectionOnTheLastDayOfTheRetentionIsStillARefilingAndTheNextDayItIsNew() {
        filed.pipeInput(new TestRecord<>(utf8(ENTRY), FILING, T0));
        advance(Duration.ofDays(399));
        filed.pipeInput(new TestRecord<>(utf8(ENTRY), FILING, now.get()));
        // 400 days after the re-filing (which renewed the entry), and one day more.
        advance(Duration.ofDays(400));
        filed.pipeInput(new TestRecord<>(utf8(ENTRY), FILING, now.get()));
        advance(Duration.ofDays(401));
        filed.pipeInput(new TestRecord<>(utf8(ENTRY), FILING, now.get()));

        List<RoutingDecision> decisions = decisions();
        assertThat(decisions).extracting(d -> d.flags().contains(RoutingFlag.REFILED)).containsExactly(false, true, true, false);
    }

    @Test
    void thePruningPassDeletesWhatIsPastTheRetentionASliceAtATimeAndKeepsTheRest() {
        for (int i = 0; i < 5; i++) {
            var summary = generator.summaryFor("ELE");
            filed.pipeInput(new TestRecord<>(utf8(summary.entryNumber()), CenterlineJson.mapper().writeValueAsBytes(summary), T0));
        }
        advance(Duration.ofDays(200));
        var recent = generator.summaryFor("AGR");
        filed.pipeInput(new TestRecord<>(utf8(recent.entryNumber()), CenterlineJson.mapper().writeValueAsBytes(recent), now.get()));
        assertThat(decisions()).hasSize(6);
        assertThat(ledgerSize()).isEqualTo(6);

        // The first five are past the retention; each pass looks at two entry numbers (the test's slice).
        advance(Duration.ofDays(201));
        long afterOnePass = ledgerSize();
        assertThat(afterOnePass).isBetween(4L, 5L);
        for (int pass = 0; pass < 3; pass++) {
            advance(Duration.ofSeconds(1));
        }
        assertThat(ledgerSize()).isEqualTo(1);
        assertThat(driver.getTimestampedKeyValueStore(RoutingLedger.STORE).get(recent.entryNumber())).isNotNull();
    }

    @Test
    void aFilingWithoutKeyIsReKeyedAndRoutedUnderItsEntryNumber() {
        filed.pipeInput(new TestRecord<>((byte[]) null, FILING, T0));

        List<TestRecord<byte[], byte[]>> out = routed.readRecordsToList();
        assertThat(out).hasSize(1);
        assertThat(new String(out.get(0).key(), StandardCharsets.UTF_8)).isEqualTo(ENTRY);
        assertThat(rejected.isEmpty()).isTrue();
    }

    @Test
    void theFiledKeyHeaderOnTheFiledTopicIsNotTrusted() {
        // A filer names the entry number in the header the repartition step uses, on a record filed under another key.
        RecordHeaders forged = new RecordHeaders();
        forged.add(RoutingTopology.FILED_KEY, utf8(ENTRY));
        filed.pipeInput(new TestRecord<>(utf8("XYZ-0000000-0"), FILING, forged, T0));

        assertThat(routed.isEmpty()).isTrue();
        List<byte[]> rejections = rejected.readValuesToList();
        assertThat(rejections).hasSize(1);
        Rejection rejection = CenterlineJson.mapper().readValue(rejections.get(0), Rejection.class);
        assertThat(rejection.reasons()).anySatisfy(reason -> assertThat(reason.code()).isEqualTo(ReasonCode.KEY_MISMATCH.name()));
    }
}
