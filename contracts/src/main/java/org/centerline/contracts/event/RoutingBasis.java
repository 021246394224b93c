package org.centerline.contracts.event;

/** What decided an entry summary's Center. */
public enum RoutingBasis {
    /** The importer's account assignment on {@code importer-assignments}. */
    ACCOUNT,
    /** The HTS numbers of the lines, through the HTS -> Center table. */
    HTS
}
