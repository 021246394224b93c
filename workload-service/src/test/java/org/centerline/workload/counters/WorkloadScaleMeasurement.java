package org.centerline.workload.counters;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.centerline.contracts.center.Center;
import org.centerline.contracts.center.Centers;
import org.centerline.contracts.center.HtsCenterTable;
import org.centerline.contracts.event.SpecialistRole;
import org.centerline.contracts.json.JsonSerde;
import org.centerline.contracts.topic.Topics;
import org.centerline.workload.WorkloadProperties;
import org.centerline.workload.counters.CenterTotals;
import org.centerline.workload.counters.CenterWorkload;
import org.centerline.workload.counters.HourBucket;
import org.centerline.workload.counters.WorkloadKeys;
import org.centerline.workload.counters.WorkloadTopology;
import org.centerline.workload.counters.WorkloadView;
import org.centerline.workload.staffing.CenterLoad;
import org.centerline.workload.staffing.Rebalancer;
import org.centerline.workload.staffing.StaffingModel;
import org.centerline.workload.whatif.TableChange;
import org.centerline.workload.whatif.WhatIf;
import org.centerline.workload.whatif.WhatIfResult;
import org.junit.jupiter.api.Test;

/**
 * Not a test (no assertions, not run by the build): what reading the workload costs with 1,000,000 entries'
 * worth of published counts in the global stores. One million entries over 30 days are aggregated as the
 * counting tasks would (6 partitions; hourly per Center; per day and deciding heading), written to the two
 * published topics, and read back as the API does: every Center's report (today / 7 / 30 days, demand),
 * the recommendations, and a what-if (chapter 85 to MAC). HTTP and JSON are not included. Run:
 * {@code ./mvnw -B -ntp -pl workload-service -am test -Dtest=WorkloadScaleMeasurement -Dsurefire.failIfNoSpecifiedTests=false}
 */
class WorkloadScaleMeasurement {

    static final int ENTRIES = 1_000_000;
    static final int PARTITIONS = 6;
    static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

    @Test
    void measure() throws Exception {
        Path stateDir = Files.createTempDirectory(Path.of("target"), "kstreams-measure-");
        WorkloadProperties properties = new WorkloadProperties(Duration.ofDays(30), null, 0.85, 0.15, 2, Duration.ofDays(31),
                Duration.ofMinutes(10), new WorkloadProperties.CommodityLinesBand(0.05, 0.20));
        StreamsBuilder builder = new StreamsBuilder();
        new WorkloadTopology().workload(builder, Clock.fixed(NOW, ZoneOffset.UTC), properties);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "workload-measure");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "dummy:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), props)) {
            long t0 = System.nanoTime();
            int records = load(driver);
            System.out.printf("loaded %,d published records for %,d entries in %d ms%n", records, ENTRIES,
                    (System.nanoTime() - t0) / 1_000_000);

            WorkloadView view = new WorkloadView(() -> driver.<String, CenterTotals>getKeyValueStore(WorkloadTopology.GLOBAL_TOTALS),
                    () -> driver.<String, HourBucket>getKeyValueStore(WorkloadTopology.GLOBAL_WINDOWS), properties.retention());
            StaffingModel model = new StaffingModel(properties.standards());
            WhatIf whatIf = new WhatIf(HtsCenterTable.standard(), model);
            Map<String, Map<SpecialistRole, Integer>> specialists = new HashMap<>();
            Centers.all().forEach(c -> specialists.put(c.code(), Map.of(SpecialistRole.IMPORT_SPECIALIST, 300)));

