package org.centerline.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * CPU time the client JVM (the pass-through, or routing-service) and the broker JVM spent on one
 * throughput run, per record. On a machine shared by broker and client this says where the cores
 * went, which the records/s alone cannot: the baseline and routing pay the same broker work.
 * The client's share spent by its JIT compiler threads is given apart: a JVM still compiling its
 * hot code in the timed run pays for it there, and the run says how much (Linux only; zero elsewhere).
 *
 * @param clientMicrosPerRecord CPU of the consuming and producing JVM, microseconds per record
 * @param brokerMicrosPerRecord CPU of the broker JVM, microseconds per record
 * @param clientJitMicrosPerRecord of {@code clientMicrosPerRecord}, what its C1 and C2 compiler threads spent
 */
record CpuUse(double clientMicrosPerRecord, double brokerMicrosPerRecord, double clientJitMicrosPerRecord) {

    /** Both JVMs' CPU so far; {@link #since} turns two of these into a {@link CpuUse}. */
    record Mark(long clientPid, long brokerPid, Duration client, Duration broker, Duration clientJit) {
        static Mark now(long clientPid, long brokerPid) {
            return new Mark(clientPid, brokerPid, cpu(clientPid), cpu(brokerPid), jit(clientPid));
        }

        CpuUse since(Mark start, long records) {
            return new CpuUse(micros(client.minus(start.client)) / records, micros(broker.minus(start.broker)) / records,
                    micros(clientJit.minus(start.clientJit)) / records);
        }
    }

    /** The process's user + system CPU time, zero where the OS does not tell. */
    static Duration cpu(long pid) {
        return ProcessHandle.of(pid).flatMap(p -> p.info().totalCpuDuration()).orElse(Duration.ZERO);
    }

    /**
     * CPU time of the process's JIT compiler threads so far ({@code C1 CompilerThre...}, {@code C2 CompilerThre...}
     * in {@code /proc/<pid>/task/<tid>/comm}; nanoseconds on a CPU from {@code schedstat}); zero where there is no /proc.
     * A compiler thread that ended is no longer counted, so this can fall: {@link Mark#since} then says less, never more.
     */
    static Duration jit(long pid) {
        Path tasks = Path.of("/proc", String.valueOf(pid), "task");
        if (!Files.isDirectory(tasks)) {
            return Duration.ZERO;
        }
        long nanos = 0;
        try (Stream<Path> threads = Files.list(tasks)) {
            for (Path thread : (Iterable<Path>) threads::iterator) {
                try {
                    String name = Files.readString(thread.resolve("comm")).strip();
                    if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
                        nanos += Long.parseLong(Files.readString(thread.resolve("schedstat")).strip().split(" ")[0]);
                    }
                } catch (IOException | RuntimeException e) {
                    // The thread ended while we read it.
                }
            }
        } catch (IOException e) {
            return Duration.ZERO;
        }
        return Duration.ofNanos(nanos);
    }

    private static double micros(Duration d) {
        return d.toNanos() / 1_000.0;
    }
}
