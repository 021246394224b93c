package org.centerline.routing.validate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.centerline.contracts.center.HtsCenterTable;
import org.centerline.contracts.entry.EntryNumber;
import org.centerline.contracts.entry.EntryType;
import org.centerline.contracts.entry.Formats;
import org.centerline.contracts.event.EntryLine;
import org.centerline.contracts.event.EntrySummary;
import org.centerline.contracts.event.RejectionReason;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks a filing as it arrived (raw bytes) against the contract and the customs formats, and
 * either builds the {@link EntrySummary} or lists <em>every</em> reason it is not acceptable.
 * A valid filing is read by a streaming parser ({@link StreamingFilingReader}); any other is read as
 * a tree, so that a wrong type in one field does not hide errors in others.
 */
public final class FilingValidator {

    public static final int DEFAULT_MAX_BYTES = 1024 * 1024;
    static final int MAX_LINES = 999;
    /** A hostile filing can have a fault per array element; the rejection lists this many and says there are more. */
    static final int MAX_REASONS = 100;
    /** No line of a real entry comes near this; the bound keeps arithmetic on values cheap. */
    static final BigDecimal MAX_ENTERED_VALUE = new BigDecimal("999999999999.99");

    static final JsonMapper TREE_READER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final HtsCenterTable table;
    private final int maxBytes;
    private final StreamingFilingReader fastPath;

    public FilingValidator(HtsCenterTable table, int maxBytes) {
        this.table = table;
        this.maxBytes = maxBytes;
        this.fastPath = new StreamingFilingReader(TREE_READER, table);
    }

    /**
     * Validates one filing.
     *
     * @param key the Kafka record key it was published with (may be null); a non-null key must be the entry number
     * @param payload the record value as received
     */
    public ValidationResult validate(String key, byte[] payload) {
        if (payload == null || payload.length == 0) {
            return new ValidationResult.Invalid(null, null,
                    List.of(new RejectionReason("", ReasonCode.MALFORMED_JSON.name(), "The filing is empty.")));
        }
        if (payload.length > maxBytes) {
            return new ValidationResult.Invalid(null, null, List.of(new RejectionReason("", ReasonCode.PAYLOAD_TOO_LARGE.name(),
                    "The filing is " + payload.length + " bytes; at most " + maxBytes + " are accepted.")));
        }
        int invalid = Utf8.firstInvalid(payload);
        if (invalid >= 0) {
            return new ValidationResult.Invalid(null, null, List.of(new RejectionReason("", ReasonCode.MALFORMED_JSON.name(),
                    String.format("The filing is not UTF-8: byte %d (0x%02X) does not start a well-formed character%s.",
                            invalid, payload[invalid] & 0xFF, payload[invalid] == 0 ? " (a NUL byte: UTF-16 or UTF-32?)" : ""))));
        }
        EntrySummary valid = fastPath.read(key, payload);
        if (valid != null) {
            return new ValidationResult.Valid(valid);
        }
        return validateAsTree(key, payload);
    }

    /** The full check on a JSON tree, which lists every reason; also the fast path's reference in tests. */
    ValidationResult validateAsTree(String key, byte[] payload) {
        JsonNode root;
        try {
            root = TREE_READER.readTree(payload);
        } catch (JacksonException e) {
            return new ValidationResult.Invalid(null, null, List.of(new RejectionReason("", ReasonCode.MALFORMED_JSON.name(),
                    "The filing is not valid JSON: " + e.getOriginalMessage())));
        }
        if (root == null || root.isMissingNode()) {
            return new ValidationResult.Invalid(null, null, List.of(new RejectionReason("", ReasonCode.MALFORMED_JSON.name(),
                    "The filing holds no JSON value.")));
        }
        if (!root.isObject()) {
            return new ValidationResult.Invalid(null, null, List.of(new RejectionReason("", ReasonCode.NOT_AN_OBJECT.name(),
                    "The filing must be a JSON object.")));
        }
        return new Check(root, key).run();
    }

    /** One validation pass over one filing; collects reasons instead of stopping at the first. */
    private final class Check {
        private final JsonNode root;
        private final String key;
        private final List<RejectionReason> reasons = new ArrayList<>();

        Check(JsonNode root, String key) {
            this.root = root;
            this.key = key;
        }

