package org.centerline.center.queue;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import org.centerline.contracts.event.Decision;
import org.centerline.contracts.event.EntryStatus;

/**
 * The review lifecycle of a work item (issue 3): {@code QUEUED -> ASSIGNED -> IN_REVIEW -> ACCEPTED |
 * CF28_ISSUED | CF29_ISSUED | REJECTED_TO_FILER}; {@code CF28_ISSUED -> CF28_ANSWERED -> IN_REVIEW};
 * any open item -> {@code WITHDRAWN}. Claiming is the move into review.
 */
public final class Lifecycle {

    private static final Set<EntryStatus> OPEN = EnumSet.of(EntryStatus.QUEUED, EntryStatus.ASSIGNED,
            EntryStatus.IN_REVIEW, EntryStatus.CF28_ISSUED, EntryStatus.CF28_ANSWERED);
    private static final Set<EntryStatus> CLAIMABLE = EnumSet.of(EntryStatus.QUEUED, EntryStatus.ASSIGNED,
            EntryStatus.CF28_ANSWERED);

    private Lifecycle() {
    }

    public static boolean isOpen(EntryStatus status) {
        return OPEN.contains(status);
    }

    /** Why a claim is refused, or null when it is allowed. */
    public static String refuseClaim(WorkItem item) {
        if (CLAIMABLE.contains(item.status())) {
            return null;
        }
        if (item.status() == EntryStatus.IN_REVIEW) {
            return "Entry " + item.entryNumber() + " is already in review by " + item.specialistId() + ".";
        }
        return "Entry " + item.entryNumber() + " is " + item.status() + "; only QUEUED, ASSIGNED or CF28_ANSWERED items can be claimed.";
    }

    /** Why a decision is refused, or null when it is allowed. */
    public static String refuseDecision(WorkItem item, String action, String specialistId) {
        if (Decision.find(action).isEmpty()) {
            return "Unknown action '" + action + "'; use one of " + Arrays.toString(Decision.values()) + ".";
        }
        if (item.status() != EntryStatus.IN_REVIEW) {
            return "Entry " + item.entryNumber() + " is " + item.status() + "; a decision needs it IN_REVIEW (claim it first).";
        }
        if (!item.specialistId().equals(specialistId)) {
            return "Entry " + item.entryNumber() + " is in review by " + item.specialistId() + ", not " + specialistId + ".";
        }
        return null;
    }

    /** Why recording a CF-28 answer is refused, or null when it is allowed. */
    public static String refuseCf28Answer(WorkItem item) {
        return item.status() == EntryStatus.CF28_ISSUED ? null
                : "Entry " + item.entryNumber() + " is " + item.status() + "; only a CF28_ISSUED item can be answered.";
    }
}
