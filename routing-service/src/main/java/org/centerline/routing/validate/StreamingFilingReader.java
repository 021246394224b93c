package org.centerline.routing.validate;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.centerline.contracts.event.EntryLine;
import org.centerline.contracts.event.EntrySummary;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fast path of {@link FilingValidator}: reads a filing with a streaming parser straight into its
 * {@link EntrySummary} when every rule holds, without building a JSON tree (the tree was the largest
 * part of routing's own cost). It answers {@code null} at the first thing that is not plainly
 * valid, a duplicate field included, and the tree-based check then runs and lists every reason. It
 * checks JSON types and structure only; every rule is a call to {@link FilingRules} (with
 * {@link FilingRules#IGNORE}), the same rule the tree-based check calls. So it only ever accepts what the
 * tree-based check accepts, with the same summary ({@code StreamingFilingReaderTest} holds it to that).
 */
final class StreamingFilingReader {

    private static final FilingRules.Sink IGNORE = FilingRules.IGNORE;

    private final JsonMapper mapper;
    private final FilingRules rules;

    StreamingFilingReader(JsonMapper mapper, FilingRules rules) {
        this.mapper = mapper;
        this.rules = rules;
    }

    /** The summary of a valid filing, or null when the full check must decide (and explain). */
    EntrySummary read(String key, byte[] payload) {
        try (JsonParser p = mapper.createParser(payload)) {
            EntrySummary summary = root(p, key);
            // As the tree reader with FAIL_ON_TRAILING_TOKENS: nothing may follow the object.
            return summary != null && p.nextToken() == null ? summary : null;
        } catch (JacksonException | DateTimeException | ArithmeticException e) {
            return null;
        }
    }

    private EntrySummary root(JsonParser p, String key) {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            return null;
        }
        int seen = 0;
        String entryNumber = null;
        String filerCode = null;
        String entryType = null;
        String importer = null;
        String port = null;
        String mode = null;
        LocalDate entryDate = null;
        LocalDate summaryDate = null;
        List<EntryLine> lines = null;
        String name;
        while ((name = p.nextName()) != null) {
            JsonToken value = p.nextToken();
            int bit;
            switch (name) {
                case "schemaVersion" -> {
                    bit = 1;
                    if (value != JsonToken.VALUE_NULL && !isInt(p, value, EntrySummary.CURRENT_SCHEMA_VERSION,
                            EntrySummary.CURRENT_SCHEMA_VERSION)) {
                        return null;
                    }
                }
                case "entryNumber" -> {
                    bit = 1 << 1;
                    entryNumber = string(p, value);
                }
                case "filerCode" -> {
                    bit = 1 << 2;
                    filerCode = string(p, value);
                }
                case "entryType" -> {
                    bit = 1 << 3;
                    entryType = string(p, value);
                }
                case "importerNumber" -> {
                    bit = 1 << 4;
                    importer = string(p, value);
                }
                case "portOfEntry" -> {
                    bit = 1 << 5;
                    port = string(p, value);
                }
                case "modeOfTransport" -> {
                    bit = 1 << 6;
                    if (value != JsonToken.VALUE_NULL) {
                        mode = string(p, value);
                        if (mode == null || !rules.modeOfTransport(mode, IGNORE)) {
                            return null;
                        }
                    }
                }
                case "entryDate" -> {
                    bit = 1 << 7;
                    if (value != JsonToken.VALUE_NULL) {
                        String text = string(p, value);
                        if (text == null) {
                            return null;
                        }
                        entryDate = rules.date("entryDate", text, IGNORE);
                        if (entryDate == null) {
                            return null;
                        }
                    }
                }
                case "summaryDate" -> {
                    bit = 1 << 8;
                    String text = string(p, value);
                    if (text == null) {
                        return null;
                    }
                    summaryDate = rules.date("summaryDate", text, IGNORE);
                }
                case "lines" -> {
                    bit = 1 << 9;
                    lines = lines(p, value);
                    if (lines == null) {
                        return null;
                    }
                }
                default -> {
                    bit = 0;
                    p.skipChildren();
                }
            }
            if ((seen & bit) != 0) {
                return null;
            }
            seen |= bit;
        }
        if (entryNumber == null || !rules.entryNumber(entryNumber, key, IGNORE)
                || filerCode == null || !rules.filerCode(filerCode, entryNumber, IGNORE)
                || entryType == null || !rules.entryType(entryType, IGNORE)
                || importer == null || !rules.importerNumber(importer, IGNORE)
                || port == null || !rules.port(port, IGNORE)
                || summaryDate == null || !rules.summaryNotBeforeEntry(entryDate, summaryDate, IGNORE)
                || lines == null || !inForce(entryType, entryDate, summaryDate, lines)) {
            return null;
        }
        return new EntrySummary(EntrySummary.CURRENT_SCHEMA_VERSION, entryNumber, filerCode, entryType, importer, port,
                entryDate, summaryDate, mode, lines);
    }

    /** The rules of the entry's date, once the whole filing is read (its fields come in any order). */
    private boolean inForce(String entryType, LocalDate entryDate, LocalDate summaryDate, List<EntryLine> lines) {
        LocalDate date = FilingRules.judgedOn(entryDate, summaryDate);
        boolean byEntryDate = entryDate != null;
        for (int i = 0; i < lines.size(); i++) {
            EntryLine line = lines.get(i);
            if (!rules.chapter99LineInForce(i, line.htsNumber(), date, byEntryDate, IGNORE)) {
                return false;
            }
            List<String> numbers = line.chapter99Numbers();
            for (int j = 0; j < numbers.size(); j++) {
                if (!rules.chapter99InForce(i, j, numbers.get(j), date, byEntryDate, IGNORE)) {
                    return false;
                }
            }
        }
        return rules.entryTypeInForce(entryType, date, byEntryDate, new Origins(lines), IGNORE);
    }

    /** The lines' countries of origin by index, without copying them out. */
    private static final class Origins extends java.util.AbstractList<String> {
        private final List<EntryLine> lines;

        Origins(List<EntryLine> lines) {
            this.lines = lines;
        }

        @Override
        public String get(int index) {
            return lines.get(index).countryOfOrigin();
        }

        @Override
        public int size() {
            return lines.size();
        }
    }

    private List<EntryLine> lines(JsonParser p, JsonToken value) {
        if (value != JsonToken.START_ARRAY) {
            return null;
        }
        List<EntryLine> lines = new ArrayList<>();
        boolean[] lineNumbers = new boolean[FilingRules.MAX_LINES + 1];
        JsonToken token;
        while ((token = p.nextToken()) != JsonToken.END_ARRAY) {
            if (lines.size() == FilingRules.MAX_LINES) {
                return null;
            }
            EntryLine line = line(p, token, lines.size());
            if (line == null || lineNumbers[line.lineNumber()]) {
                return null;
            }
            lineNumbers[line.lineNumber()] = true;
            lines.add(line);
        }
        return rules.lineCount(lines.size(), IGNORE) ? lines : null;
    }

    private EntryLine line(JsonParser p, JsonToken start, int i) {
        if (start != JsonToken.START_OBJECT) {
            return null;
        }
        int seen = 0;
        int lineNumber = 0;
        String hts = null;
        String country = null;
        BigDecimal enteredValue = null;
        List<String> chapter99 = List.of();
        String adcvd = null;
        String name;
        while ((name = p.nextName()) != null) {
            JsonToken value = p.nextToken();
            int bit;
            switch (name) {
                case "lineNumber" -> {
                    bit = 1;
                    if (!isInt(p, value, 1, FilingRules.MAX_LINES) || !FilingRules.isLineNumber(p.getIntValue())) {
                        return null;
                    }
                    lineNumber = p.getIntValue();
                }
                case "htsNumber" -> {
                    bit = 1 << 1;
                    hts = string(p, value);
                }
                case "countryOfOrigin" -> {
                    bit = 1 << 2;
                    country = string(p, value);
                }
                case "enteredValue" -> {
                    bit = 1 << 3;
                    enteredValue = enteredValue(p, value, i);
                    if (enteredValue == null) {
                        return null;
                    }
                }
                case "chapter99Numbers" -> {
                    bit = 1 << 4;
                    if (value != JsonToken.VALUE_NULL) {
                        chapter99 = chapter99(p, value, i);
                        if (chapter99 == null) {
                            return null;
                        }
                    }
                }
                case "adcvdCaseNumber" -> {
                    bit = 1 << 5;
                    if (value != JsonToken.VALUE_NULL) {
                        adcvd = string(p, value);
                        if (adcvd == null || !rules.adcvdCase(i, adcvd, IGNORE)) {
                            return null;
                        }
                    }
                }
                default -> {
                    bit = 0;
                    p.skipChildren();
                }
            }
            if ((seen & bit) != 0) {
                return null;
            }
            seen |= bit;
        }
        if (lineNumber == 0 || hts == null || !rules.htsNumber(i, hts, IGNORE)
                || country == null || !rules.country(i, country, IGNORE) || enteredValue == null) {
            return null;
        }
        return new EntryLine(lineNumber, hts, country, enteredValue, chapter99, adcvd);
    }

    /** A JSON number, judged by the entered-value rule; to two decimals. */
    private BigDecimal enteredValue(JsonParser p, JsonToken value, int i) {
        if (value != JsonToken.VALUE_NUMBER_INT && value != JsonToken.VALUE_NUMBER_FLOAT) {
            return null;
        }
        return rules.enteredValue(i, p.getDecimalValue(), IGNORE);
    }

    private List<String> chapter99(JsonParser p, JsonToken value, int i) {
        if (value != JsonToken.START_ARRAY) {
            return null;
        }
        List<String> numbers = new ArrayList<>(2);
        while (p.nextToken() == JsonToken.VALUE_STRING) {
            String number = p.getString();
            if (!rules.chapter99Format(i, numbers.size(), number, number, IGNORE)) {
                return null;
            }
            numbers.add(number);
        }
        return p.currentToken() == JsonToken.END_ARRAY ? numbers : null;
    }

    /** A JSON whole number within int range and [min, max]; the parser stays on it. */
    private static boolean isInt(JsonParser p, JsonToken value, int min, int max) {
        if (value != JsonToken.VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.INT) {
            return false;
        }
        int n = p.getIntValue();
        return n >= min && n <= max;
    }

    /** The string value, or null when the value is not a JSON string (the full check says why, or that it is missing). */
    private static String string(JsonParser p, JsonToken value) {
        return value == JsonToken.VALUE_STRING ? p.getString() : null;
    }
}
