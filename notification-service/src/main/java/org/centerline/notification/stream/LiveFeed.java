package org.centerline.notification.stream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.centerline.contracts.topic.Topics;
import org.centerline.notification.source.Notification;
import org.centerline.notification.source.NotificationSources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

/**
 * What the live streams of THIS instance hear: every partition of the source topics, assigned by hand (no
 * consumer group, nothing committed), read from the end as it stood at start-up. Every instance reads them
 * all, so a live screen gets every event it may see whichever instance it is connected to. A reconnect
 * with {@code Last-Event-ID} is replayed from the topics by {@link #replay} (within their retention).
 */
@Component
public class LiveFeed implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LiveFeed.class);

    /** The source topics, in the order their index is written in event ids (append only). */
    public static final List<String> TOPICS = List.of(Topics.REJECTED.name(), Topics.STATUS.name(),
            Topics.CENTER_ANNOUNCEMENTS.name());

    private final Map<String, Object> config;
    private final NotificationSources sources;
    private final LiveStream live;
    private final String clientId;
    private final Map<TopicPartition, Long> positions = new HashMap<>();
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile Thread thread;
    private volatile boolean running;

    public LiveFeed(ConsumerFactory<?, ?> consumers, NotificationSources sources, LiveStream live,
                    @Value("${centerline.instance-id:${spring.application.name}}") String instanceId) {
        this.config = new HashMap<>(consumers.getConfigurationProperties());
        this.config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        this.config.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        this.config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        this.config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        this.config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        this.sources = sources;
        this.live = live;
        this.clientId = instanceId + "-live-feed";
        live.attach(this);
    }

    private KafkaConsumer<String, byte[]> newConsumer(String id) {
        Map<String, Object> c = new HashMap<>(config);
        c.put(ConsumerConfig.CLIENT_ID_CONFIG, id);
        return new KafkaConsumer<>(c);
    }

    private static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer) {
        List<TopicPartition> all = new ArrayList<>();
        for (String topic : TOPICS) {
            consumer.partitionsFor(topic, Duration.ofSeconds(30))
                    .forEach(p -> all.add(new TopicPartition(topic, p.partition())));
        }
        return all;
    }

    @Override
    public void start() {
        KafkaConsumer<String, byte[]> c = newConsumer(clientId);
        List<TopicPartition> all = partitions(c);
        c.assign(all);
        c.seekToEnd(all);
        synchronized (this) {
            for (TopicPartition tp : all) {
                positions.put(tp, c.position(tp, Duration.ofSeconds(30)));
            }
        }
        consumer = c;
        running = true;
        thread = new Thread(this::run, "live-feed");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        try {
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    Notification n = convert(record);
                    Positions at;
                    synchronized (this) {
                        positions.put(new TopicPartition(record.topic(), record.partition()), record.offset() + 1);
                        at = new Positions(positions);
                        if (n != null) {
                            live.publish(n, record, at);
                        }
                    }
                }
            }
        } catch (WakeupException e) {
            // stopping
        } catch (RuntimeException e) {
            log.error("The live feed stopped: live streams on this instance get no more events", e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private Notification convert(ConsumerRecord<String, byte[]> record) {
        try {
            return sources.toNotification(record);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (RuntimeException e) {
            log.warn("Live feed: skipping unreadable record {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                    e.toString());
            return null;
        }
    }

    /** Runs {@code register} while no record is being handed out, with the position the feed has reached. */
    synchronized void registerAt(java.util.function.Consumer<Positions> register) {
        register.accept(new Positions(positions));
    }

    /**
     * Reads the source topics from {@code from} up to {@code until} (each partition), handing each record, with
     * the position after it, to {@code sink}. Where {@code from} is older than a topic keeps, from its oldest record.
     */
    void replay(Positions from, Positions until, Sink sink) {
        try (KafkaConsumer<String, byte[]> c = newConsumer(clientId + "-replay-" + Long.toHexString(System.nanoTime()))) {
            Map<TopicPartition, Long> end = new HashMap<>();
            for (TopicPartition tp : until.next().keySet()) {
                long start = from.next().getOrDefault(tp, until.of(tp));
                if (start < until.of(tp)) {
                    end.put(tp, until.of(tp));
                }
            }
            if (end.isEmpty()) {
                return;
            }
            c.assign(end.keySet());
            Map<TopicPartition, Long> beginning = c.beginningOffsets(end.keySet(), Duration.ofSeconds(30));
            Map<TopicPartition, Long> at = new HashMap<>(until.next());
            for (TopicPartition tp : end.keySet()) {
                long start = Math.max(from.of(tp), beginning.get(tp));
                c.seek(tp, start);
                at.put(tp, start);
            }
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (!end.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : c.poll(Duration.ofMillis(200))) {
                    TopicPartition tp = new TopicPartition(record.topic(), record.partition());
                    Long stop = end.get(tp);
                    if (stop == null || record.offset() >= stop) {
                        continue;
                    }
                    at.put(tp, record.offset() + 1);
                    Notification n = convert(record);
                    if (n != null && !sink.accept(n, new Positions(at))) {
                        return;
                    }
                }
                for (TopicPartition tp : new ArrayList<>(end.keySet())) {
                    if (c.position(tp) >= end.get(tp)) {
                        end.remove(tp);
                        c.pause(List.of(tp));
                    }
                }
            }
        }
    }

    /** Takes one replayed notification; false stops the replay (the client went away). */
    interface Sink {
        boolean accept(Notification notification, Positions at);
    }

    @Override
    public void stop() {
        running = false;
        KafkaConsumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        Thread t = thread;
        if (t != null) {
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** After the state it reads (announcements), before the web server takes streams. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 2000;
    }
}
