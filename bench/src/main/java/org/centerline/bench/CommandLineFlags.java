package org.centerline.bench;

import java.util.function.BiConsumer;

/**
 * Reads {@code --name value} and {@code --name=value} flags, and {@code --help}/{@code -h}, for the benchmark's
 * and the soak run's options; mistakes are IllegalArgumentExceptions with a message for the user.
 */
public final class CommandLineFlags {

    private CommandLineFlags() {
    }

    /** Calls {@code flag} with each flag's name and value, in order; returns whether help was asked for. */
    public static boolean read(String[] args, BiConsumer<String, String> flag) {
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            String value = null;
            int eq = name.indexOf('=');
            if (name.startsWith("--") && eq > 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (name.equals("--help") || name.equals("-h")) {
                help = true;
                continue;
            }
            if (value == null) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(name + " needs a value");
                }
                value = args[++i];
            }
            flag.accept(name, value);
        }
        return help;
    }

    /** A whole number between {@code min} and {@code max} ({@code _} allowed as a separator). */
    public static long number(String name, String value, long min, long max) {
        long n;
        try {
            n = Long.parseLong(value.trim().replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number: '" + value + "'");
        }
        if (n < min || n > max) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ": " + value);
        }
        return n;
    }
}
