package org.centerline.contracts.event;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A Center's roster, on the compacted {@code center-staffing} topic (key: Center code): every
 * specialist, and the on-roster and on-duty counts per role that workload-service turns into capacity.
 */
public record StaffingRoster(
        int schemaVersion,
        String centerCode,
        List<Specialist> specialists,
        Map<SpecialistRole, Integer> countsByRole,
        Map<SpecialistRole, Integer> onDutyByRole,
        Instant updatedAt) {

    public StaffingRoster {
        specialists = specialists == null ? List.of() : List.copyOf(specialists);
        countsByRole = ordered(countsByRole);
        onDutyByRole = ordered(onDutyByRole);
    }

    /** Role order, so the same roster always serializes the same way. */
    private static Map<SpecialistRole, Integer> ordered(Map<SpecialistRole, Integer> counts) {
        Map<SpecialistRole, Integer> ordered = new EnumMap<>(SpecialistRole.class);
        if (counts != null) {
            ordered.putAll(counts);
        }
        return java.util.Collections.unmodifiableMap(ordered);
    }

    /** A roster with its per-role counts computed from the specialists. */
    public static StaffingRoster of(String centerCode, List<Specialist> specialists, Instant updatedAt) {
        Map<SpecialistRole, Integer> counts = new EnumMap<>(SpecialistRole.class);
        Map<SpecialistRole, Integer> onDuty = new EnumMap<>(SpecialistRole.class);
        for (SpecialistRole role : SpecialistRole.values()) {
            counts.put(role, 0);
            onDuty.put(role, 0);
        }
        for (Specialist s : specialists) {
            counts.merge(s.role(), 1, Integer::sum);
            if (s.onDuty()) {
                onDuty.merge(s.role(), 1, Integer::sum);
            }
        }
        return new StaffingRoster(1, centerCode, specialists, counts, onDuty, updatedAt);
    }
}
