package org.centerline.center.queue;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.centerline.center.CenterProperties;
import org.centerline.center.web.QueueStores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The queue gauges ops watch, read every few seconds from the per-Center tallies and the head of the
 * queue index (never from the items): open items by Center and status, the age of the oldest open
 * item, open items per specialist. Each instance reports the Centers whose tasks it runs (an empty
 * Center elsewhere reports 0 here; sum or max over instances).
 */
@Component
public class CenterMetrics {

    private static final Logger log = LoggerFactory.getLogger(CenterMetrics.class);

    private final QueueStores stores;
    private final CenterProperties properties;
    private final Clock clock;
    private final MultiGauge openItems;
    private final MultiGauge oldestAge;
    private final MultiGauge perSpecialist;

    public CenterMetrics(QueueStores stores, CenterProperties properties, Clock clock, MeterRegistry registry) {
        this.stores = stores;
        this.properties = properties;
        this.clock = clock;
        this.openItems = MultiGauge.builder("centerline.center.open.items")
                .description("Open work items, by Center and status").register(registry);
        this.oldestAge = MultiGauge.builder("centerline.center.oldest.open.age").baseUnit("seconds")
                .description("Age of the oldest open work item, by Center").register(registry);
        this.perSpecialist = MultiGauge.builder("centerline.center.specialist.open.items")
                .description("Open work items held by each specialist").register(registry);
    }

    @Scheduled(fixedDelayString = "${centerline.center.metrics-every:10s}", initialDelayString = "5s")
    public void refresh() {
        try {
            Instant now = clock.instant();
            List<MultiGauge.Row<?>> open = new ArrayList<>();
            List<MultiGauge.Row<?>> oldest = new ArrayList<>();
            List<MultiGauge.Row<?>> specialists = new ArrayList<>();
            QueueReader queue = stores.queue();
            for (String center : new java.util.TreeSet<>(properties.servedCenters())) {
                queue.openCounts(center).forEach((s, n) ->
                        open.add(MultiGauge.Row.of(Tags.of("center", center, "status", s.name()), n)));
                Instant oldestRouted = queue.oldestOpen(center);
                double oldestSeconds = oldestRouted == null ? 0 : Math.max(0, Duration.between(oldestRouted, now).toMillis() / 1000.0);
                oldest.add(MultiGauge.Row.of(Tags.of("center", center), oldestSeconds));
                queue.openBySpecialist(center).forEach((id, n) ->
                        specialists.add(MultiGauge.Row.of(Tags.of("center", center, "specialist", id), n)));
            }
            openItems.register(open, true);
            oldestAge.register(oldest, true);
            perSpecialist.register(specialists, true);
        } catch (RuntimeException e) {
            log.debug("Queue gauges not refreshed (stores not ready): {}", e.toString());
        }
    }
}
