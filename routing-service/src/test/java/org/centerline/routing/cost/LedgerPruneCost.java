package org.centerline.routing.cost;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Properties;
import java.util.Random;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.centerline.routing.ledger.LedgerPruner;
import org.centerline.routing.ledger.RoutingLedger;

/**
 * What the ledger's pruning pass costs when the ledger is large (docs/scaling.md): fills one ledger partition
 * (RocksDB, the service's store type) with N entry numbers and values of a routing decision's size, then times
 * whole passes of {@link LedgerPruner} with the shipped slice, nothing yet past the retention (the usual case: the
 * pass reads far more than it deletes). A measurement tool, not a test (no assertions, not run by the build). Run it
 * from the repository root with {@code ./mvnw -q -pl routing-service test-compile
 * org.codehaus.mojo:exec-maven-plugin:3.6.4:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.centerline.routing.cost.LedgerPruneCost -Dexec.args=1000000}.
 */
public final class LedgerPruneCost {

    private static final int VALUE_BYTES = 1_100;
    private static final int SLICE = 1_000;

    private LedgerPruneCost() {
    }

    public static void main(String[] args) throws Exception {
        int entries = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Instant start = Instant.parse("2026-11-20T00:00:00Z");
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.timestampedKeyValueStoreBuilder(Stores.persistentTimestampedKeyValueStore(RoutingLedger.STORE),
                Serdes.String(), Serdes.ByteArray()));
        builder.stream("fill", org.apache.kafka.streams.kstream.Consumed.with(Serdes.String(), Serdes.ByteArray()))
                .process(Fill::new, RoutingLedger.STORE);
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "ledger-prune-cost");
        Path state = Files.createTempDirectory("ledger-prune-cost");
        config.put(StreamsConfig.STATE_DIR_CONFIG, state.toString());
        try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), config, start)) {
            TestInputTopic<String, byte[]> fill = driver.createInputTopic("fill", new StringSerializer(),
                    Serdes.ByteArray().serializer());
            Random random = new Random(7);
            byte[] value = new byte[VALUE_BYTES];
            long began = System.nanoTime();
            for (int i = 0; i < entries; i++) {
                random.nextBytes(value);
                String entryNumber = String.format(Locale.ROOT, "%03d-%07d-%d", random.nextInt(1000), random.nextInt(10_000_000), i % 10);
                fill.pipeInput(entryNumber, value, start.plusMillis(i));
            }
            System.out.printf(Locale.ROOT, "filled %,d entry numbers of %,d B in %.1f s%n", entries, VALUE_BYTES,
                    (System.nanoTime() - began) / 1e9);
            KeyValueStore<String, ValueAndTimestamp<byte[]>> ledger = driver.getTimestampedKeyValueStore(RoutingLedger.STORE);
            LedgerPruner pruner = new LedgerPruner(ledger, Duration.ofDays(400), SLICE);
            long now = start.plus(Duration.ofDays(1)).toEpochMilli();
            for (int pass = 0; pass < 3; pass++) {
                long t0 = System.nanoTime();
                int calls = 0;
                do {
                    pruner.prune(now);
                    calls++;
                } while (calls * (long) SLICE <= entries);
                double seconds = (System.nanoTime() - t0) / 1e9;
                System.out.printf(Locale.ROOT, "pass %d: %,d calls of %,d in %.2f s: %.2f ms a call, %.2f us an entry number%n",
                        pass + 1, calls, SLICE, seconds, seconds * 1e3 / calls, seconds * 1e6 / entries);
            }
        }
    }

    /** Puts each record into the ledger as the routing step would (value and decision time). */
    private static final class Fill implements Processor<String, byte[], Void, Void> {
        private TimestampedKeyValueStore<String, byte[]> ledger;

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            ledger = context.getStateStore(RoutingLedger.STORE);
        }

        @Override
        public void process(Record<String, byte[]> record) {
            ledger.put(record.key(), ValueAndTimestamp.make(record.value(), record.timestamp()));
        }
    }
}
