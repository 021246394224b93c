package org.centerline.localstack.simulator;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The simulators' pace: one step every {@code interval}, measured from a start so that rounding never drifts;
 * a pacer that fell behind by more than {@code maxLag} (slow answers, a pause) goes on at the pace from now instead of
 * bursting to catch up; it waits in slices of at most 200 ms so a stop is seen quickly; and it says when a progress
 * line is due. {@link FilingSimulator} and {@link SpecialistsAtWork} share it.
 */
final class Pacer {

    static final long MAX_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    /** Time, so tests can run minutes of it in milliseconds. */
    interface Clock {
        long nanoTime();

        void sleepNanos(long nanos) throws InterruptedException;

        Clock SYSTEM = new Clock() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public void sleepNanos(long nanos) throws InterruptedException {
                LockSupport.parkNanos(nanos);
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
            }
        };
    }

    private final Clock clock;
    private final long intervalNanos;
    private final long maxLagNanos;
    private final long progressNanos;
    private long t0;
    private long steps;
    private long nextProgress;

    /** @param progressEvery how often {@link #progressDue()} says yes; null for never */
    Pacer(Clock clock, long intervalNanos, long maxLagNanos, Duration progressEvery) {
        this.clock = clock;
        this.intervalNanos = Math.max(1, intervalNanos);
        this.maxLagNanos = maxLagNanos;
        this.progressNanos = progressEvery == null ? 0 : progressEvery.toNanos();
        this.t0 = clock.nanoTime();
        this.nextProgress = t0 + progressNanos;
    }

    /** True (once per period) when a progress line is due. */
    boolean progressDue() {
        if (progressNanos <= 0 || clock.nanoTime() < nextProgress) {
            return false;
        }
        nextProgress += progressNanos;
        return true;
    }

    /**
     * True when the next step is due (then take it and call {@link #stepped()}); otherwise waits up to 200 ms toward
     * it and answers false, so the caller checks whether it was stopped and asks again.
     */
    boolean stepDue() throws InterruptedException {
        long now = clock.nanoTime();
        long due = t0 + steps * intervalNanos;
        if (now < due) {
            clock.sleepNanos(Math.min(due - now, MAX_PARK_NANOS));
            return false;
        }
        if (now - due > maxLagNanos) {
            t0 = now;
            steps = 0;
        }
        return true;
    }

    /** A step was taken. */
    void stepped() {
        steps++;
    }

    /** Nothing to do: the next step is due no sooner than {@code nanos} (or one interval) from now. */
    void rest(long nanos) {
        t0 = clock.nanoTime() + Math.max(nanos, intervalNanos);
        steps = 0;
    }
}
