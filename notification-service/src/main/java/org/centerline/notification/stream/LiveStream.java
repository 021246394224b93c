package org.centerline.notification.stream;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.centerline.notification.source.Notification;
import org.centerline.notification.subscription.Subscription;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The server-sent event streams open on this instance (live screens), each with the same filters as a
 * subscription; every dispatched notification goes to the streams whose filter it matches.
 */
@Component
public class LiveStream {

    private record Listener(SseEmitter emitter, Subscription filter) {
    }

    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    /** Sends happen here, not on the Kafka listener thread: a stalled client must not hold up dispatch. */
    private final java.util.concurrent.ScheduledExecutorService sender =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "live-stream");
                t.setDaemon(true);
                return t;
            });

    public LiveStream() {
        // A comment every 15 s keeps proxies from closing idle streams and finds clients that went away.
        sender.scheduleWithFixedDelay(this::heartbeat, 15, 15, java.util.concurrent.TimeUnit.SECONDS);
    }

    private void heartbeat() {
        for (Listener listener : listeners) {
            try {
                listener.emitter().send(SseEmitter.event().comment("heartbeat"));
            } catch (IOException | IllegalStateException e) {
                listeners.remove(listener);
            }
        }
    }

    public SseEmitter open(Subscription filter) {
        SseEmitter emitter = new SseEmitter(0L);
        Listener listener = new Listener(emitter, filter);
        listeners.add(listener);
        emitter.onCompletion(() -> listeners.remove(listener));
        emitter.onTimeout(() -> listeners.remove(listener));
        emitter.onError(e -> listeners.remove(listener));
        try {
            emitter.send(SseEmitter.event().comment("connected"));
        } catch (IOException e) {
            listeners.remove(listener);
        }
        return emitter;
    }

    public void publish(Notification notification) {
        sender.execute(() -> send(notification));
    }

    private void send(Notification notification) {
        for (Listener listener : listeners) {
            if (!listener.filter().matches(notification)) {
                continue;
            }
            try {
                listener.emitter().send(SseEmitter.event().name(notification.eventType()).id(notification.sourceId())
                        .data(new Event(notification.eventType(), notification.occurredAt(), notification.data())));
            } catch (IOException | IllegalStateException e) {
                listeners.remove(listener);
            }
        }
    }

    @jakarta.annotation.PreDestroy
    void close() {
        sender.shutdownNow();
        listeners.forEach(l -> l.emitter().complete());
    }

    /** What a stream receives for each notification. */
    public record Event(String eventType, java.time.Instant occurredAt, Object data) {
    }
}
