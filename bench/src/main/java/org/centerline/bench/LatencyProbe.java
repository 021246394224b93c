package org.centerline.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.centerline.contracts.sample.FilingGenerator;
import org.centerline.contracts.sample.FilingGenerator.Filing;
import org.centerline.contracts.topic.Topics;
import org.centerline.stackprocess.KafkaClients;
import org.centerline.stackprocess.Sleep;

/** Filed -> routed latency at a fixed offered load, measured per decision read back (routing-service's or the baseline's). */
final class LatencyProbe {

    private static final long DRAIN_QUIET_MS = 10_000;

    /**
     * What the run saw: the load, how many filings, and the two latencies of the decisions filed after the warm-up.
     *
     * @param expected decisions to wait for: the valid filings for routing-service, every filing for the baseline
     * @param service  routedAt - filedAt (the service's stamps: record timestamp -> start of the batch that routed it);
     *                 empty for the baseline, whose decisions carry no stamps
     * @param visible  filedAt -> the committed decision read back here (includes the transaction commit)
     */
    record Result(int offeredRate, double achievedRate, long sent, long expected, long decisionsReceived,
                  double averageDecisionBytes, Percentiles.Summary service, Percentiles.Summary visible) {
    }

    private LatencyProbe() {
    }

    /** The next {@code rate * seconds} filings of the generator: the load of both latency runs. */
    static List<Filing> load(FilingGenerator generator, int rate, int seconds) {
        int total = rate * seconds;
        List<Filing> filings = new ArrayList<>(total);
        for (int i = 0; i < total; i++) {
            filings.add(generator.next());
        }
        return List.copyOf(filings);
    }

    /** Offers {@code filings} to routing-service at {@code rate}/s; those of the first {@code warmupSeconds} are not measured. */
    static Result routing(String bootstrap, List<Filing> filings, int rate, int warmupSeconds) {
        long valid = filings.stream().filter(Filing::valid).count();
        try (RoutedTail tail = RoutedTail.routingDecisions(bootstrap)) {
            return offer(bootstrap, Topics.FILED.name(), filings, valid, tail, rate, warmupSeconds);
        }
    }

    /**
     * The same load through the baseline pass-through (its consumer group continues after the throughput runs): the
     * latency of exactly-once consume -> produce with no parsing on this machine, the floor for routing's.
     */
    static Result baseline(String bootstrap, List<Filing> filings, int rate, int warmupSeconds, int maxPollRecords,
                           String compression) {
        AtomicReference<RuntimeException> passThroughFailure = new AtomicReference<>();
        CountDownLatch assigned = new CountDownLatch(1);
        Thread passThrough = new Thread(() -> {
            try {
                BaselinePassThrough.run(bootstrap, filings.size(), maxPollRecords, compression, assigned);
            } catch (RuntimeException e) {
                passThroughFailure.set(e);
            }
        }, "baseline-latency");
        passThrough.setDaemon(true);
        passThrough.start();
        try (RoutedTail tail = RoutedTail.baselineDecisions(bootstrap)) {
            // Like routing-service, which is already consuming when the load starts: no group join inside the run.
            if (!assigned.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("baseline pass-through got no partitions within 60 s");
            }
            Result result = offer(bootstrap, BenchTopics.FILED_COPY, filings, filings.size(), tail, rate, warmupSeconds);
            passThrough.join(30_000);
            if (passThroughFailure.get() != null) {
                throw new IllegalStateException("baseline pass-through failed: " + passThroughFailure.get(),
                        passThroughFailure.get());
            }
            return result;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Sends {@code filings} to {@code topic} at {@code rate}/s and waits for {@code expected} decisions on {@code tail}. */
    private static Result offer(String bootstrap, String topic, List<Filing> filings, long expected, RoutedTail tail,
                                int rate, int warmupSeconds) {
        int total = filings.size();
        AtomicReference<Exception> failure = new AtomicReference<>();
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
                    producer.send(new ProducerRecord<>(topic, null, now, f.key(), f.json()), (m, e) -> {
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
        while (tail.received() < expected && System.currentTimeMillis() - tail.lastReceivedAt() < DRAIN_QUIET_MS) {
            Sleep.millis(100);
        }
        long received = tail.received();
        tail.close();
        return new Result(rate, total / elapsed, total, expected, received, tail.averageDecisionBytes(),
                Percentiles.summarize(tail.serviceMicros()), Percentiles.summarize(tail.visibleMicros()));
    }
}
