package org.centerline.center.queue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.centerline.contracts.event.EntryStatus;
import org.centerline.contracts.event.Specialist;
import org.centerline.contracts.event.StaffingRoster;

/**
 * Gives work to specialists: a new item when it arrives, and waiting ({@code QUEUED}) items when
 * someone comes on duty, read from the head of the queue index in priority order, a bounded batch at a
 * time (the rest on the next event or safety punctuation): never a scan of the Center's items.
 */
final class Assignment {

    private final ItemIndex items;
    private final RosterBook rosters;
    private final StatusEvents events;
    private final int batch;

    Assignment(ItemIndex items, RosterBook rosters, StatusEvents events, int batch) {
        this.items = items;
        this.rosters = rosters;
        this.events = events;
        this.batch = batch;
    }

    /** Assigns one QUEUED item if anyone is on duty; returns whether it was. */
    boolean tryAssign(WorkItem item, StaffingRoster roster, Instant now) {
        Map<String, Double> points = new HashMap<>();
        Optional<Specialist> chosen = SpecialistAssigner.choose(roster, item.predominantChapter(),
                id -> points.computeIfAbsent(id, s -> items.openPoints(item.centerCode(), s)));
        chosen.ifPresent(s -> {
            WorkItem assigned = item.moved(EntryStatus.ASSIGNED, s.id(), reason(s, item), now);
            items.put(item, assigned);
            events.emit(assigned);
        });
        return chosen.isPresent();
    }

    boolean tryAssign(WorkItem item, Instant now) {
        return tryAssign(item, rosters.of(item.centerCode()), now);
    }

    /** Assigns up to a batch of the Center's waiting items, highest priority first; returns how many. */
    int assignWaiting(String centerCode, Instant now) {
        StaffingRoster roster = rosters.of(centerCode);
        if (!SpecialistAssigner.anyoneOnDuty(roster)) {
            return 0;
        }
        String prefix = QueueKeys.statusPrefix(centerCode, EntryStatus.QUEUED);
        List<String> head = new ArrayList<>();
        try (KeyValueIterator<String, IndexRef> it = items.index().range(prefix, QueueKeys.end(prefix))) {
            while (it.hasNext() && head.size() < batch) {
                KeyValue<String, IndexRef> kv = it.next();
                head.add(kv.value.entryNumber());
            }
        }
        int assigned = 0;
        for (String entryNumber : head) {
            WorkItem item = items.get(centerCode, entryNumber);
            if (item != null && item.status() == EntryStatus.QUEUED && tryAssign(item, roster, now)) {
                assigned++;
            }
        }
        return assigned;
    }

    private static String reason(Specialist s, WorkItem item) {
        return s.specialties().contains(item.predominantChapter())
                ? "Assigned: chapter " + item.predominantChapter() + " specialist with the least open work"
                : "Assigned: on-duty specialist with the least open work";
    }
}
