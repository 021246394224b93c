package org.centerline.notification.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.centerline.security.TestTokens;

/** A live-stream client for tests: opens {@code GET /api/stream}, and collects the lines it receives on its own thread. */
final class EventStream implements AutoCloseable {

    private final HttpResponse<Stream<String>> response;
    private final BlockingQueue<String> unread = new LinkedBlockingQueue<>();
    private final List<String> all = new CopyOnWriteArrayList<>();
    private final Thread reader;

    private EventStream(HttpResponse<Stream<String>> response) {
        this.response = response;
        this.reader = new Thread(() -> {
            try {
                response.body().forEach(line -> {
                    all.add(line);
                    unread.add(line);
                });
            } catch (RuntimeException e) {
                // the stream was closed
            }
        }, "sse-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Opens {@code base + "/api/stream?" + query} with the token (null: anonymously), once the answer's headers are in. */
    static EventStream open(String base, String query, String token) throws Exception {
        return open(base, query, token, null);
    }

    /** The same, resuming after the event {@code lastEventId} names (null: from now). */
    static EventStream open(String base, String query, String token, String lastEventId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/api/stream?" + query))
                .header("Accept", "text/event-stream").GET();
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        if (token != null) {
            request.header("Authorization", TestTokens.bearer(token));
        }
        return new EventStream(HttpClient.newHttpClient().sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines())
                .get(10, TimeUnit.SECONDS));
    }

    int status() {
        return response.statusCode();
    }

    String contentType() {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    /** The next unread line that passes the test (those before it are read too), or null when none came in time. */
    String next(Predicate<String> test, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String line = unread.poll(100, TimeUnit.MILLISECONDS);
            if (line != null && test.test(line)) {
                return line;
            }
        }
        return null;
    }

    /** Every line received so far, read or not, that passes the test. */
    List<String> received(Predicate<String> test) {
        return all.stream().filter(test).toList();
    }

    /** The last {@code id:} received, or null. */
    String lastId() {
        List<String> ids = received(l -> l.startsWith("id:"));
        return ids.isEmpty() ? null : ids.get(ids.size() - 1).substring(3).strip();
    }

    @Override
    public void close() {
        response.body().close();
        reader.interrupt();
    }
}
