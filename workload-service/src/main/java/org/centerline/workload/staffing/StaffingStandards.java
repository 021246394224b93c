package org.centerline.workload.staffing;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.centerline.contracts.event.SpecialistRole;

/**
 * The staffing settings (productivity, target, band, minimum, transfer role) that turn points into specialists.
 *
 * <p>{@code pointsPerDay} is the productivity standard in workload points per specialist-day. A role
 * absent from the map counts as 0, which means the role adds no review capacity (drawback, for example).
 * The map is normalized to every role in enum order, so equal settings compare and serialize equally.
 * {@code targetUtilization} is in (0, 1] (0.85 = hire so that specialists run at 85%); {@code band} is
 * the allowed spread (0.15 = 15 percentage points between the most and the least utilized Center);
 * {@code minimumSpecialists} is how many specialists of {@code transferRole} every Center keeps; the
 * transfer role must have a positive standard, because required staffing and hires are counted in it.
 */
public record StaffingStandards(
        Map<SpecialistRole, Double> pointsPerDay,
        double targetUtilization,
        double band,
        int minimumSpecialists,
        SpecialistRole transferRole) {

    public StaffingStandards {
        Objects.requireNonNull(pointsPerDay, "pointsPerDay is required (workload points per specialist-day, by role)");
        Objects.requireNonNull(transferRole, "transferRole is required (the role that transfers and is hired, e.g. IMPORT_SPECIALIST)");
        Map<SpecialistRole, Double> normalized = new EnumMap<>(SpecialistRole.class);
        for (SpecialistRole role : SpecialistRole.values()) {
            normalized.put(role, 0.0);
        }
        for (Map.Entry<SpecialistRole, Double> e : pointsPerDay.entrySet()) {
            if (e.getKey() == null) {
                throw new IllegalArgumentException("pointsPerDay has a null role");
            }
            Double standard = e.getValue();
            if (standard == null || !Double.isFinite(standard) || standard < 0) {
                throw new IllegalArgumentException("pointsPerDay for " + e.getKey()
                        + " must be a finite number of points per specialist-day >= 0 but was " + standard);
            }
            normalized.put(e.getKey(), standard);
        }
        pointsPerDay = Collections.unmodifiableMap(normalized);
        if (!(targetUtilization > 0 && targetUtilization <= 1)) {
            throw new IllegalArgumentException("targetUtilization must be in (0, 1] (e.g. 0.85 for 85%) but was " + targetUtilization);
        }
        if (!(band >= 0 && Double.isFinite(band))) {
            throw new IllegalArgumentException("band must be a finite utilization spread >= 0 (e.g. 0.15 for 15 points) but was " + band);
        }
        if (minimumSpecialists < 0) {
            throw new IllegalArgumentException("minimumSpecialists must be >= 0 but was " + minimumSpecialists);
        }
        if (!(pointsPerDay.get(transferRole) > 0)) {
            throw new IllegalArgumentException("transferRole " + transferRole
                    + " must have a positive pointsPerDay standard (required staffing and hires are counted in it) but has "
                    + pointsPerDay.get(transferRole));
        }
    }

    /** The productivity standard of a role in points per specialist-day (0 for a role that adds no capacity). */
    public double standard(SpecialistRole role) {
        return pointsPerDay.get(Objects.requireNonNull(role, "role"));
    }
}
