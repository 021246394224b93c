package org.centerline.center.queue;

import java.time.Instant;
import org.centerline.contracts.event.EntryStatus;

/**
 * The keys of center-service's stores. The queue index orders a Center's items of one status by
 * priority: {@code <center>|<status>|<rank>|<routedAt millis, 15 digits>|<entryNumber>}, rank 0 for an
 * enforcement flag ({@code RoutingFlag.enforcement()}) and 1 otherwise, so a range read of {@code <center>|<status>|} is already in queue
 * order (the order of {@link WorkItem#PRIORITY}). Closed items are also kept by closing time,
 * {@code <closedAt millis>|<center>/<entryNumber>}, for retention.
 */
public final class QueueKeys {

    private QueueKeys() {
    }

    /** The work-items key: Center and entry number. */
    public static String item(String centerCode, String entryNumber) {
        return centerCode + "/" + entryNumber;
    }

    public static String index(WorkItem item) {
        return index(item, item.hasEnforcementFlag());
    }

    /**
     * The index key of the item at the rank {@code ahead} gives. The flags that rank ahead are data that changes
     * between versions (2026 added UFLPA, SECTION_122 and IEEPA), so an item indexed by an earlier version may sit
     * at the other rank: {@link ItemIndex} looks there too before it re-indexes the item.
     */
    public static String index(WorkItem item, boolean ahead) {
        return statusPrefix(item.centerCode(), item.status()) + (ahead ? '0' : '1') + '|'
                + millis(item.routedAt()) + '|' + item.entryNumber();
    }

    /** Every index key of one Center and status starts with this. */
    public static String statusPrefix(String centerCode, EntryStatus status) {
        return centerCode + '|' + status.name() + '|';
    }

    /** The upper bound of a prefix range ('~' sorts after every character the keys use). */
    public static String end(String prefix) {
        return prefix + '~';
    }

    /** The part of an index key that orders across statuses: rank, routedAt, entry number. */
    public static String priorityPart(String indexKey) {
        int first = indexKey.indexOf('|');
        return indexKey.substring(indexKey.indexOf('|', first + 1) + 1);
    }

    /** The routedAt of an index key. */
    public static Instant routedAt(String indexKey) {
        String[] parts = indexKey.split("\\|");
        return Instant.ofEpochMilli(Long.parseLong(parts[3]));
    }

    public static String closed(Instant closedAt, String itemKey) {
        return millis(closedAt) + '|' + itemKey;
    }

    public static String itemOfClosed(String closedKey) {
        return closedKey.substring(closedKey.indexOf('|') + 1);
    }

    public static String millis(Instant at) {
        return String.format("%015d", Math.max(0, at.toEpochMilli()));
    }

    public static String statusTally(String centerCode, EntryStatus status) {
        return centerCode + "|status|" + status.name();
    }

    public static String specialistTally(String centerCode, String specialistId) {
        return specialistPrefix(centerCode) + specialistId;
    }

    public static String specialistPrefix(String centerCode) {
        return centerCode + "|specialist|";
    }
}
