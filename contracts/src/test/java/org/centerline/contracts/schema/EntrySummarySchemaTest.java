package org.centerline.contracts.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.centerline.contracts.schema.ContractSchemas.ENTRY_SUMMARY;

import com.networknt.schema.Error;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.centerline.contracts.entry.EntryNumber;
import org.centerline.contracts.entry.EntryType;
import org.centerline.contracts.entry.Formats;
import org.centerline.contracts.event.EntryLine;
import org.centerline.contracts.event.EntrySummary;
import org.centerline.contracts.json.CenterlineJson;
import org.centerline.contracts.sample.FilingGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code entry-summary.schema.json}, the authority for {@code entry-summaries.filed}, against sample and generated filings. */
class EntrySummarySchemaTest {

    private static final String VALID = "entry-summaries.filed/valid";
    private static final String INVALID = "entry-summaries.filed/invalid";

    /** Each invalid sample, with the one violation it must be reported for: keyword, instance location (JSON pointer), property. */
    private static final Map<String, Expected> INVALID_SAMPLES = new TreeMap<>(Map.ofEntries(
            Map.entry("missing-port-of-entry.json", new Expected("required", "", "portOfEntry")),
            Map.entry("missing-lines.json", new Expected("required", "", "lines")),
            Map.entry("no-lines.json", new Expected("minItems", "/lines", null)),
            Map.entry("line-missing-hts-number.json", new Expected("required", "/lines/0", "htsNumber")),
            Map.entry("hts-six-digits.json", new Expected("pattern", "/lines/0/htsNumber", null)),
            Map.entry("hts-with-dots.json", new Expected("pattern", "/lines/0/htsNumber", null)),
            Map.entry("hts-as-number.json", new Expected("type", "/lines/0/htsNumber", null)),
            Map.entry("negative-entered-value.json", new Expected("minimum", "/lines/0/enteredValue", null)),
            Map.entry("three-decimal-entered-value.json", new Expected("multipleOf", "/lines/0/enteredValue", null)),
            Map.entry("entered-value-as-string.json", new Expected("type", "/lines/0/enteredValue", null)),
            Map.entry("country-name.json", new Expected("pattern", "/lines/0/countryOfOrigin", null)),
            Map.entry("entry-number-without-check-digit.json", new Expected("pattern", "/entryNumber", null)),
            Map.entry("lower-case-filer-code.json", new Expected("pattern", "/filerCode", null)),
            Map.entry("one-digit-entry-type.json", new Expected("pattern", "/entryType", null)),
            Map.entry("entry-type-as-number.json", new Expected("type", "/entryType", null)),
            Map.entry("importer-without-suffix.json", new Expected("pattern", "/importerNumber", null)),
            Map.entry("three-digit-port.json", new Expected("pattern", "/portOfEntry", null)),
            Map.entry("impossible-summary-date.json", new Expected("format", "/summaryDate", null)),
            Map.entry("us-style-entry-date.json", new Expected("format", "/entryDate", null)),
            Map.entry("one-digit-mode-of-transport.json", new Expected("pattern", "/modeOfTransport", null)),
            Map.entry("chapter99-not-99.json", new Expected("pattern", "/lines/0/chapter99Numbers/0", null)),
            Map.entry("chapter99-nine-digits.json", new Expected("pattern", "/lines/0/chapter99Numbers/1", null)),
            Map.entry("adcvd-case-bad-form.json", new Expected("pattern", "/lines/0/adcvdCaseNumber", null)),
            Map.entry("schema-version-2.json", new Expected("const", "/schemaVersion", null)),
            Map.entry("line-number-zero.json", new Expected("minimum", "/lines/0/lineNumber", null)),
            Map.entry("not-an-object.json", new Expected("type", "", null))));

    record Expected(String keyword, String location, String property) {
    }

    static Stream<Path> validSamples() {
        return Samples.jsonFiles(VALID).stream();
    }

