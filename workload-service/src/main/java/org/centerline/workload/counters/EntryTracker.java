package org.centerline.workload.counters;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.centerline.contracts.center.Center;
import org.centerline.contracts.center.HtsCenterTable;
import org.centerline.contracts.event.EntryStatus;
import org.centerline.contracts.event.RoutingBasis;
import org.centerline.contracts.event.RoutingDecision;
import org.centerline.contracts.event.StatusChanged;

/**
 * Follows each entry number through routing and review (tasks keyed by entry number) and turns what
 * happens into {@link CenterDelta}s, applied at once to this task's {@link CenterCounts}: a re-filing is
 * counted once and moves with the entry; a status from a Center the entry has left is ignored. The
 * tracker and the counts are stores of the same task, so a status and the count it changes commit in
 * one exactly-once transaction. Entries last changed longer ago than the retention are pruned (open
 * ones are kept: their close must still count), through a time index, a bounded batch per punctuation.
 */
public final class EntryTracker implements Processor<String, WorkloadInput, String, Published> {

    public static final String STORE = "entries";
    public static final String BY_TIME = "entries-by-time";
    static final Set<EntryStatus> CLOSING = EnumSet.of(EntryStatus.ACCEPTED, EntryStatus.CF29_ISSUED,
            EntryStatus.REJECTED_TO_FILER, EntryStatus.WITHDRAWN);
    /** At most this many index keys are looked at per punctuation, so pruning never holds a transaction long. */
    static final int PRUNE_BATCH = 10_000;
    private static final HtsCenterTable TABLE = HtsCenterTable.standard();

    private final Clock clock;
    private final Duration retention;
    private final Duration pruneEvery;
    private KeyValueStore<String, EntryRecord> entries;
    private KeyValueStore<String, Long> byTime;
    private CenterCounts counts;
    private long timestamp;

    public EntryTracker(Clock clock, Duration retention, Duration pruneEvery) {
        this.clock = clock;
        this.retention = retention;
        this.pruneEvery = pruneEvery;
    }

    @Override
    public void init(ProcessorContext<String, Published> context) {
        this.entries = context.getStateStore(STORE);
        this.byTime = context.getStateStore(BY_TIME);
        this.counts = new CenterCounts(context, retention);
        context.schedule(pruneEvery, PunctuationType.WALL_CLOCK_TIME, at -> prune());
    }

    @Override
    public void process(Record<String, WorkloadInput> record) {
        timestamp = record.timestamp();
        if (record.value() instanceof WorkloadInput.Routed routed) {
            onRouted(routed.decision());
        } else if (record.value() instanceof WorkloadInput.Status status) {
            onStatus(status.status());
        }
    }

    private void onRouted(RoutingDecision d) {
        EntryRecord before = entries.get(d.entryNumber());
        EntryRecord.PendingStatus pending = before == null ? null : before.pending();
        // A status of this Center that was read first, and is not older than this routing, stands.
        boolean applies = pending != null && pending.centerCode().equals(d.centerCode())
                && !pending.at().isBefore(d.routedAt());
        EntryStatus status = applies ? pending.status() : EntryStatus.QUEUED;
        boolean open = !CLOSING.contains(status);
        Instant touched = applies && pending.at().isAfter(d.routedAt()) ? pending.at() : d.routedAt();
        EntryRecord after = new EntryRecord(d.entryNumber(), d.centerCode(), d.entryType(), d.basis(), d.flags(),
                d.workloadPoints(), d.linesByHeading(), d.filedAt(), d.routedAt(), status, open, null, touched);
        if (before != null && before.routed()) {
            // A re-filing: take the earlier version out of its Center's counts (filing and backlog).
            apply(new CenterDelta(before.centerCode(), before.entryNumber(), -1, before.open() ? -1 : 0,
                    before.workloadPoints(), before.filedAt(), before.routedAt(), before.entryType(), before.flags(),
                    before.linesByHeading(), null, null, whatIfHeading(before)));
        }
        apply(new CenterDelta(after.centerCode(), after.entryNumber(), 1, open ? 1 : 0, after.workloadPoints(),
                after.filedAt(), after.routedAt(), after.entryType(), after.flags(), after.linesByHeading(),
                open ? null : status, open ? null : Math.max(0, Duration.between(d.routedAt(), pending.at()).toMillis()),
                whatIfHeading(after)));
        put(before, after);
    }

