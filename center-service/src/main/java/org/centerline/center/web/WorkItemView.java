package org.centerline.center.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.centerline.center.queue.HistoryEntry;
import org.centerline.center.queue.WorkItem;
import org.centerline.contracts.event.EntryStatus;
import org.centerline.contracts.event.RoutingFlag;

/** A work item as the HTTP API shows it: the queue shows it without history; one item shows all of it. */
public record WorkItemView(
        String entryNumber, String centerCode, EntryStatus status, String specialistId, List<RoutingFlag> flags,
        double workloadPoints, String filerCode, String importerNumber, String entryType, int lines,
        int predominantChapter, Instant routedAt, Instant updatedAt, LocalDate cf28DueDate, List<HistoryEntry> history,
        Object entrySummary) {

    static WorkItemView summary(WorkItem i) {
        return of(i, null, null);
    }

    static WorkItemView full(WorkItem i) {
        return of(i, i.history(), i.entrySummary());
    }

    private static WorkItemView of(WorkItem i, List<HistoryEntry> history, Object summary) {
        return new WorkItemView(i.entryNumber(), i.centerCode(), i.status(), i.specialistId(), i.flags(), i.workloadPoints(),
                i.entrySummary().filerCode(), i.entrySummary().importerNumber(), i.entrySummary().entryType(),
                i.entrySummary().lines().size(), i.predominantChapter(), i.routedAt(), i.updatedAt(), i.cf28DueDate(),
                history, summary);
    }
}
