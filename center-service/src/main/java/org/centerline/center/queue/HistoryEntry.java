package org.centerline.center.queue;

import java.time.Instant;
import org.centerline.contracts.event.EntryStatus;

/** One step in a work item's life: the status it reached, who moved it, why, when. */
public record HistoryEntry(EntryStatus status, String specialistId, String reason, Instant at) {
}
