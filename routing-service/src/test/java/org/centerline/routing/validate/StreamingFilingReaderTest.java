package org.centerline.routing.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.centerline.contracts.center.HtsCenterTable;
import org.centerline.contracts.event.EntrySummary;
import org.centerline.contracts.reference.ReferenceData;
import org.centerline.contracts.sample.FilingGenerator;
import org.centerline.contracts.sample.FilingGenerator.Filing;
import org.junit.jupiter.api.Test;

/**
 * The fast path may only take a shortcut: on every input it either defers (null) or returns exactly the
 * summary of the tree-based check, and {@link FilingValidator#validate} answers what the tree-based
 * check answers, reasons included. Inputs: generated filings, and each field of valid ones set in turn
 * to every kind of wrong, doubtful or unusual value.
 */
class StreamingFilingReaderTest {

    private static final HtsCenterTable TABLE = HtsCenterTable.standard();
    private final FilingValidator validator = new FilingValidator(TABLE, FilingValidator.DEFAULT_MAX_BYTES);
    private final StreamingFilingReader reader = new StreamingFilingReader(FilingValidator.TREE_READER,
            new FilingRules(TABLE, ReferenceData.standard()));

    private static final List<String> ROOT_FIELDS = List.of("schemaVersion", "entryNumber", "filerCode", "entryType",
            "importerNumber", "portOfEntry", "modeOfTransport", "entryDate", "summaryDate", "lines", "remarks");
    private static final List<String> LINE_FIELDS = List.of("lineNumber", "htsNumber", "countryOfOrigin", "enteredValue",
            "chapter99Numbers", "adcvdCaseNumber", "description");
    private static final List<String> VALUES = List.of("null", "0", "-0", "1", "2", "-1", "1.0", "1.5", "0.10", "0.001", "1e2",
            "1E+2", "999", "1000", "2147483648", "999999999999.99", "1000000000000", "1e400", "true", "\"\"", "\"1\"",
            "\"01\"", "\"11\"", "\"ABC\"", "\"abc\"", "\"ABC-1234567-6\"", "\"2026-02-30\"", "\"2026-11-20\"", "\"2020-01-01\"",
            "\"CN\"", "\"8471300100\"", "\"9903880315\"", "\"A-570-001\"", "\"2704\"", "\"12-3456789AB\"", "[]", "[1]",
            "[\"9903880315\"]", "[\"9903880315\",null]",
            // dates and codes at the 2025-2026 boundaries: type 86 and its CN/HK end, IEEPA and Section 122 numbers
            "\"86\"", "\"HK\"", "\"2025-05-01\"", "\"2025-05-02\"", "\"2025-08-28\"", "\"2025-08-29\"", "\"2026-02-23\"",
            "\"2026-02-24\"", "\"2026-07-24\"", "\"2026-07-25\"", "[\"99030125\"]", "[\"9903030100\"]", "[\"99038001\"]",
            "\"9903010100\"", "\"A-570-910-000\"", "\"A570-910-000\"", "\"C570068001\"", "\"A-570910-000\"", "{}", "{\"a\":1}", "[[[[[[[[[[]]]]]]]]]]");

    @Test
    void generatedFilingsTakeTheFastPathWhenValidAndGetTheSameAnswerEitherWay() {
        FilingGenerator generator = new FilingGenerator(42, 0.3);
        int valid = 0;
        int fast = 0;
        for (int i = 0; i < 3_000; i++) {
            Filing f = generator.next();
            ValidationResult reference = check(f.key(), f.json());
            if (reference instanceof ValidationResult.Valid) {
                valid++;
                fast += reader.read(f.key(), f.json()) != null ? 1 : 0;
            }
        }
        assertThat(valid).isGreaterThan(1_500);
        assertThat(fast).as("valid filings read by the fast path").isEqualTo(valid);
    }

    @Test
    void everyFieldSetToEveryKindOfValueGetsTheTreeChecksAnswer() {
        FilingGenerator generator = new FilingGenerator(7, 0.0);
        int acceptedByFastPath = 0;
        for (int i = 0; i < 12; i++) {
            Filing f = generator.next();
            String json = f.text();
            for (String variant : variants(json)) {
                byte[] payload = variant.getBytes(StandardCharsets.UTF_8);
                check(f.key(), payload);
                check(null, payload);
                check("XYZ-0000000-0", payload);
                acceptedByFastPath += reader.read(f.key(), payload) != null ? 1 : 0;
            }
        }
        // Some variants stay valid (an unknown field, a value in range): the fast path must take those too.
        assertThat(acceptedByFastPath).isGreaterThan(100);
    }

