package org.centerline.center.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.centerline.contracts.event.EntryStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class LifecycleTest {

    private static final String ENTRY = "ABC-1234567-6";

    static WorkItem item(EntryStatus status, String specialistId) {
        return new WorkItem(ENTRY, "ELE", status, specialistId, null, null, 85, Instant.parse("2026-11-20T10:00:00Z"),
                Instant.parse("2026-11-20T10:00:00Z"), null, List.of());
    }

    // --- claim ---

    @ParameterizedTest
    @EnumSource(value = EntryStatus.class, names = {"QUEUED", "ASSIGNED", "CF28_ANSWERED"})
    void claimIsAllowedFromQueuedAssignedAndCf28Answered(EntryStatus status) {
        assertThat(Lifecycle.refuseClaim(item(status, status == EntryStatus.QUEUED ? null : "s1"))).isNull();
        assertThat(Lifecycle.refuseClaim(item(status, status == EntryStatus.QUEUED ? null : "s1"))).isNull();
    }

    @ParameterizedTest
    @EnumSource(value = EntryStatus.class, names = {"CF28_ISSUED", "ACCEPTED", "CF29_ISSUED", "REJECTED_TO_FILER",
            "WITHDRAWN"})
    void claimIsRefusedFromAnyOtherStateWithTheStateNamed(EntryStatus status) {
        String refusal = Lifecycle.refuseClaim(item(status, "s1"));
        assertThat(refusal).isNotNull().contains(ENTRY).contains(status.name());
    }

    @Test
    void claimOfAnItemInReviewIsRefusedNamingWhoHasIt() {
        String refusal = Lifecycle.refuseClaim(item(EntryStatus.IN_REVIEW, "s1"));
        assertThat(refusal).isNotNull().contains(ENTRY).contains("in review").contains("s1");
        // The same specialist cannot claim it twice either.
        assertThat(Lifecycle.refuseClaim(item(EntryStatus.IN_REVIEW, "s1"))).isNotNull();
    }

    @Test
    void everyStatusIsEitherClaimableOrRefused() {
        EnumSet<EntryStatus> claimable = EnumSet.noneOf(EntryStatus.class);
        for (EntryStatus s : EntryStatus.values()) {
            if (Lifecycle.refuseClaim(item(s, "s1")) == null) {
                claimable.add(s);
            }
        }
        assertThat(claimable).containsExactlyInAnyOrder(EntryStatus.QUEUED, EntryStatus.ASSIGNED,
                EntryStatus.CF28_ANSWERED);
    }

    // --- decision ---

    @ParameterizedTest
    @ValueSource(strings = {"ACCEPT", "CF28", "CF29", "REJECT"})
    void decisionIsAllowedInReviewByTheSpecialistWhoHasIt(String action) {
        assertThat(Lifecycle.refuseDecision(item(EntryStatus.IN_REVIEW, "s1"), action, "s1")).isNull();
    }

    @Test
    void decisionsMapToTheirStatuses() {
        java.util.Map<String, EntryStatus> outcomes = new java.util.HashMap<>();
        for (org.centerline.contracts.event.Decision decision : org.centerline.contracts.event.Decision.values()) {
            outcomes.put(decision.name(), decision.outcome());
        }
        assertThat(outcomes).containsExactlyInAnyOrderEntriesOf(java.util.Map.of(
                "ACCEPT", EntryStatus.ACCEPTED, "CF28", EntryStatus.CF28_ISSUED, "CF29", EntryStatus.CF29_ISSUED,
                "REJECT", EntryStatus.REJECTED_TO_FILER));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ACCEPT", "CF28", "CF29", "REJECT"})
    void decisionByAnotherSpecialistIsRefused(String action) {
        String refusal = Lifecycle.refuseDecision(item(EntryStatus.IN_REVIEW, "s1"), action, "s2");
        assertThat(refusal).isNotNull().contains("s1").contains("s2");
    }

    @Test
    void decisionWithoutSpecialistIsRefused() {
        assertThat(Lifecycle.refuseDecision(item(EntryStatus.IN_REVIEW, "s1"), "ACCEPT", null)).isNotNull();
    }

    @ParameterizedTest
    @EnumSource(value = EntryStatus.class, names = "IN_REVIEW", mode = EnumSource.Mode.EXCLUDE)
    void decisionIsRefusedOutsideReviewWithTheStateNamed(EntryStatus status) {
        String refusal = Lifecycle.refuseDecision(item(status, "s1"), "ACCEPT", "s1");
        assertThat(refusal).isNotNull().contains(ENTRY).contains(status.name()).contains("IN_REVIEW");
    }

    @ParameterizedTest
    @ValueSource(strings = {"APPROVE", "accept", "", "CF-28"})
    void unknownActionIsRefusedListingTheKnownOnes(String action) {
        String refusal = Lifecycle.refuseDecision(item(EntryStatus.IN_REVIEW, "s1"), action, "s1");
        assertThat(refusal).isNotNull().contains("Unknown action").contains("'" + action + "'")
                .contains("ACCEPT").contains("CF28").contains("CF29").contains("REJECT");
    }

    // --- CF-28 answer ---

    @Test
    void cf28AnswerIsAllowedOnlyFromCf28Issued() {
        for (EntryStatus s : EntryStatus.values()) {
            String refusal = Lifecycle.refuseCf28Answer(item(s, "s1"));
            if (s == EntryStatus.CF28_ISSUED) {
                assertThat(refusal).as(s.name()).isNull();
            } else {
                assertThat(refusal).as(s.name()).isNotNull().contains(s.name()).contains("CF28_ISSUED");
            }
        }
    }

    // --- open / closed ---

    @ParameterizedTest
    @EnumSource(value = EntryStatus.class, names = {"QUEUED", "ASSIGNED", "IN_REVIEW", "CF28_ISSUED", "CF28_ANSWERED"})
    void openStatuses(EntryStatus status) {
        assertThat(Lifecycle.isOpen(status)).isTrue();
        assertThat(item(status, "s1").isOpen()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = EntryStatus.class, names = {"ACCEPTED", "CF29_ISSUED", "REJECTED_TO_FILER", "WITHDRAWN"})
    void closedStatuses(EntryStatus status) {
        assertThat(Lifecycle.isOpen(status)).isFalse();
        assertThat(item(status, "s1").isOpen()).isFalse();
    }

    // --- WorkItem transitions the processor relies on ---

    @Test
    void movingToCf28IssuedSetsTheDueDateThirtyDaysOutAndKeepsIt() {
        Instant at = Instant.parse("2026-11-20T23:30:00Z");
        WorkItem cf28 = item(EntryStatus.IN_REVIEW, "s1").moved(EntryStatus.CF28_ISSUED, "s1", "Need invoice", at);
        assertThat(cf28.cf28DueDate()).isEqualTo(java.time.LocalDate.of(2026, 12, 20));
        assertThat(cf28.history()).singleElement()
                .isEqualTo(new HistoryEntry(EntryStatus.CF28_ISSUED, "s1", "Need invoice", at));
        WorkItem answered = cf28.moved(EntryStatus.CF28_ANSWERED, "s1", "Answered", at.plusSeconds(60));
        assertThat(answered.cf28DueDate()).isEqualTo(cf28.cf28DueDate());
        assertThat(answered.history()).hasSize(2);
    }
}
