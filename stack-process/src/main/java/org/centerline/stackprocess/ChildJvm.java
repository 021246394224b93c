package org.centerline.stackprocess;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One child JVM ({@code java <opts> -jar <jar> <args>}) with its output in a log file: what the benchmark and the
 * fault tests run Centerline's parts as, so that each can be stopped (SIGTERM, then SIGKILL) or killed outright.
 */
public final class ChildJvm implements AutoCloseable {

    private final String name;
    private final Path logFile;
    private final Process process;
    private final Thread stopWithUs;

    private ChildJvm(String name, Path logFile, Process process) {
        this.name = name;
        this.logFile = logFile;
        this.process = process;
        this.stopWithUs = new Thread(this::close, name + "-stop");
    }

    /** Starts {@code java jvmOptions -jar jar args}, stdout and stderr to {@code logFile}; a shutdown hook stops it with us. */
    public static ChildJvm start(String name, List<String> jvmOptions, Path jar, List<String> args, Path logFile) {
        return start(name, jvmOptions, jar, args, logFile, null);
    }

    /** The command line {@link #start} runs: {@code <java> jvmOptions -jar jar args}. */
    public static List<String> command(List<String> jvmOptions, Path jar, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        cmd.add("-jar");
        cmd.add(jar.toString());
        cmd.addAll(args);
        return cmd;
    }

    /** As {@link #start(String, List, Path, List, Path)}, in {@code workDir} (created; null: this JVM's working dir). */
    public static ChildJvm start(String name, List<String> jvmOptions, Path jar, List<String> args, Path logFile, Path workDir) {
        List<String> cmd = command(jvmOptions, jar, args);
        try {
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            Files.writeString(logFile, String.join(" ", cmd) + System.lineSeparator(), StandardCharsets.UTF_8);
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            if (workDir != null) {
                Files.createDirectories(workDir);
                pb.directory(workDir.toFile());
            }
            Process p = pb.start();
            ChildJvm child = new ChildJvm(name, logFile, p);
            Runtime.getRuntime().addShutdownHook(child.stopWithUs);
            return child;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public boolean alive() {
        return process.isAlive();
    }

    public Path logFile() {
        return logFile;
    }

    /** The log so far (empty if unreadable). */
    public String log() {
        try {
            return Files.readString(logFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** Fails with the last lines of its log if the child has exited. */
    public void requireAlive() {
        if (!process.isAlive()) {
            throw new IllegalStateException(name + " exited with " + process.exitValue() + "; its log: " + logFile
                    + "\n" + tail(30));
        }
    }

    /** The last {@code n} lines of its log. */
    public String tail(int n) {
        List<String> lines = log().lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - n), lines.size()));
    }

    /** Peak resident set size of the child in bytes ({@code VmHWM} of /proc/<pid>/status), or -1 where there is no /proc. */
    public long peakRssBytes() {
        return procStatusKb("VmHWM:") * 1024;
    }

    /** Resident set size of the child now, in bytes ({@code VmRSS}), or -1 where there is no /proc. */
    public long rssBytes() {
        return procStatusKb("VmRSS:") * 1024;
    }

    private long procStatusKb(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.substring(field.length()).replace("kB", "").trim());
                }
            }
        } catch (IOException | NumberFormatException e) {
            // no /proc (not Linux) or the process is gone
        }
        return -1;
    }

    /** {@code kill -9}: SIGKILL, no shutdown hooks, no goodbye; returns once the process is gone. */
    public void kill() {
        process.destroyForcibly();
        awaitExit(30);
        forgetHook();
    }

    /** Whether it exited on its own or was stopped; its exit code then (-1 while it runs). */
    public int exitCode() {
        return process.isAlive() ? -1 : process.exitValue();
    }

    /** SIGTERM, up to 20 s, then SIGKILL; idempotent. */
    @Override
    public void close() {
        stop(20);
    }

    /** SIGTERM, up to {@code graceSeconds}, then SIGKILL; idempotent. */
    public void stop(int graceSeconds) {
        if (process.isAlive()) {
            process.destroy();
            if (!awaitExit(graceSeconds)) {
                process.destroyForcibly();
                awaitExit(10);
            }
        }
        forgetHook();
    }

    private boolean awaitExit(int seconds) {
        try {
            return process.waitFor(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void forgetHook() {
        if (Thread.currentThread() == stopWithUs) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(stopWithUs);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to; nothing to forget
        }
    }
}