        ValidationResult run() {
            int schemaVersion = schemaVersion();
            String entryNumber = entryNumber();
            String filerCode = filerCode(entryNumber);
            String entryType = code("entryType", true, s -> EntryType.fromCode(s).isPresent(), ReasonCode.ENTRY_TYPE_UNKNOWN,
                    "is not a known CBP entry type (01, 02, 03, ... 86)");
            String importer = code("importerNumber", true, Formats::isImporterNumber, ReasonCode.IMPORTER_NUMBER_FORMAT,
                    "must be an EIN with suffix (NN-NNNNNNNXX), an SSN (NNN-NN-NNNN) or a CBP-assigned number (NNNNNN-NNNNN)");
            String port = code("portOfEntry", true, Formats::isPort, ReasonCode.PORT_FORMAT, "must be a 4-digit Schedule D port code");
            String mode = code("modeOfTransport", false, Formats::isModeOfTransport, ReasonCode.MODE_OF_TRANSPORT_FORMAT,
                    "must be a 2-digit CBP mode of transport code");
            LocalDate entryDate = date("entryDate", false);
            LocalDate summaryDate = date("summaryDate", true);
            if (entryDate != null && summaryDate != null && summaryDate.isBefore(entryDate)) {
                reject("summaryDate", ReasonCode.SUMMARY_BEFORE_ENTRY,
                        "summaryDate " + summaryDate + " is before entryDate " + entryDate + ".");
            }
            List<EntryLine> lines = lines();
            if (!reasons.isEmpty()) {
                String readableNumber = EntryNumber.hasValidFormat(entryNumber) ? entryNumber : null;
                return new ValidationResult.Invalid(readableNumber, filerCode, reasons);
            }
            return new ValidationResult.Valid(new EntrySummary(schemaVersion, entryNumber, filerCode, entryType, importer,
                    port, entryDate, summaryDate, mode, lines));
        }

        private int schemaVersion() {
            JsonNode node = root.get("schemaVersion");
            if (node == null || node.isNull()) {
                return EntrySummary.CURRENT_SCHEMA_VERSION;
            }
            if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() != EntrySummary.CURRENT_SCHEMA_VERSION) {
                reject("schemaVersion", ReasonCode.SCHEMA_VERSION_UNSUPPORTED,
                        "schemaVersion " + clip(node.toString()) + " is not supported; this service reads version 1.");
            }
            return EntrySummary.CURRENT_SCHEMA_VERSION;
        }

        private String entryNumber() {
            String value = text(root, "entryNumber", "entryNumber", true);
            if (value == null) {
                return null;
            }
            if (!EntryNumber.hasValidFormat(value)) {
                reject("entryNumber", ReasonCode.ENTRY_NUMBER_FORMAT,
                        "entryNumber '" + clip(value) + "' must look like XXX-NNNNNNN-C (filer code, 7 digits, check digit).");
            } else if (EntryNumber.parse(value).isEmpty()) {
                reject("entryNumber", ReasonCode.ENTRY_NUMBER_CHECK_DIGIT, "entryNumber '" + value
                        + "' has check digit " + value.charAt(12) + "; it should be "
                        + EntryNumber.checkDigit(value.substring(0, 3), value.substring(4, 11)) + ".");
            }
            if (key != null && !key.equals(value)) {
                reject("entryNumber", ReasonCode.KEY_MISMATCH, "The record key '" + clip(key)
                        + "' is not the entryNumber '" + clip(value) + "'; publish with the entry number as key.");
            }
            return value;
        }

        private String filerCode(String entryNumber) {
            String value = text(root, "filerCode", "filerCode", true);
            if (value == null) {
                return null;
            }
            if (!isFilerCode(value)) {
                reject("filerCode", ReasonCode.FILER_CODE_FORMAT, "filerCode '" + clip(value) + "' must be 3 letters or digits.");
            } else if (entryNumber != null && EntryNumber.hasValidFormat(entryNumber) && !entryNumber.startsWith(value)) {
                reject("filerCode", ReasonCode.FILER_CODE_MISMATCH, "filerCode '" + value
                        + "' is not the filer code of entry number " + entryNumber + ".");
            }
            return value;
        }

        private String code(String field, boolean required, java.util.function.Predicate<String> valid, ReasonCode code,
                            String rule) {
            String value = text(root, field, field, required);
            if (value != null && !valid.test(value)) {
                reject(field, code, field + " '" + clip(value) + "' " + rule + ".");
            }
            return value;
        }

