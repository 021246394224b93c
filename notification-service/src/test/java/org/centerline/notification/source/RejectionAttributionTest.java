package org.centerline.notification.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.centerline.contracts.event.Rejection;
import org.centerline.contracts.event.RejectionReason;
import org.junit.jupiter.api.Test;

/** A rejection reaches a filer only when its filer code and its entry number agree on who that is. */
class RejectionAttributionTest {

    @Test
    void theFilerOfAnAgreeingRejectionIsTold() {
        assertThat(NotificationSources.filerOf(rejection("ABC-1234567-6", "ABC"))).isEqualTo("ABC");
    }

    @Test
    void aMistypedOrForgedFilerCodeIsNobodys() {
        assertThat(NotificationSources.filerOf(rejection("XYZ-1234567-6", "ABC"))).isNull();
        assertThat(NotificationSources.filerOf(rejection("ABCD-234567-6", "ABC"))).isNull();
    }

    @Test
    void withoutAnEntryNumberOrAFilerCodeItIsNobodys() {
        assertThat(NotificationSources.filerOf(rejection(null, "ABC"))).isNull();
        assertThat(NotificationSources.filerOf(rejection("ABC-1234567-6", null))).isNull();
        assertThat(NotificationSources.filerOf(rejection(null, null))).isNull();
    }

    private static Rejection rejection(String entryNumber, String filerCode) {
        return new Rejection(1, entryNumber, filerCode, List.of(new RejectionReason("filerCode", "FILER_CODE_MISMATCH", "x")),
                Instant.parse("2026-11-23T08:00:00Z"), "{}");
    }
}
