package org.centerline.routing.web;

import java.util.List;
import org.centerline.contracts.event.RejectionReason;

/** A filing posted over HTTP that is not valid; answered as a 400 problem detail listing every reason. */
public class InvalidFilingException extends RuntimeException {

    private final transient List<RejectionReason> reasons;

    public InvalidFilingException(List<RejectionReason> reasons) {
        super(reasons.size() + " reason(s): " + reasons.get(0).message());
        this.reasons = List.copyOf(reasons);
    }

    public List<RejectionReason> reasons() {
        return reasons;
    }
}