        private LocalDate date(String field, boolean required) {
            String value = text(root, field, field, required);
            if (value == null) {
                return null;
            }
            try {
                return isoDate(value);
            } catch (DateTimeException e) {
                reject(field, ReasonCode.DATE_FORMAT, field + " '" + clip(value) + "' is not an ISO 8601 date (YYYY-MM-DD).");
                return null;
            }
        }

        private List<EntryLine> lines() {
            JsonNode node = root.get("lines");
            if (node == null || node.isNull()) {
                reject("lines", ReasonCode.REQUIRED, "lines is required: 1 to " + MAX_LINES + " lines.");
                return List.of();
            }
            if (!node.isArray()) {
                reject("lines", ReasonCode.WRONG_TYPE, "lines must be an array, not " + kind(node) + ".");
                return List.of();
            }
            if (node.isEmpty() || node.size() > MAX_LINES) {
                reject("lines", ReasonCode.LINE_COUNT, "An entry summary has 1 to " + MAX_LINES + " lines, not " + node.size() + ".");
                if (node.size() > MAX_LINES) {
                    return List.of();
                }
            }
            List<EntryLine> lines = new ArrayList<>(node.size());
            Set<Integer> lineNumbers = new HashSet<>();
            for (int i = 0; i < node.size(); i++) {
                EntryLine line = line(node.get(i), "lines[" + i + "]", lineNumbers);
                if (line != null) {
                    lines.add(line);
                }
            }
            return lines;
        }

        private EntryLine line(JsonNode line, String path, Set<Integer> seen) {
            if (!line.isObject()) {
                reject(path, ReasonCode.WRONG_TYPE, path + " must be an object, not " + kind(line) + ".");
                return null;
            }
            Integer lineNumber = lineNumber(line, path, seen);
            String hts = text(line, "htsNumber", path + ".htsNumber", true);
            if (hts != null) {
                if (!Formats.isHtsNumber(hts)) {
                    reject(path + ".htsNumber", ReasonCode.HTS_FORMAT, "htsNumber '" + clip(hts) + "' must be 10 digits.");
                    hts = null;
                } else if (!table.isKnown(Integer.parseInt(hts.substring(0, 4)))) {
                    reject(path + ".htsNumber", ReasonCode.HTS_CHAPTER_UNKNOWN, "htsNumber " + hts + " is in chapter "
                            + hts.substring(0, 2) + ", which is not an HTSUS chapter.");
                    hts = null;
                }
            }
            String country = text(line, "countryOfOrigin", path + ".countryOfOrigin", true);
            if (country != null && !Formats.isCountry(country)) {
                reject(path + ".countryOfOrigin", ReasonCode.COUNTRY_FORMAT, "countryOfOrigin '" + clip(country)
                        + "' must be an ISO 3166 alpha-2 code such as CN.");
            }
            BigDecimal value = enteredValue(line, path);
            List<String> chapter99 = chapter99(line, path);
            String adcvd = text(line, "adcvdCaseNumber", path + ".adcvdCaseNumber", false);
            if (adcvd != null && !Formats.isAdcvdCase(adcvd)) {
                reject(path + ".adcvdCaseNumber", ReasonCode.ADCVD_CASE_FORMAT, "adcvdCaseNumber '" + clip(adcvd)
                        + "' must be A-NNN-NNN, C-NNN-NNN or a 10-character ACE case number such as C570068001.");
            }
            if (lineNumber == null || hts == null || value == null) {
                return null;
            }
            return new EntryLine(lineNumber, hts, country, value, chapter99, adcvd);
        }

