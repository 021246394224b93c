package org.centerline.notification.stream;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.centerline.notification.source.Notification;
import org.centerline.notification.subscription.Subscription;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The server-sent event streams open on this instance (live screens), each with the same filters as a
 * subscription. Events come from {@link LiveFeed} (every partition of the sources, on every instance); each
 * carries its position as {@code id:}. A client that comes back with {@code Last-Event-ID} first gets what it
 * missed, replayed from the topics, then the live events, none twice.
 */
@Component
public class LiveStream {

    /** A buffered live event of a client still being replayed to. */
    private record Pending(Notification notification, TopicPartition partition, long offset, Positions at) {
    }

    private static final class Client {
        final SseEmitter emitter;
        final Subscription filter;
        /** Where the client said it was (Last-Event-ID); events before it are not sent again. */
        final Positions floor;
        final List<Pending> buffer = new ArrayList<>();
        volatile boolean live;
        volatile boolean gone;

        Client(SseEmitter emitter, Subscription filter, Positions floor, boolean live) {
            this.emitter = emitter;
            this.filter = filter;
            this.floor = floor;
            this.live = live;
        }
    }

    /** A client being replayed to buffers at most this many live events; past it, it is closed (it reconnects). */
    private static final int MAX_BUFFER = 10_000;

    private final List<Client> clients = new CopyOnWriteArrayList<>();
    /** Live sends happen here, not on the feed's thread: a stalled client must not hold up the others' feed. */
    private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "live-stream");
        t.setDaemon(true);
        return t;
    });
    private final ExecutorService replays = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "live-stream-replay");
        t.setDaemon(true);
        return t;
    });
    private volatile LiveFeed feed;

    public LiveStream() {
        // A comment every 15 s keeps proxies from closing idle streams and finds clients that went away.
        sender.scheduleWithFixedDelay(this::heartbeat, 15, 15, TimeUnit.SECONDS);
    }

    void attach(LiveFeed feed) {
        this.feed = feed;
    }

    private void heartbeat() {
        for (Client client : clients) {
            if (client.live) {
                try {
                    client.emitter.send(SseEmitter.event().comment("heartbeat"));
                } catch (IOException | IllegalStateException e) {
                    drop(client);
                }
            }
        }
    }

    /**
     * Opens a stream. With a {@code lastEventId} (a position this or another instance gave), the events after it are
     * replayed first.
     *
     * @throws IllegalArgumentException when {@code lastEventId} is not a position
     */
    public SseEmitter open(Subscription filter, String lastEventId) {
        Positions from = null;
        if (lastEventId != null && !lastEventId.isBlank()) {
            from = Positions.decode(lastEventId, LiveFeed.TOPICS)
                    .orElseThrow(() -> new IllegalArgumentException("Last-Event-ID is not an event id of this stream."));
        }
        SseEmitter emitter = new SseEmitter(0L);
        Client client = new Client(emitter, filter, from == null ? new Positions(java.util.Map.of()) : from, from == null);
        emitter.onCompletion(() -> drop(client));
        emitter.onTimeout(() -> drop(client));
        emitter.onError(e -> drop(client));
        try {
            emitter.send(SseEmitter.event().comment("connected"));
        } catch (IOException e) {
            return emitter;
        }
        Positions[] until = new Positions[1];
        feed.registerAt(at -> {
            clients.add(client);
            until[0] = at;
        });
        if (from != null) {
            Positions start = from;
            replays.execute(() -> replay(client, start, until[0]));
        }
        return emitter;
    }

    private void replay(Client client, Positions from, Positions until) {
        try {
            feed.replay(from, until, (n, at) -> {
                if (client.gone) {
                    return false;
                }
                if (client.filter.matches(n)) {
                    send(client, n, at);
                }
                return !client.gone;
            });
        } catch (RuntimeException e) {
            client.emitter.completeWithError(e);
            drop(client);
            return;
        }
        synchronized (client) {
            for (Pending p : client.buffer) {
                if (p.offset() >= client.floor.of(p.partition())) {
                    send(client, p.notification(), p.at());
                }
            }
            client.buffer.clear();
            client.live = true;
        }
    }

    /** From the feed's thread, in order: to every stream whose filter the notification matches. */
    void publish(Notification notification, ConsumerRecord<?, ?> record, Positions at) {
        TopicPartition tp = new TopicPartition(record.topic(), record.partition());
        for (Client client : clients) {
            if (!client.filter.matches(notification)) {
                continue;
            }
            if (!client.live) {
                synchronized (client) {
                    if (!client.live) {
                        if (client.buffer.size() >= MAX_BUFFER) {
                            client.emitter.complete();
                            drop(client);
                        } else {
                            client.buffer.add(new Pending(notification, tp, record.offset(), at));
                        }
                        continue;
                    }
                }
            }
            if (record.offset() < client.floor.of(tp)) {
                continue; // the client was already past it (it came from an instance further ahead)
            }
            sender.execute(() -> send(client, notification, at));
        }
    }

    private void send(Client client, Notification notification, Positions at) {
        if (client.gone) {
            return;
        }
        try {
            client.emitter.send(SseEmitter.event().name(notification.eventType())
                    .id(at.max(client.floor).encode(LiveFeed.TOPICS))
                    .data(new Event(notification.eventType(), notification.occurredAt(), notification.data())));
        } catch (IOException | IllegalStateException e) {
            drop(client);
        }
    }

    private void drop(Client client) {
        client.gone = true;
        clients.remove(client);
    }

    public int open() {
        return clients.size();
    }

    @jakarta.annotation.PreDestroy
    void close() {
        sender.shutdownNow();
        replays.shutdownNow();
        clients.forEach(c -> c.emitter.complete());
    }

    /** What a stream receives for each notification. */
    public record Event(String eventType, java.time.Instant occurredAt, Object data) {
    }
}
