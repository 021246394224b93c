package org.centerline.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.centerline.contracts.sample.FilingGenerator;
import org.centerline.contracts.sample.FilingGenerator.Filing;
import org.centerline.contracts.topic.Topics;
import org.centerline.stackprocess.KafkaClients;
import org.centerline.stackprocess.Sleep;

/** Filed -> routed latency at a fixed offered load, measured per decision read back from entry-summaries.routed. */
final class LatencyProbe {

    private static final long DRAIN_QUIET_MS = 10_000;

    /**
     * What the run saw: the load, how many filings, and the two latencies of the decisions filed after the warm-up.
     *
     * @param service routedAt - filedAt (the service's stamps: record timestamp -> start of the batch that routed it)
     * @param visible filedAt -> the committed decision read back here (includes the transaction commit)
     */
    record Result(int offeredRate, double achievedRate, long sent, long sentValid, long decisionsReceived,
                  double averageDecisionBytes, Percentiles.Summary service, Percentiles.Summary visible) {
    }

    private LatencyProbe() {
    }

    /** Offers {@code rate} filings/s for {@code seconds}; the first {@code warmupSeconds} are not measured. */
    static Result run(String bootstrap, FilingGenerator generator, int rate, int seconds, int warmupSeconds) {
        int total = rate * seconds;
        List<Filing> filings = new ArrayList<>(total);
        long valid = 0;
        for (int i = 0; i < total; i++) {
            Filing f = generator.next();
            filings.add(f);
            valid += f.valid() ? 1 : 0;
        }
        AtomicReference<Exception> failure = new AtomicReference<>();
        try (RoutedTail tail = new RoutedTail(bootstrap)) {
            tail.start();
            tail.measureFrom(System.currentTimeMillis() + warmupSeconds * 1000L);
            long t0 = System.nanoTime();
            double elapsed;
            try (KafkaProducer<String, byte[]> producer =
                         new KafkaProducer<>(KafkaClients.filer(bootstrap, "bench-latency", 5))) {
                int sent = 0;
                while (sent < total && failure.get() == null) {
                    long due = Math.min(total, (System.nanoTime() - t0) * rate / 1_000_000_000L + 1);
                    while (sent < due) {
                        Filing f = filings.get(sent++);
                        long now = System.currentTimeMillis();
                        producer.send(new ProducerRecord<>(Topics.FILED.name(), null, now, f.key(), f.json()), (m, e) -> {
                            if (e != null) {
                                failure.compareAndSet(null, e);
                            }
                        });
                    }
                    LockSupport.parkNanos(200_000);
                }
                elapsed = (System.nanoTime() - t0) / 1e9;
                producer.flush();
            }
            if (failure.get() != null) {
                throw new IllegalStateException("filing failed: " + failure.get(), failure.get());
            }
            while (tail.received() < valid && System.currentTimeMillis() - tail.lastReceivedAt() < DRAIN_QUIET_MS) {
                Sleep.millis(100);
            }
            long received = tail.received();
            tail.close();
            return new Result(rate, total / elapsed, total, valid, received, tail.averageDecisionBytes(),
                    Percentiles.summarize(tail.serviceMicros()), Percentiles.summarize(tail.visibleMicros()));
        }
    }
}
