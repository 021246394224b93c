package org.centerline.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.centerline.contracts.json.CenterlineJson;
import org.centerline.security.Role;
import org.centerline.security.TokenIssuer;
import org.centerline.stackprocess.ChildJvm;
import org.centerline.stackprocess.FreePort;
import org.centerline.stackprocess.Sleep;
import tools.jackson.databind.JsonNode;

/**
 * routing-service as shipped, as its own JVM the way the local stack runs it; its readiness, filed counter and RSS.
 * It trusts a token key of the benchmark's own (under target/security) and is read with an ops token.
 */
final class RoutingServiceProcess implements AutoCloseable {

    private static final long READY_TIMEOUT_MS = 120_000;

    private final ChildJvm jvm;
    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String opsToken;

    private RoutingServiceProcess(ChildJvm jvm, String baseUrl, String opsToken) {
        this.jvm = jvm;
        this.baseUrl = baseUrl;
        this.opsToken = opsToken;
    }

    /** Starts the exec jar against the broker and returns once {@code /actuator/health/readiness} answers UP. */
    static RoutingServiceProcess start(BenchWorkspace ws, String bootstrap, BenchOptions o) {
        int port = FreePort.pick();
        Path keys = ws.targetDir().resolve("security");
        String opsToken;
        try {
            opsToken = TokenIssuer.inDirectory(keys).mint("bench", List.of(Role.OPS), Map.of(), Duration.ofHours(12));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot create the benchmark's token key in " + keys + ": " + e, e);
        }
        ChildJvm jvm = ChildJvm.start("routing-service", o.routingJvmOptions(), ws.routingJar(), List.of(
                "--spring.kafka.bootstrap-servers=" + bootstrap,
                "--server.port=" + port,
                "--centerline.instance-id=bench",
                // The routing ledger's Kafka Streams state: fresh for each run's fresh broker.
                "--centerline.state-dir=" + ws.targetDir().resolve("state/routing-service-" + port).toAbsolutePath(),
                "--centerline.routing.consumer.max.poll.records=" + o.maxPollRecords(),
                "--centerline.routing.producer.compression.type=" + o.compression(),
                "--spring.security.oauth2.resourceserver.jwt.public-key-location=file:"
                        + keys.resolve(TokenIssuer.PUBLIC_KEY_FILE).toAbsolutePath()), ws.targetDir().resolve("logs/routing-service.log"));
        RoutingServiceProcess service = new RoutingServiceProcess(jvm, "http://localhost:" + port, opsToken);
        long deadline = System.currentTimeMillis() + READY_TIMEOUT_MS;
        while (!service.ready()) {
            jvm.requireAlive();
            if (System.currentTimeMillis() > deadline) {
                service.close();
                throw new IllegalStateException("routing-service not ready within 120 s; see " + jvm.logFile());
            }
            Sleep.millis(100);
        }
        return service;
    }

    /** Whether {@code /actuator/health/readiness} answers 200 with status UP. */
    boolean ready() {
        String body = get("/actuator/health/readiness");
        return body != null && body.contains("\"UP\"");
    }

    /**
     * {@code centerline_routing_filed_total}: filings whose transaction committed. Read from {@code /actuator/metrics}
     * (the same Micrometer counter as on /actuator/prometheus) because that answer is a few hundred bytes, not the
     * whole scrape, so polling it costs the service next to nothing.
     */
    long filedTotal() {
        jvm.requireAlive();
        String body = get("/actuator/metrics/centerline.routing.filed");
        if (body == null) {
            return 0;
        }
        JsonNode count = CenterlineJson.mapper().readTree(body).path("measurements").path(0).path("value");
        return (long) count.asDouble();
    }

    /** The sum of a metric's samples on {@code /actuator/prometheus} (e.g. {@code centerline_routing_filed_total}), or -1. */
    double scrape(String metric) {
        String body = get("/actuator/prometheus");
        if (body == null) {
            return -1;
        }
        double sum = 0;
        for (String line : body.lines().toList()) {
            if (line.startsWith(metric + "{") || line.startsWith(metric + " ")) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }

    /** Whether the service has logged an OutOfMemoryError. */
    boolean outOfMemory() {
        return jvm.log().contains("java.lang.OutOfMemoryError");
    }

    Path logFile() {
        return jvm.logFile();
    }

    long pid() {
        return jvm.pid();
    }

    /** Peak RSS of the service's JVM so far, bytes (-1 without /proc). */
    long peakRssBytes() {
        return jvm.peakRssBytes();
    }

    private String get(String path) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .header("Authorization", "Bearer " + opsToken).timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? r.body() : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        jvm.close();
    }
}
