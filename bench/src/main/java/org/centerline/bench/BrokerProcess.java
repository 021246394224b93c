package org.centerline.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** The local stack's broker and topics: local-stack.jar, no services, no simulator, as a child JVM on free ports. */
final class BrokerProcess implements AutoCloseable {

    /** The local stack's own default heap (start-local-stack.sh). */
    static final List<String> JVM_OPTIONS = List.of("-Xmx512m");
    private static final long START_TIMEOUT_MS = 120_000;

    private final ChildJvm jvm;
    private final Path dataDir;
    private final int port;

    private BrokerProcess(ChildJvm jvm, Path dataDir, int port) {
        this.jvm = jvm;
        this.dataDir = dataDir;
        this.port = port;
    }

    /** Starts it and returns once it has printed {@code Centerline is up} (broker serving, topics created). */
    static BrokerProcess start(BenchWorkspace ws) {
        Path dataDir;
        try {
            dataDir = Files.createTempDirectory("centerline-bench-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temp data dir", e);
        }
        int port = FreePort.pick();
        int controllerPort = FreePort.pick();
        ChildJvm jvm = ChildJvm.start("local-stack", JVM_OPTIONS, ws.localStackJar(),
                List.of("--services", "none", "--no-simulator", "--kafka-port", Integer.toString(port),
                        "--controller-port", Integer.toString(controllerPort), "--data-dir", dataDir.toString()),
                ws.targetDir().resolve("logs/local-stack.log"));
        BrokerProcess broker = new BrokerProcess(jvm, dataDir, port);
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MS;
        while (!jvm.log().contains("Centerline is up")) {
            jvm.requireAlive();
            if (System.currentTimeMillis() > deadline) {
                broker.close();
                throw new IllegalStateException("local stack not up within 120 s; see " + jvm.logFile());
            }
            Sleep.millis(100);
        }
        return broker;
    }

    String bootstrapServers() {
        return "localhost:" + port;
    }

    /** Stops the local stack (it stops its broker on SIGTERM) and deletes the temp data dir. */
    @Override
    public void close() {
        jvm.close();
        try (Stream<Path> paths = Files.walk(dataDir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("bench: could not delete " + dataDir + ": " + e);
        }
    }
}
