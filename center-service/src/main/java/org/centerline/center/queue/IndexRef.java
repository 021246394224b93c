package org.centerline.center.queue;

import java.util.List;
import org.centerline.contracts.event.RoutingFlag;

/** What the queue index keeps beside its key: enough to filter a page without reading the item. */
public record IndexRef(String entryNumber, String specialistId, List<RoutingFlag> flags) {

    public IndexRef {
        flags = flags == null ? List.of() : List.copyOf(flags);
    }
}
