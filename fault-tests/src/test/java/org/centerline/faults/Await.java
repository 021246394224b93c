package org.centerline.faults;

import java.time.Duration;
import java.util.function.Supplier;
import org.centerline.stackprocess.Sleep;

/** Polling until the system shows what a test expects, with the last difference in the failure when it never does. */
final class Await {

    private Await() {
    }

    /**
     * Polls {@code difference} (null when everything matches) every {@code every} until it answers null, then checks it
     * keeps answering null for {@code stableFor} (so a late duplicate still shows up).
     */
    static void untilMatches(String what, Duration timeout, Duration every, Duration stableFor, Supplier<String> difference) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last;
        while ((last = difference.get()) != null) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + ": not reached within " + timeout.toSeconds() + " s; last difference: " + last);
            }
            Sleep.millis(every.toMillis());
        }
        long stableUntil = System.nanoTime() + stableFor.toNanos();
        while (System.nanoTime() < stableUntil) {
            Sleep.millis(every.toMillis());
            String later = difference.get();
            if (later != null) {
                throw new AssertionError(what + ": matched, then changed: " + later);
            }
        }
    }

    /** Polls {@code get} every 200 ms until {@code done} holds for its value, which it returns; the last value in the failure. */
    static <T> T until(Supplier<T> get, java.util.function.Predicate<T> done, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last = null;
        while (System.nanoTime() < deadline) {
            try {
                last = get.get();
                if (done.test(last)) {
                    return last;
                }
            } catch (RuntimeException notYet) {
                last = null;
            }
            Sleep.millis(200);
        }
        throw new AssertionError("not reached within " + timeout.toSeconds() + " s; last: " + last);
    }
}
