package org.centerline.stackprocess;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The local stack's broker and topics ({@code local-stack.jar --services none --no-simulator}) as a child JVM on
 * free ports with a temp data dir: exactly the local stack's single-node KRaft broker. It can be stopped and started
 * again on the same ports and data, as an operator restarts a broker.
 */
public final class LocalStackBroker implements AutoCloseable {

    /** The local stack's own default heap (start-local-stack.sh). */
    public static final List<String> JVM_OPTIONS = List.of("-Xmx512m");
    private static final long START_TIMEOUT_MS = 120_000;

    private final Path jar;
    private final Path logFile;
    private final Path dataDir;
    private final int port;
    private final int controllerPort;
    private ChildJvm jvm;
    private int starts;

    private LocalStackBroker(Path jar, Path logFile, Path dataDir, int port, int controllerPort) {
        this.jar = jar;
        this.logFile = logFile;
        this.dataDir = dataDir;
        this.port = port;
        this.controllerPort = controllerPort;
    }

    /**
     * Starts it and returns once it has printed {@code Centerline is up} (broker serving, every registry topic
     * created). Later starts log to {@code <logFile name>.2}, {@code .3}, ...
     */
    public static LocalStackBroker start(Path localStackJar, Path logFile) {
        Path dataDir;
        try {
            dataDir = Files.createTempDirectory("centerline-broker-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temp data dir", e);
        }
        LocalStackBroker broker = new LocalStackBroker(localStackJar, logFile, dataDir, FreePort.pick(), FreePort.pick());
        broker.startAgain();
        return broker;
    }

    /** Starts the broker on the same ports and data dir (after {@link #stop}); returns once it is up. */
    public synchronized void startAgain() {
        if (jvm != null && jvm.alive()) {
            throw new IllegalStateException("the broker is running");
        }
        starts++;
        Path log = starts == 1 ? logFile : logFile.resolveSibling(logFile.getFileName() + "." + starts);
        jvm = ChildJvm.start("local-stack", JVM_OPTIONS, jar,
                List.of("--services", "none", "--no-simulator", "--kafka-port", Integer.toString(port),
                        "--controller-port", Integer.toString(controllerPort), "--data-dir", dataDir.toString()), log);
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MS;
        while (!jvm.log().contains("Centerline is up")) {
            jvm.requireAlive();
            if (System.currentTimeMillis() > deadline) {
                jvm.close();
                throw new IllegalStateException("local stack not up within 120 s; see " + jvm.logFile());
            }
            Sleep.millis(100);
        }
    }

    /** Stops the broker as Ctrl-C does (SIGTERM: a controlled shutdown), keeping its data for {@link #startAgain}. */
    public synchronized void stop() {
        if (jvm != null) {
            jvm.close();
        }
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    /** The running broker JVM (for its pid, log and RSS). */
    public synchronized ChildJvm jvm() {
        return jvm;
    }

    /** Stops the local stack (it stops its broker on SIGTERM) and deletes the temp data dir. */
    @Override
    public void close() {
        stop();
        try (Stream<Path> paths = Files.walk(dataDir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not delete " + dataDir + ": " + e);
        }
    }
}
