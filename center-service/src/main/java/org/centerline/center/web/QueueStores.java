package org.centerline.center.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.centerline.center.command.CommandOutcome;
import org.centerline.center.queue.CenterQueueProcessor;
import org.centerline.center.queue.WorkItem;
import org.centerline.contracts.event.StaffingRoster;
import org.centerline.streams.LocalStores;
import org.springframework.stereotype.Component;

/**
 * Reads the queue's Kafka Streams stores for the HTTP API and the gauges. The interactive query
 * service retries while a rebalance makes a store briefly unavailable, instead of failing the request.
 */
@Component
public class QueueStores {

    private final LocalStores stores;

    public QueueStores(LocalStores stores) {
        this.stores = stores;
    }

    public Optional<WorkItem> item(String centerCode, String entryNumber) {
        return Optional.ofNullable(stores.<WorkItem>keyValue(CenterQueueProcessor.ITEMS)
                .get(CenterQueueProcessor.key(centerCode, entryNumber)));
    }

    /** Every item of one Center (its keys share the prefix {@code CODE/}). */
    public List<WorkItem> itemsOf(String centerCode) {
        List<WorkItem> found = new ArrayList<>();
        stores.<WorkItem>forEachUnder(CenterQueueProcessor.ITEMS, centerCode, (key, item) -> found.add(item));
        return found;
    }

    public Optional<CommandOutcome> outcome(String commandId) {
        return Optional.ofNullable(stores.<CommandOutcome>keyValue(CenterQueueProcessor.OUTCOMES).get(commandId));
    }

    public Optional<StaffingRoster> roster(String centerCode) {
        return Optional.ofNullable(stores.<StaffingRoster>keyValue(CenterQueueProcessor.ROSTERS).get(centerCode));
    }
}
