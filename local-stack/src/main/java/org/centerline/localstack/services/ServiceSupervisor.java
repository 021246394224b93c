package org.centerline.localstack.services;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the chosen services as child JVMs, waits until each is ready, and stops them all on
 * shutdown, so no child outlives the local stack that started it.
 */
public final class ServiceSupervisor {

    private static final Logger log = LoggerFactory.getLogger(ServiceSupervisor.class);

    private final Path servicesDir;
    private final Path dataDir;
    private final String bootstrapServers;
    private final Path jwtPublicKey;
    private final List<ServiceProcess> running = new ArrayList<>();
    private boolean stopped;

    /**
     * @param servicesDir  where the services' exec jars are ({@code local-stack/target/services})
     * @param dataDir      the local stack's data folder; logs go to {@code logs/}, working dirs to {@code services/}
     * @param jwtPublicKey the PEM every service verifies bearer tokens with
     */
    public ServiceSupervisor(Path servicesDir, Path dataDir, String bootstrapServers, Path jwtPublicKey) {
        this.servicesDir = servicesDir;
        this.dataDir = dataDir;
        this.bootstrapServers = bootstrapServers;
        this.jwtPublicKey = jwtPublicKey;
    }

    /** Starts all of them at once, then waits for each to be ready; {@link #stopAll} may run meanwhile (Ctrl-C). */
    public void startAll(List<ServiceSpec> specs, Duration readyTimeout) {
        List<ServiceProcess> started = new ArrayList<>();
        for (ServiceSpec spec : specs) {
            ServiceProcess p = new ServiceProcess(spec, servicesDir.resolve(spec.jar()),
                    dataDir.resolve("logs").resolve(spec.name() + ".log"), dataDir.resolve("services").resolve(spec.name()),
                    bootstrapServers, jwtPublicKey);
            synchronized (this) {
                if (stopped) {
                    throw new IllegalStateException("stopped while starting");
                }
                p.start();
                running.add(p);
            }
            started.add(p);
            log.info("{} starting (pid {}, port {}, log {})", spec.name(), p.pid(), spec.port(), p.logFile());
        }
        for (ServiceProcess p : started) {
            long t0 = System.nanoTime();
            p.awaitReady(readyTimeout);
            log.info("{} ready at {} ({} s)", p.spec().name(), p.spec().baseUrl(),
                    String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - t0) / 1e9));
        }
    }

    public synchronized List<ServiceProcess> running() {
        return List.copyOf(running);
    }

    /** Stops every child in parallel: SIGTERM, up to {@code grace} each, then SIGKILL. */
    public void stopAll(Duration grace) {
        List<ServiceProcess> toStop;
        synchronized (this) {
            stopped = true;
            toStop = List.copyOf(running);
            running.clear();
        }
        if (toStop.isEmpty()) {
            return;
        }
        List<Thread> stops = new ArrayList<>();
        for (ServiceProcess p : toStop) {
            if (p.isAlive()) {
                log.info("stopping {} (pid {})", p.spec().name(), p.pid());
            }
            Thread t = new Thread(() -> p.stop(grace), "stop-" + p.spec().name());
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
