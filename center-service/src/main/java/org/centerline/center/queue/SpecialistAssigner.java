package org.centerline.center.queue;

import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToDoubleFunction;
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
        return choose(roster, chapter, id -> openPoints.getOrDefault(id, 0.0));
    }

    /** Whether anyone on the roster could be given work now. */
    public static boolean anyoneOnDuty(StaffingRoster roster) {
        return roster != null && roster.specialists().stream().anyMatch(s -> s.onDuty() && REVIEWERS.contains(s.role()));
    }

    /** As above, with each specialist's open points read on demand (from the tallies store). */
    public static Optional<Specialist> choose(StaffingRoster roster, int chapter, ToDoubleFunction<String> openPoints) {
        if (roster == null) {
            return Optional.empty();
        }
        Comparator<Specialist> leastLoaded = Comparator.comparingDouble((Specialist s) -> openPoints.applyAsDouble(s.id()))
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
