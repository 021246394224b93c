package org.centerline.center.queue;

/** A running count (and the workload points it carries) in the {@code center-tallies} store. */
public record Tally(long count, double points) {

    public Tally plus(long n, double p) {
        return new Tally(count + n, points + p);
    }
}
