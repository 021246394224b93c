package org.centerline.contracts.event;

import java.time.Instant;
import java.util.List;

/**
 * A filing that was not accepted, on {@code entry-summaries.rejected}: every reason found, and the
 * filing as received (its first {@link #MAX_PAYLOAD_BYTES} bytes, as UTF-8 text) so the filer can see what was wrong.
 */
public record Rejection(
        int schemaVersion,
        String entryNumber,
        String filerCode,
        List<RejectionReason> reasons,
        Instant rejectedAt,
        String payload) {

    public static final int MAX_PAYLOAD_BYTES = 64 * 1024;

    public Rejection {
        reasons = List.copyOf(reasons);
    }
}
