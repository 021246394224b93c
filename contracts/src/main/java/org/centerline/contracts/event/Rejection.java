package org.centerline.contracts.event;

import java.time.Instant;
import java.util.List;

/**
 * A filing that was not accepted, on {@code entry-summaries.rejected}: every reason found, and the
 * filing as received (cut at {@link #MAX_PAYLOAD_CHARS}) so the filer can see what was wrong.
 */
public record Rejection(
        int schemaVersion,
        String entryNumber,
        String filerCode,
        List<RejectionReason> reasons,
        Instant rejectedAt,
        String payload) {

    public static final int MAX_PAYLOAD_CHARS = 64 * 1024;

    public Rejection {
        reasons = List.copyOf(reasons);
    }
}