    @Test
    void duplicateFieldsAndTrailingContentAreLeftToTheTreeCheck() {
        Filing f = new FilingGenerator(3, 0.0).next();
        String json = f.text();
        // A known field twice, the later one null: last-wins would keep the first value, the tree check keeps null.
        List<String> duplicated = List.of(
                json.replaceFirst("\"modeOfTransport\":\"\\d\\d\"", "\"modeOfTransport\":null")
                        .replaceFirst("\\{", "{\"modeOfTransport\":\"10\","),
                json.replaceFirst("\\{", "{\"entryNumber\":\"ZZZ-0000000-0\","),
                json.replaceFirst("\"lines\":\\[\\{", "\"lines\":[{\"lineNumber\":7,"));
        assertThat(duplicated.get(0)).contains("\"modeOfTransport\":null");
        for (String d : duplicated) {
            assertThat(d).isNotEqualTo(json);
            assertThat(reader.read(f.key(), d.getBytes(StandardCharsets.UTF_8))).as(d).isNull();
            check(f.key(), d.getBytes(StandardCharsets.UTF_8));
        }
        List<String> trailing = List.of(json + " {}", json + " x", "[" + json + "]", json.substring(0, json.length() - 1));
        for (String d : trailing) {
            assertThat(reader.read(f.key(), d.getBytes(StandardCharsets.UTF_8))).as(d).isNull();
            check(f.key(), d.getBytes(StandardCharsets.UTF_8));
        }
        // Unknown fields, even twice, and whitespace after the object change nothing.
        for (String d : List.of(json.replaceFirst("\\{", "{\"remarks\":1,\"remarks\":2,"), json + "\n")) {
            assertThat(reader.read(f.key(), d.getBytes(StandardCharsets.UTF_8))).as(d).isNotNull();
            check(f.key(), d.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Compares fast path, validate() and the tree check on one input; returns the tree check's answer. */
    private ValidationResult check(String key, byte[] payload) {
        ValidationResult reference = validator.validateAsTree(key, payload);
        EntrySummary fast = reader.read(key, payload);
        String input = new String(payload, StandardCharsets.UTF_8);
        if (fast != null) {
            assertThat(reference).as("fast path accepted what the tree check refuses: %s", input)
                    .isEqualTo(new ValidationResult.Valid(fast));
        }
        assertThat(validator.validate(key, payload)).as(input).isEqualTo(reference);
        return reference;
    }

    /** The filing with each root field and each field of its first line replaced by each value, then removed. */
    private static List<String> variants(String json) {
        List<String> out = new ArrayList<>();
        for (String field : ROOT_FIELDS) {
            for (String value : VALUES) {
                out.add(withField(json, field, value, 0));
            }
            out.add(withoutField(json, field, 0));
        }
        int line = json.indexOf("\"lines\":[") + "\"lines\":[".length();
        for (String field : LINE_FIELDS) {
            for (String value : VALUES) {
                out.add(withField(json, field, value, line));
            }
            out.add(withoutField(json, field, line));
        }
        out.add(json.replaceFirst("\"lines\":\\[", "\"lines\":[1,"));
        out.add(json.replaceFirst("\"lines\":\\[", "\"lines\":[{},"));
        return out;
    }

    /** Replaces the first value of {@code field} at or after {@code from} (or adds the field to that object). */
    private static String withField(String json, String field, String value, int from) {
        String name = "\"" + field + "\":";
        int at = json.indexOf(name, from);
        if (at < 0) {
            int open = json.indexOf('{', from);
            return json.substring(0, open + 1) + name + value + "," + json.substring(open + 1);
        }
        int start = at + name.length();
        int end = valueEnd(json, start);
        return json.substring(0, start) + value + json.substring(end);
    }

    /** Drops the first {@code field} at or after {@code from} with its value (and the comma after it, if any). */
    private static String withoutField(String json, String field, int from) {
        int at = json.indexOf("\"" + field + "\":", from);
        if (at < 0) {
            return json;
        }
        int end = valueEnd(json, at + field.length() + 3);
        if (end < json.length() && json.charAt(end) == ',') {
            return json.substring(0, at) + json.substring(end + 1);
        }
        // The last field: drop the comma before it instead.
        int comma = json.lastIndexOf(',', at);
        return json.substring(0, comma) + json.substring(end);
    }

    private static int valueEnd(String json, int start) {
        int depth = 0;
        boolean inString = false;
        for (int i = start; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '[' || c == '{') {
                depth++;
            } else if (c == ']' || c == '}') {
                if (depth == 0) {
                    return i;
                }
                depth--;
            } else if (c == ',' && depth == 0) {
                return i;
            }
        }
        return json.length();
    }
}
