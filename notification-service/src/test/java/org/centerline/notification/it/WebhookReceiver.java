package org.centerline.notification.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.centerline.contracts.json.CenterlineJson;
import tools.jackson.databind.JsonNode;

/**
 * A real webhook receiver for tests: a JDK {@link HttpServer} on 127.0.0.1 (a free port) that records every
 * request it gets (headers and raw body, with the time it arrived), and can be told to answer 503 a number
 * of times, to answer slowly, or to be down (stopped) and come back on the same port.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as received: headers with lower-case names, the raw body, and when it arrived. */
    public record Request(long arrivedNanos, Instant arrivedAt, Map<String, List<String>> headers, byte[] body) {

        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public JsonNode json() {
            return CenterlineJson.mapper().readTree(body);
        }

        public String deliveryId() {
            return header("Centerline-Delivery");
        }
    }

    private final InetSocketAddress address;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private volatile int failureStatus = 503;
    private volatile Duration delay = Duration.ZERO;
    private HttpServer server;
    private ExecutorService executor;
    private volatile int port;

    private WebhookReceiver(InetSocketAddress address) {
        this.address = address;
    }

    /** A receiver listening on a free port of 127.0.0.1. */
    public static WebhookReceiver start() {
        WebhookReceiver receiver = new WebhookReceiver(new InetSocketAddress("127.0.0.1", 0));
        receiver.listen(receiver.address);
        return receiver;
    }

    private synchronized void listen(InetSocketAddress on) {
        try {
            server = HttpServer.create(on, 50);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not listen on " + on, e);
        }
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "webhook-receiver-" + on.getPort());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        port = server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            Map<String, List<String>> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
            requests.add(new Request(System.nanoTime(), Instant.now(), headers, body));
            if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                exchange.sendResponseHeaders(failureStatus, -1);
                return;
            }
            Duration wait = delay;
            if (!wait.isZero()) {
                try {
                    Thread.sleep(wait.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            exchange.sendResponseHeaders(204, -1);
        }
    }

    /** The port, the same while down and after coming back. */
    public int port() {
        return port;
    }

    /** The webhook URL to subscribe with. */
    public String url() {
        return "http://127.0.0.1:" + port() + "/hook";
    }

    /** Answers the next {@code times} requests with 503 (recording them all the same). */
    public WebhookReceiver failNext(int times) {
        return failNext(times, 503);
    }

    public WebhookReceiver failNext(int times, int status) {
        failureStatus = status;
        failuresLeft.set(times);
        return this;
    }

    /** Answers every request only after {@code delay}. */
    public WebhookReceiver slow(Duration delay) {
        this.delay = delay;
        return this;
    }

    /** Down: the port is closed, connections are refused. */
    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            server = null;
        }
    }

    /** Back up, on the same port as before. */
    public synchronized void restart() {
        if (server == null) {
            listen(new InetSocketAddress(address.getAddress(), port));
        }
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public List<Request> requests(Predicate<Request> filter) {
        List<Request> out = new ArrayList<>();
        for (Request r : requests) {
            if (filter.test(r)) {
                out.add(r);
            }
        }
        return out;
    }

    /** The requests whose body has {@code data.<field>} equal to {@code value}. */
    public List<Request> withData(String field, String value) {
        return requests(r -> value.equals(r.json().path("data").path(field).asString(null)));
    }

    @Override
    public void close() {
        stop();
    }
}
