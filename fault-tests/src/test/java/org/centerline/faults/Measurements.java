package org.centerline.faults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/** What a fault test measured, printed and appended to {@code target/fault-tests/measurements.txt} for the record. */
final class Measurements {

    private final String test;

    Measurements(String test) {
        this.test = test;
    }

    void say(String format, Object... args) {
        String line = "fault-tests: " + test + ": " + String.format(Locale.ROOT, format, args);
        System.out.println(line);
        try {
            Path file = FaultStack.outputDir().resolve("measurements.txt");
            Files.createDirectories(file.getParent());
            Files.writeString(file, line + System.lineSeparator(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            System.err.println("fault-tests: cannot write measurements: " + e);
        }
    }

    static String mib(long bytes) {
        return bytes < 0 ? "n/a" : String.format(Locale.ROOT, "%.0f MiB", bytes / 1048576.0);
    }

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
