package org.centerline.center.queue;

import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.centerline.contracts.event.Specialist;
import org.centerline.contracts.event.SpecialistRole;
import org.centerline.contracts.event.StaffingRoster;

/**
 * Picks who reviews a new item: an on-duty specialist whose specialties cover its predominant HTS
 * chapter, else any on-duty specialist, the one with the fewest open workload points first (ties:
 * lower id). Drawback specialists do not review entry summaries.
 */
public final class SpecialistAssigner {

    private static final Set<SpecialistRole> REVIEWERS = Set.of(SpecialistRole.IMPORT_SPECIALIST,
            SpecialistRole.ENTRY_SPECIALIST);

    private SpecialistAssigner() {
    }

    public static Optional<Specialist> choose(StaffingRoster roster, int chapter, Map<String, Double> openPoints) {
        if (roster == null) {
            return Optional.empty();
        }
        Comparator<Specialist> leastLoaded = Comparator.comparingDouble((Specialist s) -> openPoints.getOrDefault(s.id(), 0.0))
                .thenComparing(Specialist::id);
        Optional<Specialist> expert = roster.specialists().stream()
                .filter(s -> s.onDuty() && REVIEWERS.contains(s.role()) && s.specialties().contains(chapter))
                .min(leastLoaded);
        if (expert.isPresent()) {
            return expert;
        }
        return roster.specialists().stream().filter(s -> s.onDuty() && REVIEWERS.contains(s.role())).min(leastLoaded);
    }
}
