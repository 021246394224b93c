package org.centerline.center.queue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.centerline.contracts.event.Decision;
import org.centerline.center.command.CenterCommand;
import org.centerline.contracts.event.CenterEntry;
import org.centerline.contracts.event.EntryLine;
import org.centerline.contracts.event.EntryStatus;
import org.centerline.contracts.event.StaffingRoster;

/**
 * The review lifecycle applied to the items: routed entries become work items (or replace the
 * content of open ones), withdrawals close them, claims and decisions move them ({@link Lifecycle}
 * says what is allowed), roster commands change who may get work. Returns each command's refusal
 * (null: applied).
 */
final class QueueStateMachine {

    private final ItemIndex items;
    private final RosterBook rosters;
    private final Assignment assignment;
    private final StatusEvents events;
    private final Consumer<String> decisionCounter;

    QueueStateMachine(ItemIndex items, RosterBook rosters, Assignment assignment, StatusEvents events,
                      Consumer<String> decisionCounter) {
        this.items = items;
        this.rosters = rosters;
        this.assignment = assignment;
        this.events = events;
        this.decisionCounter = decisionCounter;
    }

    void onEntry(CenterEntry entry, Instant now) {
        WorkItem existing = items.get(entry.centerCode(), entry.entryNumber());
        if (entry.action() == CenterEntry.Action.WITHDRAWN) {
            if (existing != null && existing.isOpen()) {
                change(existing, existing.moved(EntryStatus.WITHDRAWN, existing.specialistId(), entry.reason(), now));
            }
            return;
        }
        int chapter = predominantChapter(entry.entrySummary().lines());
        if (existing != null && existing.isOpen()) {
            items.put(existing, existing.refiled(entry.entrySummary(), entry.decision(), chapter, now));
            return;
        }
        List<HistoryEntry> history = existing == null ? new ArrayList<>() : new ArrayList<>(existing.history());
        WorkItem queued = new WorkItem(entry.entryNumber(), entry.centerCode(), EntryStatus.QUEUED, null,
                entry.entrySummary(), entry.decision(), chapter, entry.decision().routedAt(), now, null, history)
                .moved(EntryStatus.QUEUED, null, existing == null ? "Routed to " + entry.centerCode()
                        : "Re-filed after " + existing.status() + "; back in the queue", now);
        change(existing, queued);
        assignment.tryAssign(queued, now);
    }

    /** Applies one command; returns why it was refused, or null. */
    String onCommand(CenterCommand command, Instant now) {
        if (command.type().isRoster()) {
            String refusal = rosters.refuse(command);
            if (refusal == null) {
                events.roster(rosters.apply(command, now));
                assignment.assignWaiting(command.centerCode(), now);
            }
            return refusal;
        }
        WorkItem item = items.get(command.centerCode(), command.entryNumber());
        if (item == null) {
            return "No entry " + command.entryNumber() + " in " + command.centerCode() + "'s queue.";
        }
        String refusal = switch (command.type()) {
            case CLAIM -> onRoster(command) ? Lifecycle.refuseClaim(item)
                    : command.specialistId() + " is not on " + command.centerCode() + "'s roster.";
            case DECIDE -> Lifecycle.refuseDecision(item, command.action(), command.specialistId());
            case ANSWER_CF28 -> Lifecycle.refuseCf28Answer(item);
            default -> "Unknown command " + command.type();
        };
        if (refusal != null) {
            return refusal;
        }
        switch (command.type()) {
            case CLAIM -> change(item, item.moved(EntryStatus.IN_REVIEW, command.specialistId(),
                    command.reason() != null ? command.reason() : "Claimed", now));
            case DECIDE -> {
                change(item, item.moved(Decision.find(command.action()).orElseThrow().outcome(), command.specialistId(),
                        command.reason(), now));
                decisionCounter.accept(command.action());
            }
            case ANSWER_CF28 -> change(item, item.moved(EntryStatus.CF28_ANSWERED, item.specialistId(),
                    command.reason() != null ? command.reason() : "CF-28 answered", now));
            default -> throw new IllegalStateException();
        }
        return null;
    }

    private boolean onRoster(CenterCommand command) {
        StaffingRoster roster = rosters.of(command.centerCode());
        return roster != null && roster.specialists().stream().anyMatch(s -> s.id().equals(command.specialistId()));
    }

    /** Stores the item's new state (indexes and tallies with it) and publishes the status change. */
    private void change(WorkItem before, WorkItem after) {
        items.put(before, after);
        events.emit(after);
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