        private Integer lineNumber(JsonNode line, String path, Set<Integer> seen) {
            JsonNode node = line.get("lineNumber");
            String field = path + ".lineNumber";
            if (node == null || node.isNull()) {
                reject(field, ReasonCode.REQUIRED, "lineNumber is required.");
                return null;
            }
            if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < 1 || node.intValue() > MAX_LINES) {
                reject(field, node.isNumber() ? ReasonCode.LINE_NUMBER_INVALID : ReasonCode.WRONG_TYPE,
                        "lineNumber must be a whole number from 1 to " + MAX_LINES + ", not " + clip(node.toString()) + ".");
                return null;
            }
            if (!seen.add(node.intValue())) {
                reject(field, ReasonCode.LINE_NUMBER_DUPLICATE, "lineNumber " + node.intValue() + " appears more than once.");
            }
            return node.intValue();
        }

        private BigDecimal enteredValue(JsonNode line, String path) {
            JsonNode node = line.get("enteredValue");
            String field = path + ".enteredValue";
            if (node == null || node.isNull()) {
                reject(field, ReasonCode.REQUIRED, "enteredValue is required (U.S. dollars).");
                return null;
            }
            if (!node.isNumber()) {
                reject(field, ReasonCode.WRONG_TYPE, "enteredValue must be a JSON number, not " + kind(node) + ".");
                return null;
            }
            BigDecimal value = node.decimalValue();
            // toString(), not toPlainString(): "1E+999999999" must not become a billion characters.
            String shown = clip(value.toString());
            boolean ok = true;
            if (value.signum() < 0) {
                reject(field, ReasonCode.ENTERED_VALUE_NEGATIVE, "enteredValue " + shown + " is negative.");
                ok = false;
            } else if (value.compareTo(MAX_ENTERED_VALUE) > 0) {
                reject(field, ReasonCode.ENTERED_VALUE_RANGE, "enteredValue " + shown + " is over "
                        + MAX_ENTERED_VALUE.toPlainString() + " U.S. dollars.");
                ok = false;
            }
            if (value.stripTrailingZeros().scale() > 2) {
                reject(field, ReasonCode.ENTERED_VALUE_PRECISION, "enteredValue " + shown + " has more than two decimals.");
                ok = false;
            }
            return ok ? value.setScale(2, java.math.RoundingMode.UNNECESSARY) : null;
        }

        private List<String> chapter99(JsonNode line, String path) {
            JsonNode node = line.get("chapter99Numbers");
            String field = path + ".chapter99Numbers";
            if (node == null || node.isNull()) {
                return List.of();
            }
            if (!node.isArray()) {
                reject(field, ReasonCode.WRONG_TYPE, "chapter99Numbers must be an array of strings, not " + kind(node) + ".");
                return List.of();
            }
            List<String> numbers = new ArrayList<>(node.size());
            for (int i = 0; i < node.size(); i++) {
                JsonNode item = node.get(i);
                if (!item.isString() || !Formats.isChapter99Number(item.stringValue())) {
                    reject(field + "[" + i + "]", ReasonCode.CHAPTER99_FORMAT, "Chapter 99 number " + clip(item.toString())
                            + " must be 8 or 10 digits starting with 99, as a string.");
                } else {
                    numbers.add(item.stringValue());
                }
            }
            return numbers;
        }

        /** A string field; records REQUIRED or WRONG_TYPE and answers null when it is not a usable string. */
        private String text(JsonNode parent, String name, String field, boolean required) {
            JsonNode node = parent.get(name);
            if (node == null || node.isNull()) {
                if (required) {
                    reject(field, ReasonCode.REQUIRED, name + " is required.");
                }
                return null;
            }
            if (!node.isString()) {
                reject(field, ReasonCode.WRONG_TYPE, name + " must be a string, not " + kind(node) + ".");
                return null;
            }
            return node.stringValue();
        }

        private void reject(String field, ReasonCode code, String message) {
            if (reasons.size() < MAX_REASONS) {
                reasons.add(new RejectionReason(field, code.name(), message));
            } else if (reasons.size() == MAX_REASONS) {
                reasons.add(new RejectionReason("", ReasonCode.TOO_MANY_REASONS.name(), "More than " + MAX_REASONS
                        + " faults; the first " + MAX_REASONS + " are listed. Fix them and file again."));
            }
        }
    }

    /** A filer code: 3 upper-case letters or digits. */
    static boolean isFilerCode(String s) {
        if (s.length() != 3) {
            return false;
        }
        for (int i = 0; i < 3; i++) {
            char c = s.charAt(i);
            if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
                return false;
            }
        }
        return true;
    }

    /** {@code LocalDate.parse}, without its general formatter for the usual YYYY-MM-DD (it was an eighth of validation). */
    static LocalDate isoDate(String s) {
        if (s.length() == 10 && s.charAt(4) == '-' && s.charAt(7) == '-') {
            int year = digits(s, 0, 4);
            int month = digits(s, 5, 7);
            int day = digits(s, 8, 10);
            if (year >= 0 && month >= 0 && day >= 0) {
                return LocalDate.of(year, month, day);
            }
        }
        return LocalDate.parse(s);
    }

    private static int digits(String s, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    private static String kind(JsonNode node) {
        return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Keeps messages short when a field holds a huge or hostile string. */
    private static String clip(String s) {
        return s.length() <= 64 ? s : s.substring(0, 64) + "...";
    }
}
