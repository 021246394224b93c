package org.centerline.localstack.broker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node KRaft Kafka broker (broker and controller in one), run in this JVM so the local
 * stack needs neither Docker nor a Kafka install, and can stop it cleanly.
 */
public final class EmbeddedBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedBroker.class);

    private final Path logDir;
    private final int port;
    private final int controllerPort;
    private KafkaRaftServer server;
    private boolean formatted;

    /**
     * @param logDir         Kafka's {@code log.dirs}; kept between runs, formatted on first use
     * @param port           the PLAINTEXT (client) port on localhost
     * @param controllerPort the KRaft CONTROLLER port on localhost
     */
    public EmbeddedBroker(Path logDir, int port, int controllerPort) {
        this.logDir = logDir.toAbsolutePath().normalize();
        this.port = port;
        this.controllerPort = controllerPort;
    }

    /** The broker's configuration: one node that is broker and controller, auto-create off, replication 1. */
    public Properties config() {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.bootstrap.servers", "localhost:" + controllerPort);
        p.setProperty("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://localhost:" + port);
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("log.dirs", logDir.toString());
        p.setProperty("auto.create.topics.enable", "false");
        p.setProperty("num.partitions", "1");
        p.setProperty("default.replication.factor", "1");
        p.setProperty("min.insync.replicas", "1");
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("offsets.topic.num.partitions", "10");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("transaction.state.log.num.partitions", "10");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        p.setProperty("share.coordinator.state.topic.num.partitions", "3");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        return p;
    }

    /** Formats the log directory if it has no meta.properties yet, then starts the broker and waits until it serves. */
    public synchronized void start() {
        if (server != null) {
            throw new IllegalStateException("broker already started");
        }
        checkPortFree(port, "Kafka port (--kafka-port)");
        checkPortFree(controllerPort, "controller port (--controller-port)");
        checkNotLocked();
        Properties config = config();
        formatIfNeeded(config);
        KafkaRaftServer s = new KafkaRaftServer(new KafkaConfig(config, false), Time.SYSTEM);
        try {
            s.startup();
        } catch (RuntimeException e) {
            quietly(s);
            throw new IllegalStateException("Kafka broker did not start on localhost:" + port + " / controller " + controllerPort
                    + " (port in use? another local stack on " + logDir + "?): " + e.getMessage(), e);
        }
        server = s;
    }

    /** Stops the broker and waits for it; a no-op if it is not running. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        KafkaRaftServer s = server;
        server = null;
        s.shutdown();
        s.awaitShutdown();
    }

    @Override
    public void close() {
        stop();
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    public Path logDir() {
        return logDir;
    }

    /** Whether the last {@link #start()} formatted fresh storage (first run, or after a reset). */
    public boolean formatted() {
        return formatted;
    }

    private void formatIfNeeded(Properties config) {
        formatted = false;
        if (Files.isRegularFile(logDir.resolve("meta.properties"))) {
            return;
        }
        Path cfg = null;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Files.createDirectories(logDir);
            cfg = Files.createTempFile("centerline-kafka-", ".properties");
            try (OutputStream os = Files.newOutputStream(cfg)) {
                config.store(os, "centerline local-stack broker");
            }
            int rc;
            try (PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8)) {
                rc = StorageTool.execute(new String[] {"format", "--standalone", "--ignore-formatted",
                        "-t", Uuid.randomUuid().toString(), "-c", cfg.toString()}, ps);
            }
            if (rc != 0) {
                throw new IllegalStateException("formatting Kafka storage in " + logDir + " failed (" + rc + "): " + out);
            }
            formatted = true;
            log.debug("{}", out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare Kafka storage in " + logDir, e);
        } catch (RuntimeException e) {
            if (e instanceof IllegalStateException) {
                throw e;
            }
            throw new IllegalStateException("formatting Kafka storage in " + logDir + " failed: " + e.getMessage() + " " + out, e);
        } finally {
            if (cfg != null) {
                try {
                    Files.deleteIfExists(cfg);
                } catch (IOException ignored) {
                    // a temp file; the OS cleans up
                }
            }
        }
    }

    /** Kafka halts the JVM when it cannot bind, so check first and fail with a message instead. */
    private static void checkPortFree(int port, String what) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress("localhost", port));
        } catch (IOException e) {
            throw new IllegalStateException(what + " " + port + " on localhost is in use (another local stack running?"
                    + " see: ss -ltnp 'sport = :" + port + "')");
        }
    }

    /** Another broker holding this log dir would make Kafka fail with a stack trace; say it plainly. */
    private void checkNotLocked() {
        Path lock = logDir.resolve(".lock");
        if (!Files.exists(lock)) {
            return;
        }
        try (FileChannel ch = FileChannel.open(lock, StandardOpenOption.WRITE)) {
            FileLock l = ch.tryLock();
            if (l == null) {
                throw new IllegalStateException("another Kafka broker (another local stack?) is using " + logDir);
            }
            l.release();
        } catch (OverlappingFileLockException e) {
            throw new IllegalStateException("a broker in this JVM is already using " + logDir);
        } catch (IOException e) {
            // cannot tell; Kafka will check again
        }
    }

    private static void quietly(KafkaRaftServer s) {
        try {
            s.shutdown();
            s.awaitShutdown();
        } catch (RuntimeException ignored) {
            // already failing; the start error is the one to report
        }
    }
}
