package org.centerline.security;

import java.util.Locale;
import java.util.Optional;

/**
 * The parties that may call Centerline, as they appear in a token's {@code roles} claim. Most are
 * bound to a party (a filer code, an importer, a Center): the role says what kind of caller it is,
 * the party claim says whose data it may see.
 */
public enum Role {
    /** A customs broker or self-filer; bound to a filer code ({@code filer_code}). */
    FILER,
    /** An importer of record; bound to an importer number ({@code importer_number}). */
    IMPORTER,
    /** An import or entry specialist; bound to a Center ({@code center_code}). */
    SPECIALIST,
    /** A Center director; bound to a Center ({@code center_code}). */
    DIRECTOR,
    /** A partner government agency ({@code agency}). */
    AGENCY,
    /** Operations staff: metrics, health, workload. */
    OPS,
    /** Administrators of reference data (importer assignments, announcements to everyone). */
    ADMIN;

    /** The value in a token's {@code roles} claim, e.g. {@code filer}. */
    public String claimValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The Spring Security authority, e.g. {@code ROLE_FILER}. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** The role a claim value names, if any (unknown roles in a token are ignored). */
    public static Optional<Role> fromClaim(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (Role role : values()) {
            if (role.claimValue().equalsIgnoreCase(value.trim())) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