    static Stream<Arguments> invalidSamples() {
        return INVALID_SAMPLES.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validSamples")
    void validSamplePasses(Path sample) {
        assertThat(ContractSchemas.validate(ENTRY_SUMMARY, Samples.read(sample))).isEmpty();
    }

    /** The valid samples are valid filings through and through, not only to the schema: routing-service would accept them. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("validSamples")
    void validSampleIsAValidFilingBeyondTheSchema(Path sample) {
        JsonNode filing = CenterlineJson.mapper().readTree(Samples.read(sample));
        String entryNumber = filing.get("entryNumber").asString();
        assertThat(EntryNumber.parse(entryNumber)).as("check digit of %s", entryNumber).isPresent();
        assertThat(entryNumber).startsWith(filing.get("filerCode").asString());
        assertThat(EntryType.fromCode(filing.get("entryType").asString())).isPresent();
        for (JsonNode line : filing.get("lines")) {
            String country = line.get("countryOfOrigin").asString();
            assertThat(Formats.isCountry(country)).as(country).isTrue();
            line.path("chapter99Numbers").forEach(n -> assertThat(Formats.isChapter99Number(n.asString())).as(n.asString()).isTrue());
            if (line.hasNonNull("adcvdCaseNumber")) {
                assertThat(Formats.isAdcvdCase(line.get("adcvdCaseNumber").asString())).isTrue();
            }
        }
    }

    @Test
    void theContractExampleIsAmongTheValidSamples() {
        JsonNode example = CenterlineJson.mapper().readTree(Samples.read(VALID + "/contract-example.json"));
        assertThat(example.get("entryNumber").asString()).isEqualTo("ABC-1234567-6");
        assertThat(example.get("lines").get(0).get("adcvdCaseNumber").isNull()).isTrue();
        assertThat(ContractSchemas.validate(ENTRY_SUMMARY, example.toString())).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidSamples")
    void invalidSampleFailsForItsReason(String file, Expected expected) {
        List<Error> errors = ContractSchemas.validate(ENTRY_SUMMARY, Samples.read(INVALID + "/" + file));

        assertThat(errors).as("violations of %s", file).hasSize(1);
        Error error = errors.get(0);
        assertThat(error.getKeyword()).isEqualTo(expected.keyword());
        assertThat(error.getInstanceLocation().toString()).isEqualTo(expected.location());
        if (expected.property() != null) {
            assertThat(error.getProperty()).isEqualTo(expected.property());
        }
    }

    @Test
    void everyInvalidSampleHasAnExpectedViolation() {
        assertThat(Samples.jsonFiles(INVALID).stream().map(p -> p.getFileName().toString()))
                .containsExactlyInAnyOrderElementsOf(INVALID_SAMPLES.keySet());
    }

    @Test
    void twoThousandGeneratedFilingsPass() {
        FilingGenerator generator = new FilingGenerator(42, 0.0, 0.0, LocalDate.of(2026, 11, 20));
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            FilingGenerator.Filing filing = generator.next();
            assertThat(filing.valid()).isTrue();
            List<Error> errors = ContractSchemas.validate(ENTRY_SUMMARY, filing.text());
            if (!errors.isEmpty()) {
                failures.add(filing.key() + ": " + errors);
            }
        }
        assertThat(failures).isEmpty();
    }

    /**
     * Generated invalid filings: every one whose defect is one of shape is caught by the schema; the
     * others (not JSON, wrong check digit, entry type not accepted) are routing-service's to reject.
     */
    @Test
    void generatedInvalidFilingsOfWrongShapeFail() {
        FilingGenerator generator = new FilingGenerator(7, 1.0, 0.0, LocalDate.of(2026, 11, 20));
        int caughtBySchema = 0;
        for (int i = 0; i < 500; i++) {
            FilingGenerator.Filing filing = generator.next();
            JsonNode node;
            try {
                node = CenterlineJson.mapper().readTree(filing.json());
            } catch (JacksonException notJson) {
                continue;
            }
            List<Error> errors = ContractSchemas.schema(ENTRY_SUMMARY).validate(node);
            boolean semanticOnly = EntryNumber.parse(node.path("entryNumber").asString()).isEmpty()
                    || EntryType.fromCode(node.path("entryType").asString()).isEmpty();
            if (!semanticOnly) {
                assertThat(errors).as("schema violations of %s", filing.text()).isNotEmpty();
                caughtBySchema++;
            }
        }
        assertThat(caughtBySchema).isGreaterThan(200);
    }

    @Test
    void unknownFieldsAreAllowed() {
        ObjectNode filing = contractExample();
        filing.put("brokerReference", "REF-1");
        filing.putObject("futureBlock").put("anything", true);
        ((ObjectNode) filing.get("lines").get(0)).put("productDescription", "laptops");

        assertThat(ContractSchemas.validate(ENTRY_SUMMARY, filing.toString())).isEmpty();
    }

    @Test
    void optionalFieldsMayBeLeftOut() {
        ObjectNode filing = contractExample();
        filing.remove(List.of("schemaVersion", "entryDate", "modeOfTransport"));
        ObjectNode line = (ObjectNode) filing.get("lines").get(0);
        line.remove(List.of("chapter99Numbers", "adcvdCaseNumber"));

        assertThat(ContractSchemas.validate(ENTRY_SUMMARY, filing.toString())).isEmpty();
    }

    @Test
    void everyRequiredFieldIsRequired() {
        for (String field : List.of("entryNumber", "filerCode", "entryType", "importerNumber", "portOfEntry",
                "summaryDate", "lines")) {
            ObjectNode filing = contractExample();
            filing.remove(field);
            assertThat(ContractSchemas.validate(ENTRY_SUMMARY, filing.toString()))
                    .as(field).singleElement()
                    .satisfies(e -> assertThat(e.getKeyword()).isEqualTo("required"))
                    .satisfies(e -> assertThat(e.getProperty()).isEqualTo(field));
        }
        for (String field : List.of("lineNumber", "htsNumber", "countryOfOrigin", "enteredValue")) {
            ObjectNode filing = contractExample();
            ((ObjectNode) filing.get("lines").get(0)).remove(field);
            assertThat(ContractSchemas.validate(ENTRY_SUMMARY, filing.toString()))
                    .as(field).singleElement()
                    .satisfies(e -> assertThat(e.getInstanceLocation().toString()).isEqualTo("/lines/0"))
                    .satisfies(e -> assertThat(e.getProperty()).isEqualTo(field));
        }
    }

    @Test
    void nineHundredNinetyNineLinesPassAndOneThousandFail() {
        assertThat(ContractSchemas.validate(ENTRY_SUMMARY, withLines(999).toString())).isEmpty();
        assertThat(ContractSchemas.validate(ENTRY_SUMMARY, withLines(1_000).toString()))
                .singleElement()
                .satisfies(e -> assertThat(e.getKeyword()).isEqualTo("maxItems"))
                .satisfies(e -> assertThat(e.getInstanceLocation().toString()).isEqualTo("/lines"));
    }

    @Test
    void enteredValueTakesAtMostTwoDecimals() {
        for (String ok : List.of("0", "0.01", "0.1", "19.99", "125000.00", "1250", "99999999.99")) {
            assertThat(ContractSchemas.validate(ENTRY_SUMMARY, withEnteredValue(ok))).as(ok).isEmpty();
        }
        for (String bad : List.of("0.001", "19.999", "125000.005", "-0.01")) {
            assertThat(ContractSchemas.validate(ENTRY_SUMMARY, withEnteredValue(bad))).as(bad).isNotEmpty();
        }
    }

    @Test
    void adcvdCaseNumberIsNullableButNotAnyString() {
        for (String ok : List.of("null", "\"A-570-001\"", "\"C-570-068\"", "\"C570068001\"", "\"A122123456\"")) {
            assertThat(ContractSchemas.validate(ENTRY_SUMMARY, withLineField("adcvdCaseNumber", ok))).as(ok).isEmpty();
        }
        for (String bad : List.of("\"B-570-001\"", "\"A-570-01\"", "\"a-570-001\"", "\"C57006800\"", "\"\"", "570")) {
            assertThat(ContractSchemas.validate(ENTRY_SUMMARY, withLineField("adcvdCaseNumber", bad))).as(bad).isNotEmpty();
        }
    }

    @Test
    void importerNumberTakesTheThreeFormsOfDomainMd() {
        for (String ok : List.of("12-3456789AB", "12-345678900", "12-3456789A1", "123-45-6789", "123456-12345")) {
            assertThat(ContractSchemas.validate(ENTRY_SUMMARY, withField("importerNumber", ok))).as(ok).isEmpty();
            assertThat(Formats.isImporterNumber(ok)).as("Formats agrees on %s", ok).isTrue();
        }
        for (String bad : List.of("12-3456789", "12-3456789ab", "123456789AB", "12-3456789ABC", "123-456-789",
                "12345-12345", "1234567-12345", "12 3456789AB", "")) {
            assertThat(ContractSchemas.validate(ENTRY_SUMMARY, withField("importerNumber", bad))).as(bad).isNotEmpty();
            assertThat(Formats.isImporterNumber(bad)).as("Formats agrees on %s", bad).isFalse();
        }
    }

    @Test
    void chapter99NumbersAreEightOrTenDigitsStartingWith99() {
        for (String ok : List.of("99038803", "9903880100", "99038015")) {
            assertThat(ContractSchemas.validate(ENTRY_SUMMARY, withLineField("chapter99Numbers", "[\"" + ok + "\"]"))).as(ok).isEmpty();
            assertThat(Formats.isChapter99Number(ok)).isTrue();
        }
        for (String bad : List.of("9903880", "990388030", "99038803001", "98038803", "9903.88.03", "89038803")) {
            assertThat(ContractSchemas.validate(ENTRY_SUMMARY, withLineField("chapter99Numbers", "[\"" + bad + "\"]"))).as(bad).isNotEmpty();
            assertThat(Formats.isChapter99Number(bad)).isFalse();
        }
    }

    @Test
    void codesAreTextWithLeadingZerosAndNothingAround() {
        assertThat(ContractSchemas.validate(ENTRY_SUMMARY, withField("portOfEntry", "0101"))).isEmpty();
        for (String bad : List.of(" 2704", "2704 ", "27044", "2704\n")) {
            assertThat(ContractSchemas.validate(ENTRY_SUMMARY, withField("portOfEntry", bad))).as("[%s]", bad).isNotEmpty();
        }
        assertThat(ContractSchemas.validate(ENTRY_SUMMARY, withLineField("htsNumber", "\"0101210010\""))).isEmpty();
        assertThat(ContractSchemas.validate(ENTRY_SUMMARY, withLineField("htsNumber", "101210010"))).isNotEmpty();
        assertThat(ContractSchemas.validate(ENTRY_SUMMARY, withLineField("countryOfOrigin", "\"cn\""))).isNotEmpty();
    }

    @Test
    void recordsWrittenByTheMapperPass() {
        EntrySummary summary = new EntrySummary(0, "ABC-1234567-6", "ABC", "01", "12-3456789AB", "2704", null,
                LocalDate.of(2026, 11, 20), null, List.of(new EntryLine(1, "8471300100", "CN",
                        new java.math.BigDecimal("125000.00"), null, null)));
        String json = CenterlineJson.mapper().writeValueAsString(summary);

        assertThat(json).doesNotContain("null").contains("\"schemaVersion\":1");
        assertThat(ContractSchemas.validate(ENTRY_SUMMARY, json)).isEmpty();
    }

    private static ObjectNode contractExample() {
        return (ObjectNode) CenterlineJson.mapper().readTree(Samples.read(VALID + "/contract-example.json"));
    }

    private static ObjectNode withLines(int count) {
        ObjectNode filing = contractExample();
        ObjectNode first = (ObjectNode) filing.get("lines").get(0);
        ArrayNode lines = filing.putArray("lines");
        for (int i = 1; i <= count; i++) {
            lines.add(first.deepCopy().put("lineNumber", Math.min(i, 999)));
        }
        return filing;
    }

    private static String withField(String field, String value) {
        return contractExample().put(field, value).toString();
    }

    private static String withEnteredValue(String number) {
        return withLineField("enteredValue", number);
    }

    /** The contract example's text with one line field set to a JSON literal, written as it is (no re-serialization). */
    private static String withLineField(String field, String jsonLiteral) {
        String text = Samples.read(VALID + "/contract-example.json");
        Matcher matcher = Pattern.compile("(\"" + field + "\": )(.*?)(,?)$", Pattern.MULTILINE).matcher(text);
        assertThat(matcher.find()).as("%s in the contract example", field).isTrue();
        return matcher.replaceFirst("$1" + Matcher.quoteReplacement(jsonLiteral) + "$3");
    }
}
