package org.centerline.routing.route;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.centerline.contracts.topic.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.SmartLifecycle;

/**
 * Reads {@code entry-summaries.filed} and routes it exactly once, with plain kafka-clients calls on one
 * thread: poll, begin a transaction, route and send every record of the poll, add the consumed offsets
 * to the transaction, commit. Then the ledger and metrics learn the batch. (A Spring Cloud Stream
 * binding did this before; its per-record message conversion and template calls were a tenth of the
 * routing thread, see docs/performance.md.)
 * <p>
 * Routing never throws for bad input, so a failed transaction means Kafka failed: the transaction is
 * aborted, both clients are closed and made afresh after a back-off (0.5 s doubling to 30 s), and the
 * new consumer starts from the last committed offsets, so the batch is routed again, for as long as it
 * takes. A new producer with the same {@code transactional.id} fences a crashed predecessor's.
 * <p>
 * A commit whose outcome is unknown (it timed out, but the broker committed) is not read again; its
 * decisions then reach the ledger through the ledger tail, but the filed/routed counters miss them.
 * Readiness goes down while the clients are made afresh after a failure; a broker that is merely
 * unreachable while no transaction is open does not fail the loop (the consumer waits for it).
 */
public final class FiledLoop implements SmartLifecycle, HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(FiledLoop.class);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final long FIRST_BACKOFF_MS = 500;
    private static final long MAX_BACKOFF_MS = 30_000;

    private final Supplier<Consumer<byte[], byte[]>> consumers;
    private final Supplier<Producer<byte[], byte[]>> producers;
    private final FiledBatchRouter router;
    private final MeterRegistry registry;
    private final Object lifecycle = new Object();
    private volatile boolean running;
    private volatile Thread thread;
    private volatile Consumer<byte[], byte[]> consumer;
    private volatile boolean connected;
    private volatile String lastFailure;
    /** Set at the first commit of a life of the clients: the next failure starts the back-off over. */
    private volatile boolean recovered;

    public FiledLoop(Supplier<Consumer<byte[], byte[]>> consumers, Supplier<Producer<byte[], byte[]>> producers,
                     FiledBatchRouter router, MeterRegistry registry) {
        this.consumers = consumers;
        this.producers = producers;
        this.router = router;
        this.registry = registry;
    }

    @Override
    public void start() {
        synchronized (lifecycle) {
            if (running) {
                return;
            }
            running = true;
            thread = new Thread(this::run, "routing-filed");
            thread.start();
        }
    }

    @Override
    public void stop() {
        Thread stopping;
        synchronized (lifecycle) {
            running = false;
            stopping = thread;
            Consumer<byte[], byte[]> current = consumer;
            if (current != null) {
                current.wakeup();
            }
            lifecycle.notifyAll();
        }
        // Not interrupted: a transaction under way finishes (or fails) on its own, then the loop sees it is stopped.
        if (stopping != null) {
            try {
                stopping.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** After {@code RoutingStateLoader}, which must have read the ledger and the assignments first. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1000;
    }

    /** Up while the loop has a consumer and a transactional producer that work; down, with the reason, while it recovers. */
    @Override
    public Health health() {
        if (running && connected) {
            return Health.up().withDetail("topic", Topics.FILED.name()).build();
        }
        Health.Builder down = running ? Health.down() : Health.outOfService();
        return lastFailure == null ? down.build() : down.withDetail("lastFailure", lastFailure).build();
    }

    private void run() {
        long backoff = 0;
        try {
            while (isCurrent()) {
                try {
                    routeUntilFailure();
                } catch (WakeupException e) {
                    if (isCurrent()) {
                        log.warn("Routing loop woken up while running; starting over");
                    }
                } catch (RuntimeException e) {
                    connected = false;
                    lastFailure = e.getClass().getSimpleName() + ": " + e.getMessage();
                    if (!isCurrent()) {
                        break;
                    }
                    // Clients that worked since the last failure start the back-off over.
                    backoff = recovered || backoff == 0 ? FIRST_BACKOFF_MS : Math.min(backoff * 2, MAX_BACKOFF_MS);
                    recovered = false;
                    log.warn("Routing stopped by a Kafka failure; the uncommitted batch is routed again after {} ms", backoff, e);
                    pause(backoff);
                }
            }
        } catch (Error e) {
            lastFailure = e.getClass().getSimpleName() + ": " + e.getMessage();
            log.error("Routing loop died; readiness reports it down", e);
            throw e;
        } finally {
            connected = false;
        }
    }

    /** Whether this thread is still the loop's: after a stop whose thread outlived it and a new start, the old one ends. */
    private boolean isCurrent() {
        return running && thread == Thread.currentThread();
    }

    /** One life of the two clients: returns when stopped, throws when Kafka fails. */
    private void routeUntilFailure() {
        try (Consumer<byte[], byte[]> c = consumers.get();
             Producer<byte[], byte[]> producer = producers.get();
             KafkaClientMetrics consumerMetrics = new KafkaClientMetrics(c);
             KafkaClientMetrics producerMetrics = new KafkaClientMetrics(producer)) {
            synchronized (lifecycle) {
                if (!isCurrent()) {
                    return;
                }
                consumer = c;
            }
            try {
                consumerMetrics.bindTo(registry);
                producerMetrics.bindTo(registry);
                producer.initTransactions();
                c.subscribe(List.of(Topics.FILED.name()));
                connected = true;
                lastFailure = null;
                while (isCurrent()) {
                    ConsumerRecords<byte[], byte[]> batch = c.poll(POLL);
                    if (!batch.isEmpty()) {
                        routeInTransaction(batch, c, producer);
                    }
                }
            } finally {
                synchronized (lifecycle) {
                    if (consumer == c) {
                        consumer = null;
                    }
                }
            }
        }
    }

    private void routeInTransaction(ConsumerRecords<byte[], byte[]> batch, Consumer<byte[], byte[]> c,
                                    Producer<byte[], byte[]> producer) {
        producer.beginTransaction();
        Runnable afterCommit;
        try {
            afterCommit = router.route(batch, producer);
            producer.sendOffsetsToTransaction(nextOffsets(batch), c.groupMetadata());
            producer.commitTransaction();
        } catch (RuntimeException e) {
            try {
                producer.abortTransaction();
            } catch (RuntimeException abortFailed) {
                e.addSuppressed(abortFailed);
            }
            throw e;
        }
        recovered = true;
        afterCommit.run();
    }

    private static Map<TopicPartition, OffsetAndMetadata> nextOffsets(ConsumerRecords<byte[], byte[]> batch) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition partition : batch.partitions()) {
            List<ConsumerRecord<byte[], byte[]>> records = batch.records(partition);
            offsets.put(partition, new OffsetAndMetadata(records.get(records.size() - 1).offset() + 1));
        }
        return offsets;
    }

    /** Waits out a back-off, or less if the loop is stopped meanwhile. */
    private void pause(long millis) {
        long until = System.currentTimeMillis() + millis;
        synchronized (lifecycle) {
            long left;
            while (isCurrent() && (left = until - System.currentTimeMillis()) > 0) {
                try {
                    lifecycle.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
