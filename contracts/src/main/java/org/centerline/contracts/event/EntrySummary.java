package org.centerline.contracts.event;

import java.time.LocalDate;
import java.util.List;

/**
 * An entry summary as a broker system files it on {@code entry-summaries.filed}. The published
 * JSON Schema ({@code schemas/entry-summary.schema.json}) is the authority for its shape.
 */
public record EntrySummary(
        int schemaVersion,
        String entryNumber,
        String filerCode,
        String entryType,
        String importerNumber,
        String portOfEntry,
        LocalDate entryDate,
        LocalDate summaryDate,
        String modeOfTransport,
        List<EntryLine> lines) {

    public static final int CURRENT_SCHEMA_VERSION = 1;

    public EntrySummary {
        if (schemaVersion == 0) {
            schemaVersion = CURRENT_SCHEMA_VERSION;
        }
        lines = lines == null ? List.of() : List.copyOf(lines);
    }
}
