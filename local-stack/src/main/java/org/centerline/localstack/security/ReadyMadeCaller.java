package org.centerline.localstack.security;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.centerline.security.Caller;
import org.centerline.security.Role;

/**
 * A caller the local stack hands a ready-made token to, so a newcomer can try every API with curl: the
 * variable it gets in {@code tokens.env}, and the role and party the token carries.
 *
 * @param variable the shell variable, e.g. {@code FILER_TOKEN}
 * @param subject  the token's {@code sub}
 * @param role     its one role
 * @param party    party claims (claim name -> value), kept in the order given
 */
public record ReadyMadeCaller(String variable, String subject, Role role, Map<String, String> party) {

    /** The filer and importer of the README's example filing (ABC also files in the simulator). */
    public static final String FILER_CODE = "ABC";
    public static final String IMPORTER_NUMBER = "12-3456789AB";
    public static final String CENTER = "ELE";
    /** An import specialist of ELE in center-service's seed roster. */
    public static final String SPECIALIST_ID = "ele-is-01";
    public static final String AGENCY = "FDA";

    /** One per role, in the order they are printed. */
    public static final List<ReadyMadeCaller> ALL = List.of(
            new ReadyMadeCaller("FILER_TOKEN", "filer-" + FILER_CODE, Role.FILER, claims(Caller.FILER_CODE, FILER_CODE)),
            new ReadyMadeCaller("IMPORTER_TOKEN", "importer-" + IMPORTER_NUMBER, Role.IMPORTER,
                    claims(Caller.IMPORTER_NUMBER, IMPORTER_NUMBER)),
            new ReadyMadeCaller("SPECIALIST_TOKEN", SPECIALIST_ID, Role.SPECIALIST,
                    claims(Caller.CENTER_CODE, CENTER, Caller.SPECIALIST_ID, SPECIALIST_ID)),
            new ReadyMadeCaller("DIRECTOR_TOKEN", "director-" + CENTER, Role.DIRECTOR, claims(Caller.CENTER_CODE, CENTER)),
            new ReadyMadeCaller("AGENCY_TOKEN", "agency-" + AGENCY, Role.AGENCY, claims(Caller.AGENCY, AGENCY)),
            new ReadyMadeCaller("OPS_TOKEN", "ops", Role.OPS, Map.of()),
            new ReadyMadeCaller("ADMIN_TOKEN", "admin", Role.ADMIN, Map.of()));

    public ReadyMadeCaller {
        party = Collections.unmodifiableMap(new LinkedHashMap<>(party));
    }

    /** e.g. {@code specialist (center_code=ELE, specialist_id=ele-is-01)}. */
    public String describe() {
        if (party.isEmpty()) {
            return role.claimValue();
        }
        StringJoiner text = new StringJoiner(", ", role.claimValue() + " (", ")");
        party.forEach((claim, value) -> text.add(claim + "=" + value));
        return text.toString();
    }

    /** Claim names and values in pairs, in that order. */
    static Map<String, String> claims(String... namesAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            map.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return map;
    }
}
