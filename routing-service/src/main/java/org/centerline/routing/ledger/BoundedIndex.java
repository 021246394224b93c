package org.centerline.routing.ledger;

/**
 * A map from packed entry numbers to a value and its time, holding at most {@code max} entries
 * (the first inserted leaves first) in flat arrays: open addressing with linear probing, and a ring
 * of keys in insertion order. A million entries are a few arrays instead of millions of small
 * objects, which had made the routing-service's garbage collections long (full collections of
 * 60-760 ms at the benchmark's volume). Of two values for a key, the later time stands.
 * Thread-safe (the router, the ledger tail and HTTP threads share it).
 */
final class BoundedIndex<V> {

    private static final long EMPTY = 0;

    private final int max;
    private final int mask;
    private final long[] keys;
    private final Object[] values;
    private final long[] times;
    private final long[] order;
    private int head;
    private int size;

    BoundedIndex(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1: " + max);
        }
        this.max = max;
        int capacity = Integer.highestOneBit(Math.max(4, max) * 2 - 1) << 1;
        this.mask = capacity - 1;
        this.keys = new long[capacity];
        this.values = new Object[capacity];
        this.times = new long[capacity];
        this.order = new long[max];
    }

    /** Puts the value unless the key already has one of a later time. */
    synchronized void merge(long key, V value, long time) {
        long stored = key + 1;
        int slot = find(stored);
        if (slot >= 0) {
            if (time >= times[slot]) {
                values[slot] = value;
                times[slot] = time;
            }
            return;
        }
        if (size == max) {
            remove(order[head]);
            head = (head + 1) % max;
            size--;
        }
        int free = home(stored);
        while (keys[free] != EMPTY) {
            free = (free + 1) & mask;
        }
        keys[free] = stored;
        values[free] = value;
        times[free] = time;
        order[(head + size) % max] = stored;
        size++;
    }

    @SuppressWarnings("unchecked")
    synchronized V get(long key) {
        int slot = find(key + 1);
        return slot < 0 ? null : (V) values[slot];
    }

    synchronized int size() {
        return size;
    }

    private int find(long stored) {
        int slot = home(stored);
        while (keys[slot] != EMPTY) {
            if (keys[slot] == stored) {
                return slot;
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    /** Deletes by shifting the following entries of the probe run back, so lookups need no tombstones. */
    private void remove(long stored) {
        int slot = find(stored);
        if (slot < 0) {
            return;
        }
        int gap = slot;
        int next = (gap + 1) & mask;
        while (keys[next] != EMPTY) {
            int home = home(keys[next]);
            // Move the entry back into the gap unless its home lies cyclically in (gap, next].
            boolean stays = gap <= next ? (gap < home && home <= next) : (gap < home || home <= next);
            if (!stays) {
                keys[gap] = keys[next];
                values[gap] = values[next];
                times[gap] = times[next];
                gap = next;
            }
            next = (next + 1) & mask;
        }
        keys[gap] = EMPTY;
        values[gap] = null;
        times[gap] = 0;
    }

    private int home(long stored) {
        long h = stored * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }
}
