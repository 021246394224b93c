package org.centerline.center.queue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.centerline.contracts.event.EntryStatus;
import org.centerline.contracts.event.RoutingFlag;

/**
 * Reads a Center's queue from the queue index and the tallies, never from all of its items: a page
 * merges the per-status index ranges in priority order and reads only the page's items; totals come
 * from the tallies (or, with a specialist or flag filter, from the index entries of that status set).
 */
public final class QueueReader {

    /** One page: the matching total and the page's items in queue order. */
    public record Page(long total, List<WorkItem> items) {
    }

    private static final Set<EntryStatus> OPEN = EnumSet.noneOf(EntryStatus.class);

    static {
        for (EntryStatus s : EntryStatus.values()) {
            if (Lifecycle.isOpen(s)) {
                OPEN.add(s);
            }
        }
    }

    private final ReadOnlyKeyValueStore<String, WorkItem> items;
    private final ReadOnlyKeyValueStore<String, IndexRef> index;
    private final ReadOnlyKeyValueStore<String, Tally> tallies;

    public QueueReader(ReadOnlyKeyValueStore<String, WorkItem> items, ReadOnlyKeyValueStore<String, IndexRef> index,
                       ReadOnlyKeyValueStore<String, Tally> tallies) {
        this.items = items;
        this.index = index;
        this.tallies = tallies;
    }

    public static Set<EntryStatus> openStatuses() {
        return EnumSet.copyOf(OPEN);
    }

    /** Items of {@code status} (null: every open status) by priority, optionally of one specialist or with one flag. */
    public Page page(String center, EntryStatus status, String specialistId, RoutingFlag flag, int page, int size) {
        Set<EntryStatus> statuses = status == null ? OPEN : EnumSet.of(status);
        Predicate<IndexRef> matches = ref -> (specialistId == null || specialistId.equals(ref.specialistId()))
                && (flag == null || ref.flags().contains(flag));
        boolean filtered = specialistId != null || flag != null;
        long skip = (long) page * size;
        List<String> wanted = new ArrayList<>();
        long seen = 0;
        List<KeyValueIterator<String, IndexRef>> open = new ArrayList<>();
        try {
            PriorityQueue<Head> heads = new PriorityQueue<>();
            for (EntryStatus s : statuses) {
                String prefix = QueueKeys.statusPrefix(center, s);
                KeyValueIterator<String, IndexRef> it = index.range(prefix, QueueKeys.end(prefix));
                open.add(it);
                Head.next(it, heads);
            }
            while (!heads.isEmpty() && (filtered || wanted.size() < size)) {
                Head head = heads.poll();
                if (matches.test(head.entry.value)) {
                    if (seen >= skip && wanted.size() < size) {
                        wanted.add(head.entry.value.entryNumber());
                    }
                    seen++;
                }
                Head.next(head.iterator, heads);
            }
        } finally {
            open.forEach(KeyValueIterator::close);
        }
        long total = filtered ? seen : statuses.stream().mapToLong(s -> count(center, s)).sum();
        List<WorkItem> found = new ArrayList<>();
        for (String entryNumber : wanted) {
            WorkItem item = items.get(QueueKeys.item(center, entryNumber));
            if (item != null) {
                found.add(item);
            }
        }
        return new Page(total, found);
    }

    public long count(String center, EntryStatus status) {
        Tally t = tallies.get(QueueKeys.statusTally(center, status));
        return t == null ? 0 : t.count();
    }

    /** Open items per open status (0 for none). */
    public Map<EntryStatus, Long> openCounts(String center) {
        Map<EntryStatus, Long> counts = new LinkedHashMap<>();
        for (EntryStatus s : OPEN) {
            counts.put(s, count(center, s));
        }
        return counts;
    }

    /** When the oldest open item was routed (null: none open): the head of each rank of each open status. */
    public Instant oldestOpen(String center) {
        Instant oldest = null;
        for (EntryStatus s : OPEN) {
            for (char rank : new char[] {'0', '1'}) {
                String prefix = QueueKeys.statusPrefix(center, s) + rank + '|';
                try (KeyValueIterator<String, IndexRef> it = index.range(prefix, QueueKeys.end(prefix))) {
                    if (it.hasNext()) {
                        Instant at = QueueKeys.routedAt(it.next().key);
                        oldest = oldest == null || at.isBefore(oldest) ? at : oldest;
                    }
                }
            }
        }
        return oldest;
    }

    /** Open items per specialist of the Center. */
    public Map<String, Long> openBySpecialist(String center) {
        Map<String, Long> found = new LinkedHashMap<>();
        String prefix = QueueKeys.specialistPrefix(center);
        try (KeyValueIterator<String, Tally> it = tallies.range(prefix, QueueKeys.end(prefix))) {
            it.forEachRemaining(kv -> found.put(kv.key.substring(prefix.length()), kv.value.count()));
        }
        return found;
    }

    /** The next entry of one status range, ordered across ranges by rank, routedAt, entry number. */
    private record Head(KeyValue<String, IndexRef> entry, String order, KeyValueIterator<String, IndexRef> iterator)
            implements Comparable<Head> {

        static void next(KeyValueIterator<String, IndexRef> it, PriorityQueue<Head> heads) {
            if (it.hasNext()) {
                KeyValue<String, IndexRef> kv = it.next();
                heads.add(new Head(kv, QueueKeys.priorityPart(kv.key), it));
            }
        }

        @Override
        public int compareTo(Head o) {
            return order.compareTo(o.order);
        }
    }
}
