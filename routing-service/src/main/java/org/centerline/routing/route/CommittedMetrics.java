package org.centerline.routing.route;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.processor.internals.DefaultKafkaClientSupplier;
import org.centerline.contracts.event.Rejection;
import org.centerline.contracts.event.RoutingDecision;

/**
 * The routing counters count committed work only, as before: the routing step notes each result on its
 * stream thread, and the thread's transactional producer (made by {@link #clientSupplier}) counts them once
 * its transaction commits, or forgets them when it aborts. With exactly-once v2 each stream thread has one
 * producer and commits on its own thread, so a thread-local list of the open transaction's results is enough.
 */
public final class CommittedMetrics {

    private final RoutingMetrics metrics;
    private final ThreadLocal<List<RoutingResult>> open = ThreadLocal.withInitial(() -> new ArrayList<>(1024));

    public CommittedMetrics(RoutingMetrics metrics) {
        this.metrics = metrics;
    }

    /** Notes a result of the transaction open on this thread. */
    void pending(RoutingResult result) {
        open.get().add(result);
    }

    private void committed() {
        List<RoutingResult> results = open.get();
        for (RoutingResult result : results) {
            metrics.filed();
            if (result instanceof RoutingResult.Routed routed) {
                RoutingDecision d = routed.decision();
                metrics.routed(d);
                if (d.previousCenterCode() != null) {
                    metrics.withdrawn(d.previousCenterCode());
                }
            } else {
                Rejection r = ((RoutingResult.Rejected) result).rejection();
                metrics.rejected(r.reasons());
            }
        }
        results.clear();
    }

    private void aborted() {
        open.get().clear();
    }

    /** Kafka Streams' clients, with a producer that counts the results of each transaction it commits. */
    public DefaultKafkaClientSupplier clientSupplier() {
        return new DefaultKafkaClientSupplier() {
            @Override
            public Producer<byte[], byte[]> getProducer(Map<String, Object> config) {
                return new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer()) {
                    @Override
                    public void beginTransaction() {
                        aborted();
                        super.beginTransaction();
                    }

                    @Override
                    public void commitTransaction() {
                        super.commitTransaction();
                        committed();
                    }

                    @Override
                    public void abortTransaction() {
                        aborted();
                        super.abortTransaction();
                    }
                };
            }
        };
    }
}
