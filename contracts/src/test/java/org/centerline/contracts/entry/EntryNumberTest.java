package org.centerline.contracts.entry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** The entry number {@code XXX-NNNNNNN-C} and its check digit (DOMAIN.md). */
class EntryNumberTest {

    @Test
    void theDomainExampleHasCheckDigit6() {
        assertThat(EntryNumber.checkDigit("ABC", "1234567")).isEqualTo(6);
        assertThat(EntryNumber.of("ABC", "1234567")).hasToString("ABC-1234567-6");
    }

    @Test
    void checkDigitFollowsTheAlgorithmByHand() {
        // 0,0,0,0,0,0,0,0,0,5 -> the 10th digit is doubled: 10 -> 1 + 0 = 1 -> (10 - 1) % 10 = 9
        assertThat(EntryNumber.checkDigit("000", "0000005")).isEqualTo(9);
        // 5 in 1st place is not doubled: 5 -> 5
        assertThat(EntryNumber.checkDigit("500", "0000000")).isEqualTo(5);
        // all zeros -> (10 - 0) % 10 = 0
        assertThat(EntryNumber.checkDigit("000", "0000000")).isEqualTo(0);
        // 9 doubled in 2nd place: 18 -> 1 + 8 = 9 -> 1
        assertThat(EntryNumber.checkDigit("090", "0000000")).isEqualTo(1);
    }

    /** A-I = 1-9, J-R = 1-9, S-Z = 2-9: each letter checks like its digit, in a doubled place and in a plain one. */
    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
            "A,1", "B,2", "C,3", "D,4", "E,5", "F,6", "G,7", "H,8", "I,9",
            "J,1", "K,2", "L,3", "M,4", "N,5", "O,6", "P,7", "Q,8", "R,9",
            "S,2", "T,3", "U,4", "V,5", "W,6", "X,7", "Y,8", "Z,9"})
    void letterChecksLikeItsDigit(char letter, int digit) {
        char d = (char) ('0' + digit);
        assertThat(EntryNumber.checkDigit(letter + "00", "0000000")).as("1st place").isEqualTo(EntryNumber.checkDigit(d + "00", "0000000"));
        assertThat(EntryNumber.checkDigit("0" + letter + "0", "0000000")).as("2nd place").isEqualTo(EntryNumber.checkDigit("0" + d + "0", "0000000"));
        assertThat(EntryNumber.checkDigit("00" + letter, "4000000")).as("3rd place").isEqualTo(EntryNumber.checkDigit("00" + d, "4000000"));
    }

    @Test
    void lettersJtoRAndStoZDifferFromAtoIWhereTheyShould() {
        // J = 1 = A, but S = 2 = B: "SSS" checks like "BBB", not like "AAA"
        assertThat(EntryNumber.checkDigit("JJJ", "1234567")).isEqualTo(EntryNumber.checkDigit("AAA", "1234567"));
        assertThat(EntryNumber.checkDigit("SSS", "1234567")).isEqualTo(EntryNumber.checkDigit("BBB", "1234567"));
        assertThat(EntryNumber.checkDigit("SSS", "1234567")).isNotEqualTo(EntryNumber.checkDigit("AAA", "1234567"));
        // J(1) + R(9 doubled = 18 -> 9) + S(2) = 12 -> 8
        assertThat(EntryNumber.checkDigit("JRS", "0000000")).isEqualTo(8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ABC-1234567-6", "B12-0000001-2", "Z9A-1000042-1", "123-4567890-3", "JRS-7654321-2"})
    void parsesAWellFormedNumberWithTheRightCheckDigit(String text) {
        assertThat(EntryNumber.hasValidFormat(text)).isTrue();
        assertThat(EntryNumber.parse(text)).hasValueSatisfying(n -> {
            assertThat(n).hasToString(text);
            assertThat(n.filerCode()).isEqualTo(text.substring(0, 3));
            assertThat(n.serial()).isEqualTo(text.substring(4, 11));
            assertThat(n.checkDigit()).isEqualTo(text.charAt(12) - '0');
        });
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"ABC1234567-6", "ABC-12345676", "abc-1234567-6", "AB-1234567-6", "ABCD-1234567-6",
            "ABC-123456-6", "ABC-12345678-6", "ABC-1234567-X", "ABC-1234567-66", "AB$-1234567-6", "ABC-12345A7-6",
            "ABC 1234567 6", " ABC-1234567-6", "ABC-1234567-6 "})
    void formatRejects(String text) {
        assertThat(EntryNumber.hasValidFormat(text)).isFalse();
        assertThat(EntryNumber.parse(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ABC-1234567-0", "ABC-1234567-5", "ABC-1234567-7", "ABC-1234568-6", "ABD-1234567-6"})
    void parseRejectsAWrongCheckDigit(String text) {
        assertThat(EntryNumber.hasValidFormat(text)).isTrue();
        assertThat(EntryNumber.parse(text)).isEmpty();
    }

    @Test
    void everyWrongCheckDigitIsRejected() {
        int right = EntryNumber.checkDigit("CXS", "2000001");
        for (int d = 0; d <= 9; d++) {
            assertThat(EntryNumber.parse("CXS-2000001-" + d).isPresent()).as("check digit %d", d).isEqualTo(d == right);
        }
    }

    @Test
    void checkDigitRefusesWrongLengthsAndCharacters() {
        assertThatThrownBy(() -> EntryNumber.checkDigit("AB", "1234567")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EntryNumber.checkDigit("ABC", "12345678")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EntryNumber.checkDigit("AB$", "1234567")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("$");
    }
}
