package org.centerline.contracts.event;

/** The review lifecycle of an entry summary at its Center (CONTRACT.md, {@code entry-summaries.status}). */
public enum EntryStatus {
    QUEUED, ASSIGNED, IN_REVIEW, ACCEPTED, CF28_ISSUED, CF28_ANSWERED, CF29_ISSUED, REJECTED_TO_FILER, WITHDRAWN
}
