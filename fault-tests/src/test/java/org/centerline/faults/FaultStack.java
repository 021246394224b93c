package org.centerline.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.centerline.stackprocess.LocalStackBroker;
import org.centerline.stackprocess.ServiceJvm;

/**
 * One fault test's Centerline: the local stack's broker as a child JVM on free ports, and the services it asks for,
 * each from its exec jar as its own JVM with the local stack's options, bound to loopback, trusting this run's
 * {@link Tokens}. Logs and state go to {@code target/fault-tests/<test>/}. Closing stops all of it.
 */
final class FaultStack implements AutoCloseable {

    static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

    private final Path dir;
    private final Tokens tokens;
    private final LocalStackBroker broker;
    private final List<ServiceJvm> services = new ArrayList<>();

    private FaultStack(Path dir, Tokens tokens, LocalStackBroker broker) {
        this.dir = dir;
        this.tokens = tokens;
        this.broker = broker;
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
     * Starts {@code service} (an artifact id: {@code routing-service}, ...) with the broker arguments, this run's public
     * key, loopback only, a state dir of its own, then {@code ownArgs}; does not wait for it (see
     * {@link ServiceJvm#awaitReady}), so several can start at once.
     */
    ServiceJvm launch(String service, String... ownArgs) {
        List<String> args = new ArrayList<>(ServiceJvm.kafkaArgs(broker.bootstrapServers()));
        args.add(tokens.publicKeyArgument());
        args.add("--server.address=127.0.0.1");
        args.add("--spring.kafka.streams.state-dir=" + dir.resolve("state").resolve(service).toAbsolutePath());
        // A second instance of a service gives its own state dir (Spring would join two values of one argument with a comma).
        if (List.of(ownArgs).stream().noneMatch(a -> a.startsWith("--centerline.state-dir="))) {
            args.add("--centerline.state-dir=" + dir.resolve("state").resolve(service).toAbsolutePath());
        }
        args.addAll(List.of(ownArgs));
        ServiceJvm jvm = ServiceJvm.launch(service, jar(service), ServiceJvm.jvmOptionsOf(service), args, dir.resolve("logs"));
        services.add(jvm);
        return jvm;
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
        for (int i = services.size() - 1; i >= 0; i--) {
            services.get(i).close();
        }
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
