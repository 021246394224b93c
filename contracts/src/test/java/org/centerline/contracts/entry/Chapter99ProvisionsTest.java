package org.centerline.contracts.entry;

import static org.assertj.core.api.Assertions.assertThat;

import org.centerline.contracts.event.RoutingFlag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which Chapter 99 numbers raise a routing flag (chapter99-provisions.table, DOMAIN.md). */
class Chapter99ProvisionsTest {

    private static final Chapter99Provisions PROVISIONS = Chapter99Provisions.standard();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            // Section 301 China lists 9903.88.01-04 and 9903.88.15
            "99038801,SECTION_301", "99038804,SECTION_301", "99038815,SECTION_301", "9903880100,SECTION_301",
            // Section 232 steel 9903.80.01, aluminum 9903.85.01
            "99038001,SECTION_232", "99038501,SECTION_232", "9903850100,SECTION_232",
            "99034501,SECTION_201"})
    void provisionRaisesItsFlag(String number, RoutingFlag flag) {
        assertThat(PROVISIONS.flagOf(number)).contains(flag);
    }

    @ParameterizedTest
    @ValueSource(strings = {"99030000", "99039001", "99038900", "98010010"})
    void otherNumbersRaiseNone(String number) {
        assertThat(PROVISIONS.flagOf(number)).isEmpty();
    }

    @Test
    void hasAVersion() {
        assertThat(PROVISIONS.version()).isEqualTo("2026.11-1");
    }
}
