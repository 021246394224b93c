package org.centerline.routing.route;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.centerline.contracts.event.RoutingBasis;

/**
 * The routing counters ops watch (DESIGN.md "Observability"): filed, routed by Center, basis and
 * entry type, rejected by reason code, withdrawals, and filed -> routed latency. Meters are cached
 * so the hot path does not look them up per record; counts arrive per committed transaction
 * ({@link CommittedMetrics}).
 */
public final class RoutingMetrics {

    /** The tags of one routed counter. */
    record Routed(String center, RoutingBasis basis, String entryType) {
    }

    private final MeterRegistry registry;
    private final Counter filed;
    private final Counter rejected;
    private final Timer latency;
    private final Map<Routed, Counter> routed = new ConcurrentHashMap<>();
    private final Map<String, Counter> reasons = new ConcurrentHashMap<>();
    private final Map<String, Counter> withdrawals = new ConcurrentHashMap<>();

    public RoutingMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.filed = Counter.builder("centerline.routing.filed").description("Filings read from entry-summaries.filed")
                .register(registry);
        this.rejected = Counter.builder("centerline.routing.rejected").description("Filings rejected")
                .register(registry);
        this.latency = Timer.builder("centerline.routing.latency")
                .description("From filing (record timestamp) to routing decision")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(60))
                .register(registry);
    }

    void filed(int count) {
        filed.increment(count);
    }

    void routed(Routed tags, int count) {
        routed.computeIfAbsent(tags, t -> Counter.builder("centerline.routing.routed")
                .description("Entry summaries routed to a Center")
                .tag("center", t.center()).tag("basis", t.basis().name()).tag("entry_type", t.entryType())
                .register(registry)).increment(count);
    }

    void latency(long nanos) {
        latency.record(nanos, TimeUnit.NANOSECONDS);
    }

    void rejected(int count) {
        rejected.increment(count);
    }

    void reason(String code, int count) {
        reasons.computeIfAbsent(code, c -> Counter.builder("centerline.routing.rejection.reasons")
                .description("Rejection reasons, by code (a filing may have several)")
                .tag("code", c).register(registry)).increment(count);
    }

    void withdrawn(String fromCenter, int count) {
        withdrawals.computeIfAbsent(fromCenter, c -> Counter.builder("centerline.routing.withdrawals")
                .description("Entries withdrawn from a Center because a re-filing moved them")
                .tag("center", c).register(registry)).increment(count);
    }
}
