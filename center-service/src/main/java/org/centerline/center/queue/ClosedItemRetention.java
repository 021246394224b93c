package org.centerline.center.queue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.state.KeyValueIterator;

/**
 * Deletes items closed longer ago than the retention, oldest first, at most a batch per run (the
 * rest on the next run), reading only the closing-time index. Open items are never in that index, so
 * never pruned. Deletes are tombstones on the changelogs.
 */
final class ClosedItemRetention {

    private final ItemIndex items;
    private final Duration retention;
    private final int batch;

    ClosedItemRetention(ItemIndex items, Duration retention, int batch) {
        this.items = items;
        this.retention = retention;
        this.batch = batch;
    }

    /** Prunes up to a batch; returns how many items were deleted. */
    int prune(Instant now) {
        String cutoff = QueueKeys.millis(now.minus(retention));
        List<String> expired = new ArrayList<>();
        try (KeyValueIterator<String, String> it = items.closedIndex().range(QueueKeys.millis(Instant.EPOCH), cutoff)) {
            while (it.hasNext() && expired.size() < batch) {
                expired.add(it.next().key);
            }
        }
        for (String closedKey : expired) {
            WorkItem item = items.items().get(QueueKeys.itemOfClosed(closedKey));
            if (item != null && !item.isOpen()) {
                items.delete(item);
            }
            items.closedIndex().delete(closedKey); // also a stale entry (item re-opened or gone)
        }
        return expired.size();
    }
}
