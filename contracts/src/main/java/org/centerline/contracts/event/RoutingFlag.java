package org.centerline.contracts.event;

/**
 * Facts about an entry summary that matter to its review (enforcement programs, UFLPA sectors, low value, re-filing).
 * {@link #enforcement()} is the flag's standing in a Center's queue: an item with an enforcement flag (a trade remedy,
 * a duty program of Chapter 99, a UFLPA high-priority sector) is reviewed before the others.
 */
public enum RoutingFlag {
    ADCVD(true), SECTION_301(true), SECTION_232(true), SECTION_201(true), SECTION_122(true), IEEPA(true), UFLPA(true),
    LOW_VALUE(false), REFILED(false);

    private final boolean enforcement;

    RoutingFlag(boolean enforcement) {
        this.enforcement = enforcement;
    }

    /** True when the flag puts a work item ahead of the unflagged ones in its Center's queue. */
    public boolean enforcement() {
        return enforcement;
    }
}
