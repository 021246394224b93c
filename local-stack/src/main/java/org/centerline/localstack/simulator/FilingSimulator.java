package org.centerline.localstack.simulator;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.centerline.contracts.sample.FilingGenerator;
import org.centerline.contracts.topic.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays the broker systems: files generated entry summaries on {@code entry-summaries.filed} at a set
 * rate, keyed by entry number, and prints a progress line so the running stack visibly works.
 */
public final class FilingSimulator {

    private static final Logger log = LoggerFactory.getLogger(FilingSimulator.class);

    private final String bootstrapServers;
    private final double rate;
    private final FilingGenerator generator;
    private final Duration progressEvery;
    private final Supplier<String> moreProgress;
    private final AtomicLong filed = new AtomicLong();
    private final AtomicLong invalid = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile boolean stopped;

    /**
     * @param rate         filings per second (&gt; 0)
     * @param invalidShare share of deliberately invalid filings, 0..1
     * @param moreProgress appended to each progress line after {@code " | "} (the specialists' counts), or null
     */
    public FilingSimulator(String bootstrapServers, double rate, long seed, double invalidShare, Duration progressEvery,
                           Supplier<String> moreProgress) {
        if (!(rate > 0)) {
            throw new IllegalArgumentException("rate must be > 0: " + rate);
        }
        this.bootstrapServers = bootstrapServers;
        this.rate = rate;
        this.generator = new FilingGenerator(seed, invalidShare);
        this.progressEvery = progressEvery;
        this.moreProgress = moreProgress;
    }

    /** Files until {@link #stop()} is called; blocks the calling thread. */
    public void run() {
        long intervalNanos = (long) (1_000_000_000L / rate);
        try (PipelineWatch watch = new PipelineWatch(bootstrapServers);
             KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerConfig(), new StringSerializer(),
                     new ByteArraySerializer())) {
            log.info("simulator filing {} entry summaries/s on {}", format(rate), Topics.FILED.name());
            long startNanos = System.nanoTime();
            Pacer pacer = new Pacer(Pacer.Clock.SYSTEM, intervalNanos, 1_000_000_000L, progressEvery);
            while (!stopped) {
                if (pacer.progressDue()) {
                    progress(watch, startNanos);
                }
                if (!pacer.stepDue()) {
                    continue;
                }
                FilingGenerator.Filing filing = generator.next();
                producer.send(new ProducerRecord<>(Topics.FILED.name(), filing.key(), filing.json()), (meta, e) -> {
                    if (e == null) {
                        filed.incrementAndGet();
                        if (!filing.valid()) {
                            invalid.incrementAndGet();
                        }
                    } else if (failed.incrementAndGet() % 1_000 == 1) {
                        log.warn("simulator: filing {} failed ({} so far): {}", filing.key(), failed.get(), e.toString());
                    }
                });
                pacer.stepped();
            }
            producer.flush();
            progress(watch, startNanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.error("simulator stopped: {}", e.toString());
        } finally {
            finished.countDown();
        }
    }

    /** Asks {@link #run()} to finish (flushing what was sent) and waits up to 15 s for it. */
    public void stop() {
        stopped = true;
        try {
            finished.await(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public long filed() {
        return filed.get();
    }

    private void progress(PipelineWatch watch, long startNanos) {
        long f = filed.get();
        long routed = watch.routed();
        long rejected = watch.rejected();
        double seconds = Math.max(0.001, (System.nanoTime() - startNanos) / 1e9);
        log.info("simulator: filed {} ({}/s, {} meant invalid{}) | routed {} | rejected {} | not yet routed {}{}",
                f, format(f / seconds), invalid.get(), failed.get() > 0 ? ", " + failed.get() + " failed to send" : "",
                routed, rejected, Math.max(0, f - routed - rejected), moreProgress == null ? "" : " | " + moreProgress.get());
    }

    private Map<String, Object> producerConfig() {
        return Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.CLIENT_ID_CONFIG, "local-stack-simulator",
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
                ProducerConfig.LINGER_MS_CONFIG, 5);
    }

    private static String format(double d) {
        return String.format(Locale.ROOT, "%.1f", d);
    }
}
