package org.centerline.localstack.simulator;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.centerline.localstack.simulator.CenterApi.Specialist;
import org.centerline.localstack.simulator.CenterApi.WorkItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulated specialists' calls to center-service ({@link CenterApi}) with what a client around them needs:
 * the on-duty rosters cached for 30 s, a decision whose answer got lost kept and tried first once the service
 * answers again, a 409 counted as normal, any other failure counted and warned about (at most one warning per
 * 30 s, under {@link SpecialistsAtWork}'s logger), and no answer at all ending the step ({@link Unreachable}).
 */
final class CenterClient {

    private static final Logger log = LoggerFactory.getLogger(SpecialistsAtWork.class);

    static final long ROSTER_TTL_NANOS = TimeUnit.SECONDS.toNanos(30);
    static final long WARN_EVERY_NANOS = TimeUnit.SECONDS.toNanos(30);
    static final int PAGE_SIZE = 10;
    /** At most this many lost decisions are kept for a retry. */
    static final int MAX_UNDECIDED = 100;

    private final CenterApi api;
    private final Pacer.Clock clock;
    private final SpecialistCounters counters;
    private final Map<String, CachedRoster> rosters = new HashMap<>();
    /** Items this simulator claimed whose decision failed with no answer: decided first when the service is back. */
    private final Deque<Claimed> undecided = new ArrayDeque<>();
    private long lastWarn = Long.MIN_VALUE;
    private long suppressedWarnings;

    CenterClient(CenterApi api, Pacer.Clock clock, SpecialistCounters counters) {
        this.api = api;
        this.clock = clock;
        this.counters = counters;
    }

    /** The Center's specialists on duty, from a roster at most 30 s old. */
    List<Specialist> onDuty(String center) {
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

    /** The first page of the Center's items in this status (of this specialist when not null). */
    List<WorkItem> queue(String center, String status, String specialistId) {
        return api.queue(center, status, specialistId, 0, PAGE_SIZE).items();
    }

    /** The Center's queues, for {@link ReviewPolicy#pick}. */
    ReviewPolicy.Queues queues(String center) {
        return (status, specialistId) -> queue(center, status, specialistId);
    }

    /**
     * Claims the item for the specialist; on failure counts (and warns about) it, and when there was no answer keeps
     * the item to decide first once the service is back (the claim may have gone through).
     *
     * @return whether the claim was taken
     */
    boolean claim(String center, String entryNumber, String specialistId) {
        try {
            api.claim(center, entryNumber, specialistId);
            counters.claimedOne();
            return true;
        } catch (CenterApiException e) {
            if (e.status() < 0) {
                remember(center, entryNumber, specialistId);
            }
            failed(e, "claim of " + entryNumber);
            return false;
        }
    }

    /** Decides a claimed item; with no answer the item is kept and decided first once the service is back. */
    void decide(String center, String entryNumber, String specialistId, ReviewPolicy.Verdict verdict) {
        decide(center, entryNumber, specialistId, verdict, false);
    }

    /** Whether a decision that got no answer waits to be made again. */
    boolean hasUndecided() {
        return !undecided.isEmpty();
    }

    /** Makes the oldest lost decision again (kept for another try only if there is again no answer). */
    void decideUndecided(ReviewPolicy.Verdict verdict) {
        Claimed c = undecided.peekFirst();
        decide(c.center(), c.entryNumber(), c.specialistId(), verdict, true);
    }

    /** An importer's answer to an open CF-28. */
    void answerCf28(String center, String entryNumber, String answer) {
        api.answerCf28(center, entryNumber, answer);
        counters.answeredOneCf28();
    }

    private void decide(String center, String entryNumber, String specialistId, ReviewPolicy.Verdict verdict, boolean retry) {
        try {
            api.decide(center, entryNumber, verdict.action().name(), specialistId, verdict.reason());
            counters.decidedOne(verdict.action());
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
        if (undecided.size() < MAX_UNDECIDED) {
            undecided.addLast(new Claimed(center, entryNumber, specialistId));
        }
    }

    /** 409 is counted as normal; no answer ends the step ({@link Unreachable}); anything else is counted and warned about. */
    void failed(CenterApiException e, String what) {
        if (e.conflict()) {
            counters.conflict();
            return;
        }
        counters.error();
        warn("specialists: " + what + " failed: " + e.getMessage());
        if (e.status() < 0) {
            rosters.clear();
            throw new Unreachable();
        }
    }

    /** Logs the warning unless one was logged in the last 30 s; then counts it for the next one to mention. */
    void warn(String message) {
        long now = clock.nanoTime();
        if (lastWarn != Long.MIN_VALUE && now - lastWarn < WARN_EVERY_NANOS) {
            suppressedWarnings++;
            return;
        }
        log.warn("{}{}", message, suppressedWarnings > 0 ? " (and " + suppressedWarnings + " more failures since the last warning)" : "");
        lastWarn = now;
        suppressedWarnings = 0;
    }

    private record Claimed(String center, String entryNumber, String specialistId) {
    }

    private record CachedRoster(List<Specialist> onDuty, long fetchedAt) {
    }

    /** center-service did not answer at all: end this step and rest. */
    static final class Unreachable extends RuntimeException {
        Unreachable() {
            super(null, null, false, false);
        }
    }
}
