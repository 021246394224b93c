package org.centerline.localstack.simulator;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.centerline.contracts.center.Centers;
import org.centerline.contracts.event.Decision;
import org.centerline.localstack.simulator.CenterApi.QueuePage;
import org.centerline.localstack.simulator.CenterApi.Specialist;
import org.centerline.localstack.simulator.CenterApi.WorkItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays the Centers' specialists against center-service's HTTP API, so queued work moves on in a running
 * stack: at a set pace, spread over the ten Centers, an on-duty specialist takes one of their ASSIGNED items
 * (an answered CF-28 comes first; without either, someone else's ASSIGNED item or a QUEUED one), claims it and
 * decides: ACCEPT about 80 %,
 * CF28 10 %, CF29 4 %, REJECT 6 %, each with a short reason. Now and then an importer answers an open CF-28.
 * <p>
 * A 409 (someone else was first, or the move is not legal any more) is normal and counted; any other failure
 * is counted and warned about (at most one warning per 30 s) and the work goes on. When no Center has anything
 * to do, or center-service does not answer, it rests {@value #IDLE_BACKOFF_SECONDS} s before looking again.
 */
public final class SpecialistsAtWork {

    private static final Logger log = LoggerFactory.getLogger(SpecialistsAtWork.class);

    /** How often (percent) a specialist decides each way, and the reasons they give. */
    record Habit(int percent, List<String> reasons) {
    }

    /** contracts' {@link Decision}s with how often each is taken (percent, 100 in all) and its reasons. */
    static final Map<Decision, Habit> HABITS = new EnumMap<>(Map.of(
            Decision.ACCEPT, new Habit(80, List.of("classification and value verified", "accepted as filed",
                    "documents support the declared HTS numbers", "origin and value consistent with the invoice")),
            Decision.CF28, new Habit(10, List.of("CF-28: send the commercial invoice and packing list",
                    "CF-28: mill certificate needed for the steel lines", "CF-28: explain the related-party pricing",
                    "CF-28: confirm the country of origin")),
            Decision.CF29, new Habit(4, List.of("CF-29: rate advance, HTS classification to be changed",
                    "CF-29: value advance, assists not declared", "CF-29: Section 301 duty not declared")),
            Decision.REJECT, new Habit(6, List.of("rejected to filer: importer bond not on file",
                    "rejected to filer: HTS number not valid on the entry date",
                    "rejected to filer: AD/CVD case number missing"))));

    static final int IDLE_BACKOFF_SECONDS = 5;
    static final long IDLE_BACKOFF_NANOS = TimeUnit.SECONDS.toNanos(IDLE_BACKOFF_SECONDS);
    static final long ROSTER_TTL_NANOS = TimeUnit.SECONDS.toNanos(30);
    static final long WARN_EVERY_NANOS = TimeUnit.SECONDS.toNanos(30);
    /** Share of paced steps that also answer one open CF-28 (about as many as get issued). */
    static final double CF28_ANSWER_CHANCE = 0.1;
    static final int PAGE_SIZE = 10;
    static final List<String> CF28_ANSWERS = List.of("importer answered", "importer answered: invoice and packing list sent",
            "broker answered for the importer");

    private final CenterApi api;
    private final List<String> centers;
    private final double decisionsPerMinute;
    private final long intervalNanos;
    private final Random random;
    private final Pacer.Clock clock;
    private final Duration progressEvery;

    private final AtomicLong claimed = new AtomicLong();
    private final Map<Decision, AtomicLong> decided = new EnumMap<>(Decision.class);
    private final AtomicLong cf28Answered = new AtomicLong();
    private final AtomicLong conflicts = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong idleRounds = new AtomicLong();

    private final Map<String, CachedRoster> rosters = new HashMap<>();
    /** Items this simulator claimed whose decision failed with no answer: decided first when the service is back. */
    private final Deque<Claimed> undecided = new ArrayDeque<>();
    private int cursor;
    private long lastWarn = Long.MIN_VALUE;
    private long suppressedWarnings;
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

    SpecialistsAtWork(CenterApi api, List<String> centerCodes, double decisionsPerMinute, Random random, Pacer.Clock clock,
                      Duration progressEvery) {
        if (!(decisionsPerMinute > 0)) {
            throw new IllegalArgumentException("decisionsPerMinute must be > 0: " + decisionsPerMinute);
        }
        if (centerCodes.isEmpty()) {
            throw new IllegalArgumentException("no Centers");
        }
        this.api = api;
        this.centers = List.copyOf(centerCodes);
        this.decisionsPerMinute = decisionsPerMinute;
        this.intervalNanos = Math.max(1, (long) (60e9 / decisionsPerMinute));
        this.random = random;
        this.clock = clock;
        this.progressEvery = progressEvery;
        for (Decision d : Decision.values()) {
            decided.put(d, new AtomicLong());
        }
        this.cursor = random.nextInt(centers.size());
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
                    errors.incrementAndGet();
                    warn("specialists: step failed: " + e);
                    worked = false;
                }
                pacer.stepped();
                if (!worked) {
                    idleRounds.incrementAndGet();
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
            if (!undecided.isEmpty()) {
                Claimed c = undecided.peekFirst();
                decide(c.center(), c.entryNumber(), c.specialistId(), true);
                return true;
            }
            if (random.nextDouble() < CF28_ANSWER_CHANCE) {
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
        } catch (Unreachable e) {
            return false;
        }
    }

    /** Claims and decides one item at this Center; false when it had nothing for an on-duty specialist (or failed). */
    private boolean workAt(String center) {
        List<Specialist> onDuty;
        Pick pick;
        try {
            onDuty = onDuty(center);
            if (onDuty.isEmpty()) {
                return false;
            }
            pick = pick(center, onDuty);
        } catch (CenterApiException e) {
            failed(e, "looking for work at " + center.toUpperCase(Locale.ROOT));
            return false;
        }
        if (pick == null) {
            return false;
        }
        try {
            api.claim(center, pick.item().entryNumber(), pick.specialistId());
            claimed.incrementAndGet();
        } catch (CenterApiException e) {
            if (e.status() < 0) {
                // no answer: the claim may have gone through; the decision is tried first when the service is back
                remember(center, pick.item().entryNumber(), pick.specialistId());
            }
            failed(e, "claim of " + pick.item().entryNumber());
            return true; // the step was used
        }
        decide(center, pick.item().entryNumber(), pick.specialistId(), false);
        return true;
    }

    /**
     * An answered CF-28 first (back to review: its earlier reviewer if on duty, else the chosen specialist); else a
     * random on-duty specialist's own ASSIGNED item; else anyone on duty's ASSIGNED item; else the first QUEUED one.
     */
    private Pick pick(String center, List<Specialist> onDuty) {
        Specialist s = onDuty.get(random.nextInt(onDuty.size()));
        List<WorkItem> answered = api.queue(center, "CF28_ANSWERED", null, 0, PAGE_SIZE).items();
        if (!answered.isEmpty()) {
            WorkItem item = answered.get(0);
            return new Pick(item, isOnDuty(item.specialistId(), onDuty) ? item.specialistId() : s.id());
        }
        List<WorkItem> own = api.queue(center, "ASSIGNED", s.id(), 0, PAGE_SIZE).items();
        if (!own.isEmpty()) {
            return new Pick(own.get(0), s.id());
        }
        for (WorkItem item : api.queue(center, "ASSIGNED", null, 0, PAGE_SIZE).items()) {
            if (isOnDuty(item.specialistId(), onDuty)) {
                return new Pick(item, item.specialistId());
            }
        }
        List<WorkItem> queued = api.queue(center, "QUEUED", null, 0, PAGE_SIZE).items();
        return queued.isEmpty() ? null : new Pick(queued.get(0), s.id());
    }

    private static boolean isOnDuty(String specialistId, List<Specialist> onDuty) {
        return specialistId != null && onDuty.stream().anyMatch(o -> o.id().equals(specialistId));
    }

    private void decide(String center, String entryNumber, String specialistId, boolean retry) {
        Decision action = draw();
        List<String> reasons = HABITS.get(action).reasons();
        String reason = reasons.get(random.nextInt(reasons.size()));
        try {
            api.decide(center, entryNumber, action.name(), specialistId, reason);
            decided.get(action).incrementAndGet();
            if (retry) {
                undecided.pollFirst();
            }
        } catch (CenterApiException e) {
            if (e.status() < 0) {
                // no answer: the item may be ours and IN_REVIEW; decide it first once the service answers again
                if (!retry) {
                    remember(center, entryNumber, specialistId);
                }
            } else if (retry) {
                undecided.pollFirst();
            }
            failed(e, "decision on " + entryNumber);
        }
    }

    private void remember(String center, String entryNumber, String specialistId) {
        if (undecided.size() < 100) {
            undecided.addLast(new Claimed(center, entryNumber, specialistId));
        }
    }

    private void answerOneCf28(String center) {
        try {
            List<WorkItem> open = api.queue(center, "CF28_ISSUED", null, 0, PAGE_SIZE).items();
            if (open.isEmpty()) {
                return;
            }
            WorkItem item = open.get(random.nextInt(open.size()));
            api.answerCf28(center, item.entryNumber(), CF28_ANSWERS.get(random.nextInt(CF28_ANSWERS.size())));
            cf28Answered.incrementAndGet();
        } catch (CenterApiException e) {
            failed(e, "CF-28 answer at " + center.toUpperCase(Locale.ROOT));
        }
    }

    private List<Specialist> onDuty(String center) {
        long now = clock.nanoTime();
        CachedRoster cached = rosters.get(center);
        if (cached == null || now - cached.fetchedAt() > ROSTER_TTL_NANOS) {
            List<Specialist> working = new ArrayList<>();
            for (Specialist s : api.roster(center).specialists()) {
                if (s.working()) {
                    working.add(s);
                }
            }
            cached = new CachedRoster(List.copyOf(working), now);
            rosters.put(center, cached);
        }
        return cached.onDuty();
    }

    Decision draw() {
        int r = random.nextInt(100);
        for (Map.Entry<Decision, Habit> habit : HABITS.entrySet()) {
            r -= habit.getValue().percent();
            if (r < 0) {
                return habit.getKey();
            }
        }
        return Decision.ACCEPT;
    }

    /** 409 is counted as normal; no answer ends the step ({@link Unreachable}); anything else is counted and warned about. */
    private void failed(CenterApiException e, String what) {
        if (e.conflict()) {
            conflicts.incrementAndGet();
            return;
        }
        errors.incrementAndGet();
        warn("specialists: " + what + " failed: " + e.getMessage());
        if (e.status() < 0) {
            rosters.clear();
            throw new Unreachable();
        }
    }

    private void warn(String message) {
        long now = clock.nanoTime();
        if (lastWarn != Long.MIN_VALUE && now - lastWarn < WARN_EVERY_NANOS) {
            suppressedWarnings++;
            return;
        }
        log.warn("{}{}", message, suppressedWarnings > 0 ? " (and " + suppressedWarnings + " more failures since the last warning)" : "");
        lastWarn = now;
        suppressedWarnings = 0;
    }

    /** e.g. {@code specialists: claimed 57, decided 55 (accept 44, CF-28 6, CF-29 2, reject 3), CF-28 answered 4, conflicts 2}. */
    public String progress() {
        StringBuilder sb = new StringBuilder("specialists: claimed ").append(claimed.get())
                .append(", decided ").append(decidedTotal())
                .append(" (accept ").append(decided(Decision.ACCEPT))
                .append(", CF-28 ").append(decided(Decision.CF28))
                .append(", CF-29 ").append(decided(Decision.CF29))
                .append(", reject ").append(decided(Decision.REJECT))
                .append("), CF-28 answered ").append(cf28Answered.get())
                .append(", conflicts ").append(conflicts.get());
        if (errors.get() > 0) {
            sb.append(", errors ").append(errors.get());
        }
        return sb.toString();
    }

    public long claimed() {
        return claimed.get();
    }

    public long decided(Decision action) {
        return decided.get(action).get();
    }

    public long decidedTotal() {
        return decided.values().stream().mapToLong(AtomicLong::get).sum();
    }

    public long cf28Answered() {
        return cf28Answered.get();
    }

    public long conflicts() {
        return conflicts.get();
    }

    public long errors() {
        return errors.get();
    }

    /** Steps that found nothing to do anywhere (each followed by a rest). */
    public long idleRounds() {
        return idleRounds.get();
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.format(Locale.ROOT, "%.1f", d);
    }

    private record Pick(WorkItem item, String specialistId) {
    }

    private record Claimed(String center, String entryNumber, String specialistId) {
    }

    private record CachedRoster(List<Specialist> onDuty, long fetchedAt) {
    }

    /** center-service did not answer at all: end this step and rest. */
    private static final class Unreachable extends RuntimeException {
        Unreachable() {
            super(null, null, false, false);
        }
    }
}
