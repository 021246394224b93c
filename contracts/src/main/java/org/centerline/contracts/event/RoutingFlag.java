package org.centerline.contracts.event;

/** Facts about an entry summary that matter to its review (enforcement programs, UFLPA sectors, low value, re-filing). */
public enum RoutingFlag {
    ADCVD, SECTION_301, SECTION_232, SECTION_201, SECTION_122, IEEPA, UFLPA, LOW_VALUE, REFILED
}
