package org.centerline.routing.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.centerline.contracts.event.EntryLine;
import org.centerline.contracts.event.EntrySummary;
import org.centerline.contracts.event.Rejection;
import org.centerline.contracts.event.RejectionReason;
import org.centerline.contracts.event.RoutingBasis;
import org.centerline.contracts.event.RoutingDecision;
import org.centerline.routing.ledger.RoutingLedger;
import org.centerline.routing.validate.ValidationResult;
import org.centerline.security.Caller;
import org.centerline.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;

/** The party rules, caller by caller: who may file a filing, and who may see a routing record or rejection. */
class RoutingAccessTest {

    private static final String ENTRY = "ABC-1234567-6";
    private static final String IMPORTER = "12-3456789AB";
    private static final List<RejectionReason> REASONS = List.of(new RejectionReason("entryType", "ENTRY_TYPE_UNKNOWN", "..."));

    @Test
    void aFilerFilesOnlyFilingsThatNameItsOwnFilerCode() {
        assertThatCode(() -> RoutingAccess.requireOwnFiling(filer("ABC"), valid(ENTRY, "ABC"))).doesNotThrowAnyException();
        assertThatThrownBy(() -> RoutingAccess.requireOwnFiling(filer("XYZ"), valid(ENTRY, "ABC")))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("names 'ABC', the token is for 'XYZ'");
    }

    @Test
    void anInvalidFilingIsRefusedWhenEitherItsFilerCodeOrItsEntryNumberNamesAnotherFiler() {
        assertThatCode(() -> RoutingAccess.requireOwnFiling(filer("ABC"), invalid(ENTRY, "ABC"))).doesNotThrowAnyException();
        assertThatThrownBy(() -> RoutingAccess.requireOwnFiling(filer("XYZ"), invalid(ENTRY, "XYZ")))
                .as("another filer's entry number: its rejection would replace that entry's routing record")
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> RoutingAccess.requireOwnFiling(filer("ABC"), invalid(ENTRY, "XYZ")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatCode(() -> RoutingAccess.requireOwnFiling(filer("ABC"), invalid(null, "ABC"))).doesNotThrowAnyException();
        assertThatThrownBy(() -> RoutingAccess.requireOwnFiling(filer("ABC"), invalid(null, "X".repeat(5000))))
                .hasMessageContaining("names 'XXXXXXXXXXXXXXXXXXXX...'");
    }

    @Test
    void aFilingThatNamesNoFilerIsFiledAttributedToNobodyButNotWithATokenThatNamesNoFilerCode() {
        assertThatCode(() -> RoutingAccess.requireOwnFiling(filer("ABC"), invalid(null, null))).doesNotThrowAnyException();
        Caller filerWithoutCode = new Caller("f", Set.of(Role.FILER), null, null, null, null, null);
        assertThatThrownBy(() -> RoutingAccess.requireOwnFiling(filerWithoutCode, invalid(null, null)))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("filer_code");
    }

    @Test
    void aRoutingRecordIsSeenByItsFilerImporterCenterStaffOpsAndAdmin() {
        RoutingLedger.Outcome routedToEle = new RoutingLedger.Outcome(decision("ELE"), null);
        for (Caller caller : List.of(filer("ABC"), importer(IMPORTER), staff(Role.SPECIALIST, "ELE"), staff(Role.DIRECTOR, "ele"),
                role(Role.OPS), role(Role.ADMIN))) {
            assertThat(RoutingAccess.maySee(caller, routedToEle)).as(caller.toString()).isTrue();
        }
        for (Caller caller : List.of(filer("XYZ"), importer("98-7654321CD"), staff(Role.SPECIALIST, "MAC"),
                staff(Role.DIRECTOR, "MAC"), role(Role.AGENCY), new Caller("x", Set.of(Role.SPECIALIST), null, null, null, null, null))) {
            assertThat(RoutingAccess.maySee(caller, routedToEle)).as(caller.toString()).isFalse();
        }
    }

    @Test
    void aRejectionIsSeenOnlyByTheFilerBothItsEntryNumberAndItsFilerCodeName() {
        RoutingLedger.Outcome own = new RoutingLedger.Outcome(null, rejection(ENTRY, "ABC"));
        assertThat(RoutingAccess.maySee(filer("ABC"), own)).isTrue();
        assertThat(RoutingAccess.maySee(filer("XYZ"), own)).isFalse();
        assertThat(RoutingAccess.maySee(importer(IMPORTER), own)).isFalse();
        assertThat(RoutingAccess.maySee(staff(Role.DIRECTOR, "ELE"), own)).isFalse();
        assertThat(RoutingAccess.maySee(role(Role.OPS), own)).isTrue();

        RoutingLedger.Outcome noFilerCode = new RoutingLedger.Outcome(null, rejection(ENTRY, null));
        assertThat(RoutingAccess.maySee(filer("ABC"), noFilerCode)).isTrue();
        // Filed over Kafka with ABC's entry number and XYZ's filer code: whose it is cannot be told, so neither filer's.
        RoutingLedger.Outcome mismatch = new RoutingLedger.Outcome(null, rejection(ENTRY, "XYZ"));
        assertThat(RoutingAccess.maySee(filer("ABC"), mismatch)).isFalse();
        assertThat(RoutingAccess.maySee(filer("XYZ"), mismatch)).isFalse();
        assertThat(RoutingAccess.maySee(role(Role.ADMIN), mismatch)).isTrue();
    }

    private static Caller filer(String code) {
        return new Caller("filer-" + code, Set.of(Role.FILER), code, null, null, null, null);
    }

    private static Caller importer(String number) {
        return new Caller("importer", Set.of(Role.IMPORTER), null, number, null, null, null);
    }

    private static Caller staff(Role role, String center) {
        return new Caller(role + "-" + center, Set.of(role), null, null, center, "s-1", null);
    }

    private static Caller role(Role role) {
        return new Caller(role.name(), Set.of(role), null, null, null, null, "FDA");
    }

    private static ValidationResult valid(String entryNumber, String filerCode) {
        return new ValidationResult.Valid(new EntrySummary(1, entryNumber, filerCode, "01", IMPORTER, "2704",
                LocalDate.of(2026, 11, 18), LocalDate.of(2026, 11, 20), "11",
                List.of(new EntryLine(1, "8471300100", "CN", new BigDecimal("100.00"), List.of(), null))));
    }

    private static ValidationResult invalid(String entryNumber, String filerCode) {
        return new ValidationResult.Invalid(entryNumber, filerCode, REASONS);
    }

    private static RoutingDecision decision(String center) {
        Instant now = Instant.parse("2026-11-20T14:00:00Z");
        return new RoutingDecision(1, ENTRY, "ABC", IMPORTER, "01", center, RoutingBasis.HTS, Map.of(center, 1),
                null, "2026.11-1", 1.5, List.of(), null, now, now);
    }

    private static Rejection rejection(String entryNumber, String filerCode) {
        return new Rejection(1, entryNumber, filerCode, REASONS, Instant.parse("2026-11-20T14:00:00Z"), "{}");
    }
}
