package org.centerline.contracts.event;

import java.time.Instant;

/**
 * A step in an entry summary's review at its Center, on {@code entry-summaries.status}. Filer code
 * and importer number say whom the step concerns, so notifications can reach them.
 */
public record StatusChanged(
        int schemaVersion,
        String entryNumber,
        String centerCode,
        String filerCode,
        String importerNumber,
        EntryStatus status,
        String specialistId,
        String reason,
        Instant at) {
}
