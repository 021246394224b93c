package org.centerline.contracts.event;

import java.time.LocalDate;

/**
 * An importer's account-based Center, on the compacted {@code importer-assignments} topic (key:
 * importer number; a null value removes it). It overrides HTS routing for everything the importer files.
 */
public record ImporterAssignment(String importerNumber, String centerCode, LocalDate effectiveFrom) {
}
