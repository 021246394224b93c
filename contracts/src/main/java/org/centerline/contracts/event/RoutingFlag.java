package org.centerline.contracts.event;

/** Facts about an entry summary that matter to its review (enforcement, low value, re-filing). */
public enum RoutingFlag {
    ADCVD, SECTION_301, SECTION_232, SECTION_201, LOW_VALUE, REFILED
}
