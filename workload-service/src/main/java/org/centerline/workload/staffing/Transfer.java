package org.centerline.workload.staffing;

import java.util.Objects;
import org.centerline.contracts.event.SpecialistRole;

/** A recommendation to move {@code count} specialists of a role from one Center to another, with its reason in numbers. */
public record Transfer(String fromCenter, String toCenter, SpecialistRole role, int count, String reason) {

    public Transfer {
        Objects.requireNonNull(fromCenter, "fromCenter");
        Objects.requireNonNull(toCenter, "toCenter");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(reason, "reason");
        if (fromCenter.equals(toCenter)) {
            throw new IllegalArgumentException("A transfer needs two different Centers but both are " + fromCenter);
        }
        if (count < 1) {
            throw new IllegalArgumentException("A transfer moves at least one specialist but count was " + count);
        }
    }
}
