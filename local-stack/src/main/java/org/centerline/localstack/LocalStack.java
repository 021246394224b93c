package org.centerline.localstack;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.centerline.contracts.topic.Topics;
import org.centerline.localstack.broker.EmbeddedBroker;
import org.centerline.localstack.security.LocalIssuer;
import org.centerline.localstack.security.MintedStaffTokens;
import org.centerline.localstack.security.ReadyTokens;
import org.centerline.localstack.security.TokenCommand;
import org.centerline.localstack.simulator.FilingSimulator;
import org.centerline.localstack.simulator.HttpCenterApi;
import org.centerline.localstack.simulator.SpecialistsAtWork;
import org.centerline.localstack.topics.TopicCreator;
import org.centerline.stackprocess.Launcher;
import org.centerline.stackprocess.ServiceCatalog;
import org.centerline.stackprocess.ServiceJvm;
import org.centerline.stackprocess.ServiceSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one command of the local stack: starts the broker, creates the topics, starts the services (trusting the
 * local token issuer) and the simulator, prints ready-made tokens, and on Ctrl-C or SIGTERM stops them all in
 * reverse order. {@code token} and {@code tokens} as first argument run {@link TokenCommand} instead.
 */
public final class LocalStack {

    private static final Logger log = LoggerFactory.getLogger(LocalStack.class);
    static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    static final Duration STOP_GRACE = Duration.ofSeconds(20);
    static final Duration BROKER_STOP_TIMEOUT = Duration.ofSeconds(30);
    static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);
    /** The token files are written again this often, so they always hold tokens valid for hours more. */
    static final Duration TOKEN_RENEWAL = Duration.ofHours(1);

    private final Options options;
    private final Object lock = new Object();
    private EmbeddedBroker broker;
    private Launcher supervisor;
    private FilingSimulator simulator;
    private SpecialistsAtWork specialists;
    private LocalIssuer issuer;
    private ScheduledExecutorService tokenRenewal;
    private boolean stopping;

    public LocalStack(Options options) {
        this.options = options;
    }

    public static void main(String[] args) {
        if (TokenCommand.handles(args)) {
            System.exit(TokenCommand.run(args, Workspace.detect(), System.out, System.err));
            return;
        }
        Options options;
        try {
            options = Options.parse(args, Workspace.detect());
        } catch (IllegalArgumentException e) {
            System.err.println("local-stack: " + e.getMessage());
            System.err.println(Options.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.println(Options.USAGE);
            return;
        }
        LocalStack stack = new LocalStack(options);
        Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "local-stack-shutdown"));
        try {
            stack.start();
        } catch (RuntimeException e) {
            if (stack.stopping()) {
                return; // Ctrl-C while starting: the shutdown hook is already stopping what was started
            }
            log.error("Centerline did not start: {}", e.getMessage());
            log.debug("start failure", e);
            System.exit(1);
        }
        stack.runSimulatorUntilStopped();
    }

    /**
     * Token issuer, broker, topics, services; returns when everything is ready and the "Centerline is up" line and
     * the ready-made tokens are printed.
     */
    public void start() {
        long t0 = System.nanoTime();
        LocalIssuer tokens = LocalIssuer.open(options.dataDir());
        ReadyTokens ready = tokens.writeTokenFiles();
        synchronized (lock) {
            if (stopping) {
                return;
            }
            issuer = tokens;
            tokenRenewal = renewTokenFilesHourly(tokens);
        }
        EmbeddedBroker b = new EmbeddedBroker(options.kafkaDataDir(), options.kafkaPort(), options.controllerPort());
        synchronized (lock) {
            if (stopping) {
                return;
            }
            broker = b;
        }
        b.start();
        log.info("Kafka broker up at {} in {} (KRaft, data in {}{})", b.bootstrapServers(), since(t0), b.logDir(),
                b.formatted() ? ", storage formatted" : "");

        long t1 = System.nanoTime();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, b.bootstrapServers(),
                AdminClientConfig.CLIENT_ID_CONFIG, "local-stack-topics"))) {
            TopicCreator.Result r = TopicCreator.ensure(admin, Topics.all());
            log.info("topics ready: {} ({} created, {} existed) in {}", r.total(), r.created().size(), r.existing().size(),
                    since(t1));
        }

        Launcher s = new Launcher(Launcher.jarsIn(options.servicesDir()), options.dataDir(), b.bootstrapServers(),
                tokens.publicKey(), java.util.List.of());
        synchronized (lock) {
            if (stopping) {
                return;
            }
            supervisor = s;
        }
        PrometheusTargets.write(options.dataDir(), options.services(), options.instances());
        java.util.List<ServiceJvm> started = s.startAll(options.services(), options.instances(), READY_TIMEOUT, log::info);
        if (stopping()) {
            return;
        }

        StringJoiner up = new StringJoiner(" | ");
        up.add("Kafka " + b.bootstrapServers());
        for (ServiceJvm service : started) {
            up.add(service.name() + " " + service.baseUrl() + " (health " + service.baseUrl() + "/actuator/health)");
        }
        log.info("Centerline is up in {}: {}", since(t0), up);
        log.info("logs in {}, Ctrl-C stops everything", options.dataDir().resolve("logs"));
        printTokens(ready);
    }

    /** The ready-made tokens as in tokens.env (copy a line, or source the file), and the rebalance view's URL. */
    private void printTokens(ReadyTokens ready) {
        log.info("every API needs a bearer token; tokens for each role, valid {} h, are in {} (source it; renewed hourly):",
                LocalIssuer.TOKEN_LIFETIME.toHours(), ready.file());
        System.out.print(ready.envText());
        System.out.flush();
        ServiceCatalog.find(options.services(), ServiceCatalog.WORKLOAD_SERVICE).ifPresent(workload -> {
            log.info("rebalance view: {}/#token={}", workload.baseUrl(), ready.token("OPS_TOKEN"));
            log.info("  as ELE's director (the what-if too): {}/#token={}", workload.baseUrl(), ready.token("DIRECTOR_TOKEN"));
        });
        log.info("Prometheus scrapes with {}; another token: java -jar local-stack/target/local-stack.jar token --help",
                issuer.prometheusTokenFile());
    }

    private static ScheduledExecutorService renewTokenFilesHourly(LocalIssuer tokens) {
        ScheduledExecutorService renewal = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "token-renewal");
            t.setDaemon(true);
            return t;
        });
        long every = TOKEN_RENEWAL.toMinutes();
        renewal.scheduleAtFixedRate(() -> {
            try {
                tokens.writeTokenFiles();
            } catch (RuntimeException e) {
                log.warn("could not renew the token files: {}", e.toString());
            }
        }, every, every, TimeUnit.MINUTES);
        return renewal;
    }

    /**
     * Starts the specialists on their own thread (when center-service runs), then runs the filing simulator on this
     * thread (or just waits, without one) until the JVM is shut down.
     */
    public void runSimulatorUntilStopped() {
        SpecialistsAtWork spec = null;
        if (options.specialists()) {
            ServiceSpec center = ServiceCatalog.find(options.services(), ServiceCatalog.CENTER_SERVICE).orElseThrow();
            // with filings, their counts ride on the filing simulator's progress line; alone, they print their own
            // they call center-service as themselves: a token per specialist, and the Center's director for the rest
            spec = new SpecialistsAtWork(new HttpCenterApi(center.baseUrl(), new MintedStaffTokens(issuer)),
                    options.decisionsPerMinute(), options.seed() ^ 0x5DEECE66DL, options.simulator() ? null : PROGRESS_EVERY);
            synchronized (lock) {
                if (stopping) {
                    return;
                }
                specialists = spec;
            }
            Thread t = new Thread(spec::run, "specialists-at-work");
            t.setDaemon(true);
            t.start();
        } else if (options.decisionsPerMinute() > 0 && !options.services().isEmpty()) {
            log.info("specialists off: center-service is not running");
        }
        if (options.simulator()) {
            FilingSimulator sim = new FilingSimulator(broker.bootstrapServers(), options.rate(), options.seed(),
                    options.invalidShare(), PROGRESS_EVERY, spec == null ? null : spec::progress);
            synchronized (lock) {
                if (stopping) {
                    return;
                }
                simulator = sim;
            }
            sim.run();
        } else {
            log.info("filing simulator off");
        }
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the simulators, then the services (SIGTERM, up to 20 s, then SIGKILL), then the broker; idempotent. */
    public void stop() {
        FilingSimulator sim;
        SpecialistsAtWork spec;
        Launcher sup;
        EmbeddedBroker b;
        ScheduledExecutorService renewal;
        synchronized (lock) {
            if (stopping) {
                return;
            }
            stopping = true;
            sim = simulator;
            spec = specialists;
            sup = supervisor;
            b = broker;
            renewal = tokenRenewal;
        }
        if (renewal != null) {
            renewal.shutdownNow();
        }
        long t0 = System.nanoTime();
        log.info("stopping Centerline");
        if (spec != null) {
            spec.stop();
        }
        if (sim != null) {
            sim.stop();
        }
        if (sup != null) {
            sup.stopAll(STOP_GRACE);
        }
        if (b != null) {
            stopBroker(b);
        }
        log.info("Centerline stopped in {}", since(t0));
    }

    /** Kafka's controlled shutdown can wait minutes if something is badly wrong; do not hang Ctrl-C on it. */
    private static void stopBroker(EmbeddedBroker b) {
        Thread t = new Thread(() -> {
            try {
                b.stop();
            } catch (RuntimeException e) {
                log.warn("broker stop: {}", e.toString());
            }
        }, "broker-stop");
        t.setDaemon(true);
        t.start();
        try {
            t.join(BROKER_STOP_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (t.isAlive()) {
            log.warn("the broker did not stop within {} s; exiting anyway (Kafka recovers its logs on the next start)",
                    BROKER_STOP_TIMEOUT.toSeconds());
        }
    }

    private boolean stopping() {
        synchronized (lock) {
            return stopping;
        }
    }

    private static String since(long startNanos) {
        return String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - startNanos) / 1e9);
    }
}
