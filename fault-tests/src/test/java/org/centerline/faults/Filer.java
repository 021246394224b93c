package org.centerline.faults;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.centerline.contracts.sample.FilingGenerator.Filing;
import org.centerline.contracts.topic.Topics;
import org.centerline.stackprocess.KafkaClients;
import org.centerline.stackprocess.Sleep;

/**
 * Plays the broker systems: files records on {@code entry-summaries.filed} (acks=all, idempotent, as the local
 * stack's simulator) at a steady pace on its own thread, and counts what the broker acknowledged. A send the broker
 * never acknowledged fails the run, so "nothing lost" is judged on filings Kafka really accepted.
 */
final class Filer {

    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong acked = new AtomicLong();
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private final CountDownLatch done = new CountDownLatch(1);
    private final int total;

    private Filer(int total) {
        this.total = total;
    }

    /** Starts filing {@code filings} in order, {@code perSecond} a second, and returns at once. */
    static Filer start(String bootstrap, String name, List<Filing> filings, int perSecond) {
        Filer filer = new Filer(filings.size());
        Thread t = new Thread(() -> filer.run(bootstrap, name, filings, perSecond), "filer-" + name);
        t.setDaemon(true);
        t.start();
        return filer;
    }

    /** Files them all as fast as the producer goes and waits for every acknowledgement. */
    static void fileAll(String bootstrap, String name, List<Filing> filings, Duration timeout) {
        start(bootstrap, name, filings, Integer.MAX_VALUE).await(timeout);
    }

    private void run(String bootstrap, String name, List<Filing> filings, int perSecond) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(KafkaClients.filer(bootstrap, "fault-" + name, 5))) {
            long t0 = System.nanoTime();
            for (Filing f : filings) {
                while (perSecond != Integer.MAX_VALUE && sent.get() >= (System.nanoTime() - t0) / 1e9 * perSecond) {
                    Sleep.millis(2);
                }
                producer.send(new ProducerRecord<>(Topics.FILED.name(), f.key(), f.json()), (m, e) -> {
                    if (e != null) {
                        failure.compareAndSet(null, e);
                    } else {
                        acked.incrementAndGet();
                    }
                });
                sent.incrementAndGet();
            }
            producer.flush();
        } catch (RuntimeException e) {
            failure.compareAndSet(null, e);
        } finally {
            done.countDown();
        }
    }

    /** Filings handed to the producer so far. */
    long sent() {
        return sent.get();
    }

    /** Filings the broker has acknowledged so far. */
    long acked() {
        return acked.get();
    }

    /** Waits until every filing is acknowledged; fails if one was not. */
    void await(Duration timeout) {
        try {
            if (!done.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("filing not done within " + timeout.toSeconds() + " s (" + acked.get() + " of "
                        + total + " acknowledged)");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        if (failure.get() != null) {
            throw new IllegalStateException("the broker did not accept every filing: " + failure.get(), failure.get());
        }
        if (acked.get() != total) {
            throw new IllegalStateException(acked.get() + " of " + total + " filings acknowledged");
        }
    }
}
