package org.centerline.bench.soak;

import org.centerline.bench.CommandLineFlags;

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
        // records, instances, checkpoint, seed
        long[] v = {1_000_000, 1, 100_000, 7};
        boolean help = CommandLineFlags.read(args, (name, value) -> {
            switch (name) {
                case "--records" -> v[0] = CommandLineFlags.number(name, value, 1, Long.MAX_VALUE);
                case "--instances" -> v[1] = CommandLineFlags.number(name, value, 1, 9);
                case "--checkpoint" -> v[2] = CommandLineFlags.number(name, value, 1, Long.MAX_VALUE);
                case "--seed" -> v[3] = CommandLineFlags.number(name, value, Long.MIN_VALUE, Long.MAX_VALUE);
                default -> throw new IllegalArgumentException("unknown option '" + name + "'");
            }
        });
        return new SoakOptions(v[0], (int) v[1], Math.min(v[2], v[0]), v[3], help);
    }
}
