package org.centerline.routing.route;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.common.header.Headers;

/**
 * Continues a filing's trace through routing: a span per filed record, child of the W3C
 * {@code traceparent} the filing came with (a new trace when it came without one), injected into
 * every record routing writes for it. The batch listener has no per-record observation of its own.
 */
public final class FilingTrace {

    private final Tracer tracer;
    private final Propagator propagator;

    public FilingTrace(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** Starts the span of one filed record; {@code headers} are the record's headers as the binder maps them. */
    public Span start(Map<String, Object> headers) {
        Span.Builder builder = headers == null ? null : propagator.extract(headers, FilingTrace::header);
        Span span = builder != null ? builder.name("route filing").start() : tracer.nextSpan().name("route filing").start();
        return span.tag("messaging.destination.name", "entry-summaries.filed");
    }

    /** Writes the span's {@code traceparent} into an outgoing record's headers. */
    public void inject(Span span, Headers headers) {
        propagator.inject(span.context(), headers,
                (carrier, key, value) -> carrier.remove(key).add(key, value.getBytes(StandardCharsets.UTF_8)));
    }

    private static String header(Map<String, Object> headers, String key) {
        Object value = headers.get(key);
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return value == null ? null : value.toString();
    }
}
