package org.centerline.center.queue;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;

/**
 * Indexes the items stored before the queue index, the tallies and the closing-time index existed (an
 * upgrade), a bounded batch per run, in key order, remembering how far it got (in {@code closed-items}
 * under {@value #CURSOR}, a key retention never reads), and moves an item an earlier version ranked under other
 * enforcement flags to its rank. Idempotent: an item already indexed right (written since) is skipped. Once every
 * item has been seen, each run is one read.
 */
final class IndexMigration {

    /**
     * Where the pass has got to. The second pass (2026) also re-ranks items an earlier version indexed under other
     * enforcement flags, so it has a cursor of its own: a store the first pass finished is read once more.
     */
    static final String CURSOR = "~index-migration-2026";
    static final String DONE = "~done";

    private final ItemIndex items;
    private final int batch;

    IndexMigration(ItemIndex items, int batch) {
        this.items = items;
        this.batch = batch;
    }

    /** Indexes up to a batch of items; returns how many were looked at (0 once done). */
    int run() {
        String from = items.closedIndex().get(CURSOR);
        if (DONE.equals(from)) {
            return 0;
        }
        List<KeyValue<String, WorkItem>> next = new ArrayList<>();
        try (KeyValueIterator<String, WorkItem> it = from == null ? items.items().all() : items.items().range(from, null)) {
            while (it.hasNext() && next.size() <= batch) {
                KeyValue<String, WorkItem> kv = it.next();
                if (!kv.key.equals(from)) {
                    next.add(kv);
                }
            }
        }
        boolean more = next.size() > batch;
        List<KeyValue<String, WorkItem>> now = more ? next.subList(0, batch) : next;
        for (KeyValue<String, WorkItem> kv : now) {
            items.indexIfMissing(kv.value);
        }
        items.closedIndex().put(CURSOR, more ? now.get(now.size() - 1).key : DONE);
        return now.size();
    }
}
