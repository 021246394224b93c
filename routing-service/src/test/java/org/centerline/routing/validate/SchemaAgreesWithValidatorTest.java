package org.centerline.routing.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.centerline.contracts.center.HtsCenterTable;
import org.centerline.contracts.event.RejectionReason;
import org.centerline.contracts.sample.FilingGenerator;
import org.centerline.contracts.sample.FilingGenerator.Filing;
import org.centerline.contracts.schema.ContractSchemas;
import org.junit.jupiter.api.Test;

/**
 * The published JSON Schema of {@code entry-summaries.filed} and the validator agree on generated 2026
 * filings (FilingGenerator's 2026 mix: types 01/03/11, 2025-26 Chapter 99 numbers, AD/CVD cases in the 7501
 * forms, UFLPA and PGA goods, and its invalid filings): what the validator accepts the schema accepts, and
 * what the schema accepts the validator accepts, except for the rules a schema cannot state (check digit,
 * record key, the HTS chapter table, dates of entry types and Chapter 99 programs), which are named here.
 */
class SchemaAgreesWithValidatorTest {

    /** The validator's rules beyond the schema (the schema's descriptions say so). */
    private static final Set<String> BEYOND_THE_SCHEMA = Set.of("ENTRY_NUMBER_CHECK_DIGIT", "KEY_MISMATCH", "FILER_CODE_MISMATCH",
            "ENTRY_TYPE_UNKNOWN", "ENTRY_TYPE_NOT_IN_FORCE", "CHAPTER99_NOT_IN_FORCE", "HTS_CHAPTER_UNKNOWN",
            "SUMMARY_BEFORE_ENTRY", "LINE_NUMBER_DUPLICATE", "ENTERED_VALUE_RANGE");

    private final FilingValidator validator = new FilingValidator(HtsCenterTable.standard(), FilingValidator.DEFAULT_MAX_BYTES);

    private static boolean schemaAccepts(String json) {
        try {
            return ContractSchemas.validate(ContractSchemas.ENTRY_SUMMARY, json).isEmpty();
        } catch (RuntimeException notJson) {
            return false;
        }
    }

    @Test
    void onGenerated2026FilingsTheSchemaAndTheValidatorAccept_theSameFilings() {
        int bothValid = 0;
        int schemaOnly = 0;
        for (LocalDate day : List.of(LocalDate.of(2026, 11, 20), LocalDate.of(2026, 3, 10), LocalDate.of(2026, 1, 20))) {
            FilingGenerator generator = new FilingGenerator(2026, 0.3, 0.01, day);
            for (int i = 0; i < 1_500; i++) {
                Filing f = generator.next();
                String json = new String(f.json(), StandardCharsets.UTF_8);
                boolean schema = schemaAccepts(json);
                ValidationResult result = validator.validate(f.key(), f.json());
                boolean valid = result instanceof ValidationResult.Valid;
                if (f.valid()) {
                    assertThat(valid).as("validator on a valid generated filing: %s %s", result, json).isTrue();
                    assertThat(schema).as("schema on a valid generated filing: %s", json).isTrue();
                }
                if (valid) {
                    assertThat(schema).as("the validator accepted what the schema rejects: %s", json).isTrue();
                    bothValid++;
                } else if (schema) {
                    // the reverse: the schema accepted it, so the validator's reasons are only rules the schema cannot state
                    assertThat(((ValidationResult.Invalid) result).reasons()).extracting(RejectionReason::code)
                            .as("reasons of a schema-valid filing %s", json).allMatch(BEYOND_THE_SCHEMA::contains);
                    schemaOnly++;
                }
            }
        }
        assertThat(bothValid).isGreaterThan(2_500);
        assertThat(schemaOnly).isPositive();
    }

    /** The contracts' filing samples, by name (read as resources: the contracts test-jar is a jar under verify). */
    private static final List<String> VALID_SAMPLES = List.of("adcvd-ssn-importer-three-lines", "contract-example",
            "low-value-cbp-assigned-importer", "minimal", "programs-of-2026", "unknown-fields");
    private static final List<String> INVALID_SAMPLES = List.of("adcvd-case-bad-form", "chapter99-nine-digits",
            "chapter99-not-99", "country-name", "entered-value-as-string", "entry-number-without-check-digit",
            "entry-type-as-number", "hts-as-number", "hts-six-digits", "hts-with-dots", "importer-without-suffix",
            "impossible-summary-date", "line-missing-hts-number", "line-number-zero", "lower-case-filer-code", "missing-lines",
            "missing-port-of-entry", "negative-entered-value", "no-lines", "not-an-object", "one-digit-entry-type",
            "one-digit-mode-of-transport", "schema-version-2", "three-decimal-entered-value", "three-digit-port",
            "us-style-entry-date");

    @Test
    void theContractsValidSamplesAreValidFilingsAndItsInvalidOnesAreRejected() {
        for (String name : VALID_SAMPLES) {
            byte[] json = org.centerline.contracts.schema.Samples.text("entry-summaries.filed/valid/" + name + ".json")
                    .getBytes(StandardCharsets.UTF_8);
            assertThat(validator.validate(null, json)).as(name).isInstanceOf(ValidationResult.Valid.class);
        }
        for (String name : INVALID_SAMPLES) {
            byte[] json = org.centerline.contracts.schema.Samples.text("entry-summaries.filed/invalid/" + name + ".json")
                    .getBytes(StandardCharsets.UTF_8);
            assertThat(validator.validate(null, json)).as(name).isInstanceOf(ValidationResult.Invalid.class);
        }
    }

    @Test
    void generated2026FilingsCarryTheNewProgramsAndNoType86() {
        FilingGenerator generator = new FilingGenerator(11, 0.0, 0.0, LocalDate.of(2026, 11, 20));
        int type11 = 0;
        int newNumbers = 0;
        int sevenFiveOhOneCases = 0;
        for (int i = 0; i < 2_000; i++) {
            String json = generator.next().text();
            assertThat(json).doesNotContain("\"entryType\":\"86\"").doesNotContain("\"990301").doesNotContain("\"990302")
                    .doesNotContain("\"990303");
            type11 += json.contains("\"entryType\":\"11\"") ? 1 : 0;
            newNumbers += json.matches(".*\"99038(1|5)\\d\\d\".*|.*\"99039[14]\\d\\d\".*|.*\"99037[4689]\\d\\d\".*") ? 1 : 0;
            sevenFiveOhOneCases += json.matches(".*\"[AC]-?\\d{3}-\\d{3}-\\d{3}\".*") ? 1 : 0;
        }
        assertThat(type11).isGreaterThan(400);
        assertThat(newNumbers).isGreaterThan(100);
        assertThat(sevenFiveOhOneCases).isPositive();
    }

    @Test
    void generatedFilingsOfSpring2026CarrySection122AndOfJanuary2026Ieepa() {
        String march = text(new FilingGenerator(5, 0.0, 0.0, LocalDate.of(2026, 3, 20)), 500);
        assertThat(march).contains("\"990303").doesNotContain("\"990301").doesNotContain("\"990302");
        String january = text(new FilingGenerator(5, 0.0, 0.0, LocalDate.of(2026, 1, 31)), 500);
        assertThat(january).containsPattern("\"99030[12]").doesNotContain("\"990303");
    }

    private static String text(FilingGenerator generator, int n) {
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < n; i++) {
            all.append(generator.next().text());
        }
        return all.toString();
    }
}
