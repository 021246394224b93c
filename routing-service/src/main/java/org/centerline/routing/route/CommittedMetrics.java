package org.centerline.routing.route;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.processor.internals.DefaultKafkaClientSupplier;
import org.centerline.contracts.event.Rejection;
import org.centerline.contracts.event.RejectionReason;
import org.centerline.contracts.event.RoutingDecision;

/**
 * The routing counters count committed work only, as before: the routing step notes each result on its
 * stream thread, and the thread's transactional producer (made by {@link #clientSupplier}) adds them to the
 * counters once its transaction commits, or forgets them when it aborts. With exactly-once v2 each stream thread
 * has one producer and commits on its own thread, so a thread-local tally of the open transaction is enough. The
 * tally keeps counts and latencies, not the results: holding a transaction's results (each with its parsed
 * filing) until the commit cost the stream thread 2 % in the profile (docs/performance.md) and kept them past
 * young collections.
 */
public final class CommittedMetrics {

    private final RoutingMetrics metrics;
    private final ThreadLocal<Tally> open = ThreadLocal.withInitial(Tally::new);

    public CommittedMetrics(RoutingMetrics metrics) {
        this.metrics = metrics;
    }

    /** Notes a result of the transaction open on this thread. */
    void pending(RoutingResult result) {
        open.get().add(result);
    }

    /** One open transaction's counts, by counter. */
    private static final class Tally {
        int filed;
        int rejected;
        final Map<RoutingMetrics.Routed, int[]> routed = new HashMap<>();
        final Map<String, int[]> reasons = new HashMap<>();
        final Map<String, int[]> withdrawn = new HashMap<>();
        long[] latencies = new long[1024];
        int latencyCount;

        void add(RoutingResult result) {
            filed++;
            if (result instanceof RoutingResult.Routed r) {
                RoutingDecision d = r.decision();
                count(routed, new RoutingMetrics.Routed(d.centerCode(), d.basis(), d.entryType()));
                if (latencyCount == latencies.length) {
                    latencies = Arrays.copyOf(latencies, latencyCount * 2);
                }
                latencies[latencyCount++] = Duration.between(d.filedAt(), d.routedAt()).toNanos();
                if (d.previousCenterCode() != null) {
                    count(withdrawn, d.previousCenterCode());
                }
            } else {
                Rejection rejection = ((RoutingResult.Rejected) result).rejection();
                rejected++;
                for (RejectionReason reason : rejection.reasons()) {
                    count(reasons, reason.code());
                }
            }
        }

        void addTo(RoutingMetrics metrics) {
            if (filed > 0) {
                metrics.filed(filed);
            }
            if (rejected > 0) {
                metrics.rejected(rejected);
            }
            routed.forEach((tags, n) -> metrics.routed(tags, n[0]));
            reasons.forEach((code, n) -> metrics.reason(code, n[0]));
            withdrawn.forEach((center, n) -> metrics.withdrawn(center, n[0]));
            for (int i = 0; i < latencyCount; i++) {
                metrics.latency(latencies[i]);
            }
            clear();
        }

        void clear() {
            filed = 0;
            rejected = 0;
            routed.clear();
            reasons.clear();
            withdrawn.clear();
            latencyCount = 0;
        }

        private static <K> void count(Map<K, int[]> counts, K key) {
            counts.computeIfAbsent(key, k -> new int[1])[0]++;
        }
    }

    private void committed() {
        open.get().addTo(metrics);
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
