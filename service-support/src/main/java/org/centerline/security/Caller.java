package org.centerline.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who is calling, read from a verified token: the roles and the party each role is bound to.
 * Controllers take it as a parameter and ask it whether the caller may see or change the data at
 * hand; denials throw {@link AccessDeniedException}, which the security chain answers with a
 * {@code 403} problem.
 *
 * @param subject        the token's {@code sub}
 * @param roles          the known roles in the token's {@code roles} claim
 * @param filerCode      the filer code a {@code filer} acts for ({@code filer_code}), upper case, or null
 * @param importerNumber the importer number an {@code importer} acts for ({@code importer_number}), or null
 * @param centerCode     the Center a {@code specialist} or {@code director} works at ({@code center_code}), upper case, or null
 * @param specialistId   the roster id of a {@code specialist} ({@code specialist_id}), or null
 * @param agency         the partner agency an {@code agency} caller speaks for ({@code agency}), or null
 */
public record Caller(String subject, Set<Role> roles, String filerCode, String importerNumber, String centerCode,
                     String specialistId, String agency) {

    public static final String ROLES = "roles";
    public static final String FILER_CODE = "filer_code";
    public static final String IMPORTER_NUMBER = "importer_number";
    public static final String CENTER_CODE = "center_code";
    public static final String SPECIALIST_ID = "specialist_id";
    public static final String AGENCY = "agency";

    public Caller {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        filerCode = upper(filerCode);
        centerCode = upper(centerCode);
    }

    /** The caller a verified token describes. */
    public static Caller of(Jwt jwt) {
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        Object claim = jwt.getClaims().get(ROLES);
        Collection<?> values = claim instanceof Collection<?> c ? c
                : claim instanceof String s ? List.of(s.split("[ ,]+")) : List.of();
        for (Object value : values) {
            Role.fromClaim(String.valueOf(value)).ifPresent(roles::add);
        }
        return new Caller(jwt.getSubject(), roles, jwt.getClaimAsString(FILER_CODE),
                jwt.getClaimAsString(IMPORTER_NUMBER), jwt.getClaimAsString(CENTER_CODE),
                jwt.getClaimAsString(SPECIALIST_ID), jwt.getClaimAsString(AGENCY));
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Role... wanted) {
        for (Role role : wanted) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }

    /** True when the caller is a {@code filer} for exactly this filer code. */
    public boolean isFiler(String code) {
        return has(Role.FILER) && filerCode != null && filerCode.equalsIgnoreCase(code);
    }

    /** True when the caller is an {@code importer} for exactly this importer number. */
    public boolean isImporter(String number) {
        return has(Role.IMPORTER) && importerNumber != null && importerNumber.equals(number);
    }

    /** True when the caller holds one of the given Center-bound roles at exactly this Center. */
    public boolean worksAt(String center, Role... centerRoles) {
        return centerCode != null && center != null && centerCode.equalsIgnoreCase(center) && hasAny(centerRoles);
    }

    /** Throws a denial (answered {@code 403}) unless the condition holds. */
    public static void require(boolean allowed, String why) {
        if (!allowed) {
            throw new AccessDeniedException(why);
        }
    }

    private static String upper(String value) {
        return value == null || value.isBlank() ? null : value.trim().toUpperCase(Locale.ROOT);
    }
}
