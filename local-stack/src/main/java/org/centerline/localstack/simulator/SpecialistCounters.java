package org.centerline.localstack.simulator;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.centerline.contracts.event.Decision;

/**
 * What the simulated specialists have done so far, and the progress text that says it: counted from the
 * simulator's thread, read from any (the filing simulator's progress line, tests), so every count is atomic.
 */
final class SpecialistCounters {

    private final AtomicLong claimed = new AtomicLong();
    private final Map<Decision, AtomicLong> decided = new EnumMap<>(Decision.class);
    private final AtomicLong cf28Answered = new AtomicLong();
    private final AtomicLong conflicts = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong idleRounds = new AtomicLong();

    SpecialistCounters() {
        for (Decision d : Decision.values()) {
            decided.put(d, new AtomicLong());
        }
    }

    void claimedOne() {
        claimed.incrementAndGet();
    }

    void decidedOne(Decision action) {
        decided.get(action).incrementAndGet();
    }

    void answeredOneCf28() {
        cf28Answered.incrementAndGet();
    }

    void conflict() {
        conflicts.incrementAndGet();
    }

    void error() {
        errors.incrementAndGet();
    }

    void idleRound() {
        idleRounds.incrementAndGet();
    }

    /** e.g. {@code specialists: claimed 57, decided 55 (accept 44, CF-28 6, CF-29 2, reject 3), CF-28 answered 4, conflicts 2}. */
    String progress() {
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

    long claimed() {
        return claimed.get();
    }

    long decided(Decision action) {
        return decided.get(action).get();
    }

    long decidedTotal() {
        return decided.values().stream().mapToLong(AtomicLong::get).sum();
    }

    long cf28Answered() {
        return cf28Answered.get();
    }

    long conflicts() {
        return conflicts.get();
    }

    long errors() {
        return errors.get();
    }

    long idleRounds() {
        return idleRounds.get();
    }
}
