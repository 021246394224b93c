package org.centerline.localstack.simulator;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.centerline.contracts.center.Centers;
import org.centerline.contracts.event.Decision;
import org.centerline.localstack.simulator.CenterApi.Specialist;
import org.centerline.localstack.simulator.CenterApi.WorkItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays the Centers' specialists against center-service's HTTP API, so queued work moves on in a running
 * stack: at a set pace ({@link Pacer}), spread over the ten Centers, an on-duty specialist picks an item, claims it
 * and decides it, and now and then an importer answers an open CF-28. This class is only the loop that wires the
 * parts: {@link ReviewPolicy} says what is picked and decided, {@link CenterClient} makes the calls (rosters,
 * retries, throttled warnings), {@link SpecialistCounters} counts and writes the progress line.
 * <p>
 * When no Center has anything to do, or center-service does not answer, it rests {@value #IDLE_BACKOFF_SECONDS} s
 * before looking again.
 */
public final class SpecialistsAtWork {

    private static final Logger log = LoggerFactory.getLogger(SpecialistsAtWork.class);

    static final int IDLE_BACKOFF_SECONDS = 5;
    static final long IDLE_BACKOFF_NANOS = TimeUnit.SECONDS.toNanos(IDLE_BACKOFF_SECONDS);

    private final List<String> centers;
    private final double decisionsPerMinute;
    private final long intervalNanos;
    private final Pacer.Clock clock;
    private final Duration progressEvery;
    private final ReviewPolicy policy;
    private final SpecialistCounters counters = new SpecialistCounters();
    private final CenterClient client;

    private int cursor;
    private volatile boolean stopped;
    private final CountDownLatch finished = new CountDownLatch(1);

    /**
     * @param decisionsPerMinute the pace (&gt; 0): claim-and-decide steps per minute over all Centers
     * @param progressEvery      how often to print its own progress line, or null when another line carries
     *                           {@link #progress()} (the filing simulator's)
     */
    public SpecialistsAtWork(CenterApi api, double decisionsPerMinute, long seed, Duration progressEvery) {
        this(api, Centers.all().stream().map(c -> c.code().toLowerCase(Locale.ROOT)).toList(), decisionsPerMinute,
                new Random(seed), Pacer.Clock.SYSTEM, progressEvery);
    }

    SpecialistsAtWork(CenterApi api, List<String> centerCodes, double decisionsPerMinute, Random random,
                      Pacer.Clock clock, Duration progressEvery) {
        if (!(decisionsPerMinute > 0)) {
            throw new IllegalArgumentException("decisionsPerMinute must be > 0: " + decisionsPerMinute);
        }
        if (centerCodes.isEmpty()) {
            throw new IllegalArgumentException("no Centers");
        }
        this.centers = List.copyOf(centerCodes);
        this.decisionsPerMinute = decisionsPerMinute;
        this.intervalNanos = Math.max(1, (long) (60e9 / decisionsPerMinute));
        this.clock = clock;
        this.progressEvery = progressEvery;
        this.policy = new ReviewPolicy(random);
        this.client = new CenterClient(api, clock, counters);
        this.cursor = policy.firstCenter(centers.size());
    }

    /** Works until {@link #stop()}; blocks the calling thread. */
    public void run() {
        log.info("specialists at work: {} decisions/min over {} Centers", fmt(decisionsPerMinute), centers.size());
        try {
            Pacer pacer = new Pacer(clock, intervalNanos, Math.max(TimeUnit.SECONDS.toNanos(2), intervalNanos), progressEvery);
            while (!stopped) {
                if (pacer.progressDue()) {
                    log.info(progress());
                }
                if (!pacer.stepDue()) {
                    continue;
                }
                boolean worked;
                try {
                    worked = step();
                } catch (RuntimeException e) {
                    // an answer we did not expect (a field missing, say): warn, rest, go on
                    counters.error();
                    client.warn("specialists: step failed: " + e);
                    worked = false;
                }
                pacer.stepped();
                if (!worked) {
                    counters.idleRound();
                    pacer.rest(IDLE_BACKOFF_NANOS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.error("specialists stopped: {}", e.toString(), e);
        } finally {
            if (progressEvery != null) {
                log.info(progress());
            }
            finished.countDown();
        }
    }

    /** Asks {@link #run()} to finish and waits up to 15 s for it (a request in flight times out within 10 s). */
    public void stop() {
        requestStop();
        try {
            finished.await(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void requestStop() {
        stopped = true;
    }

    /**
     * One paced step: decide a left-over claim, or (now and then) answer a CF-28, then claim and decide one item
     * at the next Center that has work, trying each Center at most once.
     *
     * @return false when there was nothing to do anywhere, or center-service did not answer
     */
    boolean step() {
        try {
            if (client.hasUndecided()) {
                client.decideUndecided(policy.verdict());
                return true;
            }
            if (policy.answerACf28Now()) {
                answerOneCf28(centers.get(cursor));
            }
            for (int i = 0; i < centers.size() && !stopped; i++) {
                String center = centers.get(cursor);
                cursor = (cursor + 1) % centers.size();
                if (workAt(center)) {
                    return true;
                }
            }
            return false;
        } catch (CenterClient.Unreachable e) {
            return false;
        }
    }

    /** Claims and decides one item at this Center; false when it had nothing for an on-duty specialist (or failed). */
    private boolean workAt(String center) {
        ReviewPolicy.Pick pick;
        try {
            List<Specialist> onDuty = client.onDuty(center);
            if (onDuty.isEmpty()) {
                return false;
            }
            pick = policy.pick(onDuty, client.queues(center));
        } catch (CenterApiException e) {
            client.failed(e, "looking for work at " + center.toUpperCase(Locale.ROOT));
            return false;
        }
        if (pick == null) {
            return false;
        }
        if (client.claim(center, pick.item().entryNumber(), pick.specialistId())) {
            client.decide(center, pick.item().entryNumber(), pick.specialistId(), policy.verdict());
        }
        return true; // the step was used, even by a failed claim
    }

    private void answerOneCf28(String center) {
        try {
            List<WorkItem> open = client.queue(center, "CF28_ISSUED", null);
            if (open.isEmpty()) {
                return;
            }
            WorkItem item = policy.cf28ToAnswer(open);
            client.answerCf28(center, item.entryNumber(), policy.cf28Answer());
        } catch (CenterApiException e) {
            client.failed(e, "CF-28 answer at " + center.toUpperCase(Locale.ROOT));
        }
    }

    /** e.g. {@code specialists: claimed 57, decided 55 (accept 44, CF-28 6, CF-29 2, reject 3), CF-28 answered 4, conflicts 2}. */
    public String progress() {
        return counters.progress();
    }

    public long claimed() {
        return counters.claimed();
    }

    public long decided(Decision action) {
        return counters.decided(action);
    }

    public long decidedTotal() {
        return counters.decidedTotal();
    }

    public long cf28Answered() {
        return counters.cf28Answered();
    }

    public long conflicts() {
        return counters.conflicts();
    }

    public long errors() {
        return counters.errors();
    }

    /** Steps that found nothing to do anywhere (each followed by a rest). */
    public long idleRounds() {
        return counters.idleRounds();
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.format(Locale.ROOT, "%.1f", d);
    }
}