            for (int round = 0; round < 5; round++) {
                long a = System.nanoTime();
                List<CenterLoad> loads = new ArrayList<>();
                long filed = 0;
                for (Center center : Centers.all()) {
                    CenterWorkload w = view.workload(center.code(), NOW);
                    filed += w.since(NOW.minus(Duration.ofDays(30))).filed;
                    w.since(NOW.minus(Duration.ofDays(7)));
                    w.since(NOW.truncatedTo(java.time.temporal.ChronoUnit.DAYS));
                    double demand = w.since(NOW.minus(properties.demandWindow())).points / properties.demandWindowDays();
                    loads.add(new CenterLoad(center.code(), demand, specialists.get(center.code())));
                }
                long b = System.nanoTime();
                new Rebalancer(model).recommend(loads);
                long c = System.nanoTime();
                long sinceDay = NOW.minus(properties.demandWindow()).getEpochSecond() / 86_400;
                List<WorkloadView.HeadingCount> counts = new ArrayList<>();
                for (Center center : Centers.all()) {
                    counts.addAll(view.headingCounts(center.code(), sinceDay));
                }
                WhatIfResult result = whatIf.evaluate(new TableChange(List.of(new TableChange.Move("85", null, "MAC"))),
                        counts, properties.demandWindowDays(), specialists);
                long d = System.nanoTime();
                System.out.printf("round %d: workload (10 Centers, %,d filed in 30 d) %d ms; recommendations %d ms; "
                                + "what-if (%,d counts, %,d entries, %,d moved) %d ms%n", round, filed, (b - a) / 1_000_000,
                        (c - b) / 1_000_000, counts.size(), result.entriesReplayed(), result.entriesMoved(), (d - c) / 1_000_000);
            }
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            System.gc();
            Thread.sleep(500);
            System.gc();
            System.out.printf("heap used after GC, stores loaded: %.1f MB (max %.0f MB)%n",
                    memory.getHeapMemoryUsage().getUsed() / 1e6, memory.getHeapMemoryUsage().getMax() / 1e6);
        }
    }

    /** CPU of the Kafka Streams threads of a running instance (embedded broker) over 30 idle seconds. */
    @Test
    void idleStreamThreadCpu() throws Exception {
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        try (org.springframework.context.ConfigurableApplicationContext context =
                     new org.springframework.boot.builder.SpringApplicationBuilder(org.centerline.workload.WorkloadApplication.class).run(
                             "--" + org.centerline.security.TestTokens.PUBLIC_KEY, "--" + org.centerline.security.TestTokens.AUDIENCE,
                             "--server.port=" + port, "--centerline.instance-id=measure",
                             "--spring.kafka.bootstrap-servers=" + org.centerline.contracts.testing.SharedKafka.bootstrapServers(),
                             "--spring.kafka.streams.application-id=workload-measure-" + java.util.UUID.randomUUID(),
                             "--spring.kafka.streams.state-dir=target/kstreams-state/" + java.util.UUID.randomUUID())) {
            Thread.sleep(20_000);
            java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            Map<Long, Long> start = new HashMap<>();
            Map<Long, String> names = new HashMap<>();
            for (java.lang.management.ThreadInfo info : threads.dumpAllThreads(false, false)) {
                if (info.getThreadName().contains("StreamThread") || info.getThreadName().contains("GlobalStreamThread")) {
                    start.put(info.getThreadId(), threads.getThreadCpuTime(info.getThreadId()));
                    names.put(info.getThreadId(), info.getThreadName());
                }
            }
            long t0 = System.nanoTime();
            Thread.sleep(30_000);
            double wall = (System.nanoTime() - t0) / 1e9;
            start.forEach((id, cpu) -> System.out.printf("idle: %s used %.1f ms CPU in %.0f s (%.2f %% of a core)%n",
                    names.get(id), (threads.getThreadCpuTime(id) - cpu) / 1e6, wall,
                    (threads.getThreadCpuTime(id) - cpu) / 1e9 / wall * 100));
        }
    }

    /** One million entries over 30 days, aggregated as 6 counting tasks publish them; returns the records written. */
    private static int load(TopologyTestDriver driver) {
        HtsCenterTable table = HtsCenterTable.standard();
        Random random = new Random(42);
        Map<String, HourBucket> hours = new HashMap<>();
        Map<String, HourBucket> days = new HashMap<>();
        Map<String, CenterTotals> totals = new HashMap<>();
        long startHour = NOW.minus(Duration.ofDays(30)).getEpochSecond() / 3600;
        int made = 0;
        while (made < ENTRIES) {
            int chapter = 1 + random.nextInt(97);
            int heading = chapter * 100 + 1 + random.nextInt(20);
            Center center = table.centerOfHeading(heading);
            if (center == null || chapter == 77) {
                continue;
            }
            made++;
            int partition = random.nextInt(PARTITIONS);
            long hour = startHour + random.nextInt(30 * 24);
            double points = 0.2 + random.nextInt(30) / 10.0;
            int lines = 1 + random.nextInt(5);
            HourBucket h = hours.computeIfAbsent(WorkloadKeys.hour(center.code(), hour, partition), k -> new HourBucket());
            h.filed++;
            h.points += points;
            h.chapterLines.merge(chapter, lines, Integer::sum);
            h.entryTypes.merge(random.nextInt(10) == 0 ? "86" : "01", 1, Integer::sum);
            HourBucket d = days.computeIfAbsent(WorkloadKeys.day(center.code(), hour / 24, String.valueOf(heading), partition),
                    k -> new HourBucket());
            d.filed++;
            d.points += points;
            CenterTotals t = totals.computeIfAbsent(WorkloadKeys.totals(center.code(), partition), k -> new CenterTotals(center.code()));
            if (random.nextInt(4) == 0) {
                t.open++;
                t.openPoints += points;
            } else {
                t.decided.merge("ACCEPTED", 1, Integer::sum);
                t.decisions++;
                t.decisionMillis += 3_600_000L;
            }
        }
        TestInputTopic<String, HourBucket> windows = driver.createInputTopic(Topics.WORKLOAD_WINDOW_COUNTS.name(),
                new StringSerializer(), new JsonSerde<>(HourBucket.class).serializer());
        TestInputTopic<String, CenterTotals> totalsTopic = driver.createInputTopic(Topics.WORKLOAD_CENTER_TOTALS.name(),
                new StringSerializer(), new JsonSerde<>(CenterTotals.class).serializer());
        hours.forEach(windows::pipeInput);
        days.forEach(windows::pipeInput);
        totals.forEach(totalsTopic::pipeInput);
        System.out.printf("hourly records %,d, day-and-heading records %,d, totals %,d%n", hours.size(), days.size(), totals.size());
        return hours.size() + days.size() + totals.size();
    }
}
