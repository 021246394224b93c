package org.centerline.contracts.entry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** The formats of the codes on an entry summary (DOMAIN.md). */
class FormatsTest {

    @ParameterizedTest
    @ValueSource(strings = {"12-3456789AB", "12-345678900", "98-7654321A0", "123-45-6789", "123456-12345"})
    void importerNumberInEachOfItsThreeForms(String s) {
        assertThat(Formats.isImporterNumber(s)).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"12-3456789", "12-3456789A", "12-3456789ab", "12-3456789ABC", "123456789AB", "1-23456789AB",
            "123-456-789", "123-45-678", "12345-12345", "1234567-12345", "123456-1234", "123456 12345", "AB-3456789AB"})
    void notAnImporterNumber(String s) {
        assertThat(Formats.isImporterNumber(s)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2704", "0101", "5301"})
    void portIsFourDigits(String s) {
        assertThat(Formats.isPort(s)).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"270", "27044", "27A4", " 2704", "２７０４"})
    void notAPort(String s) {
        assertThat(Formats.isPort(s)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"CN", "US", "MX", "DE", "VN"})
    void countryIsAnIsoAlpha2Code(String s) {
        assertThat(Formats.isCountry(s)).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"cn", "Cn", "CHN", "China", "XX", "ZZ", "C"})
    void notACountry(String s) {
        assertThat(Formats.isCountry(s)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"8471300100", "0101210010", "9903880300"})
    void htsNumberIsTenDigits(String s) {
        assertThat(Formats.isHtsNumber(s)).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"847130", "847130010", "84713001000", "8471.30.0100", "8471-30-0100", "847130010A"})
    void notAnHtsNumber(String s) {
        assertThat(Formats.isHtsNumber(s)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"99038803", "99038015", "99038501", "9903880100"})
    void chapter99NumberIsEightOrTenDigitsStartingWith99(String s) {
        assertThat(Formats.isChapter99Number(s)).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"9903880", "990388030", "99038803001", "98038803", "89038803", "9903.88.03", "9903880A"})
    void notAChapter99Number(String s) {
        assertThat(Formats.isChapter99Number(s)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"A-570-001", "C-570-068", "A-122-857", "C570068001", "A570900001"})
    void adcvdCaseInBothForms(String s) {
        assertThat(Formats.isAdcvdCase(s)).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"B-570-001", "a-570-001", "A-57-0001", "A570-001", "A-570-0011", "C57006800", "C5700680011",
            "D570068001", "A-570-00A"})
    void notAnAdcvdCase(String s) {
        assertThat(Formats.isAdcvdCase(s)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"10", "11", "40"})
    void modeOfTransportIsTwoDigits(String s) {
        assertThat(Formats.isModeOfTransport(s)).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"1", "100", "A1"})
    void notAModeOfTransport(String s) {
        assertThat(Formats.isModeOfTransport(s)).isFalse();
    }
}
