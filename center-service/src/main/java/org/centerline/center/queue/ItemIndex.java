package org.centerline.center.queue;

import java.time.Instant;
import org.apache.kafka.streams.state.KeyValueStore;
import org.centerline.contracts.event.EntryStatus;

/**
 * Index maintenance: every write of a work item goes through here, so the queue index, the
 * closing-time index and the per-Center tallies (counts by status, open items and points per
 * specialist) always describe exactly the items in {@code work-items}. Same task, same transaction.
 */
public final class ItemIndex {

    private final KeyValueStore<String, WorkItem> items;
    private final KeyValueStore<String, IndexRef> index;
    private final KeyValueStore<String, String> closed;
    private final KeyValueStore<String, Tally> tallies;

    public ItemIndex(KeyValueStore<String, WorkItem> items, KeyValueStore<String, IndexRef> index,
                     KeyValueStore<String, String> closed, KeyValueStore<String, Tally> tallies) {
        this.items = items;
        this.index = index;
        this.closed = closed;
        this.tallies = tallies;
    }

    public WorkItem get(String centerCode, String entryNumber) {
        return items.get(QueueKeys.item(centerCode, entryNumber));
    }

    /** Replaces {@code before} (null: a new item) with {@code after}. */
    public void put(WorkItem before, WorkItem after) {
        if (before != null) {
            unindex(before);
        }
        items.put(QueueKeys.item(after.centerCode(), after.entryNumber()), after);
        index(after);
    }

    /** Deletes the item and everything that indexes it (tombstones on the changelogs). */
    public void delete(WorkItem item) {
        unindex(item);
        items.delete(QueueKeys.item(item.centerCode(), item.entryNumber()));
    }

    private void index(WorkItem item) {
        index.put(QueueKeys.index(item), new IndexRef(item.entryNumber(), item.specialistId(), item.flags()));
        add(QueueKeys.statusTally(item.centerCode(), item.status()), 1, 0);
        if (item.isOpen()) {
            if (item.specialistId() != null) {
                add(QueueKeys.specialistTally(item.centerCode(), item.specialistId()), 1, item.workloadPoints());
            }
        } else {
            closed.put(QueueKeys.closed(closedAt(item), QueueKeys.item(item.centerCode(), item.entryNumber())), "");
        }
    }

    private void unindex(WorkItem item) {
        String key = indexedKey(item);
        if (key == null) {
            return; // never indexed: written before the index existed and not migrated yet (IndexMigration)
        }
        index.delete(key);
        add(QueueKeys.statusTally(item.centerCode(), item.status()), -1, 0);
        if (item.isOpen()) {
            if (item.specialistId() != null) {
                add(QueueKeys.specialistTally(item.centerCode(), item.specialistId()), -1, -item.workloadPoints());
            }
        } else {
            closed.delete(QueueKeys.closed(closedAt(item), QueueKeys.item(item.centerCode(), item.entryNumber())));
        }
    }

    /**
     * Indexes an item written before the index existed, or moves one an earlier version ranked otherwise to its rank;
     * nothing when it is indexed right (idempotent).
     */
    boolean indexIfMissing(WorkItem item) {
        String at = indexedKey(item);
        String wanted = QueueKeys.index(item);
        if (wanted.equals(at)) {
            return false;
        }
        if (at != null) {
            // Ranked by an earlier version's enforcement flags: moved to its rank now (the tallies count it already).
            IndexRef ref = index.get(at);
            index.delete(at);
            index.put(wanted, ref);
            return true;
        }
        index(item);
        return true;
    }

    /** The item's key in the queue index at either rank (an earlier version may have ranked it otherwise), or null. */
    private String indexedKey(WorkItem item) {
        for (boolean ahead : new boolean[] {item.hasEnforcementFlag(), !item.hasEnforcementFlag()}) {
            String key = QueueKeys.index(item, ahead);
            if (index.get(key) != null) {
                return key;
            }
        }
        return null;
    }

    /** A closed item does not change until it is re-opened or pruned: its last update is its closing. */
    static Instant closedAt(WorkItem item) {
        return item.updatedAt();
    }

    private void add(String key, long n, double points) {
        Tally now = tallies.get(key);
        Tally next = now == null ? new Tally(n, points) : now.plus(n, points);
        if (next.count() <= 0) {
            tallies.delete(key);
        } else {
            tallies.put(key, next);
        }
    }

    /** The open workload points a specialist of a Center holds. */
    public double openPoints(String centerCode, String specialistId) {
        Tally t = tallies.get(QueueKeys.specialistTally(centerCode, specialistId));
        return t == null ? 0 : t.points();
    }

    public long count(String centerCode, EntryStatus status) {
        Tally t = tallies.get(QueueKeys.statusTally(centerCode, status));
        return t == null ? 0 : t.count();
    }

    KeyValueStore<String, IndexRef> index() {
        return index;
    }

    KeyValueStore<String, String> closedIndex() {
        return closed;
    }

    KeyValueStore<String, WorkItem> items() {
        return items;
    }
}
