package org.centerline.bench;

import java.time.Instant;

/**
 * Everything one run measured.
 *
 * @param baselineCpu CPU per record of the pass-through's JVM (the benchmark's own) and the broker during the baseline
 * @param routingCpu  CPU per record of routing-service's JVM and the broker during the routing run
 * @param routingPeakRssBytes VmHWM of routing-service's JVM at the end (its peak over both runs), -1 without /proc
 * @param routingFiledScraped {@code centerline_routing_filed_total} on /actuator/prometheus right after the throughput run
 * @param baselineLatency the same offered load through the baseline pass-through (filed -> committed decision only)
 * @param latency         routing-service's latency at the offered load
 */
record BenchReport(Instant startedAt, BenchOptions options, Environment environment, Preloader.Result preload,
                   BaselinePassThrough.Result baseline, CpuUse baselineCpu, RoutingThroughput.Result routing,
                   CpuUse routingCpu, double routingFiledScraped,
                   LatencyProbe.Result baselineLatency, LatencyProbe.Result latency, long routingPeakRssBytes) {

    /** The machine and versions the numbers belong to. */
    record Environment(int cores, String java, String kafkaClients, String os) {
        static Environment current() {
            return new Environment(Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name") + " "
                    + System.getProperty("java.version"), org.apache.kafka.common.utils.AppInfoParser.getVersion(),
                    System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        }
    }

    /** routing-service's rate over the baseline's. */
    double ratio() {
        return routing.recordsPerSecond() / baseline.recordsPerSecond();
    }
}
