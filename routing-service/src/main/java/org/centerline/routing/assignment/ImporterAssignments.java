package org.centerline.routing.assignment;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.centerline.contracts.center.Center;
import org.centerline.contracts.center.Centers;
import org.centerline.contracts.event.ImporterAssignment;
import org.centerline.contracts.json.CenterlineJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The current account-based Center of each assigned importer, as the compacted
 * {@code importer-assignments} topic says (a null value removes one). Every instance keeps the whole
 * table, rebuilt from the topic at start and followed while running.
 */
public final class ImporterAssignments {

    private static final Logger log = LoggerFactory.getLogger(ImporterAssignments.class);

    private final Map<String, ImporterAssignment> byImporter = new ConcurrentHashMap<>();

    /** Applies one record of {@code importer-assignments}. */
    public void apply(ConsumerRecord<byte[], byte[]> record) {
        if (record.key() == null) {
            return;
        }
        String importer = new String(record.key(), StandardCharsets.UTF_8);
        if (record.value() == null) {
            byImporter.remove(importer);
            return;
        }
        ImporterAssignment read = CenterlineJson.mapper().readValue(record.value(), ImporterAssignment.class);
        // Another writer may have put any code here: only a known Center may steer routing.
        Optional<String> center = Centers.find(read.centerCode()).map(Center::code);
        if (center.isEmpty()) {
            log.warn("Ignoring the assignment of importer {} to unknown Center '{}'", importer, read.centerCode());
            byImporter.remove(importer);
            return;
        }
        byImporter.put(importer, new ImporterAssignment(importer, center.get(), read.effectiveFrom()));
    }

    public Optional<ImporterAssignment> find(String importerNumber) {
        return Optional.ofNullable(byImporter.get(importerNumber));
    }

    /** The Center the importer is assigned to on the given day, or null (no assignment, or not yet effective). */
    public String centerFor(String importerNumber, LocalDate on) {
        ImporterAssignment assignment = byImporter.get(importerNumber);
        if (assignment == null || (assignment.effectiveFrom() != null && assignment.effectiveFrom().isAfter(on))) {
            return null;
        }
        return assignment.centerCode();
    }

    public int size() {
        return byImporter.size();
    }
}
