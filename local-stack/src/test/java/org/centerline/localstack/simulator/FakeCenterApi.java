package org.centerline.localstack.simulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * center-service in memory, for {@link SpecialistsAtWorkTest}: rosters, queues in priority (insertion) order,
 * and the lifecycle rules of claim, decision and CF-28 answer (409 when illegal). Each call costs
 * {@code latencyNanos} of the fake clock; {@code failure} can make any call fail first.
 */
final class FakeCenterApi implements CenterApi {

    static final Set<String> OPEN = Set.of("QUEUED", "ASSIGNED", "IN_REVIEW", "CF28_ISSUED", "CF28_ANSWERED");
    static final Set<String> CLAIMABLE = Set.of("QUEUED", "ASSIGNED", "CF28_ANSWERED");
    static final Map<String, String> OUTCOME = Map.of("ACCEPT", "ACCEPTED", "CF28", "CF28_ISSUED", "CF29", "CF29_ISSUED",
            "REJECT", "REJECTED_TO_FILER");

    record Decision(String center, String entryNumber, String action, String specialistId, String reason, long at,
                    String statusBefore) {
    }

    static final class Item {
        final String entryNumber;
        String status;
        String specialistId;
        boolean wasAnswered;

        Item(String entryNumber, String status, String specialistId) {
            this.entryNumber = entryNumber;
            this.status = status;
            this.specialistId = specialistId;
        }
    }

    /** Decides, per call, whether it fails: return null to let it through. */
    interface Failure {
        CenterApiException check(String call);
    }

    final Map<String, List<Specialist>> rosters = new LinkedHashMap<>();
    final Map<String, Map<String, Item>> queues = new LinkedHashMap<>();
    final List<Decision> decisions = new ArrayList<>();
    final List<String> claims = new ArrayList<>();
    final List<String> answers = new ArrayList<>();
    final FakeClock clock;
    long latencyNanos;
    long calls;
    Failure failure = call -> null;

    FakeCenterApi(FakeClock clock) {
        this.clock = clock;
    }

    /** A Center with specialists {@code <code>-is-01..n} on duty plus one off duty, and {@code assigned} items each. */
    FakeCenterApi center(String code, int specialists, int assignedEach) {
        List<Specialist> roster = new ArrayList<>();
        for (int i = 1; i <= specialists; i++) {
            roster.add(new Specialist(code + "-is-0" + i, "Specialist " + i, "IMPORT_SPECIALIST", true));
        }
        roster.add(new Specialist(code + "-is-99", "Off duty", "ENTRY_SPECIALIST", false));
        rosters.put(code, roster);
        Map<String, Item> q = queues.computeIfAbsent(code, c -> new LinkedHashMap<>());
        for (int i = 1; i <= specialists; i++) {
            for (int n = 0; n < assignedEach; n++) {
                String entry = code.toUpperCase() + "-" + i + "-" + n;
                q.put(entry, new Item(entry, "ASSIGNED", code + "-is-0" + i));
            }
        }
        return this;
    }

    void add(String center, String entryNumber, String status, String specialistId) {
        queues.computeIfAbsent(center, c -> new LinkedHashMap<>()).put(entryNumber, new Item(entryNumber, status, specialistId));
    }

    private void call(String what) {
        calls++;
        clock.advance(latencyNanos);
        CenterApiException e = failure.check(what);
        if (e != null) {
            throw e;
        }
    }

    @Override
    public Roster roster(String centerCode) {
        call("roster");
        return new Roster(centerCode.toUpperCase(), rosters.getOrDefault(centerCode, List.of()));
    }

    @Override
    public QueuePage queue(String centerCode, String status, String specialistId, int page, int size) {
        call("queue");
        Predicate<Item> match = i -> (status == null ? OPEN.contains(i.status) : i.status.equals(status))
                && (specialistId == null || specialistId.equals(i.specialistId));
        List<WorkItem> all = queues.getOrDefault(centerCode, Map.of()).values().stream().filter(match)
                .map(i -> item(centerCode, i)).toList();
        int from = Math.min(all.size(), page * size);
        return new QueuePage(centerCode.toUpperCase(), page, size, all.size(), all.subList(from, Math.min(all.size(), from + size)));
    }

    @Override
    public WorkItem claim(String centerCode, String entryNumber, String specialistId) {
        call("claim");
        Item i = find(centerCode, entryNumber);
        if (!CLAIMABLE.contains(i.status)) {
            throw new CenterApiException(409, "not claimable: " + i.status);
        }
        i.status = "IN_REVIEW";
        i.specialistId = specialistId;
        claims.add(entryNumber);
        return item(centerCode, i);
    }

    @Override
    public WorkItem decide(String centerCode, String entryNumber, String action, String specialistId, String reason) {
        call("decide");
        Item i = find(centerCode, entryNumber);
        if (!"IN_REVIEW".equals(i.status) || !specialistId.equals(i.specialistId) || !OUTCOME.containsKey(action)) {
            throw new CenterApiException(409, "illegal decision");
        }
        decisions.add(new Decision(centerCode, entryNumber, action, specialistId, reason, clock.nanoTime(),
                i.wasAnswered ? "CF28_ANSWERED" : "ASSIGNED"));
        i.status = OUTCOME.get(action);
        return item(centerCode, i);
    }

    @Override
    public WorkItem answerCf28(String centerCode, String entryNumber, String reason) {
        call("answer");
        Item i = find(centerCode, entryNumber);
        if (!"CF28_ISSUED".equals(i.status)) {
            throw new CenterApiException(409, "not CF28_ISSUED");
        }
        i.status = "CF28_ANSWERED";
        i.wasAnswered = true;
        answers.add(entryNumber + ": " + reason);
        return item(centerCode, i);
    }

    private Item find(String centerCode, String entryNumber) {
        Item i = queues.getOrDefault(centerCode, Map.of()).get(entryNumber);
        if (i == null) {
            throw new CenterApiException(404, "no such entry " + entryNumber);
        }
        return i;
    }

    private static WorkItem item(String centerCode, Item i) {
        return new WorkItem(i.entryNumber, centerCode.toUpperCase(), i.status, i.specialistId);
    }
}
