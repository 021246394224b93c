package org.centerline.bench;

import org.centerline.stackprocess.LocalStackBroker;

/** The benchmark's broker: the local stack's ({@link LocalStackBroker}), with the bench's jar and log file. */
final class BrokerProcess implements AutoCloseable {

    private final LocalStackBroker broker;

    private BrokerProcess(LocalStackBroker broker) {
        this.broker = broker;
    }

    /** Starts it and returns once it has printed {@code Centerline is up} (broker serving, topics created). */
    static BrokerProcess start(BenchWorkspace ws) {
        return new BrokerProcess(LocalStackBroker.start(ws.localStackJar(), ws.targetDir().resolve("logs/local-stack.log")));
    }

    long pid() {
        return broker.jvm().pid();
    }

    String bootstrapServers() {
        return broker.bootstrapServers();
    }

    /** Stops the local stack (it stops its broker on SIGTERM) and deletes the temp data dir. */
    @Override
    public void close() {
        broker.close();
    }
}
