package org.centerline.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.centerline.contracts.json.CenterlineJson;

/** The report as a table for the console and as JSON for {@code bench/target/benchmark.json}. */
final class ReportWriter {

    private ReportWriter() {
    }

    /** A Markdown table of the headline numbers. */
    static String table(BenchReport r) {
        LatencyProbe.Result l = r.latency();
        StringBuilder t = new StringBuilder();
        t.append(String.format(Locale.ROOT, "%nCenterline routing benchmark: %,d filings after %,d warm-up (seed %d, %.0f %% "
                        + "invalid, %.0f B avg), %d cores, kafka-clients %s%n%n", r.options().records(), r.options().warmupRecords(),
                r.options().seed(),
                BenchOptions.INVALID_SHARE * 100, r.preload().averageBytes(), r.environment().cores(),
                r.environment().kafkaClients()));
        t.append(String.format(Locale.ROOT, "max.poll.records %d, compression %s (both sides); routing-service JVM %s%n%n",
                r.options().maxPollRecords(), r.options().compression(), String.join(" ", r.options().routingJvmOptions())));
        t.append("| measure | value |\n|---|---|\n");
        row(t, "baseline: kafka-clients EOS pass-through", String.format(Locale.ROOT,
                "%,.0f rec/s (%,d in %.2f s, %,d transactions)", r.baseline().recordsPerSecond(), r.baseline().records(),
                r.baseline().seconds(), r.baseline().transactions()));
        row(t, "routing-service as shipped", String.format(Locale.ROOT, "%,.0f rec/s (%,d in %.2f s)",
                r.routing().recordsPerSecond(), r.routing().records(), r.routing().seconds()));
        row(t, "ratio routing / baseline", String.format(Locale.ROOT, "%.3f", r.ratio()));
        row(t, "CPU per record, baseline: pass-through JVM / broker", cpu(r.baselineCpu()));
        row(t, "CPU per record, routing: routing-service JVM / broker", cpu(r.routingCpu()));
        row(t, "of the JVMs' CPU per record, their JIT compilers': pass-through / routing-service", String.format(Locale.ROOT,
                "%.1f / %.1f µs", r.baselineCpu().clientJitMicrosPerRecord(), r.routingCpu().clientJitMicrosPerRecord()));
        row(t, String.format(Locale.ROOT, "latency at %,d/s offered (%,.0f/s achieved, %,d decisions measured): "
                + "routedAt - filedAt p50 / p99 / p99.9 (max)", l.offeredRate(), l.achievedRate(), l.service().count()),
                ms(l.service()));
        row(t, "filed -> committed decision read back, p50 / p99 / p99.9 (max)", ms(l.visible()));
        row(t, String.format(Locale.ROOT, "baseline at the same load (%,.0f/s achieved, %,d decisions measured): filed -> "
                + "committed decision read back, p50 / p99 / p99.9 (max)", r.baselineLatency().achievedRate(),
                r.baselineLatency().visible().count()), ms(r.baselineLatency().visible()));
        row(t, "routing-service peak RSS (VmHWM)", r.routingPeakRssBytes() < 0 ? "n/a"
                : String.format(Locale.ROOT, "%.0f MB", r.routingPeakRssBytes() / 1048576.0));
        return t.toString();
    }

    /** Writes the whole report as JSON. */
    static void writeJson(BenchReport r, Path file) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("startedAt", r.startedAt().toString());
        json.put("options", ordered("records", r.options().records(), "warmupRecords", r.options().warmupRecords(), "seed", r.options().seed(),
                "invalidShare", BenchOptions.INVALID_SHARE, "rate", r.options().rate(),
                "latencySeconds", r.options().latencySeconds(), "warmupSeconds", r.options().warmupSeconds(),
                "maxPollRecords", r.options().maxPollRecords(), "compression", r.options().compression(),
                "routingJvmOptions", r.options().routingJvmOptions()));
        json.put("environment", r.environment());
        json.put("preload", ordered("records", r.preload().records(), "averageBytes", r.preload().averageBytes(),
                "seconds", r.preload().seconds()));
        json.put("baseline", ordered("records", r.baseline().records(), "transactions", r.baseline().transactions(),
                "seconds", r.baseline().seconds(), "recordsPerSecond", r.baseline().recordsPerSecond()));
        Map<String, Object> routing = new LinkedHashMap<>();
        routing.put("records", r.routing().records());
        routing.put("seconds", r.routing().seconds());
        routing.put("recordsPerSecond", r.routing().recordsPerSecond());
        routing.put("firstBatchAt", r.routing().firstBatch().toString());
        routing.put("countReachedAt", r.routing().done().toString());
        routing.put("filedTotalOnPrometheus", r.routingFiledScraped());
        routing.put("peakRssBytes", r.routingPeakRssBytes());
        json.put("routing", routing);
        json.put("ratio", r.ratio());
        json.put("cpuMicrosPerRecord", ordered("baseline", r.baselineCpu(), "routing", r.routingCpu()));
        json.put("latency", r.latency());
        json.put("baselineLatency", r.baselineLatency());
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, CenterlineJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(json),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    private static void row(StringBuilder t, String measure, String value) {
        t.append("| ").append(measure).append(" | ").append(value).append(" |\n");
    }

    private static String cpu(CpuUse c) {
        return String.format(Locale.ROOT, "%.1f / %.1f µs", c.clientMicrosPerRecord(), c.brokerMicrosPerRecord());
    }

    private static String ms(Percentiles.Summary s) {
        return String.format(Locale.ROOT, "%.1f / %.1f / %.1f ms (%.1f ms)", s.p50Ms(), s.p99Ms(), s.p999Ms(), s.maxMs());
    }
}
