package org.centerline.stackprocess;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The one place that starts and stops Centerline's service JVMs, for the local stack, the benchmark and the fault
 * tests: {@code java <ServiceCatalog options> -jar <service>-exec.jar} with the broker and key arguments, one instance
 * id, advertised host and state folder per instance, logs under {@code <dataDir>/logs/<service>-<i>.log}, readiness
 * polling, and SIGTERM then SIGKILL on stop.
 *
 * <p>Instance {@code i} of a service is called {@code <service>-<i>}: that is its {@code centerline.instance-id}, its
 * log file name and its state folder {@code <dataDir>/services/<service>-<i>} ({@code centerline.state-dir}; the Kafka
 * Streams state below it in {@code kstreams/}). By default it listens on {@link ServiceSpec#port(int)}: the first
 * instance's port plus 100 times {@code i}.
 */
public final class Launcher {

    private final Function<ServiceSpec, Path> jars;
    private final Path dataDir;
    private final String bootstrapServers;
    private final Path jwtPublicKey;
    private final List<String> extraArgs;
    private final List<ServiceJvm> running = new ArrayList<>();
    private boolean stopped;

    /**
     * @param jars             where each service's exec jar is (see {@link #jarsIn})
     * @param dataDir          logs go to {@code logs/}, state folders to {@code services/}
     * @param jwtPublicKey     the PEM every service verifies bearer tokens with
     * @param extraArgs        arguments every service gets after the common ones (e.g. {@code --server.address=127.0.0.1})
     */
    public Launcher(Function<ServiceSpec, Path> jars, Path dataDir, String bootstrapServers, Path jwtPublicKey,
                    List<String> extraArgs) {
        this.jars = jars;
        this.dataDir = dataDir.toAbsolutePath().normalize();
        this.bootstrapServers = bootstrapServers;
        this.jwtPublicKey = jwtPublicKey;
        this.extraArgs = List.copyOf(extraArgs);
    }

    /** Jars by their catalog file name in one folder ({@code local-stack/target/services}). */
    public static Function<ServiceSpec, Path> jarsIn(Path dir) {
        return spec -> dir.resolve(spec.jar());
    }

    /** The state folder of an instance: {@code <dataDir>/services/<service>-<i>}. */
    public Path stateDir(ServiceSpec spec, int instance) {
        return dataDir.resolve("services").resolve(spec.instanceName(instance));
    }

    public Path logDir() {
        return dataDir.resolve("logs");
    }

    /** The program arguments of an instance, without {@code --server.port} (which {@link ServiceJvm} adds). */
    public List<String> args(ServiceSpec spec, int instance, List<String> more) {
        Path state = stateDir(spec, instance);
        String kstreams = state.resolve("kstreams").toString();
        List<String> args = new ArrayList<>(ServiceJvm.kafkaArgs(bootstrapServers));
        args.add("--spring.security.oauth2.resourceserver.jwt.public-key-location=file:"
                + jwtPublicKey.toAbsolutePath().normalize());
        args.add("--centerline.instance-id=" + spec.instanceName(instance));
        args.add("--centerline.advertised-host=localhost");
        args.add("--centerline.state-dir=" + state);
        // Kafka Streams state: spring-kafka's streams (center-, workload-service) and the Streams binder's.
        args.add("--spring.kafka.streams.state-dir=" + kstreams);
        args.add("--spring.cloud.stream.kafka.streams.binder.configuration.state.dir=" + kstreams);
        args.addAll(extraArgs);
        args.addAll(spec.args(state));
        // Spring joins a repeated --name=value with commas: a value given in `more` replaces the default instead.
        List<String> overridden = more.stream().map(Launcher::optionName).toList();
        args.removeIf(arg -> overridden.contains(optionName(arg)));
        args.addAll(more);
        return args;
    }

    private static String optionName(String arg) {
        int equals = arg.indexOf('=');
        return equals < 0 ? arg : arg.substring(0, equals);
    }

    /** Starts instance {@code instance} on its catalog port; does not wait (see {@link ServiceJvm#awaitReady}). */
    public ServiceJvm launch(ServiceSpec spec, int instance, String... more) {
        return launch(spec, instance, spec.port(instance), List.of(more));
    }

    /** Starts instance {@code instance} on {@code port}; does not wait. */
    public synchronized ServiceJvm launch(ServiceSpec spec, int instance, int port, List<String> more) {
        if (stopped) {
            throw new IllegalStateException("stopped while starting");
        }
        ServiceJvm jvm = ServiceJvm.launch(spec.instanceName(instance), jars.apply(spec), spec.jvmOptions(),
                args(spec, instance, more), logDir(), port, stateDir(spec, instance));
        running.add(jvm);
        return jvm;
    }

    /**
     * Starts {@code instances.getOrDefault(name, 1)} instances of each service at once, then waits for each to be
     * ready, telling {@code progress} as each starts and becomes ready; {@link #stopAll} may run meanwhile (Ctrl-C).
     */
    public List<ServiceJvm> startAll(List<ServiceSpec> specs, Map<String, Integer> instances, Duration readyTimeout,
                                     Consumer<String> progress) {
        List<ServiceJvm> started = new ArrayList<>();
        for (ServiceSpec spec : specs) {
            int n = instances.getOrDefault(spec.name(), 1);
            for (int i = 0; i < n; i++) {
                ServiceJvm jvm = launch(spec, i);
                started.add(jvm);
                progress.accept(String.format(Locale.ROOT, "%s starting (pid %d, port %d, log %s)", jvm.name(), jvm.pid(),
                        jvm.port(), jvm.jvm().logFile()));
            }
        }
        for (ServiceJvm jvm : started) {
            long t0 = System.nanoTime();
            awaitReady(jvm, readyTimeout);
            progress.accept(String.format(Locale.ROOT, "%s ready at %s (%.1f s)", jvm.name(), jvm.baseUrl(),
                    (System.nanoTime() - t0) / 1e9));
        }
        return started;
    }

    private void awaitReady(ServiceJvm jvm, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!jvm.ready()) {
            synchronized (this) {
                if (stopped) {
                    throw new IllegalStateException(jvm.name() + " stopped while starting");
                }
            }
            if (!jvm.alive()) {
                throw new IllegalStateException(jvm.name() + " exited with code " + jvm.jvm().exitCode()
                        + " before it was ready; see " + jvm.jvm().logFile() + "\n--- last lines ---\n" + jvm.jvm().tail(20));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(jvm.name() + " was not ready within " + timeout.toSeconds() + " s ("
                        + jvm.baseUrl() + "/actuator/health/readiness); see " + jvm.jvm().logFile()
                        + "\n--- last lines ---\n" + jvm.jvm().tail(20));
            }
            Sleep.millis(300);
        }
    }

    public synchronized List<ServiceJvm> running() {
        return List.copyOf(running);
    }

    /** Stops every instance in parallel: SIGTERM, up to {@code grace} each, then SIGKILL; idempotent. */
    public void stopAll(Duration grace) {
        List<ServiceJvm> toStop;
        synchronized (this) {
            stopped = true;
            toStop = List.copyOf(running);
            running.clear();
        }
        List<Thread> stops = new ArrayList<>();
        for (ServiceJvm jvm : toStop) {
            Thread t = new Thread(() -> jvm.stop(grace), "stop-" + jvm.name());
            t.start();
            stops.add(t);
        }
        for (Thread t : stops) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
