package org.centerline.workload.counters;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.centerline.contracts.event.EntryStatus;
import org.centerline.contracts.event.RoutingDecision;
import org.centerline.contracts.event.StatusChanged;

/**
 * Follows each entry number through routing and review (tasks keyed by entry number) and turns what
 * happens into {@link CenterDelta}s for the Centers concerned: a re-filing is counted once and moves
 * with the entry; a status from a Center the entry has left is ignored.
 */
public final class EntryTracker implements Processor<String, WorkloadInput, String, CenterDelta> {

    public static final String STORE = "entries";
    static final Set<EntryStatus> CLOSING = EnumSet.of(EntryStatus.ACCEPTED, EntryStatus.CF29_ISSUED,
            EntryStatus.REJECTED_TO_FILER, EntryStatus.WITHDRAWN);

    private ProcessorContext<String, CenterDelta> context;
    private KeyValueStore<String, EntryRecord> entries;
    private long timestamp;

    @Override
    public void init(ProcessorContext<String, CenterDelta> context) {
        this.context = context;
        this.entries = context.getStateStore(STORE);
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
        EntryRecord after = new EntryRecord(d.entryNumber(), d.centerCode(), d.entryType(), d.basis(), d.flags(),
                d.workloadPoints(), d.linesByHeading(), d.filedAt(), d.routedAt(), status, open, null);
        if (before != null && before.routed()) {
            // A re-filing: take the earlier version out of its Center's counts (filing and backlog).
            emit(new CenterDelta(before.centerCode(), before.entryNumber(), -1, before.open() ? -1 : 0,
                    before.workloadPoints(), before.filedAt(), before.routedAt(), before.entryType(), before.flags(),
                    before.linesByHeading(), null, null));
        }
        emit(new CenterDelta(after.centerCode(), after.entryNumber(), 1, open ? 1 : 0, after.workloadPoints(),
                after.filedAt(), after.routedAt(), after.entryType(), after.flags(), after.linesByHeading(),
                open ? null : status, open ? null : Math.max(0, Duration.between(d.routedAt(), pending.at()).toMillis())));
        entries.put(d.entryNumber(), after);
    }

    private void onStatus(StatusChanged s) {
        EntryRecord entry = entries.get(s.entryNumber());
        if (entry == null || !entry.routed() || !entry.centerCode().equals(s.centerCode())) {
            // Not (yet) this Center's entry: a status read before its routing decision, or a late one from a
            // Center the entry has left. Keep the latest; a decision for that Center will apply it.
            EntryRecord.PendingStatus pending = new EntryRecord.PendingStatus(s.centerCode(), s.status(), s.at());
            entries.put(s.entryNumber(), entry == null ? EntryRecord.pendingOnly(s.entryNumber(), pending)
                    : entry.withPending(pending));
            return;
        }
        boolean closes = entry.open() && CLOSING.contains(s.status());
        EntryRecord after = new EntryRecord(entry.entryNumber(), entry.centerCode(), entry.entryType(), entry.basis(),
                entry.flags(), entry.workloadPoints(), entry.linesByHeading(), entry.filedAt(), entry.routedAt(), s.status(),
                entry.open() && !closes, null);
        entries.put(s.entryNumber(), after);
        if (closes) {
            emit(new CenterDelta(entry.centerCode(), entry.entryNumber(), 0, -1, entry.workloadPoints(), entry.filedAt(),
                    entry.routedAt(), entry.entryType(), entry.flags(), entry.linesByHeading(), s.status(),
                    Math.max(0, Duration.between(entry.routedAt(), s.at()).toMillis())));
        }
    }

    private void emit(CenterDelta delta) {
        context.forward(new Record<>(delta.centerCode(), delta, timestamp));
    }
}
