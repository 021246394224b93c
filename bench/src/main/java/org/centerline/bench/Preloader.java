package org.centerline.bench;

import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.centerline.contracts.sample.FilingGenerator;
import org.centerline.contracts.sample.FilingGenerator.Filing;
import org.centerline.contracts.topic.Topics;
import org.centerline.stackprocess.KafkaClients;

/** Files N generated filings onto {@code entry-summaries.filed} and the same records onto the baseline's copy topic. */
final class Preloader {

    /** What was preloaded: count, bytes of JSON, and how long it took. */
    record Result(int records, long bytes, double seconds) {
        double averageBytes() {
            return records == 0 ? 0 : (double) bytes / records;
        }
    }

    private Preloader() {
    }

    /** Sends {@code n} filings from {@code generator} to both topics (acks=all, lz4, linger 20 ms) and waits for every ack. */
    static Result preload(String bootstrap, FilingGenerator generator, int n) {
        AtomicReference<Exception> failure = new AtomicReference<>();
        long bytes = 0;
        long t0 = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(KafkaClients.filer(bootstrap, "bench-preload", 20))) {
            for (int i = 0; i < n; i++) {
                Filing f = generator.next();
                bytes += f.json().length;
                producer.send(new ProducerRecord<>(Topics.FILED.name(), f.key(), f.json()), (m, e) -> {
                    if (e != null) {
                        failure.compareAndSet(null, e);
                    }
                });
                producer.send(new ProducerRecord<>(BenchTopics.FILED_COPY, f.key(), f.json()), (m, e) -> {
                    if (e != null) {
                        failure.compareAndSet(null, e);
                    }
                });
                if (failure.get() != null) {
                    break;
                }
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("preloading failed: " + failure.get(), failure.get());
        }
        return new Result(n, bytes, (System.nanoTime() - t0) / 1e9);
    }
}
