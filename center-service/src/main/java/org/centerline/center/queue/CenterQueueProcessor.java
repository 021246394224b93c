package org.centerline.center.queue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.centerline.center.command.CenterCommand;
import org.centerline.center.command.CommandOutcome;
import org.centerline.contracts.event.CenterEntry;
import org.centerline.contracts.event.EntryLine;
import org.centerline.contracts.event.EntryStatus;
import org.centerline.contracts.event.Specialist;
import org.centerline.contracts.event.StaffingRoster;
import org.centerline.contracts.event.StatusChanged;

/**
 * The work queues of the Centers in one task (all of a Center's entries and commands come to one
 * task, keyed by Center code): turns routed entries into work items, assigns them, applies claims
 * and decisions in order, and emits every status change for {@code entry-summaries.status}.
 */
public final class CenterQueueProcessor implements Processor<String, QueueInput, String, StatusChanged> {

    public static final String ITEMS = "work-items";
    public static final String OUTCOMES = "command-outcomes";
    public static final String ROSTERS = "rosters";
    static final Duration ASSIGN_EVERY = Duration.ofSeconds(5);
    static final Duration KEEP_OUTCOMES = Duration.ofMinutes(15);

    private final Set<String> servedCenters;
    private final Clock clock;
    private final Consumer<String> decisionCounter;
    private ProcessorContext<String, StatusChanged> context;
    private KeyValueStore<String, WorkItem> items;
    private KeyValueStore<String, CommandOutcome> outcomes;
    private TimestampedKeyValueStore<String, StaffingRoster> rosters;
    /** The headers of the record being processed (its trace context goes on the status events it causes). */
    private Headers currentHeaders = new RecordHeaders();
    /** Open workload points per specialist; derived from the items, so rebuilt at init rather than stored. */
    private final Map<String, Double> openPoints = new HashMap<>();

    public CenterQueueProcessor(Set<String> servedCenters, Clock clock, Consumer<String> decisionCounter) {
        this.servedCenters = servedCenters;
        this.clock = clock;
        this.decisionCounter = decisionCounter;
    }

    /** The store key of a work item: Center and entry number, so a moved entry can be open in its old Center until withdrawn. */
    public static String key(String centerCode, String entryNumber) {
        return centerCode + "/" + entryNumber;
    }

    @Override
    public void init(ProcessorContext<String, StatusChanged> context) {
        this.context = context;
        this.items = context.getStateStore(ITEMS);
        this.outcomes = context.getStateStore(OUTCOMES);
        this.rosters = context.getStateStore(ROSTERS);
        // Streams may init the same processor again (after an aborted transaction): start from the store.
        openPoints.clear();
        try (KeyValueIterator<String, WorkItem> all = items.all()) {
            all.forEachRemaining(kv -> addLoad(kv.value));
        }
        context.schedule(ASSIGN_EVERY, PunctuationType.WALL_CLOCK_TIME, now -> {
            assignWaiting();
            pruneOutcomes();
        });
    }

    @Override
    public void process(Record<String, QueueInput> record) {
        currentHeaders = traceOnly(record.headers());
        if (record.value() instanceof QueueInput.Routed routed) {
            onEntry(routed.entry());
        } else if (record.value() instanceof QueueInput.Command command) {
            onCommand(command.command());
        }
    }

    private void onEntry(CenterEntry entry) {
        if (entry == null || !servedCenters.contains(entry.centerCode())) {
            return;
        }
        Instant now = clock.instant();
        String key = key(entry.centerCode(), entry.entryNumber());
        WorkItem existing = items.get(key);
        if (entry.action() == CenterEntry.Action.WITHDRAWN) {
            if (existing != null && existing.isOpen()) {
                change(existing, existing.moved(EntryStatus.WITHDRAWN, existing.specialistId(), entry.reason(), now));
            }
            return;
        }
        int chapter = predominantChapter(entry.entrySummary().lines());
        if (existing != null && existing.isOpen()) {
            removeLoad(existing);
            WorkItem refiled = existing.refiled(entry.entrySummary(), entry.decision(), chapter, now);
            addLoad(refiled);
            items.put(key, refiled);
            return;
        }
        List<HistoryEntry> history = existing == null ? new ArrayList<>() : new ArrayList<>(existing.history());
        WorkItem queued = new WorkItem(entry.entryNumber(), entry.centerCode(), EntryStatus.QUEUED, null,
                entry.entrySummary(), entry.decision(), chapter, entry.decision().routedAt(), now, null, history)
                .moved(EntryStatus.QUEUED, null, existing == null ? "Routed to " + entry.centerCode()
                        : "Re-filed after " + existing.status() + "; back in the queue", now);
        change(null, queued);
        tryAssign(queued, now);
    }

