package org.centerline.bench;

/** Thread.sleep that turns an interrupt into an unchecked failure (the benchmark is being stopped). */
final class Sleep {

    private Sleep() {
    }

    static void millis(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
