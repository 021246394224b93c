package org.centerline.center.measure;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.centerline.center.CenterProperties;
import org.centerline.center.queue.CenterQueueProcessor;
import org.centerline.center.queue.HistoryEntry;
import org.centerline.center.queue.IndexRef;
import org.centerline.center.queue.ItemIndex;
import org.centerline.center.queue.QueueReader;
import org.centerline.center.queue.Tally;
import org.centerline.center.queue.WorkItem;
import org.centerline.streams.BoundedRocksDbMemory;
import org.centerline.center.streams.CenterTopology;
import org.centerline.contracts.event.EntryLine;
import org.centerline.contracts.event.EntryStatus;
import org.centerline.contracts.event.EntrySummary;
import org.centerline.contracts.event.RoutingBasis;
import org.centerline.contracts.event.RoutingDecision;
import org.centerline.contracts.event.RoutingFlag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Not a test (asserts nothing; runs only with {@code -Dmeasure=true}): one Center's stores, on RocksDB
 * with the service's bounded memory settings, filled with {@code closed} closed items and {@code open}
 * open ones; measures the queue page (size 20) from the index, the gauges' reads, the old way (scan
 * every item of the Center, filter, sort) for comparison, and heap after GC and RSS as the items grow.
 * Run: {@code flock /work/wt/bench.lock ./mvnw -B -ntp -o -pl center-service test -Dtest=QueueScaleMeasurement
 * -Dmeasure=true -Dclosed=1000000 -Dopen=10000 -Dsurefire.failIfNoSpecifiedTests=false}; output in
 * {@code target/surefire-reports/*QueueScaleMeasurement-output.txt}.
 */
class QueueScaleMeasurement {

    static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

    @Test
    @EnabledIfSystemProperty(named = "measure", matches = "true")
    void measure() throws Exception {
        main(new String[] {System.getProperty("closed", "1000000"), System.getProperty("open", "10000")});
    }

    public static void main(String[] args) throws Exception {
        int closedCount = Integer.parseInt(args[0]);
        int openCount = Integer.parseInt(args[1]);
        Path state = Files.createTempDirectory(Path.of("target"), "measure-state");
        StreamsBuilder builder = new StreamsBuilder();
        new CenterTopology().centerQueues(builder, new CenterProperties(List.of("ELE"), false, Duration.ofSeconds(10)),
                Clock.fixed(NOW, java.time.ZoneOffset.UTC), new SimpleMeterRegistry(), false);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "center-measure");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "dummy:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, state.toString());
        props.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbMemory.class);
        try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), props, NOW)) {
            KeyValueStore<String, WorkItem> items = driver.getKeyValueStore(CenterQueueProcessor.ITEMS);
            KeyValueStore<String, IndexRef> index = driver.getKeyValueStore(CenterQueueProcessor.INDEX);
            KeyValueStore<String, String> closed = driver.getKeyValueStore(CenterQueueProcessor.CLOSED);
            KeyValueStore<String, Tally> tallies = driver.getKeyValueStore(CenterQueueProcessor.TALLIES);
            ItemIndex writer = new ItemIndex(items, index, closed, tallies);
            QueueReader reader = new QueueReader(items, index, tallies);
            report("empty", reader, items, false);

            long t0 = System.nanoTime();
            EntryStatus[] openStatuses = {EntryStatus.QUEUED, EntryStatus.ASSIGNED, EntryStatus.IN_REVIEW,
                    EntryStatus.CF28_ISSUED, EntryStatus.CF28_ANSWERED};
            for (int i = 0; i < openCount; i++) {
                writer.put(null, item(9_000_000 + i, openStatuses[i % openStatuses.length], i));
            }
            int written = 0;
            for (int step : new int[] {100_000, closedCount}) {
                for (; written < Math.min(step, closedCount); written++) {
                    writer.put(null, item(written, written % 3 == 0 ? EntryStatus.REJECTED_TO_FILER : EntryStatus.ACCEPTED,
                            written));
                }
                System.out.printf("filled %,d closed + %,d open in %.1f s%n", written, openCount,
                        (System.nanoTime() - t0) / 1e9);
                report(written + " closed", reader, items, true);
            }
        }
    }

    static void report(String label, QueueReader reader, KeyValueStore<String, WorkItem> items, boolean scan) {
        long[] page = new long[2000];
        for (int i = 0; i < page.length; i++) {
            long t = System.nanoTime();
            reader.page("ELE", null, null, null, i % 5, 20);
            page[i] = System.nanoTime() - t;
        }
        long[] filtered = new long[200];
        for (int i = 0; i < filtered.length; i++) {
            long t = System.nanoTime();
            reader.page("ELE", null, "ele-is-01", null, 0, 20);
            filtered[i] = System.nanoTime() - t;
        }
        long[] gauges = new long[200];
        for (int i = 0; i < gauges.length; i++) {
            long t = System.nanoTime();
            reader.openCounts("ELE");
            reader.oldestOpen("ELE");
            reader.openBySpecialist("ELE");
            gauges[i] = System.nanoTime() - t;
        }
        System.out.printf("[%s] queue page (size 20) p50 %.3f ms p99 %.3f ms; page of one specialist p50 %.3f ms; "
                        + "gauges p50 %.3f ms; heap after GC %.1f MB; RSS %s%n", label, p(page, 50), p(page, 99),
                p(filtered, 50), p(gauges, 50), heapAfterGc(), rss());
        if (scan) {
            long t = System.nanoTime();
            List<WorkItem> all = new ArrayList<>();
            try (KeyValueIterator<String, WorkItem> it = items.range("ELE/", "ELE0")) {
                it.forEachRemaining(kv -> {
                    if (kv.value.isOpen()) {
                        all.add(kv.value);
                    }
                });
            }
            all.sort(WorkItem.PRIORITY);
            System.out.printf("[%s] the old way (scan every item of the Center, filter, sort): %.1f s%n", label,
                    (System.nanoTime() - t) / 1e9);
        }
    }

    static WorkItem item(int n, EntryStatus status, int seq) {
        String entryNumber = String.format("ABC-%07d-1", n);
        EntrySummary summary = new EntrySummary(1, entryNumber, "ABC", "01", "12-3456789AB", "2704",
                LocalDate.of(2026, 11, 18), LocalDate.of(2026, 11, 20), "11",
                List.of(new EntryLine(1, "8517620090", "CN", new BigDecimal("1250.00"), List.of(), null)));
        Instant routed = NOW.minus(Duration.ofSeconds(20L * (1_100_000 - seq)));
        RoutingDecision decision = new RoutingDecision(1, entryNumber, "ABC", "12-3456789AB", "01", "ELE", RoutingBasis.HTS,
                Map.of("ELE", 1), Map.of(), "2026.11-1", 1.2, seq % 7 == 0 ? List.of(RoutingFlag.ADCVD) : List.of(), null,
                routed, routed);
        String specialist = status == EntryStatus.QUEUED ? null : "ele-is-0" + (seq % 8 + 1);
        List<HistoryEntry> history = new ArrayList<>(Arrays.asList(new HistoryEntry(EntryStatus.QUEUED, null, "Routed to ELE", routed),
                new HistoryEntry(EntryStatus.ASSIGNED, specialist, "Assigned", routed.plusSeconds(1))));
        history.add(new HistoryEntry(status, specialist, null, routed.plusSeconds(600)));
        return new WorkItem(entryNumber, "ELE", status, specialist, summary, decision, 85, routed, routed.plusSeconds(600),
                null, history);
    }

    static double p(long[] nanos, int percentile) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, sorted.length * percentile / 100)] / 1e6;
    }

    static double heapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime r = Runtime.getRuntime();
        return (r.totalMemory() - r.freeMemory()) / 1e6;
    }

    static String rss() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmRSS"))
                    .map(l -> l.replaceAll("\\s+", " ").substring(6).trim()).findFirst().orElse("?");
        } catch (Exception e) {
            return "?";
        }
    }
}