    private void onCommand(CenterCommand command) {
        if (!servedCenters.contains(command.centerCode())) {
            return;
        }
        Instant now = clock.instant();
        WorkItem item = items.get(key(command.centerCode(), command.entryNumber()));
        String refusal;
        if (item == null) {
            refusal = "No entry " + command.entryNumber() + " in " + command.centerCode() + "'s queue.";
        } else {
            refusal = switch (command.type()) {
                case CLAIM -> onRoster(command) ? Lifecycle.refuseClaim(item)
                        : command.specialistId() + " is not on " + command.centerCode() + "'s roster.";
                case DECIDE -> Lifecycle.refuseDecision(item, command.action(), command.specialistId());
                case ANSWER_CF28 -> Lifecycle.refuseCf28Answer(item);
            };
        }
        if (refusal == null) {
            switch (command.type()) {
                case CLAIM -> change(item, item.moved(EntryStatus.IN_REVIEW, command.specialistId(),
                        command.reason() != null ? command.reason() : "Claimed", now));
                case DECIDE -> {
                    change(item, item.moved(Lifecycle.DECISIONS.get(command.action()), command.specialistId(),
                            command.reason(), now));
                    decisionCounter.accept(command.action());
                }
                case ANSWER_CF28 -> change(item, item.moved(EntryStatus.CF28_ANSWERED, item.specialistId(),
                        command.reason() != null ? command.reason() : "CF-28 answered", now));
            }
        }
        outcomes.put(command.commandId(), new CommandOutcome(command.commandId(), refusal == null,
                command.entryNumber(), refusal, now));
    }

    private boolean onRoster(CenterCommand command) {
        StaffingRoster roster = roster(command.centerCode());
        return roster != null && roster.specialists().stream().anyMatch(s -> s.id().equals(command.specialistId()));
    }

    private void tryAssign(WorkItem item, Instant now) {
        SpecialistAssigner.choose(roster(item.centerCode()), item.predominantChapter(), openPoints).ifPresent(s ->
                change(item, item.moved(EntryStatus.ASSIGNED, s.id(), assignmentReason(s, item), now)));
    }

    private static String assignmentReason(Specialist s, WorkItem item) {
        return s.specialties().contains(item.predominantChapter())
                ? "Assigned: chapter " + item.predominantChapter() + " specialist with the least open work"
                : "Assigned: on-duty specialist with the least open work";
    }

    /**
     * Kafka Streams has no tracing of its own: the W3C trace headers of the entry or command that caused a
     * status change are carried onto the status event, so the trace goes on to notification-service.
     */
    private static Headers traceOnly(Headers in) {
        Headers out = new RecordHeaders();
        for (String name : new String[] {"traceparent", "tracestate"}) {
            Header header = in == null ? null : in.lastHeader(name);
            if (header != null) {
                out.add(name, header.value());
            }
        }
        return out;
    }

    /** Items left QUEUED because nobody was on duty get assigned once someone is. */
    private void assignWaiting() {
        currentHeaders = new RecordHeaders();
        List<WorkItem> waiting = new ArrayList<>();
        try (KeyValueIterator<String, WorkItem> all = items.all()) {
            while (all.hasNext()) {
                KeyValue<String, WorkItem> kv = all.next();
                if (kv.value.status() == EntryStatus.QUEUED) {
                    waiting.add(kv.value);
                }
            }
        }
        Instant now = clock.instant();
        waiting.sort(WorkItem.PRIORITY);
        for (WorkItem item : waiting) {
            tryAssign(item, now);
        }
    }

    private void pruneOutcomes() {
        Instant cutoff = clock.instant().minus(KEEP_OUTCOMES);
        List<String> old = new ArrayList<>();
        try (KeyValueIterator<String, CommandOutcome> all = outcomes.all()) {
            all.forEachRemaining(kv -> {
                if (kv.value.at().isBefore(cutoff)) {
                    old.add(kv.key);
                }
            });
        }
        old.forEach(outcomes::delete);
    }

    /** Stores the item's new state, keeps the load current and publishes the status change. */
    private void change(WorkItem before, WorkItem after) {
        if (before != null) {
            removeLoad(before);
        }
        addLoad(after);
        items.put(key(after.centerCode(), after.entryNumber()), after);
        HistoryEntry last = after.history().get(after.history().size() - 1);
        context.forward(new Record<>(after.entryNumber(), new StatusChanged(1, after.entryNumber(), after.centerCode(),
                after.entrySummary().filerCode(), after.entrySummary().importerNumber(), after.status(),
                after.specialistId(), last.reason(), last.at()), last.at().toEpochMilli(), currentHeaders));
    }

    private void addLoad(WorkItem item) {
        if (item.isOpen() && item.specialistId() != null) {
            openPoints.merge(item.specialistId(), item.workloadPoints(), Double::sum);
        }
    }

    private void removeLoad(WorkItem item) {
        if (item.isOpen() && item.specialistId() != null) {
            openPoints.computeIfPresent(item.specialistId(), (k, v) -> v - item.workloadPoints() <= 1e-9 ? null
                    : v - item.workloadPoints());
        }
    }

    private StaffingRoster roster(String centerCode) {
        ValueAndTimestamp<StaffingRoster> roster = rosters.get(centerCode);
        return roster == null ? null : roster.value();
    }

    /** The HTS chapter with the most lines (ties: the lower chapter). */
    static int predominantChapter(List<EntryLine> lines) {
        Map<Integer, Integer> counts = new TreeMap<>();
        for (EntryLine line : lines) {
            counts.merge(line.chapter(), 1, Integer::sum);
        }
        return counts.entrySet().stream().max(Map.Entry.<Integer, Integer>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey(java.util.Comparator.reverseOrder())))
                .map(Map.Entry::getKey).orElse(0);
    }
}
