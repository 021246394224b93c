package org.centerline.center.queue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.centerline.center.command.CenterCommand;
import org.centerline.contracts.event.Specialist;
import org.centerline.contracts.event.StaffingRoster;

/**
 * The Centers' rosters as the queue task keeps them: roster commands are applied here, one after the
 * other, to the roster the previous one left ({@code center-rosters}, changelogged), and each result is
 * published on {@code center-staffing}. A Center no command has touched yet reads the global table of
 * {@code center-staffing} (rosters written before rosters went through the commands topic).
 */
final class RosterBook {

    private final KeyValueStore<String, StaffingRoster> local;
    private final TimestampedKeyValueStore<String, StaffingRoster> global;

    RosterBook(KeyValueStore<String, StaffingRoster> local, TimestampedKeyValueStore<String, StaffingRoster> global) {
        this.local = local;
        this.global = global;
    }

    StaffingRoster of(String centerCode) {
        StaffingRoster roster = local.get(centerCode);
        if (roster != null) {
            return roster;
        }
        ValueAndTimestamp<StaffingRoster> published = global.get(centerCode);
        return published == null ? null : published.value();
    }

    /** The refusal of a roster command, or null when it may be applied. */
    String refuse(CenterCommand command) {
        StaffingRoster current = of(command.centerCode());
        return switch (command.type()) {
            case PUT_SPECIALIST -> command.specialist() == null || command.specialist().id() == null
                    || command.specialist().role() == null ? "A specialist needs an id and a role." : null;
            case REMOVE_SPECIALIST -> current != null && current.specialists().stream()
                    .anyMatch(s -> s.id().equals(command.specialistId())) ? null
                    : command.specialistId() + " is not on " + command.centerCode() + "'s roster.";
            case SEED_ROSTER -> current != null ? command.centerCode() + " already has a roster." : null;
            default -> throw new IllegalArgumentException(command.type() + " is not a roster command");
        };
    }

    /** Applies an allowed roster command and returns the new roster (to publish). */
    StaffingRoster apply(CenterCommand command, Instant now) {
        StaffingRoster current = of(command.centerCode());
        List<Specialist> specialists = new ArrayList<>(current == null ? List.of() : current.specialists());
        switch (command.type()) {
            case PUT_SPECIALIST -> {
                specialists.removeIf(s -> s.id().equals(command.specialist().id()));
                specialists.add(command.specialist());
            }
            case REMOVE_SPECIALIST -> specialists.removeIf(s -> s.id().equals(command.specialistId()));
            case SEED_ROSTER -> specialists.addAll(command.specialists() == null ? List.of() : command.specialists());
            default -> throw new IllegalArgumentException(command.type() + " is not a roster command");
        }
        specialists.sort(Comparator.comparing(Specialist::id));
        StaffingRoster roster = StaffingRoster.of(command.centerCode(), specialists, now);
        local.put(command.centerCode(), roster);
        return roster;
    }
}
