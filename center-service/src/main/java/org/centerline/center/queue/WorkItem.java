package org.centerline.center.queue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.centerline.contracts.event.EntryStatus;
import org.centerline.contracts.event.EntrySummary;
import org.centerline.contracts.event.RoutingDecision;
import org.centerline.contracts.event.RoutingFlag;

/**
 * An entry summary in a Center's queue: what was filed and routed, where its review stands, who
 * has it, and everything that happened to it. Immutable; each change makes a new item with one
 * more history entry.
 */
public record WorkItem(
        String entryNumber,
        String centerCode,
        EntryStatus status,
        String specialistId,
        EntrySummary entrySummary,
        RoutingDecision decision,
        int predominantChapter,
        Instant routedAt,
        Instant updatedAt,
        LocalDate cf28DueDate,
        List<HistoryEntry> history) {

    /** Days a filer has to answer a CF-28 request for information. */
    public static final int CF28_ANSWER_DAYS = 30;

    /** Queue order: enforcement flags (AD/CVD, Sections 232/301/201) first, then the oldest, then by entry number. */
    public static final java.util.Comparator<WorkItem> PRIORITY = java.util.Comparator
            .comparing(WorkItem::hasEnforcementFlag).reversed()
            .thenComparing(WorkItem::routedAt).thenComparing(WorkItem::entryNumber);

    public WorkItem {
        history = List.copyOf(history);
    }

    public List<RoutingFlag> flags() {
        return decision == null ? List.of() : decision.flags();
    }

    public double workloadPoints() {
        return decision == null ? 0 : decision.workloadPoints();
    }

    public boolean isOpen() {
        return Lifecycle.isOpen(status);
    }

    /** Enforcement flags first (AD/CVD, Sections 232/301/201), then the oldest. */
    public boolean hasEnforcementFlag() {
        return flags().stream().anyMatch(RoutingFlag::enforcement);
    }

    public Duration age(Instant now) {
        return Duration.between(routedAt, now);
    }

    WorkItem moved(EntryStatus to, String specialist, String reason, Instant at) {
        List<HistoryEntry> h = new ArrayList<>(history);
        h.add(new HistoryEntry(to, specialist, reason, at));
        LocalDate due = to == EntryStatus.CF28_ISSUED ? at.atZone(java.time.ZoneOffset.UTC).toLocalDate().plusDays(CF28_ANSWER_DAYS)
                : cf28DueDate;
        return new WorkItem(entryNumber, centerCode, to, specialist, entrySummary, decision, predominantChapter, routedAt, at,
                due, h);
    }

    WorkItem refiled(EntrySummary summary, RoutingDecision newDecision, int chapter, Instant at) {
        List<HistoryEntry> h = new ArrayList<>(history);
        h.add(new HistoryEntry(status, specialistId, "Re-filed: content replaced", at));
        return new WorkItem(entryNumber, centerCode, status, specialistId, summary, newDecision, chapter, routedAt, at,
                cf28DueDate, h);
    }
}
