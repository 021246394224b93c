package org.centerline.workload.staffing;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.centerline.contracts.event.SpecialistRole;

/**
 * One Center's input to the staffing model: demand in workload points per day and on-roster specialists by role.
 *
 * <p>{@code specialists} may be null or leave roles out (they count as 0); it is normalized to every
 * role in enum order.
 */
public record CenterLoad(String centerCode, double demandPointsPerDay, Map<SpecialistRole, Integer> specialists) {

    public CenterLoad {
        if (centerCode == null || centerCode.isBlank()) {
            throw new IllegalArgumentException("centerCode is required");
        }
        if (!(demandPointsPerDay >= 0 && Double.isFinite(demandPointsPerDay))) {
            throw new IllegalArgumentException("demandPointsPerDay of " + centerCode
                    + " must be a finite number >= 0 but was " + demandPointsPerDay);
        }
        Map<SpecialistRole, Integer> normalized = new EnumMap<>(SpecialistRole.class);
        for (SpecialistRole role : SpecialistRole.values()) {
            normalized.put(role, 0);
        }
        if (specialists != null) {
            for (Map.Entry<SpecialistRole, Integer> e : specialists.entrySet()) {
                if (e.getKey() == null) {
                    throw new IllegalArgumentException("specialists of " + centerCode + " has a null role");
                }
                if (e.getValue() == null || e.getValue() < 0) {
                    throw new IllegalArgumentException("specialists of " + centerCode + " for " + e.getKey()
                            + " must be >= 0 but was " + e.getValue());
                }
                normalized.put(e.getKey(), e.getValue());
            }
        }
        specialists = Collections.unmodifiableMap(normalized);
    }

    /** How many specialists of a role the Center has (0 when none). */
    public int count(SpecialistRole role) {
        return specialists.get(Objects.requireNonNull(role, "role"));
    }

    /** This Center with {@code delta} more (or, negative, fewer) specialists of a role. */
    public CenterLoad plus(SpecialistRole role, int delta) {
        Map<SpecialistRole, Integer> changed = new EnumMap<>(specialists);
        changed.put(role, count(role) + delta);
        return new CenterLoad(centerCode, demandPointsPerDay, changed);
    }
}
