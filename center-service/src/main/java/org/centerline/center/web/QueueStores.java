package org.centerline.center.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.centerline.center.command.CommandOutcome;
import org.centerline.center.queue.CenterQueueProcessor;
import org.centerline.center.queue.QueueReader;
import org.centerline.center.queue.WorkItem;
import org.centerline.contracts.event.StaffingRoster;
import org.centerline.streams.LocalStores;
import org.springframework.stereotype.Component;

/**
 * Reads this instance's Kafka Streams stores for the HTTP API and the gauges (requests for a Center
 * another instance owns are forwarded there first, {@link OwnerForwarding}). The interactive query
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

    /** The queue index and tallies of this instance's Centers. */
    public QueueReader queue() {
        return new QueueReader(stores.keyValue(CenterQueueProcessor.ITEMS), stores.keyValue(CenterQueueProcessor.INDEX),
                stores.keyValue(CenterQueueProcessor.TALLIES));
    }

    /**
     * Every item of one Center, closed ones included (its keys share the prefix {@code CODE/}): a scan of
     * history, for tests and checks only; nothing the service serves calls it.
     */
    public List<WorkItem> itemsOf(String centerCode) {
        List<WorkItem> found = new ArrayList<>();
        stores.<WorkItem>forEachUnder(CenterQueueProcessor.ITEMS, centerCode, (key, item) -> found.add(item));
        return found;
    }

    public Optional<CommandOutcome> outcome(String commandId) {
        return Optional.ofNullable(stores.<CommandOutcome>keyValue(CenterQueueProcessor.OUTCOMES).get(commandId));
    }

    /** The roster as the Center's task keeps it, else as last published on {@code center-staffing}. */
    public Optional<StaffingRoster> roster(String centerCode) {
        StaffingRoster own = stores.<StaffingRoster>keyValue(CenterQueueProcessor.CENTER_ROSTERS).get(centerCode);
        if (own != null) {
            return Optional.of(own);
        }
        return Optional.ofNullable(stores.<StaffingRoster>keyValue(CenterQueueProcessor.ROSTERS).get(centerCode));
    }
}
