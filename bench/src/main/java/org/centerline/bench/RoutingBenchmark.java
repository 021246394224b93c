package org.centerline.bench;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.centerline.contracts.sample.FilingGenerator;

/** The benchmark of issue 7: baseline vs routing-service throughput on the same records, then latency at a fixed load. */
public final class RoutingBenchmark {

    private RoutingBenchmark() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("soak")) {
            org.centerline.bench.soak.Soak.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage());
            System.err.println(BenchOptions.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.println(BenchOptions.USAGE);
            return;
        }
        try {
            BenchWorkspace ws = BenchWorkspace.detect();
            ws.requireJars();
            BenchReport report = run(options, ws);
            System.out.println(ReportWriter.table(report));
            Path json = ws.targetDir().resolve("benchmark.json");
            ReportWriter.writeJson(report, json);
            System.out.println("written: " + json);
        } catch (IllegalStateException e) {
            System.err.println("bench: failed: " + e.getMessage());
            System.exit(1);
        } catch (RuntimeException e) {
            System.err.println("bench: failed: " + e);
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    /** Broker, preload, baseline throughput and latency, routing-service throughput and latency; stops what it started. */
    static BenchReport run(BenchOptions o, BenchWorkspace ws) {
        Instant startedAt = Instant.now();
        FilingGenerator generator = new FilingGenerator(o.seed(), BenchOptions.INVALID_SHARE);
        try (BrokerProcess broker = BrokerProcess.start(ws)) {
            String bootstrap = broker.bootstrapServers();
            say("broker up at %s (local-stack.jar, every registry topic created)", bootstrap);
            BenchTopics.create(bootstrap);

            // A poll's worth more: the baseline's warm-up ends at a poll's end, past the warm-up count by up to a poll,
            // and its timed run must still find all its records.
            Preloader.Result preload = Preloader.preload(bootstrap, generator,
                    o.warmupRecords() + o.records() + (o.warmupRecords() > 0 ? o.maxPollRecords() : 0));
            say("preloaded %,d filings (avg %.0f B) onto entry-summaries.filed and %s in %.1f s", preload.records(),
                    preload.averageBytes(), BenchTopics.FILED_COPY, preload.seconds());

            if (o.warmupRecords() > 0) {
                BaselinePassThrough.run(bootstrap, o.warmupRecords(), o.maxPollRecords(), o.compression());
                say("baseline: warmed up on %,d filings", o.warmupRecords());
            }
            CpuUse.Mark beforeBaseline = CpuUse.Mark.now(ProcessHandle.current().pid(), broker.pid());
            BaselinePassThrough.Result baseline = BaselinePassThrough.run(bootstrap, o.records(), o.maxPollRecords(),
                    o.compression());
            CpuUse baselineCpu = CpuUse.Mark.now(ProcessHandle.current().pid(), broker.pid())
                    .since(beforeBaseline, baseline.records());
            say("baseline: %,.0f rec/s (%,d in %.2f s)", baseline.recordsPerSecond(), baseline.records(), baseline.seconds());

            List<FilingGenerator.Filing> latencyLoad = LatencyProbe.load(generator, o.rate(), o.latencySeconds());
            say("baseline latency: offering %,d filings/s for %d s ...", o.rate(), o.latencySeconds());
            LatencyProbe.Result baselineLatency = LatencyProbe.baseline(bootstrap, latencyLoad, o.rate(), o.warmupSeconds(),
                    o.maxPollRecords(), o.compression());
            say("baseline latency: %,d decisions measured, p99 %.1f ms", baselineLatency.visible().count(),
                    baselineLatency.visible().p99Ms());

            try (RoutingServiceProcess service = RoutingServiceProcess.start(ws, bootstrap, o)) {
                say("routing-service ready (log: %s)", ws.targetDir().resolve("logs/routing-service.log"));
                Instant warmAt = RoutingThroughput.awaitWarm(service, o.warmupRecords());
                if (o.warmupRecords() > 0) {
                    say("routing-service: warmed up on %,d filings", o.warmupRecords());
                }
                CpuUse.Mark beforeRouting = CpuUse.Mark.now(service.pid(), broker.pid());
                RoutingThroughput.Result routing = RoutingThroughput.measure(service, bootstrap, o.warmupRecords(), warmAt,
                        o.records());
                CpuUse routingCpu = CpuUse.Mark.now(service.pid(), broker.pid()).since(beforeRouting, routing.records());
                double scraped = service.scrape("centerline_routing_filed_total");
                say("routing-service: %,.0f rec/s (%,d in %.2f s; filed_total %,.0f)", routing.recordsPerSecond(),
                        routing.records(), routing.seconds(), scraped);

                say("latency: offering %,d filings/s for %d s ...", o.rate(), o.latencySeconds());
                LatencyProbe.Result latency = LatencyProbe.routing(bootstrap, latencyLoad, o.rate(), o.warmupSeconds());
                say("latency: %,d decisions measured, p99 %.1f ms", latency.service().count(), latency.service().p99Ms());
                return new BenchReport(startedAt, o, BenchReport.Environment.current(), preload, baseline, baselineCpu, routing,
                        routingCpu, scraped, baselineLatency, latency, service.peakRssBytes());
            }
        }
    }

    private static void say(String format, Object... args) {
        System.out.println("bench: " + String.format(Locale.ROOT, format, args));
    }
}
