package org.centerline.routing.route;

import io.micrometer.tracing.Span;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.centerline.contracts.event.Rejection;
import org.centerline.contracts.event.RoutingDecision;
import org.centerline.routing.ledger.RoutingLedger;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The hot path: one poll's batch of {@code entry-summaries.filed} records, routed inside the Kafka
 * transaction the binder opened for it. The ledger learns the batch's decisions only after the
 * transaction commits, so an aborted batch leaves no trace and is routed afresh when redelivered.
 */
public final class FiledBatchConsumer implements Consumer<Message<List<byte[]>>> {

    private final FilingRouter router;
    private final RoutingPublisher publisher;
    private final RoutingLedger ledger;
    private final RoutingMetrics metrics;
    private final FilingTrace trace;
    private final Clock clock;

    public FiledBatchConsumer(FilingRouter router, RoutingPublisher publisher, RoutingLedger ledger, RoutingMetrics metrics,
                              FilingTrace trace, Clock clock) {
        this.router = router;
        this.publisher = publisher;
        this.ledger = ledger;
        this.metrics = metrics;
        this.trace = trace;
        this.clock = clock;
    }

    @Override
    public void accept(Message<List<byte[]>> batch) {
        // A record without a value arrives as KafkaNull, whatever the declared type: it is filed as an empty filing.
        List<?> values = batch.getPayload();
        List<?> keys = batch.getHeaders().get(KafkaHeaders.RECEIVED_KEY, List.class);
        List<?> timestamps = batch.getHeaders().get(KafkaHeaders.RECEIVED_TIMESTAMP, List.class);
        List<?> recordHeaders = batch.getHeaders().get(KafkaHeaders.BATCH_CONVERTED_HEADERS, List.class);
        Map<String, String> routedInBatch = new HashMap<>();
        List<RoutingDecision> decisions = new ArrayList<>(values.size());
        List<byte[]> decisionJson = new ArrayList<>(values.size());
        List<Rejection> rejections = new ArrayList<>();
        List<byte[]> rejectionJson = new ArrayList<>();
        Function<String, String> previousCenter = entry -> {
            String inBatch = routedInBatch.get(entry);
            return inBatch != null ? inBatch : ledger.lastCenter(entry);
        };
        Instant now = clock.instant();
        for (int i = 0; i < values.size(); i++) {
            String key = keyText(keys == null ? null : keys.get(i));
            Instant filedAt = timestamps == null ? now : Instant.ofEpochMilli(((Number) timestamps.get(i)).longValue());
            @SuppressWarnings("unchecked")
            Span span = trace.start(recordHeaders == null ? null : (Map<String, Object>) recordHeaders.get(i));
            RoutingResult result;
            byte[] written;
            try {
                result = router.route(key, values.get(i) instanceof byte[] value ? value : null, filedAt, now, previousCenter);
                written = publisher.publish(result, trace.headers(span));
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
        afterCommit(() -> {
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
        });
    }

    private static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }

    private static String keyText(Object key) {
        if (key == null) {
            return null;
        }
        return key instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : key.toString();
    }
}
