package org.centerline.localstack.simulator;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.centerline.contracts.event.Decision;
import org.centerline.localstack.simulator.CenterApi.Specialist;
import org.centerline.localstack.simulator.CenterApi.WorkItem;

/**
 * What a simulated specialist picks and decides, kept apart from the HTTP calls so the habits can be read and
 * tested on their own: which item a specialist takes (an answered CF-28 first, then their own ASSIGNED item,
 * then anyone on duty's ASSIGNED item, then a QUEUED one), which decision they make (ACCEPT about 80 %, CF28
 * 10 %, CF29 4 %, REJECT 6 %, each with a short reason), and when and how an importer answers an open CF-28.
 * Every choice draws from one {@link Random}, so a seed replays the same run.
 */
final class ReviewPolicy {

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

    /** Share of paced steps that also answer one open CF-28 (about as many as get issued). */
    static final double CF28_ANSWER_CHANCE = 0.1;
    static final List<String> CF28_ANSWERS = List.of("importer answered", "importer answered: invoice and packing list sent",
            "broker answered for the importer");

    /** One page of a Center's queue in a status (and of one specialist when specialistId is not null). */
    @FunctionalInterface
    interface Queues {
        List<WorkItem> items(String status, String specialistId);
    }

    /** The item a specialist takes, and who takes it. */
    record Pick(WorkItem item, String specialistId) {
    }

    /** A decision and the reason given for it. */
    record Verdict(Decision action, String reason) {
    }

    private final Random random;

    ReviewPolicy(Random random) {
        this.random = random;
    }

    /** Where the round over the Centers starts. */
    int firstCenter(int centers) {
        return random.nextInt(centers);
    }

    /** Whether this step also answers one open CF-28. */
    boolean answerACf28Now() {
        return random.nextDouble() < CF28_ANSWER_CHANCE;
    }

    /** The open CF-28 an importer answers (open is not empty). */
    WorkItem cf28ToAnswer(List<WorkItem> open) {
        return open.get(random.nextInt(open.size()));
    }

    /** The importer's answer to a CF-28. */
    String cf28Answer() {
        return CF28_ANSWERS.get(random.nextInt(CF28_ANSWERS.size()));
    }

    /**
     * An answered CF-28 first (back to review: its earlier reviewer if on duty, else the chosen specialist); else a
     * random on-duty specialist's own ASSIGNED item; else anyone on duty's ASSIGNED item; else the first QUEUED one.
     * Queues are read lazily, in that order, only as far as needed.
     *
     * @param onDuty not empty
     * @return null when the Center has nothing for them
     */
    Pick pick(List<Specialist> onDuty, Queues queues) {
        Specialist s = onDuty.get(random.nextInt(onDuty.size()));
        List<WorkItem> answered = queues.items("CF28_ANSWERED", null);
        if (!answered.isEmpty()) {
            WorkItem item = answered.get(0);
            return new Pick(item, isOnDuty(item.specialistId(), onDuty) ? item.specialistId() : s.id());
        }
        List<WorkItem> own = queues.items("ASSIGNED", s.id());
        if (!own.isEmpty()) {
            return new Pick(own.get(0), s.id());
        }
        for (WorkItem item : queues.items("ASSIGNED", null)) {
            if (isOnDuty(item.specialistId(), onDuty)) {
                return new Pick(item, item.specialistId());
            }
        }
        List<WorkItem> queued = queues.items("QUEUED", null);
        return queued.isEmpty() ? null : new Pick(queued.get(0), s.id());
    }

    /** A decision drawn by {@link #HABITS}' shares, with one of its reasons. */
    Verdict verdict() {
        Decision action = draw();
        List<String> reasons = HABITS.get(action).reasons();
        return new Verdict(action, reasons.get(random.nextInt(reasons.size())));
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

    private static boolean isOnDuty(String specialistId, List<Specialist> onDuty) {
        return specialistId != null && onDuty.stream().anyMatch(o -> o.id().equals(specialistId));
    }
}
