package org.centerline.notification.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.centerline.notification.source.Notification;
import org.centerline.security.Caller;
import org.centerline.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;

/** Each role subscribes to its own party only; a left-out party filter means its own, never everything. */
class SubscriptionScopeTest {

    private static final Caller FILER_ABC = caller("broker-1", Set.of(Role.FILER), "ABC", null, null, null);
    private static final Caller IMPORTER = caller("imp", Set.of(Role.IMPORTER), null, "12-3456789AB", null, null);
    private static final Caller ELE_SPECIALIST = caller("ele-spec-1", Set.of(Role.SPECIALIST), null, null, "ELE", null);
    private static final Caller ELE_DIRECTOR = caller("director-ELE", Set.of(Role.DIRECTOR), null, null, "ELE", null);
    private static final Caller FDA = caller("agency-FDA", Set.of(Role.AGENCY), null, null, null, "FDA");
    private static final Caller OPS = caller("ops", Set.of(Role.OPS), null, null, null, null);

    private static Caller caller(String subject, Set<Role> roles, String filer, String importer, String center, String agency) {
        return new Caller(subject, roles, filer, importer, center, null, agency);
    }

    private static Subscription requested(List<String> types, List<String> filers, List<String> importers, List<String> centers) {
        return new Subscription("id", "who", types, filers, importers, centers, null, null, Instant.EPOCH, null);
    }

    private static final Notification OTHER_FILERS_REJECTION = new Notification("s/0/1", Notification.ENTRY_REJECTED,
            Instant.EPOCH, "XYZ", null, null, List.of(), "data");

    @Test
    void aFilerWithoutAFilerFilterGetsItsOwnFilerCodeAndNeverAnotherFilersEntries() {
        Subscription fitted = SubscriptionScope.fit(requested(null, null, null, null), FILER_ABC);
        assertThat(fitted.filerCodes()).containsExactly("ABC");
        assertThat(fitted.owner()).isEqualTo(new Subscription.Owner("broker-1", Role.FILER, "ABC"));
        assertThat(fitted.matches(OTHER_FILERS_REJECTION)).isFalse();
        assertThat(SubscriptionScope.fit(requested(null, List.of("abc"), null, null), FILER_ABC).filerCodes()).containsExactly("ABC");
    }

    @Test
    void aFilerNamingAnotherFilerCodeIsRefused() {
        assertThatThrownBy(() -> SubscriptionScope.fit(requested(null, List.of("XYZ"), null, null), FILER_ABC))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("own filer code");
        assertThatThrownBy(() -> SubscriptionScope.fit(requested(null, List.of("ABC", "XYZ"), null, null), FILER_ABC))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void importersAndCenterStaffAreBoundTheSameWay() {
        assertThat(SubscriptionScope.fit(requested(null, null, null, null), IMPORTER).importerNumbers()).containsExactly("12-3456789AB");
        assertThatThrownBy(() -> SubscriptionScope.fit(requested(null, null, List.of("99-0000000AA"), null), IMPORTER))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(SubscriptionScope.fit(requested(null, null, null, null), ELE_SPECIALIST).centerCodes()).containsExactly("ELE");
        assertThat(SubscriptionScope.fit(requested(null, null, null, List.of("ELE")), ELE_DIRECTOR).centerCodes()).containsExactly("ELE");
        assertThatThrownBy(() -> SubscriptionScope.fit(requested(null, null, null, List.of("MAC")), ELE_DIRECTOR))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("own Center");
    }

    @Test
    void anAgencyHearsAnnouncementsAndTheEntriesThatNameItOnly() {
        assertThat(SubscriptionScope.fit(requested(null, null, null, List.of("AGR")), FDA).eventTypes())
                .containsExactly(Notification.ENTRY_ROUTED, Notification.ANNOUNCEMENT);
        assertThat(SubscriptionScope.fit(requested(List.of(Notification.ENTRY_ROUTED), null, null, null), FDA).eventTypes())
                .containsExactly(Notification.ENTRY_ROUTED);
        assertThatThrownBy(() -> SubscriptionScope.fit(requested(List.of(Notification.ENTRY_STATUS), null, null, null), FDA))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("announcements and to entry.routed");
    }

    @Test
    void opsMaySubscribeToAnythingAndATokenWithoutPartyOrRoleToNothing() {
        Subscription everything = SubscriptionScope.fit(requested(null, null, null, null), OPS);
        assertThat(everything.filerCodes()).isEmpty();
        assertThat(everything.owner().role()).isEqualTo(Role.OPS);
        Caller filerWithoutCode = caller("x", Set.of(Role.FILER), null, null, null, null);
        assertThatThrownBy(() -> SubscriptionScope.fit(requested(null, null, null, null), filerWithoutCode))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("names no party");
        assertThatThrownBy(() -> SubscriptionScope.fit(requested(null, null, null, null), caller("x", Set.of(), null, null, null, null)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aCallerWithTwoRolesIsBoundByTheOneWhosePartyItNames() {
        Caller both = caller("both", Set.of(Role.FILER, Role.IMPORTER), "ABC", "12-3456789AB", null, null);
        Subscription asImporter = SubscriptionScope.fit(requested(null, null, List.of("12-3456789AB"), null), both);
        assertThat(asImporter.filerCodes()).isEmpty();
        assertThat(asImporter.owner().role()).isEqualTo(Role.IMPORTER);
        assertThat(SubscriptionScope.fit(requested(null, null, null, null), both).filerCodes()).containsExactly("ABC");
    }

    @Test
    void aSubscriptionIsReadByItsPartyInTheSameRoleAndByOps() {
        Subscription abc = SubscriptionScope.fit(requested(null, null, null, null), FILER_ABC);
        Caller colleague = caller("broker-2", Set.of(Role.FILER), "ABC", null, null, null);
        Caller otherFiler = caller("broker-3", Set.of(Role.FILER), "XYZ", null, null, null);
        assertThat(SubscriptionScope.mayRead(colleague, abc)).isTrue();
        assertThat(SubscriptionScope.mayRead(otherFiler, abc)).isFalse();
        assertThat(SubscriptionScope.mayRead(OPS, abc)).isTrue();

        Subscription director = SubscriptionScope.fit(requested(null, null, null, null), ELE_DIRECTOR);
        assertThat(SubscriptionScope.mayRead(ELE_SPECIALIST, director)).isFalse();
        Subscription unowned = requested(null, null, null, null);
        assertThat(SubscriptionScope.mayRead(FILER_ABC, unowned)).isFalse();
        assertThat(SubscriptionScope.mayRead(OPS, unowned)).isTrue();
    }
}
