package org.centerline.contracts.event;

import java.util.List;

/**
 * One member of a Center's staff: who, in what role, which HTS chapters they know best (work in
 * those chapters goes to them first), and whether they are on duty (only on-duty staff get work).
 */
public record Specialist(String id, String name, SpecialistRole role, List<Integer> specialties, boolean onDuty) {

    public Specialist {
        specialties = specialties == null ? List.of() : List.copyOf(specialties);
    }
}
