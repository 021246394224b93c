package org.centerline.contracts.event;

import java.time.Instant;

/** A step in an entry summary's review at its Center, on {@code entry-summaries.status}. */
public record StatusChanged(
        int schemaVersion,
        String entryNumber,
        String centerCode,
        EntryStatus status,
        String specialistId,
        String reason,
        Instant at) {
}
