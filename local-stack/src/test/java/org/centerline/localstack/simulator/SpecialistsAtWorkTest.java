package org.centerline.localstack.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.centerline.contracts.event.Decision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The specialists simulator against an in-memory center-service and a fake clock: minutes of simulated time
 * run in milliseconds, and a loop that spun without sleeping would hit the timeout instead of passing.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class SpecialistsAtWorkTest {

    static final List<String> CENTERS = List.of("agr", "aft", "aut", "bme", "cpm", "ele", "imm", "mac", "png", "phc");

    private final FakeClock clock = new FakeClock();
    private final FakeCenterApi api = new FakeCenterApi(clock);

    private SpecialistsAtWork runFor(double perMinute, double seconds) {
        SpecialistsAtWork s = new SpecialistsAtWork(api, CENTERS, perMinute, new Random(42), clock, null);
        clock.endAfterSeconds(seconds, s::requestStop);
        s.run();
        return s;
    }

    @Test
    void decisionMixAndSpreadOverCenters() {
        CENTERS.forEach(c -> api.center(c, 3, 400));
        api.latencyNanos = TimeUnit.MILLISECONDS.toNanos(1);

        SpecialistsAtWork s = runFor(600, 600); // 10 minutes at 600/min

        long total = s.decidedTotal();
        assertThat(total).isBetween(5_950L, 6_001L);
        assertThat(api.decisions).hasSize((int) total);
        assertThat(share(s, Decision.ACCEPT, total)).isCloseTo(0.80, within(0.02));
        assertThat(share(s, Decision.CF28, total)).isCloseTo(0.10, within(0.015));
        assertThat(share(s, Decision.CF29, total)).isCloseTo(0.04, within(0.01));
        assertThat(share(s, Decision.REJECT, total)).isCloseTo(0.06, within(0.012));
        assertThat(s.claimed()).isEqualTo(total);
        assertThat(s.conflicts()).isZero();
        assertThat(s.errors()).isZero();

        // every Center gets its share, and each decision is made by the specialist the item was assigned to
        Map<String, Long> byCenter = api.decisions.stream()
                .collect(Collectors.groupingBy(FakeCenterApi.Decision::center, Collectors.counting()));
        assertThat(byCenter).containsOnlyKeys(CENTERS);
        byCenter.values().forEach(n -> assertThat(n).isBetween(total / 10 - 5, total / 10 + 5));
        api.decisions.stream().filter(d -> d.statusBefore().equals("ASSIGNED")).forEach(d -> {
            String owner = d.center() + "-is-0" + d.entryNumber().split("-")[1];
            assertThat(d.specialistId()).isEqualTo(owner);
        });
        assertThat(api.decisions).allSatisfy(d -> {
            assertThat(d.reason()).isNotBlank().hasSizeLessThan(80);
            assertThat(d.specialistId()).doesNotEndWith("-99"); // never the one off duty
        });
        assertThat(api.decisions).filteredOn(d -> d.action().equals("CF28"))
                .allSatisfy(d -> assertThat(d.reason()).startsWith("CF-28"));

        // CF-28s get answered now and then, and answered items are claimed and decided again
        assertThat(s.cf28Answered()).isBetween(300L, 700L);
        assertThat(api.decisions).anyMatch(d -> d.statusBefore().equals("CF28_ANSWERED"));
        assertThat(s.progress()).isEqualTo("specialists: claimed " + total + ", decided " + total
                + " (accept " + s.decided(Decision.ACCEPT) + ", CF-28 " + s.decided(Decision.CF28) + ", CF-29 "
                + s.decided(Decision.CF29) + ", reject " + s.decided(Decision.REJECT) + "), CF-28 answered "
                + s.cf28Answered() + ", conflicts 0");
    }

    @Test
    void keepsThePace() {
        CENTERS.forEach(c -> api.center(c, 2, 50));
        api.latencyNanos = TimeUnit.MILLISECONDS.toNanos(3);

        SpecialistsAtWork s = runFor(60, 300); // 5 minutes at one a second

        assertThat(s.decidedTotal()).isBetween(298L, 301L);
        long[] at = api.decisions.stream().mapToLong(FakeCenterApi.Decision::at).toArray();
        long tenSeconds = TimeUnit.SECONDS.toNanos(10);
        for (int i = 0, j = 0; i < at.length; i++) {
            while (at[i] - at[j] >= tenSeconds) {
                j++;
            }
            assertThat(i - j + 1).as("decisions within 10 s up to #%d", i).isLessThanOrEqualTo(11);
        }
    }

    @Test
    void emptyQueuesAreLookedAtEveryFewSecondsNotInALoop() {
        CENTERS.forEach(c -> api.center(c, 3, 0)); // staff, no work; API calls take no time at all

        SpecialistsAtWork s = runFor(6_000, 600);

        assertThat(s.decidedTotal()).isZero();
        assertThat(s.claimed()).isZero();
        long rounds = 600 / SpecialistsAtWork.IDLE_BACKOFF_SECONDS;
        assertThat(s.idleRounds()).isBetween(rounds - 2, rounds + 1);
        // each round looks at every Center once: roster (cached 30 s) and at most four queue pages, plus a CF-28 look
        assertThat(api.calls).isLessThan((rounds + 1) * (CENTERS.size() * 5 + 1));
        assertThat(clock.sleeps).isGreaterThan(0);
    }

    @Test
    void noOneOnDutyIsIdleToo() {
        CENTERS.forEach(c -> api.rosters.put(c, List.of(new CenterApi.Specialist(c + "-x", "Away", "IMPORT_SPECIALIST", false))));
        CENTERS.forEach(c -> api.add(c, c + "-1", "QUEUED", null));

        SpecialistsAtWork s = runFor(60, 120);

        assertThat(s.claimed()).isZero();
        assertThat(s.idleRounds()).isBetween(20L, 25L);
    }

    @Test
    void takesQueuedAndAnsweredWorkWhenNothingIsAssigned() {
        api.center("ele", 2, 0);
        api.add("ele", "Q-1", "QUEUED", null);
        api.add("ele", "A-1", "CF28_ANSWERED", "ele-is-02");

        SpecialistsAtWork s = new SpecialistsAtWork(api, List.of("ele"), 60, new Random(7), clock, null);
        clock.endAfterSeconds(10, s::requestStop);
        s.run();

        assertThat(api.claims).startsWith("A-1", "Q-1");
        assertThat(api.decisions.get(0).specialistId()).isEqualTo("ele-is-02"); // its earlier reviewer, on duty
        assertThat(api.queues.get("ele").get("Q-1").status).isNotEqualTo("QUEUED");
    }

    @Test
    void conflictsAreNormalAndOtherFailuresDoNotStopIt() {
        CENTERS.forEach(c -> api.center(c, 3, 100));
        int[] n = {0};
        api.failure = call -> {
            n[0]++;
            if (call.equals("claim") && n[0] % 5 == 0) {
                return new CenterApiException(409, "someone else was first");
            }
            if (call.equals("queue") && n[0] % 7 == 0) {
                return new CenterApiException(500, "GET /api/centers/x/queue answered 500: Internal Server Error");
            }
            if (call.equals("decide") && n[0] % 11 == 0) {
                return new CenterApiException(503, "busy");
            }
            return null;
        };

        SpecialistsAtWork s = runFor(60, 120);

        assertThat(s.conflicts()).isGreaterThan(5);
        assertThat(s.errors()).isGreaterThan(5);
        assertThat(s.decidedTotal()).isGreaterThan(60);
        assertThat(s.progress()).contains(", conflicts " + s.conflicts()).endsWith(", errors " + s.errors());
    }

    @Test
    void restsWhileTheServiceDoesNotAnswerAndDecidesItsClaimWhenItIsBack() {
        CENTERS.forEach(c -> api.center(c, 1, 10));
        api.latencyNanos = TimeUnit.MILLISECONDS.toNanos(1);
        boolean[] down = {false};
        long[] decides = {0};
        api.failure = call -> {
            if (call.equals("decide") && ++decides[0] == 3) {
                down[0] = true; // the third decision's request gets no answer, and the service is gone
            }
            return down[0] ? new CenterApiException("GET ...: java.net.ConnectException", new java.net.ConnectException()) : null;
        };
        SpecialistsAtWork s = new SpecialistsAtWork(api, CENTERS, 60, new Random(1), clock, null);
        clock.endAfterSeconds(60, () -> { // back after a minute; stop half a minute later
            down[0] = false;
            clock.endAfterSeconds(30, s::requestStop);
        });
        s.run();

        // down for a minute: one failed call per rest, not a storm
        assertThat(s.errors()).isBetween(10L, 14L);
        // the claim whose decision got no answer is decided first once the service answers
        String stuck = api.claims.get(2);
        assertThat(api.decisions.get(2).entryNumber()).isEqualTo(stuck);
        assertThat(s.decidedTotal()).isGreaterThan(25);
        assertThat(s.conflicts()).isZero();
    }

    private static double share(SpecialistsAtWork s, Decision a, long total) {
        return (double) s.decided(a) / total;
    }
}
