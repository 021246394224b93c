package org.centerline.routing.route;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * Continues a filing's trace through routing: a span per filed record, child of the W3C
 * {@code traceparent} the filing came with (a new trace when it came without one), whose context
 * goes on every record routing writes for it. The filed-topic loop has no per-record observation of
 * its own.
 */
public final class FilingTrace {

    private final Tracer tracer;
    private final Propagator propagator;

    public FilingTrace(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** Starts the span of one filed record, from its headers. */
    public Span start(Headers headers) {
        Span.Builder builder = headers == null ? null : propagator.extract(headers, FilingTrace::header);
        Span span = builder != null ? builder.name("route filing").start() : tracer.nextSpan().name("route filing").start();
        return span.tag("messaging.destination.name", "entry-summaries.filed");
    }

    /** The span's context as Kafka headers ({@code traceparent}, ...), made once and put on each record written for it. */
    public List<Header> headers(Span span) {
        Map<String, String> carrier = new LinkedHashMap<>(4);
        propagator.inject(span.context(), carrier, Map::put);
        List<Header> headers = new ArrayList<>(carrier.size());
        carrier.forEach((key, value) -> headers.add(new RecordHeader(key, value.getBytes(StandardCharsets.UTF_8))));
        return headers;
    }

    private static String header(Headers headers, String key) {
        Header header = headers.lastHeader(key);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
