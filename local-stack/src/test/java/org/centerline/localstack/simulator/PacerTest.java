package org.centerline.localstack.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PacerTest {

    private static final long SECOND = 1_000_000_000L;

    private final FakeClock clock = new FakeClock();

    /** Steps taken over the given seconds of fake time. */
    private static int stepsOver(Pacer pacer, FakeClock clock, double seconds) throws InterruptedException {
        long end = clock.nanoTime() + (long) (seconds * SECOND);
        int steps = 0;
        while (clock.nanoTime() < end) {
            if (pacer.stepDue()) {
                steps++;
                pacer.stepped();
            }
        }
        return steps;
    }

    @Test
    void keepsThePaceWithoutDrift() throws InterruptedException {
        Pacer pacer = new Pacer(clock, SECOND / 10, SECOND, null);
        assertThat(stepsOver(pacer, clock, 60)).isBetween(600, 601);
        assertThat(pacer.progressDue()).as("no progress period").isFalse();
    }

    @Test
    void aPacerFarBehindGoesOnFromNowInsteadOfBursting() throws InterruptedException {
        Pacer pacer = new Pacer(clock, SECOND / 10, SECOND, null);
        assertThat(stepsOver(pacer, clock, 1)).isBetween(10, 11);
        clock.advance(30 * SECOND); // a pause: 300 steps behind
        assertThat(stepsOver(pacer, clock, 1)).as("one second's steps, not 300 more").isBetween(10, 12);
    }

    @Test
    void restingPostponesTheNextStepAndProgressIsDueOncePerPeriod() throws InterruptedException {
        Pacer pacer = new Pacer(clock, SECOND / 10, SECOND, Duration.ofSeconds(10));
        assertThat(pacer.stepDue()).isTrue();
        pacer.stepped();
        pacer.rest(5 * SECOND);
        assertThat(stepsOver(pacer, clock, 4.9)).isZero();
        assertThat(stepsOver(pacer, clock, 1)).as("then the pace again").isBetween(9, 11);
        clock.advance(5 * SECOND);
        assertThat(pacer.progressDue()).isTrue();
        assertThat(pacer.progressDue()).isFalse();
    }
}
