package org.centerline.bench;

import java.time.Duration;

/**
 * CPU time the client JVM (the pass-through, or routing-service) and the broker JVM spent on one
 * throughput run, per record. On a machine shared by broker and client this says where the cores
 * went, which the records/s alone cannot: the baseline and routing pay the same broker work.
 *
 * @param clientMicrosPerRecord CPU of the consuming and producing JVM, microseconds per record
 * @param brokerMicrosPerRecord CPU of the broker JVM, microseconds per record
 */
record CpuUse(double clientMicrosPerRecord, double brokerMicrosPerRecord) {

    /** Both JVMs' CPU so far; {@link #since} turns two of these into a {@link CpuUse}. */
    record Mark(long clientPid, long brokerPid, Duration client, Duration broker) {
        static Mark now(long clientPid, long brokerPid) {
            return new Mark(clientPid, brokerPid, cpu(clientPid), cpu(brokerPid));
        }

        CpuUse since(Mark start, long records) {
            return new CpuUse(micros(client.minus(start.client)) / records, micros(broker.minus(start.broker)) / records);
        }
    }

    /** The process's user + system CPU time, zero where the OS does not tell. */
    static Duration cpu(long pid) {
        return ProcessHandle.of(pid).flatMap(p -> p.info().totalCpuDuration()).orElse(Duration.ZERO);
    }

    private static double micros(Duration d) {
        return d.toNanos() / 1_000.0;
    }
}
