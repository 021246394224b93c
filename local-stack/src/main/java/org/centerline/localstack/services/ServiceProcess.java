package org.centerline.localstack.services;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One service running as its own JVM ({@code java -jar <service>-exec.jar}), so a crash test can
 * {@code kill -9} it without touching the broker; its output goes to a log file, not the console.
 */
public final class ServiceProcess {

    private static final Logger log = LoggerFactory.getLogger(ServiceProcess.class);

    private final ServiceSpec spec;
    private final Path jar;
    private final Path logFile;
    private final Path workDir;
    private final String bootstrapServers;
    private final Path jwtPublicKey;
    private volatile Process process;
    private volatile boolean stopping;

    /** @param jwtPublicKey the PEM the service verifies bearer tokens with (the local issuer's public key) */
    public ServiceProcess(ServiceSpec spec, Path jar, Path logFile, Path workDir, String bootstrapServers, Path jwtPublicKey) {
        this.spec = spec;
        this.jar = jar;
        this.logFile = logFile;
        this.workDir = workDir;
        this.bootstrapServers = bootstrapServers;
        this.jwtPublicKey = jwtPublicKey;
    }

    public ServiceSpec spec() {
        return spec;
    }

    public Path logFile() {
        return logFile;
    }

    /** The command line the child runs with. */
    List<String> command() {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(spec.jvmOptions());
        cmd.add("-jar");
        cmd.add(jar.toString());
        cmd.add("--spring.cloud.stream.kafka.binder.brokers=" + bootstrapServers);
        cmd.add("--spring.cloud.stream.kafka.streams.binder.brokers=" + bootstrapServers);
        cmd.add("--spring.kafka.bootstrap-servers=" + bootstrapServers);
        cmd.add("--server.port=" + spec.port());
        cmd.add("--spring.security.oauth2.resourceserver.jwt.public-key-location=file:"
                + jwtPublicKey.toAbsolutePath().normalize());
        cmd.addAll(spec.args(workDir));
        return cmd;
    }

    /** Starts the child JVM; fails at once if its jar is missing or its port is already taken. */
    public void start() {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(spec.name() + ": jar not found at " + jar
                    + "; build it with ./mvnw -DskipTests -pl local-stack -am package (or start with --services none)");
        }
        if (portInUse(spec.port())) {
            throw new IllegalStateException(spec.name() + ": port " + spec.port() + " is already in use"
                    + " (a service left from an earlier run? see: ss -ltnp 'sport = :" + spec.port() + "')");
        }
        try {
            Files.createDirectories(logFile.getParent());
            Files.createDirectories(workDir);
            if (Files.exists(logFile)) {
                Files.move(logFile, logFile.resolveSibling(logFile.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
            }
            List<String> command = command();
            Files.writeString(logFile, "# local-stack started, in " + workDir + ":\n# " + String.join(" ", command) + "\n",
                    StandardCharsets.UTF_8);
            process = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(spec.name() + ": cannot start " + jar, e);
        }
        Process p = process;
        p.onExit().thenAccept(done -> {
            if (!stopping) {
                log.warn("{} (pid {}) exited with code {}; see {}", spec.name(), done.pid(), done.exitValue(), logFile);
            }
        });
    }

    /** Waits until {@code /actuator/health/readiness} answers 200; fails with the log's tail if it does not in time. */
    public void awaitReady(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(spec.readinessUrl())).timeout(Duration.ofSeconds(2)).GET().build();
        long deadline = System.nanoTime() + timeout.toNanos();
        int lastStatus = -1;
        while (System.nanoTime() < deadline) {
            if (stopping) {
                throw new IllegalStateException(spec.name() + " stopped while starting");
            }
            Process p = process;
            if (p == null || !p.isAlive()) {
                throw new IllegalStateException(spec.name() + " exited with code " + (p == null ? "?" : p.exitValue())
                        + " before it was ready; see " + logFile + tail());
            }
            try {
                HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                lastStatus = response.statusCode();
                if (lastStatus == 200) {
                    return;
                }
            } catch (ConnectException | java.net.http.HttpTimeoutException e) {
                // not listening yet
            } catch (IOException e) {
                // connection reset while starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + spec.name(), e);
            }
            sleep(500);
        }
        throw new IllegalStateException(spec.name() + " was not ready within " + timeout.toSeconds() + " s ("
                + spec.readinessUrl() + (lastStatus < 0 ? " never answered" : " last answered " + lastStatus)
                + "); see " + logFile + tail());
    }

    public boolean isAlive() {
        Process p = process;
        return p != null && p.isAlive();
    }

    public long pid() {
        Process p = process;
        return p == null ? -1 : p.pid();
    }

    /** SIGTERM, then up to {@code grace} for a clean shutdown, then SIGKILL. */
    public void stop(Duration grace) {
        stopping = true;
        Process p = process;
        if (p == null || !p.isAlive()) {
            return;
        }
        p.destroy();
        try {
            if (!p.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("{} did not stop within {} s; killing it", spec.name(), grace.toSeconds());
                p.destroyForcibly();
                p.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            List<String> last = lines.subList(Math.max(0, lines.size() - 20), lines.size());
            return last.isEmpty() ? "" : "\n--- last lines of " + logFile.getFileName() + " ---\n" + String.join("\n", last);
        } catch (IOException | UncheckedIOException e) {
            return "";
        }
    }

    static boolean portInUse(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("localhost", port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