    private void onStatus(StatusChanged s) {
        EntryRecord entry = entries.get(s.entryNumber());
        if (entry == null || !entry.routed() || !entry.centerCode().equals(s.centerCode())) {
            // Not (yet) this Center's entry: a status read before its routing decision, or a late one from a
            // Center the entry has left. Keep the latest; a decision for that Center will apply it.
            EntryRecord.PendingStatus pending = new EntryRecord.PendingStatus(s.centerCode(), s.status(), s.at());
            put(entry, entry == null ? EntryRecord.pendingOnly(s.entryNumber(), pending) : entry.withPending(pending));
            return;
        }
        boolean closes = entry.open() && CLOSING.contains(s.status());
        Instant touched = entry.touchedAt() == null || s.at().isAfter(entry.touchedAt()) ? s.at() : entry.touchedAt();
        EntryRecord after = new EntryRecord(entry.entryNumber(), entry.centerCode(), entry.entryType(), entry.basis(),
                entry.flags(), entry.workloadPoints(), entry.linesByHeading(), entry.filedAt(), entry.routedAt(), s.status(),
                entry.open() && !closes, null, touched);
        put(entry, after);
        if (closes) {
            apply(new CenterDelta(entry.centerCode(), entry.entryNumber(), 0, -1, entry.workloadPoints(), entry.filedAt(),
                    entry.routedAt(), entry.entryType(), entry.flags(), entry.linesByHeading(), s.status(),
                    Math.max(0, Duration.between(entry.routedAt(), s.at()).toMillis()), whatIfHeading(entry)));
        }
    }

    private void apply(CenterDelta delta) {
        counts.apply(delta, clock.instant(), timestamp);
    }

    /** Stores the entry and keeps the time index on its {@code touchedAt}. */
    private void put(EntryRecord before, EntryRecord after) {
        entries.put(after.entryNumber(), after);
        String oldKey = before == null ? null : indexKey(before);
        String newKey = indexKey(after);
        if (oldKey != null && !oldKey.equals(newKey)) {
            byTime.delete(oldKey);
        }
        // Written even when the key is unchanged: a prune pass may have dropped the index row of an open entry, and
        // the entry must be indexed again when it next changes or it would never be pruned once closed.
        if (newKey != null) {
            byTime.put(newKey, after.touchedAt().toEpochMilli());
        }
    }

    private static String indexKey(EntryRecord entry) {
        return entry.touchedAt() == null ? null
                : WorkloadKeys.pad(entry.touchedAt().toEpochMilli(), 13) + "/" + entry.entryNumber();
    }

    /** Prunes entries untouched for longer than the retention (not open ones) and tombstones expired windows. */
    void prune() {
        Instant now = clock.instant();
        String cutoff = WorkloadKeys.pad(now.minus(retention).toEpochMilli(), 13);
        int seen = 0;
        try (KeyValueIterator<String, Long> old = byTime.range("0", cutoff)) {
            while (old.hasNext() && seen++ < PRUNE_BATCH) {
                KeyValue<String, Long> kv = old.next();
                String entryNumber = kv.key.substring(14);
                EntryRecord entry = entries.get(entryNumber);
                byTime.delete(kv.key);
                boolean current = entry != null && kv.key.equals(indexKey(entry));
                // An open entry stays (its close must still count); it is indexed again when it next changes.
                if (current && !(entry.routed() && entry.open())) {
                    entries.delete(entryNumber);
                }
            }
        }
        counts.expire(now, now.toEpochMilli());
    }

    /**
     * The heading that carries the entry in the what-if counts: its heading with the most lines (ties to the
     * lower heading) among those the current table gives to the Center it was routed to, so moving that
     * heading (or its chapter) moves the entry. Account-based entries, and entries with no such heading,
     * stay where they are.
     */
    public static String whatIfHeading(EntryRecord entry) {
        if (entry.basis() == RoutingBasis.ACCOUNT || entry.linesByHeading().isEmpty()) {
            return WorkloadKeys.STAYS;
        }
        String best = null;
        int bestLines = 0;
        for (Map.Entry<String, Integer> e : entry.linesByHeading().entrySet()) {
            Center center;
            try {
                center = TABLE.centerOfHeading(Integer.parseInt(e.getKey()));
            } catch (RuntimeException notAHeading) {
                continue;
            }
            if (center == null || !center.code().equals(entry.centerCode())) {
                continue;
            }
            int lines = e.getValue() == null ? 0 : e.getValue();
            if (best == null || lines > bestLines || (lines == bestLines && e.getKey().compareTo(best) < 0)) {
                best = e.getKey();
                bestLines = lines;
            }
        }
        return best == null ? WorkloadKeys.STAYS : best;
    }
}
