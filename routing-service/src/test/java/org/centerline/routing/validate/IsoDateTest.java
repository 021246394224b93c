package org.centerline.routing.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The validator's date reading agrees with {@code LocalDate.parse} on what it accepts and refuses. */
class IsoDateTest {

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-20", "2024-02-29", "0001-01-01", "9999-12-31", "+10000-01-01"})
    void acceptsWhatLocalDateAccepts(String text) {
        assertThat(FilingValidator.isoDate(text)).isEqualTo(LocalDate.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-30", "2025-02-29", "2026-13-01", "2026-00-10", "2026-11-00", "2026-1-20",
            "20261120", "2026/11/20", "2026-11-2x", "２０２６-11-20", "2026-11-20T00:00", ""})
    void refusesWhatLocalDateRefuses(String text) {
        assertThatThrownBy(() -> LocalDate.parse(text)).isInstanceOf(DateTimeException.class);
        assertThatThrownBy(() -> FilingValidator.isoDate(text)).isInstanceOf(DateTimeException.class);
    }

    @Test
    void everyDayOfALeapYearReadsTheSame() {
        for (LocalDate d = LocalDate.of(2028, 1, 1); d.getYear() == 2028; d = d.plusDays(1)) {
            assertThat(FilingValidator.isoDate(d.toString())).isEqualTo(d);
        }
    }
}
