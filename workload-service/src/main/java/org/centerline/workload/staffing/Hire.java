package org.centerline.workload.staffing;

import java.util.Objects;
import org.centerline.contracts.event.SpecialistRole;

/** A recommendation to hire {@code count} specialists of a role for a Center, with its reason in numbers. */
public record Hire(String centerCode, SpecialistRole role, int count, String reason) {

    public Hire {
        Objects.requireNonNull(centerCode, "centerCode");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(reason, "reason");
        if (count < 1) {
            throw new IllegalArgumentException("A hire adds at least one specialist but count was " + count);
        }
    }
}
