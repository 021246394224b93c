package org.centerline.localstack.simulator;

/** Time that only moves when someone sleeps or an API call costs some; stops the simulator at a set end. */
final class FakeClock implements Pacer.Clock {

    private long now = 1_000_000_000L;
    private long end = Long.MAX_VALUE;
    private Runnable atEnd = () -> { };
    long sleeps;

    @Override
    public long nanoTime() {
        return now;
    }

    @Override
    public void sleepNanos(long nanos) {
        sleeps++;
        advance(nanos);
    }

    void advance(long nanos) {
        now += nanos;
        if (now >= end) {
            atEnd.run();
        }
    }

    /** Calls {@code atEnd} once time passes {@code seconds} from now. */
    void endAfterSeconds(double seconds, Runnable atEnd) {
        this.end = now + (long) (seconds * 1e9);
        this.atEnd = atEnd;
    }
}
