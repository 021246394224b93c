package org.centerline.stackprocess;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One Centerline service run from its exec jar as its own JVM, the way the local stack runs it: on a free port, told
 * where Kafka is; ready when {@code /actuator/health/readiness} answers UP; called over HTTP with a bearer token; and
 * killed ({@code kill -9}) or restarted with the same arguments and port.
 */
public final class ServiceJvm implements AutoCloseable {

    /** The JVM options every launcher gives this service ({@link ServiceCatalog}, the one place they are kept). */
    public static List<String> jvmOptionsOf(String service) {
        return ServiceCatalog.jvmOptionsOf(service);
    }

    private final String name;
    private final Path jar;
    private final List<String> jvmOptions;
    private final List<String> args;
    private final Path logDir;
    private final int port;
    private final Path workDir;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private ChildJvm jvm;
    private int starts;

    /** An HTTP answer: status and body (status 0 when the service did not answer at all). */
    public record Answer(int status, String body) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private ServiceJvm(String name, Path jar, List<String> jvmOptions, List<String> args, Path logDir, int port, Path workDir) {
        this.name = name;
        this.workDir = workDir;
        this.jar = jar;
        this.jvmOptions = List.copyOf(jvmOptions);
        this.args = List.copyOf(args);
        this.logDir = logDir;
        this.port = port;
    }

    /** The broker properties the local stack passes to every service (both binders and spring-kafka). */
    public static List<String> kafkaArgs(String bootstrap) {
        return List.of("--spring.cloud.stream.kafka.binder.brokers=" + bootstrap,
                "--spring.cloud.stream.kafka.streams.binder.brokers=" + bootstrap,
                "--spring.kafka.bootstrap-servers=" + bootstrap);
    }

    /**
     * Starts {@code java jvmOptions -jar jar args --server.port=<free port>} and returns at once (see {@link #awaitReady});
     * its output goes to {@code logDir/<name>.log}, after a restart to {@code <name>.2.log} and so on.
     */
    public static ServiceJvm launch(String name, Path jar, List<String> jvmOptions, List<String> args, Path logDir) {
        return launch(name, jar, jvmOptions, args, logDir, FreePort.pick(), null);
    }

    /**
     * Starts {@code java jvmOptions -jar jar args --server.port=port} in {@code workDir} (null: this JVM's) and returns
     * at once; fails at once if the jar is missing or the port is taken. An earlier run's {@code <name>.log} is kept
     * as {@code <name>.log.1}.
     */
    public static ServiceJvm launch(String name, Path jar, List<String> jvmOptions, List<String> args, Path logDir, int port,
                                    Path workDir) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(name + ": jar not found at " + jar
                    + "; build it with ./mvnw -DskipTests -pl local-stack -am package");
        }
        if (portInUse(port)) {
            throw new IllegalStateException(name + ": port " + port + " is already in use"
                    + " (a service left from an earlier run? see: ss -ltnp 'sport = :" + port + "')");
        }
        Path first = logDir.resolve(name + ".log");
        try {
            if (Files.exists(first)) {
                Files.move(first, first.resolveSibling(name + ".log.1"), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            // keep going: the new log overwrites the old one
        }
        ServiceJvm service = new ServiceJvm(name, jar, jvmOptions, args, logDir, port, workDir);
        service.startProcess();
        return service;
    }

    /** The command line (after {@code java}) of the current or next start. */
    public List<String> command() {
        return ChildJvm.command(jvmOptions, jar, allArgs());
    }

    private List<String> allArgs() {
        List<String> all = new ArrayList<>(args);
        all.add("--server.port=" + port);
        return all;
    }

    private synchronized void startProcess() {
        starts++;
        jvm = ChildJvm.start(name, jvmOptions, jar, allArgs(),
                logDir.resolve(starts == 1 ? name + ".log" : name + "." + starts + ".log"), workDir);
    }

    /** Whether something listens on {@code port} on localhost. */
    public static boolean portInUse(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("localhost", port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Waits until {@code /actuator/health/readiness} answers UP; fails at once if the JVM exits. */
    public ServiceJvm awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ready()) {
            jvm().requireAlive();
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " not ready within " + timeout.toSeconds() + " s; its log: "
                        + jvm().logFile() + "\n" + jvm().tail(30));
            }
            Sleep.millis(200);
        }
        return this;
    }

    /** Whether {@code /actuator/health/readiness} (open to anyone) answers 200 with status UP. */
    public boolean ready() {
        Answer a = get("/actuator/health/readiness", null);
        return a.status() == 200 && a.body().contains("\"UP\"");
    }

    /** {@code kill -9} of the service's JVM; returns once it is gone. */
    public void kill() {
        jvm().kill();
    }

    /** Starts it again with the same arguments and port (after {@link #kill} or {@link #close}); does not wait. */
    public void restart() {
        if (jvm().alive()) {
            throw new IllegalStateException(name + " is still running");
        }
        startProcess();
    }

    public Answer get(String path, String bearer) {
        return send("GET", path, bearer, null);
    }

    /** A JSON request ({@code body} may be null); {@code bearer} is the token without "Bearer ", or null for none. */
    public Answer send(String method, String path, String bearer, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(15))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        try {
            HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.body());
        } catch (IOException e) {
            return new Answer(0, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    public String name() {
        return name;
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public int port() {
        return port;
    }

    /** Its working and state folder, or null when it runs in this JVM's. */
    public Path workDir() {
        return workDir;
    }

    public boolean alive() {
        return jvm().alive();
    }

    public long pid() {
        return jvm().pid();
    }

    /** The current JVM of the service (a new one after each restart). */
    public synchronized ChildJvm jvm() {
        return jvm;
    }

    @Override
    public void close() {
        jvm().close();
    }

    /** SIGTERM, up to {@code grace}, then SIGKILL. */
    public void stop(Duration grace) {
        jvm().stop((int) Math.max(1, grace.toSeconds()));
    }
}
