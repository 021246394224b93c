package org.centerline.bench;

import java.util.List;
import org.centerline.stackprocess.ServiceCatalog;

/**
 * The benchmark's flags: how many filings, their seed, and the offered load of the latency run.
 *
 * @param records        filings preloaded for the throughput runs (the same records for baseline and routing)
 * @param warmupRecords  filings each side processes before its timed run (JIT compilation, caches), not measured
 * @param seed           seed of {@code FilingGenerator}: the same seed gives the same filings
 * @param rate           offered load of the latency run, filings per second
 * @param latencySeconds how long the latency run offers that load
 * @param warmupSeconds  the first seconds of the latency run, left out of the percentiles
 * @param maxPollRecords records per poll, so per transaction, for both sides (the service's shipped value by default)
 * @param compression    producer compression for both sides (the service's shipped value by default)
 * @param routingJvmOptions routing-service's JVM options (the local stack's by default)
 * @param help           print the usage and exit
 */
public record BenchOptions(int records, int warmupRecords, long seed, int rate, int latencySeconds, int warmupSeconds,
                           int maxPollRecords, String compression, List<String> routingJvmOptions, boolean help) {

    /** routing-service's shipped consumer and producer settings, which the baseline copies unless told otherwise. */
    public static final int SHIPPED_MAX_POLL_RECORDS = 1_000;
    public static final String SHIPPED_COMPRESSION = "lz4";

    /** Share of deliberately invalid filings, as in the local stack's simulator. */
    public static final double INVALID_SHARE = 0.03;

    static final String USAGE = """
            usage: java -jar bench/target/bench.jar [flags]
              --records N          filings for the throughput runs (default 500000)
              --warmup-records N   filings each side processes first, untimed, so both are measured warm (default 100000)
              --seed N             seed of the generated filings (default 7501)
              --rate R             offered load of the latency run, filings/s (default 5000)
              --latency-seconds S  length of the latency run (default 20)
              --warmup-seconds S   first seconds of the latency run left out of the percentiles (default 2)
              --max-poll-records N records per poll and transaction, both sides (default: routing-service's, 1000)
              --compression C      producer compression, both sides: none, lz4, zstd, ... (default: routing-service's, lz4)
              --routing-jvm "OPTS" routing-service's JVM options (default: the local stack's, "-Xmx640m -XX:+UseParallelGC")
              --help               this text""";

    /** Parses {@code --name value} and {@code --name=value}; throws IllegalArgumentException with a message for the user. */
    public static BenchOptions parse(String[] args) {
        Parsed p = new Parsed();
        boolean help = CommandLineFlags.read(args, (name, value) -> {
            switch (name) {
                case "--records" -> p.records = (int) CommandLineFlags.number(name, value, 1, 100_000_000);
                case "--warmup-records" -> p.warmupRecords = (int) CommandLineFlags.number(name, value, 0, 100_000_000);
                case "--seed" -> p.seed = CommandLineFlags.number(name, value, Long.MIN_VALUE, Long.MAX_VALUE);
                case "--rate" -> p.rate = (int) CommandLineFlags.number(name, value, 1, 1_000_000);
                case "--latency-seconds" -> p.latencySeconds = (int) CommandLineFlags.number(name, value, 1, 3_600);
                case "--warmup-seconds" -> p.warmupSeconds = (int) CommandLineFlags.number(name, value, 0, 3_600);
                case "--max-poll-records" -> p.maxPollRecords = (int) CommandLineFlags.number(name, value, 1, 100_000);
                case "--compression" -> p.compression = value.trim();
                case "--routing-jvm" -> p.routingJvm = List.of(value.trim().split("\\s+"));
                default -> throw new IllegalArgumentException("unknown option '" + name + "'");
            }
        });
        if (p.warmupSeconds >= p.latencySeconds) {
            throw new IllegalArgumentException("--warmup-seconds must be less than --latency-seconds");
        }
        return new BenchOptions(p.records, p.warmupRecords, p.seed, p.rate, p.latencySeconds, p.warmupSeconds,
                p.maxPollRecords, p.compression, p.routingJvm, help);
    }

    /** The defaults, overwritten by the flags given. */
    private static final class Parsed {
        int records = 500_000;
        int warmupRecords = 100_000;
        long seed = 7501;
        int rate = 5_000;
        int latencySeconds = 20;
        int warmupSeconds = 2;
        int maxPollRecords = SHIPPED_MAX_POLL_RECORDS;
        String compression = SHIPPED_COMPRESSION;
        List<String> routingJvm = ServiceCatalog.ROUTING_JVM;
    }
}
