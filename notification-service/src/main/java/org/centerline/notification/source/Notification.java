package org.centerline.notification.source;

import java.time.Instant;
import java.util.List;

/**
 * Something a subscriber may want to hear about, with the attributes subscriptions filter on.
 *
 * @param sourceId where it came from (topic, partition, offset): delivery ids derive from it, so a
 *                 reprocessed record yields the same delivery ids and receivers can drop duplicates
 */
public record Notification(
        String sourceId,
        String eventType,
        Instant occurredAt,
        String filerCode,
        String importerNumber,
        String centerCode,
        List<String> audiences,
        Object data) {

    public static final String ENTRY_REJECTED = "entry.rejected";
    public static final String ENTRY_STATUS = "entry.status";
    public static final String ANNOUNCEMENT = "announcement";
    /** A routing decision that names partner agencies, for those agencies (RoutedEntrySource, AgencyRouting). */
    public static final String ENTRY_ROUTED = "entry.routed";
    public static final List<String> EVENT_TYPES = List.of(ENTRY_REJECTED, ENTRY_STATUS, ENTRY_ROUTED, ANNOUNCEMENT);

    public Notification {
        audiences = audiences == null ? List.of() : List.copyOf(audiences);
    }
}
