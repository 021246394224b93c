package org.centerline.routing.access;

import java.util.ArrayList;
import java.util.List;
import org.centerline.contracts.event.Rejection;
import org.centerline.contracts.event.RoutingDecision;
import org.centerline.routing.ledger.RoutingLedger;
import org.centerline.routing.validate.ValidationResult;
import org.centerline.security.Caller;
import org.centerline.security.Role;

/**
 * The party rules of routing-service's API, beyond the roles the paths require: a filer files only
 * under its own filer code, and a routing record or rejection is shown only to the parties it
 * concerns. Both read what validation made of the filing, exactly as the router will read it.
 */
public final class RoutingAccess {

    private RoutingAccess() {
    }

    /**
     * Denies ({@code 403}) a filing that names a filer code other than the caller's, in its
     * {@code filerCode} or in the filer part of its entry number. A filing that names none (not JSON,
     * too large to read, no readable entry number or filer code) is filed and rejected attributed to
     * no filer: nothing the caller sent proves whose it is, so no filer can be shown it.
     */
    public static void requireOwnFiling(Caller caller, ValidationResult validation) {
        Caller.require(caller.filerCode() != null, "This filer token names no filer code (claim filer_code); nothing was filed.");
        for (String named : filerCodesNamed(validation)) {
            Caller.require(caller.isFiler(named), "A filer files under its own filer code only: this filing names '"
                    + clip(named) + "', the token is for '" + caller.filerCode() + "'. Nothing was filed.");
        }
    }

    /**
     * Whether the caller may see this outcome: the filer of the filing, the importer of record or staff
     * of the Center it was routed to, ops and admin. A rejection concerns only its filer (it names no
     * importer or Center it could be trusted for). Callers who may not see it are told it does not exist.
     */
    public static boolean maySee(Caller caller, RoutingLedger.Outcome outcome) {
        if (caller.hasAny(Role.OPS, Role.ADMIN)) {
            return true;
        }
        RoutingDecision decision = outcome.decision();
        if (decision != null) {
            return isFilerOf(caller, decision.entryNumber(), decision.filerCode())
                    || caller.isImporter(decision.importerNumber())
                    || caller.worksAt(decision.centerCode(), Role.SPECIALIST, Role.DIRECTOR);
        }
        Rejection rejection = outcome.rejection();
        return isFilerOf(caller, rejection.entryNumber(), rejection.filerCode());
    }

    /** The entry number's filer part is the caller's, and so is the filer code the record states, if any. */
    private static boolean isFilerOf(Caller caller, String entryNumber, String filerCode) {
        return entryNumber != null && caller.isFiler(filerPart(entryNumber))
                && (filerCode == null || caller.isFiler(filerCode));
    }

    private static List<String> filerCodesNamed(ValidationResult validation) {
        List<String> named = new ArrayList<>(2);
        if (validation instanceof ValidationResult.Valid valid) {
            named.add(valid.summary().filerCode());
            named.add(filerPart(valid.summary().entryNumber()));
        } else if (validation instanceof ValidationResult.Invalid invalid) {
            if (invalid.filerCode() != null) {
                named.add(invalid.filerCode());
            }
            // Set only when well-formed, and then it keys the rejection and its place in the routing ledger.
            if (invalid.entryNumber() != null) {
                named.add(filerPart(invalid.entryNumber()));
            }
        }
        return named;
    }

    private static String filerPart(String entryNumber) {
        return entryNumber.substring(0, Math.min(3, entryNumber.length()));
    }

    private static String clip(String text) {
        return text.length() <= 20 ? text : text.substring(0, 20) + "...";
    }
}
