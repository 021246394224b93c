package org.centerline.contracts.event;

import java.util.Optional;

/**
 * A specialist's decision on an entry summary in review, and the status it leads to: the {@code action} of a
 * {@code DECIDE} center command ({@code center-command.schema.json} lists exactly these names, which
 * SchemaConsistencyTest checks), what center-service's decision endpoint takes, and what the local stack's
 * simulated specialists decide.
 */
public enum Decision {
    /** Accept the entry summary as filed. */
    ACCEPT(EntryStatus.ACCEPTED),
    /** Issue a CBP Form 28, a request for information. */
    CF28(EntryStatus.CF28_ISSUED),
    /** Issue a CBP Form 29, a notice of action. */
    CF29(EntryStatus.CF29_ISSUED),
    /** Reject the entry summary to the filer. */
    REJECT(EntryStatus.REJECTED_TO_FILER);

    private final EntryStatus outcome;

    Decision(EntryStatus outcome) {
        this.outcome = outcome;
    }

    /** The status an item in review moves to on this decision. */
    public EntryStatus outcome() {
        return outcome;
    }

    /** The decision of exactly this name (as on the wire: upper case), or empty. */
    public static Optional<Decision> find(String name) {
        for (Decision decision : values()) {
            if (decision.name().equals(name)) {
                return Optional.of(decision);
            }
        }
        return Optional.empty();
    }
}
