package org.centerline.notification.subscription;

import java.util.ArrayList;
import java.util.List;
import org.centerline.notification.source.Notification;
import org.centerline.security.Caller;
import org.centerline.security.Role;
import org.springframework.security.access.AccessDeniedException;

/**
 * What a caller may hear about, applied to a subscription's or a live stream's filters before they are
 * used: a filer its own filer code, an importer its own importer number, a specialist or director its own
 * Center, a partner agency announcements and the {@code entry.routed} events of entries that name it
 * ({@link AgencyRouting}), ops and admin anything.
 * A party filter the caller left out becomes its own party, never "everything"; one naming another party
 * is refused. The other filters may narrow freely. Also says whose subscription is whose.
 */
public final class SubscriptionScope {

    /** Tried in this order when a caller holds several roles, after the ones whose filter the request names. */
    private static final List<Role> PARTY_ROLES = List.of(Role.FILER, Role.IMPORTER, Role.DIRECTOR, Role.SPECIALIST,
            Role.AGENCY);

    private SubscriptionScope() {
    }

    /**
     * The filters narrowed to the caller, owned by it.
     *
     * @throws AccessDeniedException (answered 403) when they ask for more than the caller may see
     */
    public static Subscription fit(Subscription requested, Caller caller) {
        if (seesAll(caller)) {
            return narrowed(requested, requested.eventTypes(), requested.filerCodes(), requested.importerNumbers(),
                    requested.centerCodes(), new Subscription.Owner(caller.subject(),
                            caller.has(Role.ADMIN) ? Role.ADMIN : Role.OPS, null));
        }
        String refusal = null;
        for (Role role : rolesToTry(requested, caller)) {
            try {
                return fitAs(role, requested, caller);
            } catch (AccessDeniedException e) {
                refusal = refusal == null ? e.getMessage() : refusal;
            }
        }
        throw new AccessDeniedException(refusal != null ? refusal : "Your role may not subscribe to notifications.");
    }

    /** Ops and admin see every subscription and delivery. */
    public static boolean seesAll(Caller caller) {
        return caller.hasAny(Role.OPS, Role.ADMIN);
    }

    /** True when the caller acts for the party that owns the subscription, in the same role (or sees all). */
    public static boolean mayRead(Caller caller, Subscription subscription) {
        if (seesAll(caller)) {
            return true;
        }
        Subscription.Owner owner = subscription.owner();
        return owner != null && owner.party() != null && caller.has(owner.role())
                && owner.party().equals(partyOf(caller, owner.role()));
    }

    private static List<Role> rolesToTry(Subscription requested, Caller caller) {
        List<Role> roles = new ArrayList<>();
        PARTY_ROLES.stream().filter(caller::has).filter(role -> !filterOf(requested, role).isEmpty()).forEach(roles::add);
        PARTY_ROLES.stream().filter(caller::has).filter(role -> !roles.contains(role)).forEach(roles::add);
        return roles;
    }

    private static Subscription fitAs(Role role, Subscription s, Caller caller) {
        Subscription.Owner owner = new Subscription.Owner(caller.subject(), role, partyOf(caller, role));
        return switch (role) {
            case FILER -> narrowed(s, s.eventTypes(), own(s.filerCodes(), owner, "A filer hears of its own filer code only"),
                    s.importerNumbers(), s.centerCodes(), owner);
            case IMPORTER -> narrowed(s, s.eventTypes(), s.filerCodes(),
                    own(s.importerNumbers(), owner, "An importer hears of its own importer number only"), s.centerCodes(), owner);
            case DIRECTOR, SPECIALIST -> narrowed(s, s.eventTypes(), s.filerCodes(), s.importerNumbers(),
                    own(s.centerCodes(), owner, "Center staff hear of their own Center only"), owner);
            case AGENCY -> narrowed(s, agencyEvents(s.eventTypes(), owner), s.filerCodes(), s.importerNumbers(),
                    s.centerCodes(), owner);
            default -> throw new AccessDeniedException("Your role may not subscribe to notifications.");
        };
    }

    /** The caller's own party when the filter is absent or names exactly it; refused otherwise. */
    private static List<String> own(List<String> filter, Subscription.Owner owner, String rule) {
        if (owner.party() == null) {
            throw new AccessDeniedException("Your token names no party for the role " + owner.role().claimValue() + ".");
        }
        if (filter.isEmpty() || (filter.size() == 1 && filter.get(0).equalsIgnoreCase(owner.party()))) {
            return List.of(owner.party());
        }
        throw new AccessDeniedException(rule + " (" + owner.party() + ").");
    }

    private static final List<String> AGENCY_EVENTS = List.of(Notification.ENTRY_ROUTED, Notification.ANNOUNCEMENT);

    private static List<String> agencyEvents(List<String> eventTypes, Subscription.Owner owner) {
        if (owner.party() == null) {
            throw new AccessDeniedException("Your token names no agency.");
        }
        if (eventTypes.isEmpty()) {
            return AGENCY_EVENTS;
        }
        if (AGENCY_EVENTS.containsAll(eventTypes)) {
            return List.copyOf(eventTypes);
        }
        throw new AccessDeniedException("A partner agency subscribes to announcements and to entry.routed (the entries that"
                + " name it) only.");
    }

    private static List<String> filterOf(Subscription s, Role role) {
        return switch (role) {
            case FILER -> s.filerCodes();
            case IMPORTER -> s.importerNumbers();
            case DIRECTOR, SPECIALIST -> s.centerCodes();
            default -> List.of();
        };
    }

    private static String partyOf(Caller caller, Role role) {
        return switch (role) {
            case FILER -> caller.filerCode();
            case IMPORTER -> caller.importerNumber();
            case DIRECTOR, SPECIALIST -> caller.centerCode();
            case AGENCY -> caller.agency();
            default -> null;
        };
    }

    private static Subscription narrowed(Subscription s, List<String> eventTypes, List<String> filerCodes,
                                         List<String> importerNumbers, List<String> centerCodes, Subscription.Owner owner) {
        return new Subscription(s.id(), s.subscriber(), eventTypes, filerCodes, importerNumbers, centerCodes, s.audiences(),
                s.webhook(), s.createdAt(), owner);
    }
}
