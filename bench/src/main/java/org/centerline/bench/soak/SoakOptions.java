package org.centerline.bench.soak;

import java.util.Locale;

/**
 * {@code bench.jar soak [--records N] [--instances N] [--checkpoint N] [--seed N]}.
 *
 * @param records    filings to publish (default 1,000,000: about a week of national volume)
 * @param instances  instances of each service (default 1)
 * @param checkpoint measure memory after every this many filings, and at the end (default 100,000)
 */
public record SoakOptions(long records, int instances, long checkpoint, long seed, boolean help) {

    public static final String USAGE = """
            Usage: java -jar bench/target/bench.jar soak [options]
              --records N      filings to publish onto entry-summaries.filed (default 1000000; ~3 % invalid, ~1 % re-filings)
              --instances N    instances of each service (default 1)
              --checkpoint N   heap after GC and RSS of every service after every N filings and at the end (default 100000)
              --seed N         seed of the generated filings (default 7)
            Starts the local stack's broker and the four services (no simulator) under bench/target/soak/, measures,
            prints a table and writes bench/target/soak-<timestamp>.md.""";

    public static SoakOptions parse(String[] args) {
        long records = 1_000_000;
        int instances = 1;
        long checkpoint = 100_000;
        long seed = 7;
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
            long v;
            try {
                v = Long.parseLong(value.trim().replace("_", ""));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " must be a whole number: '" + value + "'");
            }
            switch (name) {
                case "--records" -> records = positive(name, v);
                case "--instances" -> instances = (int) Math.min(9, positive(name, v));
                case "--checkpoint" -> checkpoint = positive(name, v);
                case "--seed" -> seed = v;
                default -> throw new IllegalArgumentException("unknown option '" + name + "'");
            }
        }
        return new SoakOptions(records, instances, Math.min(checkpoint, records), seed, help);
    }

    private static long positive(String name, long v) {
        if (v < 1) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s must be at least 1: %d", name, v));
        }
        return v;
    }
}
