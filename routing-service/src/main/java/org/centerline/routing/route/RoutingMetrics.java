package org.centerline.routing.route;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.centerline.contracts.event.RejectionReason;
import org.centerline.contracts.event.RoutingDecision;

/**
 * The routing counters ops watch (DESIGN.md "Observability"): filed, routed by Center, basis and
 * entry type, rejected by reason code, withdrawals, and filed -> routed latency. Meters are cached
 * so the hot path does not look them up per record.
 */
public final class RoutingMetrics {

    private final MeterRegistry registry;
    private final Counter filed;
    private final Counter rejected;
    private final Timer latency;
    private final Map<String, Counter> routed = new ConcurrentHashMap<>();
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

    public void filed() {
        filed.increment();
    }

    public void routed(RoutingDecision d) {
        String id = d.centerCode() + '|' + d.basis() + '|' + d.entryType();
        routed.computeIfAbsent(id, k -> Counter.builder("centerline.routing.routed")
                .description("Entry summaries routed to a Center")
                .tag("center", d.centerCode()).tag("basis", d.basis().name()).tag("entry_type", d.entryType())
                .register(registry)).increment();
        latency.record(Duration.between(d.filedAt(), d.routedAt()));
    }

    public void rejected(Iterable<RejectionReason> why) {
        rejected.increment();
        for (RejectionReason reason : why) {
            reasons.computeIfAbsent(reason.code(), code -> Counter.builder("centerline.routing.rejection.reasons")
                    .description("Rejection reasons, by code (a filing may have several)")
                    .tag("code", code).register(registry)).increment();
        }
    }

    public void withdrawn(String fromCenter) {
        withdrawals.computeIfAbsent(fromCenter, c -> Counter.builder("centerline.routing.withdrawals")
                .description("Entries withdrawn from a Center because a re-filing moved them")
                .tag("center", c).register(registry)).increment();
    }
}
