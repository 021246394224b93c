package org.centerline.center.queue;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.centerline.center.CenterProperties;
import org.centerline.center.web.QueueStores;
import org.centerline.contracts.event.EntryStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The queue gauges ops watch, recomputed from the stores every few seconds: open items by Center
 * and status, the age of the oldest open item, open items per specialist.
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
            for (String center : new java.util.TreeSet<>(properties.servedCenters())) {
                Map<EntryStatus, Integer> byStatus = new EnumMap<>(EntryStatus.class);
                Map<String, Integer> bySpecialist = new TreeMap<>();
                for (EntryStatus s : EntryStatus.values()) {
                    if (Lifecycle.isOpen(s)) {
                        byStatus.put(s, 0);
                    }
                }
                double oldestSeconds = 0;
                for (WorkItem item : stores.itemsOf(center)) {
                    if (item.isOpen()) {
                        byStatus.merge(item.status(), 1, Integer::sum);
                        oldestSeconds = Math.max(oldestSeconds, item.age(now).toMillis() / 1000.0);
                        if (item.specialistId() != null) {
                            bySpecialist.merge(item.specialistId(), 1, Integer::sum);
                        }
                    }
                }
                byStatus.forEach((s, n) -> open.add(MultiGauge.Row.of(Tags.of("center", center, "status", s.name()), n)));
                oldest.add(MultiGauge.Row.of(Tags.of("center", center), oldestSeconds));
                bySpecialist.forEach((id, n) -> specialists.add(MultiGauge.Row.of(Tags.of("center", center, "specialist", id), n)));
            }
            openItems.register(open, true);
            oldestAge.register(oldest, true);
            perSpecialist.register(specialists, true);
        } catch (RuntimeException e) {
            log.debug("Queue gauges not refreshed (stores not ready): {}", e.toString());
        }
    }
}
