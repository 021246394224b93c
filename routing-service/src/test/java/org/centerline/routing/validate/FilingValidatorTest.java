package org.centerline.routing.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.centerline.contracts.center.HtsCenterTable;
import org.centerline.contracts.schema.Samples;
import org.centerline.contracts.entry.EntryNumber;
import org.centerline.contracts.event.EntryLine;
import org.centerline.contracts.event.EntrySummary;
import org.centerline.contracts.event.RejectionReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The validation rules of a filing, one by one, each by its field path and reason code. */
class FilingValidatorTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HtsCenterTable TABLE = HtsCenterTable.standard();
    private static final String ENTRY = "ABC-1234567-6";

    /** The example filing of CONTRACT.md. */
    private static final String CONTRACT_EXAMPLE = Samples.text("entry-summaries.filed/valid/contract-example.json");

    private final FilingValidator validator = new FilingValidator(TABLE, FilingValidator.DEFAULT_MAX_BYTES);

    // ---------------------------------------------------------------- helpers

    private static ObjectNode filing() {
        return (ObjectNode) JSON.readTree(CONTRACT_EXAMPLE);
    }

    private static ObjectNode line0(ObjectNode filing) {
        return (ObjectNode) filing.get("lines").get(0);
    }

    private static ObjectNode line(int lineNumber, String hts) {
        ObjectNode line = JSON.createObjectNode();
        line.put("lineNumber", lineNumber);
        line.put("htsNumber", hts);
        line.put("countryOfOrigin", "CN");
        line.put("enteredValue", new BigDecimal("10.00"));
        return line;
    }

    private static byte[] bytes(JsonNode node) {
        return JSON.writeValueAsBytes(node);
    }

    private ValidationResult validate(ObjectNode filing) {
        return validator.validate(ENTRY, bytes(filing));
    }

    private ValidationResult validate(Consumer<ObjectNode> change) {
        ObjectNode filing = filing();
        change.accept(filing);
        return validate(filing);
    }

    private static List<RejectionReason> reasons(ValidationResult result) {
        assertThat(result).isInstanceOf(ValidationResult.Invalid.class);
        return ((ValidationResult.Invalid) result).reasons();
    }

    /** The result is Invalid with exactly one reason, at this path with this code. */
    private static void assertOnlyReason(ValidationResult result, String field, ReasonCode code) {
        assertThat(reasons(result))
                .extracting(RejectionReason::field, RejectionReason::code)
                .containsExactly(tuple(field, code.name()));
        assertThat(reasons(result).get(0).message()).isNotBlank();
    }

    private static EntrySummary assertValid(ValidationResult result) {
        assertThat(result)
                .as("expected a valid filing but got %s", result)
                .isInstanceOf(ValidationResult.Valid.class);
        return ((ValidationResult.Valid) result).summary();
    }

    // ---------------------------------------------------------------- the valid filing

    @Test
    void contractExampleIsValidAndFullyRead() {
        EntrySummary summary = assertValid(validator.validate(ENTRY, CONTRACT_EXAMPLE.getBytes(StandardCharsets.UTF_8)));

        assertThat(summary.schemaVersion()).isEqualTo(1);
        assertThat(summary.entryNumber()).isEqualTo(ENTRY);
        assertThat(summary.filerCode()).isEqualTo("ABC");
        assertThat(summary.entryType()).isEqualTo("01");
        assertThat(summary.importerNumber()).isEqualTo("12-3456789AB");
        assertThat(summary.portOfEntry()).isEqualTo("2704");
        assertThat(summary.entryDate()).isEqualTo(LocalDate.of(2026, 11, 18));
        assertThat(summary.summaryDate()).isEqualTo(LocalDate.of(2026, 11, 20));
        assertThat(summary.modeOfTransport()).isEqualTo("11");
        assertThat(summary.lines()).hasSize(1);

        EntryLine line = summary.lines().get(0);
        assertThat(line.lineNumber()).isEqualTo(1);
        assertThat(line.htsNumber()).isEqualTo("8471300100");
        assertThat(line.countryOfOrigin()).isEqualTo("CN");
        // Read exactly, as a BigDecimal, keeping the two decimals as filed (no double rounding).
        assertThat(line.enteredValue()).isEqualTo(new BigDecimal("125000.00"));
        assertThat(line.enteredValue().scale()).isEqualTo(2);
        assertThat(line.chapter99Numbers()).containsExactly("99038803");
        assertThat(line.adcvdCaseNumber()).isNull();
    }

    @Test
    void schemaVersionIsOneWhenAbsentOrNull() {
        assertThat(assertValid(validate(f -> f.remove("schemaVersion"))).schemaVersion()).isEqualTo(1);
        assertThat(assertValid(validate(f -> f.putNull("schemaVersion"))).schemaVersion()).isEqualTo(1);
    }

    @Test
    void optionalFieldsMayBeAbsent() {
        EntrySummary summary = assertValid(validate(f -> {
            f.remove("entryDate");
            f.remove("modeOfTransport");
            line0(f).remove("chapter99Numbers");
            line0(f).remove("adcvdCaseNumber");
        }));
        assertThat(summary.entryDate()).isNull();
        assertThat(summary.modeOfTransport()).isNull();
        assertThat(summary.lines().get(0).chapter99Numbers()).isEmpty();
        assertThat(summary.lines().get(0).adcvdCaseNumber()).isNull();
    }

    @Test
    void enteredValueKeepsItsExactDecimalValue() {
        EntrySummary summary = assertValid(validate(f -> line0(f).put("enteredValue", new BigDecimal("0.10"))));
        assertThat(summary.lines().get(0).enteredValue()).isEqualByComparingTo("0.1");

        // 0.1 + 0.2 as doubles is not 0.3; read as decimals it must be exact.
        EntrySummary raw = assertValid(validator.validate(ENTRY, CONTRACT_EXAMPLE.replace("125000.00", "123456789012.34")
                .getBytes(StandardCharsets.UTF_8)));
        assertThat(raw.lines().get(0).enteredValue()).isEqualTo(new BigDecimal("123456789012.34"));
    }

    @Test
    void enteredValueAboveTheBoundIsOutOfRangeWithAShortMessage() {
        for (String huge : new String[] {"1000000000000", "1E+999999999"}) {
            ValidationResult result = validator.validate(ENTRY, CONTRACT_EXAMPLE.replace("125000.00", huge)
                    .getBytes(StandardCharsets.UTF_8));
            assertOnlyReason(result, "lines[0].enteredValue", ReasonCode.ENTERED_VALUE_RANGE);
            assertThat(reasons(result).get(0).message().length()).isLessThan(300);
        }
    }

    @Test
    void unknownFieldsAreIgnoredAtTopLevelAndInLines() {
        EntrySummary summary = assertValid(validate(f -> {
            f.put("brokerReference", "REF-1");
            f.putObject("extension").put("anything", 1);
            line0(f).put("unitOfMeasure", "NO");
            line0(f).putArray("futureField").add(1);
        }));
        assertThat(summary.entryNumber()).isEqualTo(ENTRY);
    }

    // ---------------------------------------------------------------- size and JSON shape

    @Test
    void emptyPayloadIsRejectedAsNotJson() {
        // An empty payload is not a JSON text; the validator reports it as MALFORMED_JSON at the root.
        assertOnlyReason(validator.validate(ENTRY, new byte[0]), "", ReasonCode.MALFORMED_JSON);
        assertOnlyReason(validator.validate(ENTRY, null), "", ReasonCode.MALFORMED_JSON);
    }

    @Test
    void payloadOverTheMaximumIsTooLarge() {
        FilingValidator small = new FilingValidator(TABLE, 2048);
        assertValid(small.validate(ENTRY, CONTRACT_EXAMPLE.getBytes(StandardCharsets.UTF_8)));

        ObjectNode big = filing();
        big.put("padding", "x".repeat(2048));
        ValidationResult result = small.validate(ENTRY, bytes(big));
        assertOnlyReason(result, "", ReasonCode.PAYLOAD_TOO_LARGE);
        assertThat(((ValidationResult.Invalid) result).entryNumber()).isNull();

        // Exactly at the maximum is still read (and here fails only as JSON), one byte more is too large.
        byte[] atMax = "x".repeat(2048).getBytes(StandardCharsets.UTF_8);
        assertOnlyReason(small.validate(ENTRY, atMax), "", ReasonCode.MALFORMED_JSON);
        byte[] overMax = "x".repeat(2049).getBytes(StandardCharsets.UTF_8);
        assertOnlyReason(small.validate(ENTRY, overMax), "", ReasonCode.PAYLOAD_TOO_LARGE);
    }

    static Stream<Arguments> notJson() {
        byte[] valid = CONTRACT_EXAMPLE.getBytes(StandardCharsets.UTF_8);
        byte[] truncated = java.util.Arrays.copyOf(valid, valid.length / 2);
        byte[] badUtf8 = "{\"entryNumber\":\"ABC-1234567-6\",\"filerCode\":\"AB\u0000\"}".getBytes(StandardCharsets.UTF_8);
        badUtf8[badUtf8.length - 4] = (byte) 0xC3; // a UTF-8 lead byte ...
        badUtf8[badUtf8.length - 3] = (byte) 0x28; // ... followed by a byte that cannot continue it
        byte[] loneContinuation = new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0x80, (byte) 0xFF, '"', '}'};
        return Stream.of(
                Arguments.of("not JSON at all", "this is not json".getBytes(StandardCharsets.UTF_8)),
                Arguments.of("missing comma", "{\"a\":1 \"b\":2}".getBytes(StandardCharsets.UTF_8)),
                Arguments.of("single quotes", "{'entryNumber':'ABC-1234567-6'}".getBytes(StandardCharsets.UTF_8)),
                Arguments.of("truncated", truncated),
                Arguments.of("trailing second document", (CONTRACT_EXAMPLE + " {}").getBytes(StandardCharsets.UTF_8)),
                Arguments.of("invalid UTF-8 continuation", badUtf8),
                Arguments.of("invalid UTF-8 bytes", loneContinuation),
                Arguments.of("5,000 nested arrays", ("[".repeat(5000) + "]".repeat(5000)).getBytes(StandardCharsets.UTF_8)),
                Arguments.of("5,000 nested arrays in a field",
                        ("{\"entryNumber\":" + "[".repeat(5000) + "]".repeat(5000) + "}").getBytes(StandardCharsets.UTF_8)),
                Arguments.of("5,000 nested objects",
                        ("{\"a\":".repeat(5000) + "1" + "}".repeat(5000)).getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notJson")
    void notJsonIsMalformedWithoutThrowing(String name, byte[] payload) {
        ValidationResult result = validator.validate(ENTRY, payload);
        assertOnlyReason(result, "", ReasonCode.MALFORMED_JSON);
        ValidationResult.Invalid invalid = (ValidationResult.Invalid) result;
        assertThat(invalid.entryNumber()).isNull();
        assertThat(invalid.filerCode()).isNull();
    }

    @Test
    void whitespaceOnlyPayloadIsNotJson() {
        // RFC 8259: a JSON text is a value; blanks alone are not JSON, so the filing is malformed, not a non-object.
        assertOnlyReason(validator.validate(ENTRY, "  \n ".getBytes(StandardCharsets.UTF_8)), "", ReasonCode.MALFORMED_JSON);
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "[{\"entryNumber\":\"ABC-1234567-6\"}]", "\"ABC-1234567-6\"", "42", "true", "null"})
    void rootThatIsNotAnObject(String json) {
        assertOnlyReason(validator.validate(ENTRY, json.getBytes(StandardCharsets.UTF_8)), "", ReasonCode.NOT_AN_OBJECT);
    }

    // ---------------------------------------------------------------- required and types

    @ParameterizedTest
    @ValueSource(strings = {"entryNumber", "filerCode", "entryType", "importerNumber", "portOfEntry", "summaryDate", "lines"})
    void requiredTopLevelFieldMissing(String field) {
        assertOnlyReason(validator.validate(null, bytes(removed(field))), field, ReasonCode.REQUIRED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"entryNumber", "filerCode", "entryType", "importerNumber", "portOfEntry", "summaryDate", "lines"})
    void requiredTopLevelFieldNull(String field) {
        ObjectNode filing = filing();
        filing.putNull(field);
        assertOnlyReason(validator.validate(null, bytes(filing)), field, ReasonCode.REQUIRED);
    }

    private static ObjectNode removed(String field) {
        ObjectNode filing = filing();
        filing.remove(field);
        return filing;
    }

    @ParameterizedTest
    @ValueSource(strings = {"lineNumber", "htsNumber", "countryOfOrigin", "enteredValue"})
    void requiredLineFieldMissing(String field) {
        assertOnlyReason(validate(f -> line0(f).remove(field)), "lines[0]." + field, ReasonCode.REQUIRED);
    }

    @Test
    void requiredLineFieldMissingInALaterLineHasThatLinesPath() {
        ValidationResult result = validate(f -> {
            ArrayNode lines = (ArrayNode) f.get("lines");
            lines.add(line(2, "0101210010"));
            ObjectNode third = line(3, "0101210010");
            third.remove("countryOfOrigin");
            lines.add(third);
        });
        assertOnlyReason(result, "lines[2].countryOfOrigin", ReasonCode.REQUIRED);
    }

    static Stream<Arguments> wrongTypes() {
        return Stream.of(
                Arguments.of("entryNumber", (Consumer<ObjectNode>) f -> f.put("entryNumber", 1234567)),
                Arguments.of("filerCode", (Consumer<ObjectNode>) f -> f.put("filerCode", 123)),
                Arguments.of("entryType", (Consumer<ObjectNode>) f -> f.put("entryType", 1)),
                Arguments.of("importerNumber", (Consumer<ObjectNode>) f -> f.putArray("importerNumber").add("12-3456789AB")),
                Arguments.of("portOfEntry", (Consumer<ObjectNode>) f -> f.put("portOfEntry", 2704)),
                Arguments.of("modeOfTransport", (Consumer<ObjectNode>) f -> f.put("modeOfTransport", 11)),
                Arguments.of("entryDate", (Consumer<ObjectNode>) f -> f.put("entryDate", 20261118)),
                Arguments.of("summaryDate", (Consumer<ObjectNode>) f -> f.put("summaryDate", true)),
                Arguments.of("lines", (Consumer<ObjectNode>) f -> f.putObject("lines").put("lineNumber", 1)),
                Arguments.of("lines", (Consumer<ObjectNode>) f -> f.put("lines", "one line")),
                Arguments.of("lines[0]", (Consumer<ObjectNode>) f -> ((ArrayNode) f.get("lines")).set(0, JSON.getNodeFactory().stringNode("line"))),
                Arguments.of("lines[0]", (Consumer<ObjectNode>) f -> ((ArrayNode) f.get("lines")).set(0, JSON.getNodeFactory().numberNode(1))),
                Arguments.of("lines[0].lineNumber", (Consumer<ObjectNode>) f -> line0(f).put("lineNumber", "1")),
                Arguments.of("lines[0].htsNumber", (Consumer<ObjectNode>) f -> line0(f).put("htsNumber", 8471300100L)),
                Arguments.of("lines[0].countryOfOrigin", (Consumer<ObjectNode>) f -> line0(f).put("countryOfOrigin", 156)),
                Arguments.of("lines[0].enteredValue", (Consumer<ObjectNode>) f -> line0(f).put("enteredValue", "125000.00")),
                Arguments.of("lines[0].enteredValue", (Consumer<ObjectNode>) f -> line0(f).putObject("enteredValue").put("amount", 1)),
                Arguments.of("lines[0].chapter99Numbers", (Consumer<ObjectNode>) f -> line0(f).put("chapter99Numbers", "99038803")),
                Arguments.of("lines[0].adcvdCaseNumber", (Consumer<ObjectNode>) f -> line0(f).put("adcvdCaseNumber", 570001)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongTypes")
    void wrongTypeAtItsPath(String field, Consumer<ObjectNode> change) {
        assertOnlyReason(validate(change), field, ReasonCode.WRONG_TYPE);
    }

    // ---------------------------------------------------------------- schema version

    @ParameterizedTest
    @ValueSource(strings = {"2", "0", "-1", "1.5", "\"1\""})
    void unsupportedSchemaVersion(String version) {
        byte[] payload = CONTRACT_EXAMPLE.replace("\"schemaVersion\": 1", "\"schemaVersion\": " + version)
                .getBytes(StandardCharsets.UTF_8);
        assertOnlyReason(validator.validate(ENTRY, payload), "schemaVersion", ReasonCode.SCHEMA_VERSION_UNSUPPORTED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"4294967297", "9223372036854775807", "123456789012345678901234567890"})
    void schemaVersionOutsideIntRangeIsUnsupportedNotAnException(String version) {
        byte[] payload = CONTRACT_EXAMPLE.replace("\"schemaVersion\": 1", "\"schemaVersion\": " + version)
                .getBytes(StandardCharsets.UTF_8);
        assertOnlyReason(validator.validate(ENTRY, payload), "schemaVersion", ReasonCode.SCHEMA_VERSION_UNSUPPORTED);
    }

    // ---------------------------------------------------------------- entry number, key, filer code

    @ParameterizedTest
    @ValueSource(strings = {"ABC1234567-6", "ABC-123456-6", "ABC-12345678-6", "abc-1234567-6", "ABC-1234567-X",
        "ABC-12345A7-6", "ABC_1234567_6", "", " ABC-1234567-6"})
    void entryNumberFormat(String number) {
        ObjectNode filing = filing();
        filing.put("entryNumber", number);
        ValidationResult result = validator.validate(null, bytes(filing));
        assertOnlyReason(result, "entryNumber", ReasonCode.ENTRY_NUMBER_FORMAT);
        assertThat(((ValidationResult.Invalid) result).entryNumber()).isNull();
        assertThat(((ValidationResult.Invalid) result).filerCode()).isEqualTo("ABC");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 7, 8, 9})
    void entryNumberCheckDigit(int wrongDigit) {
        String number = "ABC-1234567-" + wrongDigit;
        ObjectNode filing = filing();
        filing.put("entryNumber", number);
        ValidationResult result = validator.validate(number, bytes(filing));
        assertOnlyReason(result, "entryNumber", ReasonCode.ENTRY_NUMBER_CHECK_DIGIT);
        assertThat(reasons(result).get(0).message()).contains("6");
        // Well-formed, so the rejection can still be keyed by it.
        assertThat(((ValidationResult.Invalid) result).entryNumber()).isEqualTo(number);
    }

    @Test
    void otherEntryNumbersWithTheirCheckDigitAreValid() {
        for (String serial : List.of("0000000", "1234568", "9999999", "7654321")) {
            String number = EntryNumber.of("ABC", serial).toString();
            ObjectNode filing = filing();
            filing.put("entryNumber", number);
            assertValid(validator.validate(number, bytes(filing)));
        }
        assertThat(EntryNumber.of("ABC", "1234568").toString()).isEqualTo("ABC-1234568-4");
    }

    @Test
    void recordKeyMustBeTheEntryNumber() {
        ValidationResult result = validator.validate("ABC-1234568-4", bytes(filing()));
        assertOnlyReason(result, "entryNumber", ReasonCode.KEY_MISMATCH);
        assertThat(((ValidationResult.Invalid) result).entryNumber()).isEqualTo(ENTRY);

        assertOnlyReason(validator.validate("", bytes(filing())), "entryNumber", ReasonCode.KEY_MISMATCH);
        assertOnlyReason(validator.validate("abc-1234567-6", bytes(filing())), "entryNumber", ReasonCode.KEY_MISMATCH);
    }

    @Test
    void nullRecordKeyIsAccepted() {
        assertThat(assertValid(validator.validate(null, bytes(filing()))).entryNumber()).isEqualTo(ENTRY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"AB", "ABCD", "abc", "A-C", "", "AB "})
    void filerCodeFormat(String code) {
        assertOnlyReason(validate(f -> f.put("filerCode", code)), "filerCode", ReasonCode.FILER_CODE_FORMAT);
    }

    @Test
    void filerCodeMustBeTheEntryNumbersPrefix() {
        ValidationResult result = validate(f -> f.put("filerCode", "XYZ"));
        assertOnlyReason(result, "filerCode", ReasonCode.FILER_CODE_MISMATCH);
        assertThat(((ValidationResult.Invalid) result).filerCode()).isEqualTo("XYZ");
    }

    @Test
    void digitFilerCodeIsValid() {
        String number = EntryNumber.of("9K1", "1234567").toString();
        ObjectNode filing = filing();
        filing.put("entryNumber", number);
        filing.put("filerCode", "9K1");
        assertThat(assertValid(validator.validate(number, bytes(filing))).filerCode()).isEqualTo("9K1");
    }

    // ---------------------------------------------------------------- codes

    @ParameterizedTest
    @ValueSource(strings = {"99", "1", "001", "00", "09", "10", "86 ", "AB"})
    void unknownEntryType(String type) {
        assertOnlyReason(validate(f -> f.put("entryType", type)), "entryType", ReasonCode.ENTRY_TYPE_UNKNOWN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"01", "02", "03", "06", "07", "11", "21", "26", "31", "38", "51", "52"})
    void knownEntryTypes(String type) {
        assertThat(assertValid(validate(f -> f.put("entryType", type))).entryType()).isEqualTo(type);
    }

    @ParameterizedTest
    @ValueSource(strings = {"12-3456789AB", "12-345678900", "123-45-6789", "123456-12345"})
    void importerNumberValidForms(String importer) {
        assertThat(assertValid(validate(f -> f.put("importerNumber", importer))).importerNumber()).isEqualTo(importer);
    }

    @ParameterizedTest
    @ValueSource(strings = {"12-3456789", "12-3456789ab", "123456789AB", "1-23456789AB", "123-456-789", "12345-12345",
        "123456-1234", "12-3456789ABC", "", "XX-XXXXXXXXX"})
    void importerNumberBadForms(String importer) {
        assertOnlyReason(validate(f -> f.put("importerNumber", importer)), "importerNumber", ReasonCode.IMPORTER_NUMBER_FORMAT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"270", "27040", "27O4", "", "２７０４"})
    void portFormat(String port) {
        assertOnlyReason(validate(f -> f.put("portOfEntry", port)), "portOfEntry", ReasonCode.PORT_FORMAT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"China", "cn", "XX", "C", "CHN", "", "Cn"})
    void countryOfOrigin(String country) {
        assertOnlyReason(validate(f -> line0(f).put("countryOfOrigin", country)), "lines[0].countryOfOrigin",
                ReasonCode.COUNTRY_FORMAT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"MX", "DE", "VN", "US"})
    void countryOfOriginValid(String country) {
        assertValid(validate(f -> line0(f).put("countryOfOrigin", country)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "111", "AB", ""})
    void modeOfTransport(String mode) {
        assertOnlyReason(validate(f -> f.put("modeOfTransport", mode)), "modeOfTransport", ReasonCode.MODE_OF_TRANSPORT_FORMAT);
    }

    // ---------------------------------------------------------------- dates

    @ParameterizedTest
    @ValueSource(strings = {"2026-13-01", "20/11/2026", "2026-02-30", "2026-11-20T10:00:00Z", "", "Nov 20, 2026"})
    void summaryDateThatDoesNotParse(String date) {
        assertOnlyReason(validate(f -> f.put("summaryDate", date)), "summaryDate", ReasonCode.DATE_FORMAT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-13-01", "20/11/2026"})
    void entryDateThatDoesNotParse(String date) {
        assertOnlyReason(validate(f -> f.put("entryDate", date)), "entryDate", ReasonCode.DATE_FORMAT);
    }

    @Test
    void summaryDateBeforeEntryDate() {
        assertOnlyReason(validate(f -> f.put("summaryDate", "2026-11-17")), "summaryDate", ReasonCode.SUMMARY_BEFORE_ENTRY);
        // The same day is fine.
        assertValid(validate(f -> f.put("summaryDate", "2026-11-18")));
    }

    // ---------------------------------------------------------------- lines

    private static ObjectNode withLines(int count) {
        ObjectNode filing = filing();
        ArrayNode lines = filing.putArray("lines");
        for (int i = 1; i <= count; i++) {
            lines.add(line(i, "8471300100"));
        }
        return filing;
    }

    @Test
    void noLines() {
        assertOnlyReason(validate(withLines(0)), "lines", ReasonCode.LINE_COUNT);
    }

    @Test
    void oneThousandLines() {
        assertOnlyReason(validate(withLines(1000)), "lines", ReasonCode.LINE_COUNT);
    }

    @Test
    void nineHundredNinetyNineLinesAreValid() {
        EntrySummary summary = assertValid(validate(withLines(999)));
        assertThat(summary.lines()).hasSize(999);
        assertThat(summary.lines().get(998).lineNumber()).isEqualTo(999);
    }

    @Test
    void duplicateLineNumberIsReportedAtTheSecondLine() {
        ValidationResult result = validate(f -> {
            ArrayNode lines = (ArrayNode) f.get("lines");
            lines.add(line(2, "0101210010"));
            lines.add(line(1, "0101210010"));
        });
        assertOnlyReason(result, "lines[2].lineNumber", ReasonCode.LINE_NUMBER_DUPLICATE);
    }

    @Test
    void lineNumbersNeedNotBeInOrder() {
        ObjectNode filing = filing();
        line0(filing).put("lineNumber", 3);
        ((ArrayNode) filing.get("lines")).add(line(1, "0101210010"));
        assertThat(assertValid(validate(filing)).lines()).extracting(EntryLine::lineNumber).containsExactly(3, 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "1.5", "1000", "99999999999"})
    void invalidLineNumber(String lineNumber) {
        byte[] payload = CONTRACT_EXAMPLE.replace("\"lineNumber\": 1", "\"lineNumber\": " + lineNumber)
                .getBytes(StandardCharsets.UTF_8);
        assertOnlyReason(validator.validate(ENTRY, payload), "lines[0].lineNumber", ReasonCode.LINE_NUMBER_INVALID);
    }

    @ParameterizedTest
    @ValueSource(strings = {"847130010", "84713001000", "8471.30.0100", "847130010A", "", "8471 30 01"})
    void htsNotTenDigits(String hts) {
        assertOnlyReason(validate(f -> line0(f).put("htsNumber", hts)), "lines[0].htsNumber", ReasonCode.HTS_FORMAT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"7701000000", "7799999999", "0012345678", "0000000000"})
    void htsInAChapterTheTableDoesNotKnow(String hts) {
        assertOnlyReason(validate(f -> line0(f).put("htsNumber", hts)), "lines[0].htsNumber", ReasonCode.HTS_CHAPTER_UNKNOWN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0101210010", "9903880300", "9801001000", "9701100000", "7601103000"})
    void htsInKnownChaptersIsValid(String hts) {
        assertValid(validate(f -> line0(f).put("htsNumber", hts)));
    }

    @Test
    void enteredValueNegative() {
        byte[] payload = CONTRACT_EXAMPLE.replace("125000.00", "-0.01").getBytes(StandardCharsets.UTF_8);
        assertOnlyReason(validator.validate(ENTRY, payload), "lines[0].enteredValue", ReasonCode.ENTERED_VALUE_NEGATIVE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0.0", "0.00", "1", "1.5", "1.50", "1.500", "1E+3", "99999999999.99"})
    void enteredValueZeroOrTwoDecimalsPasses(String value) {
        byte[] payload = CONTRACT_EXAMPLE.replace("125000.00", value).getBytes(StandardCharsets.UTF_8);
        EntrySummary summary = assertValid(validator.validate(ENTRY, payload));
        assertThat(summary.lines().get(0).enteredValue()).isEqualByComparingTo(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.005", "0.001", "125000.001", "1E-3"})
    void enteredValueMoreThanTwoDecimals(String value) {
        byte[] payload = CONTRACT_EXAMPLE.replace("125000.00", value).getBytes(StandardCharsets.UTF_8);
        assertOnlyReason(validator.validate(ENTRY, payload), "lines[0].enteredValue", ReasonCode.ENTERED_VALUE_PRECISION);
    }

    @Test
    void enteredValueNegativeAndTooPreciseGivesBothReasons() {
        byte[] payload = CONTRACT_EXAMPLE.replace("125000.00", "-1.005").getBytes(StandardCharsets.UTF_8);
        assertThat(reasons(validator.validate(ENTRY, payload)))
                .extracting(RejectionReason::field, RejectionReason::code)
                .containsExactlyInAnyOrder(
                        tuple("lines[0].enteredValue", ReasonCode.ENTERED_VALUE_NEGATIVE.name()),
                        tuple("lines[0].enteredValue", ReasonCode.ENTERED_VALUE_PRECISION.name()));
    }

    @Test
    void negativeEnteredValueWithHugeExponentYieldsAClippedMessage() {
        byte[] payload = CONTRACT_EXAMPLE.replace("125000.00", "-1E+10000000").getBytes(StandardCharsets.UTF_8);
        ValidationResult result = validator.validate(ENTRY, payload);
        assertOnlyReason(result, "lines[0].enteredValue", ReasonCode.ENTERED_VALUE_NEGATIVE);
        assertThat(reasons(result).get(0).message().length()).isLessThan(300);
    }

    @Test
    void tinyEnteredValueWithHugeNegativeExponentIsRejectedCheaply() {
        byte[] payload = CONTRACT_EXAMPLE.replace("125000.00", "1E-999999999").getBytes(StandardCharsets.UTF_8);
        ValidationResult result = validator.validate(ENTRY, payload);
        assertOnlyReason(result, "lines[0].enteredValue", ReasonCode.ENTERED_VALUE_PRECISION);
        assertThat(reasons(result).get(0).message().length()).isLessThan(300);
    }

    @ParameterizedTest
    @ValueSource(strings = {"9903880", "12345678", "990388030", "99038803001", "9903.88.03", "", "ABCDEFGH", "1234567890"})
    void chapter99Format(String number) {
        assertOnlyReason(validate(f -> line0(f).putArray("chapter99Numbers").add("99038803").add(number)),
                "lines[0].chapter99Numbers[1]", ReasonCode.CHAPTER99_FORMAT);
    }

    @Test
    void chapter99NumberThatIsNotAString() {
        assertOnlyReason(validate(f -> line0(f).putArray("chapter99Numbers").add(99038803)),
                "lines[0].chapter99Numbers[0]", ReasonCode.CHAPTER99_FORMAT);
    }

    @Test
    void chapter99FormatInASecondLine() {
        ValidationResult result = validate(f -> {
            ObjectNode second = line(2, "7208100000");
            second.putArray("chapter99Numbers").add("9903880");
            ((ArrayNode) f.get("lines")).add(second);
        });
        assertOnlyReason(result, "lines[1].chapter99Numbers[0]", ReasonCode.CHAPTER99_FORMAT);
    }

    @Test
    void chapter99TenDigitsAndEmptyListAreValid() {
        assertThat(assertValid(validate(f -> line0(f).putArray("chapter99Numbers").add("9903880100").add("99038187")))
                .lines().get(0).chapter99Numbers()).containsExactly("9903880100", "99038187");
        assertThat(assertValid(validate(f -> line0(f).putArray("chapter99Numbers"))).lines().get(0).chapter99Numbers())
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"A-570-001", "C-570-068", "C570068001", "A570001000", "A-570-910-000", "A570-910-000",
        "C-570-068-001", "C570-068-001"})
    void adcvdCaseValid(String caseNumber) {
        assertThat(assertValid(validate(f -> line0(f).put("adcvdCaseNumber", caseNumber))).lines().get(0).adcvdCaseNumber())
                .isEqualTo(caseNumber);
    }

    @ParameterizedTest
    @ValueSource(strings = {"A570001", "B-570-001", "a-570-001", "A-5700-01", "C57006800", "C5700680011", "", "A-570-00X",
        "A-570910-000", "A570-910000", "A-570-910-00", "A570-910-0000", "A-570-910-000-"})
    void adcvdCaseBad(String caseNumber) {
        assertOnlyReason(validate(f -> line0(f).put("adcvdCaseNumber", caseNumber)), "lines[0].adcvdCaseNumber",
                ReasonCode.ADCVD_CASE_FORMAT);
    }

    // ---------------------------------------------------------------- all reasons at once, hostile sizes

    @Test
    void manyFaultsAreAllReportedAtOnce() {
        ObjectNode filing = filing();
        filing.put("schemaVersion", 2);
        filing.put("entryNumber", "ABC-1234567-5");   // wrong check digit
        filing.put("filerCode", "XYZ");               // not the entry number's filer
        filing.put("entryType", "99");
        filing.put("importerNumber", "12345");
        filing.put("portOfEntry", "27");
        filing.put("modeOfTransport", "A");
        filing.put("entryDate", "2026-11-18");
        filing.put("summaryDate", "2026-11-01");     // before entry
        ObjectNode first = line0(filing);
        first.put("htsNumber", "847130");
        first.put("countryOfOrigin", "China");
        first.put("enteredValue", new BigDecimal("-1"));
        first.putArray("chapter99Numbers").add("9903880");
        first.put("adcvdCaseNumber", "X-1");
        ObjectNode second = line(1, "7701000000");   // duplicate line number, reserved chapter
        second.put("enteredValue", new BigDecimal("1.005"));
        second.remove("countryOfOrigin");
        ArrayNode lines = (ArrayNode) filing.get("lines");
        lines.add(second);
        lines.add(JSON.getNodeFactory().stringNode("line three"));

        ValidationResult result = validator.validate("ABC-1234567-6", bytes(filing));

        List<RejectionReason> reasons = reasons(result);
        assertThat(reasons)
                .extracting(RejectionReason::field, RejectionReason::code)
                .containsExactlyInAnyOrder(
                        tuple("schemaVersion", "SCHEMA_VERSION_UNSUPPORTED"),
                        tuple("entryNumber", "ENTRY_NUMBER_CHECK_DIGIT"),
                        tuple("entryNumber", "KEY_MISMATCH"),
                        tuple("filerCode", "FILER_CODE_MISMATCH"),
                        tuple("entryType", "ENTRY_TYPE_UNKNOWN"),
                        tuple("importerNumber", "IMPORTER_NUMBER_FORMAT"),
                        tuple("portOfEntry", "PORT_FORMAT"),
                        tuple("modeOfTransport", "MODE_OF_TRANSPORT_FORMAT"),
                        tuple("summaryDate", "SUMMARY_BEFORE_ENTRY"),
                        tuple("lines[0].htsNumber", "HTS_FORMAT"),
                        tuple("lines[0].countryOfOrigin", "COUNTRY_FORMAT"),
                        tuple("lines[0].enteredValue", "ENTERED_VALUE_NEGATIVE"),
                        tuple("lines[0].chapter99Numbers[0]", "CHAPTER99_FORMAT"),
                        tuple("lines[0].adcvdCaseNumber", "ADCVD_CASE_FORMAT"),
                        tuple("lines[1].lineNumber", "LINE_NUMBER_DUPLICATE"),
                        tuple("lines[1].htsNumber", "HTS_CHAPTER_UNKNOWN"),
                        tuple("lines[1].countryOfOrigin", "REQUIRED"),
                        tuple("lines[1].enteredValue", "ENTERED_VALUE_PRECISION"),
                        tuple("lines[2]", "WRONG_TYPE"));
        assertThat(reasons).hasSize(19);
        assertThat(reasons).allSatisfy(r -> assertThat(r.message()).isNotBlank());
        ValidationResult.Invalid invalid = (ValidationResult.Invalid) result;
        assertThat(invalid.entryNumber()).isEqualTo("ABC-1234567-5");
        assertThat(invalid.filerCode()).isEqualTo("XYZ");
    }

    @Test
    void wrongTypesDoNotHideOtherErrors() {
        ValidationResult result = validate(f -> {
            f.put("entryNumber", 1);
            f.put("portOfEntry", "1");
            line0(f).put("enteredValue", "lots");
            line0(f).put("htsNumber", "1");
        });
        assertThat(reasons(result))
                .extracting(RejectionReason::field, RejectionReason::code)
                .containsExactlyInAnyOrder(
                        tuple("entryNumber", "WRONG_TYPE"),
                        tuple("portOfEntry", "PORT_FORMAT"),
                        tuple("lines[0].enteredValue", "WRONG_TYPE"),
                        tuple("lines[0].htsNumber", "HTS_FORMAT"));
    }

    static Stream<Arguments> hugeStrings() {
        String huge = "A".repeat(1024 * 1024);
        return Stream.of(
                Arguments.of("entryNumber", ReasonCode.ENTRY_NUMBER_FORMAT, (Consumer<ObjectNode>) f -> f.put("entryNumber", huge)),
                Arguments.of("filerCode", ReasonCode.FILER_CODE_FORMAT, (Consumer<ObjectNode>) f -> f.put("filerCode", huge)),
                Arguments.of("entryType", ReasonCode.ENTRY_TYPE_UNKNOWN, (Consumer<ObjectNode>) f -> f.put("entryType", huge)),
                Arguments.of("importerNumber", ReasonCode.IMPORTER_NUMBER_FORMAT, (Consumer<ObjectNode>) f -> f.put("importerNumber", huge)),
                Arguments.of("portOfEntry", ReasonCode.PORT_FORMAT, (Consumer<ObjectNode>) f -> f.put("portOfEntry", huge)),
                Arguments.of("modeOfTransport", ReasonCode.MODE_OF_TRANSPORT_FORMAT, (Consumer<ObjectNode>) f -> f.put("modeOfTransport", huge)),
                Arguments.of("summaryDate", ReasonCode.DATE_FORMAT, (Consumer<ObjectNode>) f -> f.put("summaryDate", huge)),
                Arguments.of("lines[0].htsNumber", ReasonCode.HTS_FORMAT, (Consumer<ObjectNode>) f -> line0(f).put("htsNumber", huge)),
                Arguments.of("lines[0].countryOfOrigin", ReasonCode.COUNTRY_FORMAT,
                        (Consumer<ObjectNode>) f -> line0(f).put("countryOfOrigin", huge)),
                Arguments.of("lines[0].chapter99Numbers[0]", ReasonCode.CHAPTER99_FORMAT,
                        (Consumer<ObjectNode>) f -> line0(f).putArray("chapter99Numbers").add(huge)),
                Arguments.of("lines[0].adcvdCaseNumber", ReasonCode.ADCVD_CASE_FORMAT,
                        (Consumer<ObjectNode>) f -> line0(f).put("adcvdCaseNumber", huge)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hugeStrings")
    void hugeStringFieldYieldsAClippedMessage(String field, ReasonCode code, Consumer<ObjectNode> change) {
        FilingValidator twoMiB = new FilingValidator(TABLE, 2 * 1024 * 1024);
        ObjectNode filing = filing();
        change.accept(filing);
        byte[] payload = bytes(filing);
        assertThat(payload.length).isGreaterThan(1024 * 1024).isLessThan(2 * 1024 * 1024);

        ValidationResult result = twoMiB.validate(null, payload);

        List<RejectionReason> reasons = reasons(result);
        assertThat(reasons).extracting(RejectionReason::field, RejectionReason::code).contains(tuple(field, code.name()));
        assertThat(reasons).allSatisfy(r -> assertThat(r.message().length()).isLessThan(300));
    }

    @Test
    void hugeRecordKeyYieldsAClippedMessage() {
        ValidationResult result = validator.validate("K".repeat(1024 * 1024), bytes(filing()));
        assertOnlyReason(result, "entryNumber", ReasonCode.KEY_MISMATCH);
        assertThat(reasons(result).get(0).message().length()).isLessThan(300);
    }

    @Test
    void hugeSchemaVersionStringYieldsAClippedMessage() {
        FilingValidator twoMiB = new FilingValidator(TABLE, 2 * 1024 * 1024);
        ObjectNode filing = filing();
        filing.put("schemaVersion", "1".repeat(1024 * 1024));
        ValidationResult result = twoMiB.validate(null, bytes(filing));
        assertOnlyReason(result, "schemaVersion", ReasonCode.SCHEMA_VERSION_UNSUPPORTED);
        assertThat(reasons(result).get(0).message().length()).isLessThan(300);
    }

    @Test
    void aFilingWithThousandsOfFaultsListsTheFirstHundredAndSaysThereAreMore() {
        String bad = "\"1\",".repeat(5_000) + "\"2\"";
        byte[] payload = CONTRACT_EXAMPLE.replace("\"chapter99Numbers\": [\"99038803\"]", "\"chapter99Numbers\": [" + bad + "]")
                .getBytes(StandardCharsets.UTF_8);
        List<RejectionReason> reasons = reasons(validator.validate(ENTRY, payload));
        assertThat(reasons).hasSize(FilingValidator.MAX_REASONS + 1);
        assertThat(reasons.get(reasons.size() - 1).code()).isEqualTo(ReasonCode.TOO_MANY_REASONS.name());
        assertThat(reasons.get(0).code()).isEqualTo(ReasonCode.CHAPTER99_FORMAT.name());
    }
}
