package org.centerline.routing.route;

import io.micrometer.tracing.Span;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.producer.Producer;
import org.centerline.contracts.event.Rejection;
import org.centerline.contracts.event.RoutingDecision;
import org.centerline.routing.ledger.RoutingLedger;

/**
 * The hot path: one poll's batch of {@code entry-summaries.filed} records, routed and written inside
 * the transaction {@link FiledLoop} opened for it. The ledger and the metrics learn the batch's
 * decisions only after the transaction commits ({@link #route} returns that step), so an aborted
 * batch leaves no trace and is routed afresh when it is read again.
 */
public final class FiledBatchRouter {

    private final FilingRouter router;
    private final RoutingPublisher publisher;
    private final RoutingLedger ledger;
    private final RoutingMetrics metrics;
    private final FilingTrace trace;
    private final Clock clock;

    public FiledBatchRouter(FilingRouter router, RoutingPublisher publisher, RoutingLedger ledger, RoutingMetrics metrics,
                            FilingTrace trace, Clock clock) {
        this.router = router;
        this.publisher = publisher;
        this.ledger = ledger;
        this.metrics = metrics;
        this.trace = trace;
        this.clock = clock;
    }

    /**
     * Routes every record of the batch and sends its outputs with {@code producer} (in its open transaction).
     * Returns what to run once the transaction has committed, and only then.
     */
    public Runnable route(ConsumerRecords<byte[], byte[]> batch, Producer<byte[], byte[]> producer) {
        Map<String, String> routedInBatch = new HashMap<>();
        List<RoutingDecision> decisions = new ArrayList<>(batch.count());
        List<byte[]> decisionJson = new ArrayList<>(batch.count());
        List<Rejection> rejections = new ArrayList<>();
        List<byte[]> rejectionJson = new ArrayList<>();
        Function<String, String> previousCenter = entry -> {
            String inBatch = routedInBatch.get(entry);
            return inBatch != null ? inBatch : ledger.lastCenter(entry);
        };
        Instant now = clock.instant();
        for (ConsumerRecord<byte[], byte[]> record : batch) {
            String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
            Instant filedAt = record.timestamp() >= 0 ? Instant.ofEpochMilli(record.timestamp()) : now;
            Span span = trace.start(record.headers());
            RoutingResult result;
            byte[] written;
            try {
                result = router.route(key, record.value(), filedAt, now, previousCenter);
                written = publisher.publish(producer, result, trace.headers(span));
            } finally {
                span.end();
            }
            if (result instanceof RoutingResult.Routed routed) {
                routedInBatch.put(routed.decision().entryNumber(), routed.decision().centerCode());
                decisions.add(routed.decision());
                decisionJson.add(written);
            } else {
                rejections.add(((RoutingResult.Rejected) result).rejection());
                rejectionJson.add(written);
            }
        }
        return () -> committed(decisions, decisionJson, rejections, rejectionJson);
    }

    private void committed(List<RoutingDecision> decisions, List<byte[]> decisionJson, List<Rejection> rejections,
                           List<byte[]> rejectionJson) {
        for (int i = 0; i < decisions.size(); i++) {
            RoutingDecision d = decisions.get(i);
            ledger.routed(d, decisionJson.get(i));
            metrics.filed();
            metrics.routed(d);
            if (d.previousCenterCode() != null) {
                metrics.withdrawn(d.previousCenterCode());
            }
        }
        for (int i = 0; i < rejections.size(); i++) {
            Rejection r = rejections.get(i);
            if (r.entryNumber() != null) {
                ledger.rejected(r, rejectionJson.get(i));
            }
            metrics.filed();
            metrics.rejected(r.reasons());
        }
    }
}
