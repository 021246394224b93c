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
}
