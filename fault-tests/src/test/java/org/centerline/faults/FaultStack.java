package org.centerline.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.centerline.stackprocess.FreePort;
import org.centerline.stackprocess.Launcher;
import org.centerline.stackprocess.LocalStackBroker;
import org.centerline.stackprocess.ServiceCatalog;
import org.centerline.stackprocess.ServiceJvm;
import org.centerline.stackprocess.ServiceSpec;

/**
 * One fault test's Centerline: the local stack's broker as a child JVM on free ports, and the services it asks for,
 * each from its exec jar as its own JVM with the local stack's options, bound to loopback, trusting this run's
 * {@link Tokens}. Logs and state go to {@code target/fault-tests/<test>/}. Closing stops all of it.
 * The services are started by stack-process's {@link Launcher} (the one launcher; JVM options from its
 * {@link ServiceCatalog}), each launch of a service as its next instance ({@code <service>-0}, {@code -1}, ...: its
 * instance id, log file and state folder) on a free port.
 */
final class FaultStack implements AutoCloseable {

    static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

    private final Path dir;
    private final Tokens tokens;
    private final LocalStackBroker broker;
    private final Launcher launcher;
    private final Map<String, Integer> launched = new HashMap<>();

    private FaultStack(Path dir, Tokens tokens, LocalStackBroker broker) {
        this.dir = dir;
        this.tokens = tokens;
        this.broker = broker;
        this.launcher = new Launcher(spec -> jar(spec.name()), dir, broker.bootstrapServers(), tokens.publicKey(),
                List.of("--server.address=127.0.0.1"));
    }

    /** A fresh broker (every registry topic created) for the test {@code name}; returns once it is up. */
    static FaultStack start(String name) {
        Path dir = outputDir().resolve(name);
        deleteRecursively(dir);
        Tokens tokens = new Tokens(dir.resolve("keys"));
        return new FaultStack(dir, tokens, LocalStackBroker.start(jar("local-stack"), dir.resolve("logs/local-stack.log")));
    }

    /** {@code target/fault-tests}: logs, state, measurements. */
    static Path outputDir() {
        return Path.of(System.getProperty("centerline.fault-tests.dir", "target/fault-tests"));
    }

    /** The jar Maven resolved for an artifact (see the failsafe configuration in this module's pom). */
    static Path jar(String artifact) {
        String file = System.getProperty("centerline.jar." + artifact);
        if (file == null || !Files.isRegularFile(Path.of(file))) {
            throw new IllegalStateException("no jar for " + artifact + " (system property centerline.jar." + artifact + " = "
                    + file + "); run through Maven: ./mvnw -pl fault-tests verify");
        }
        return Path.of(file);
    }

    /**
     * Starts {@code service} (an artifact id: {@code routing-service}, ...) as its next instance with the broker
     * arguments, this run's public key, loopback only, an instance id and state folder of its own, then {@code ownArgs}
     * (not the local stack's per-service arguments: a test says what it wants); does not wait for it (see
     * {@link ServiceJvm#awaitReady}), so several can start at once.
     */
    synchronized ServiceJvm launch(String service, String... ownArgs) {
        ServiceSpec catalog = ServiceCatalog.spec(service);
        ServiceSpec spec = new ServiceSpec(catalog.name(), catalog.jar(), catalog.port(), List.of(), catalog.jvmOptions());
        int instance = launched.merge(service, 1, Integer::sum) - 1;
        return launcher.launch(spec, instance, FreePort.pick(), List.of(ownArgs));
    }

    String bootstrap() {
        return broker.bootstrapServers();
    }

    LocalStackBroker broker() {
        return broker;
    }

    Tokens tokens() {
        return tokens;
    }

    /** Stops the services (SIGTERM, then SIGKILL), then the broker, and deletes the broker's data. */
    @Override
    public void close() {
        launcher.stopAll(java.time.Duration.ofSeconds(20));
        broker.close();
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear " + dir, e);
        }
    }
}
