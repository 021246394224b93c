package org.centerline.faults;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.centerline.stackprocess.FreePort;

/**
 * A subscriber's webhook endpoint on loopback that can go down and come back on the same port. It records every call
 * it answers (delivery id, signature check, body, status given), and can refuse the first call of chosen deliveries
 * with 503, so that the retry must come again, with the same delivery id.
 */
final class WebhookReceiver implements AutoCloseable {

    static final String PATH = "/hook";

    /** One call as received. */
    record Call(String deliveryId, boolean signatureValid, String body, int answeredWith) {
    }

    private final int port;
    private final String secret;
    private final List<Call> calls = new ArrayList<>();
    private final Set<String> refusedOnce = new HashSet<>();
    private volatile Predicate<String> refuseFirstCall = body -> false;
    private HttpServer server;

    private WebhookReceiver(int port, String secret) {
        this.port = port;
        this.secret = secret;
    }

    /** Starts answering on a free loopback port. */
    static WebhookReceiver start(String secret) {
        WebhookReceiver receiver = new WebhookReceiver(FreePort.pick(), secret);
        receiver.up();
        return receiver;
    }

    String url() {
        return "http://127.0.0.1:" + port + PATH;
    }

    /** Stops listening: calls now fail with "connection refused". */
    synchronized void down() {
        server.stop(0);
        server = null;
    }

    /** Answers the first call of each delivery whose body matches with 503 (and later calls as usual). */
    void refuseFirstCall(Predicate<String> body) {
        this.refuseFirstCall = body;
    }

    /** Listens (again) on its port. */
    synchronized void up() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + port + " again", e);
        }
        server.createContext(PATH, this::handle);
        server.start();
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String text = new String(body, StandardCharsets.UTF_8);
        String id = exchange.getRequestHeaders().getFirst("Centerline-Delivery");
        boolean signed = signatureValid(exchange.getRequestHeaders().getFirst("Centerline-Timestamp"), body,
                exchange.getRequestHeaders().getFirst("Centerline-Signature"));
        int status;
        synchronized (this) {
            status = refuseFirstCall.test(text) && refusedOnce.add(id) ? 503 : 200;
            calls.add(new Call(id, signed, text, status));
        }
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    private boolean signatureValid(String timestamp, byte[] body, String signature) {
        if (timestamp == null || signature == null) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            String expected = "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
            return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), signature.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every call answered so far, in order. */
    synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    /** Delivery ids answered 2xx so far. */
    synchronized Set<String> delivered() {
        Set<String> ids = new HashSet<>();
        calls.stream().filter(c -> c.answeredWith() == 200).forEach(c -> ids.add(c.deliveryId()));
        return ids;
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            down();
        }
    }
}
