package org.centerline.center.queue;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Kafka Streams has no tracing of its own: the W3C trace headers of the entry or command that caused a
 * status change are carried onto the status event, so the trace goes on to notification-service.
 */
final class TraceHeaders {

    private static final String[] NAMES = {"traceparent", "tracestate"};

    private TraceHeaders() {
    }

    /** Only the trace headers of {@code in} (none for a punctuation). */
    static Headers copy(Headers in) {
        Headers out = new RecordHeaders();
        for (String name : NAMES) {
            Header header = in == null ? null : in.lastHeader(name);
            if (header != null) {
                out.add(name, header.value());
            }
        }
        return out;
    }
}
