package org.centerline.routing.validate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.centerline.contracts.center.HtsCenterTable;
import org.centerline.contracts.entry.EntryNumber;
import org.centerline.contracts.event.EntryLine;
import org.centerline.contracts.event.EntrySummary;
import org.centerline.contracts.event.RejectionReason;
import org.centerline.contracts.reference.ReferenceData;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks a filing as it arrived (raw bytes) against the contract and the customs formats, and
 * either builds the {@link EntrySummary} or lists <em>every</em> reason it is not acceptable.
 * A valid filing is read by a streaming parser ({@link StreamingFilingReader}); any other is read as
 * a tree, so that a wrong type in one field does not hide errors in others. Both apply the one set of
 * rules, {@link FilingRules}.
 */
public final class FilingValidator {

    public static final int DEFAULT_MAX_BYTES = 1024 * 1024;
    static final int MAX_LINES = FilingRules.MAX_LINES;
    /** A hostile filing can have a fault per array element; the rejection lists this many and says there are more. */
    static final int MAX_REASONS = 100;

    static final JsonMapper TREE_READER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final FilingRules rules;
    private final int maxBytes;
    private final StreamingFilingReader fastPath;

    /** A validator judging dates by the reference data shipped with Centerline. */
    public FilingValidator(HtsCenterTable table, int maxBytes) {
        this(table, ReferenceData.standard(), maxBytes);
    }

    public FilingValidator(HtsCenterTable table, ReferenceData reference, int maxBytes) {
        this.rules = new FilingRules(table, reference);
        this.maxBytes = maxBytes;
        this.fastPath = new StreamingFilingReader(TREE_READER, rules);
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

    /**
     * One validation pass over one filing as a JSON tree: the JSON types are checked here, every rule
     * through {@link FilingRules}; collects reasons instead of stopping at the first.
     */
    private final class Check implements FilingRules.Sink {
        private final JsonNode root;
        private final String key;
        private final List<RejectionReason> reasons = new ArrayList<>();
        /** The date the entry is judged by, and whether it is the entry date; null when neither date is usable. */
        private LocalDate judgedOn;
        private boolean byEntryDate;

        Check(JsonNode root, String key) {
            this.root = root;
            this.key = key;
        }

        ValidationResult run() {
            int schemaVersion = schemaVersion();
            String entryNumber = text(root, "entryNumber", "entryNumber", true);
            if (entryNumber != null) {
                rules.entryNumber(entryNumber, key, this);
            }
            String filerCode = text(root, "filerCode", "filerCode", true);
            if (filerCode != null) {
                rules.filerCode(filerCode, entryNumber, this);
            }
            String entryType = text(root, "entryType", "entryType", true);
            boolean knownType = entryType != null && rules.entryType(entryType, this);
            String importer = text(root, "importerNumber", "importerNumber", true);
            if (importer != null) {
                rules.importerNumber(importer, this);
            }
            String port = text(root, "portOfEntry", "portOfEntry", true);
            if (port != null) {
                rules.port(port, this);
            }
            String mode = text(root, "modeOfTransport", "modeOfTransport", false);
            if (mode != null) {
                rules.modeOfTransport(mode, this);
            }
            LocalDate entryDate = date("entryDate", false);
            LocalDate summaryDate = date("summaryDate", true);
            rules.summaryNotBeforeEntry(entryDate, summaryDate, this);
            judgedOn = FilingRules.judgedOn(entryDate, summaryDate);
            byEntryDate = entryDate != null;
            List<String> origins = new ArrayList<>();
            List<EntryLine> lines = lines(origins);
            if (knownType && judgedOn != null) {
                rules.entryTypeInForce(entryType, judgedOn, byEntryDate, origins, this);
            }
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
                        "schemaVersion " + FilingRules.clip(node.toString()) + " is not supported; this service reads version 1.");
            }
            return EntrySummary.CURRENT_SCHEMA_VERSION;
        }

        private LocalDate date(String field, boolean required) {
            String value = text(root, field, field, required);
            return value == null ? null : rules.date(field, value, this);
        }

        private List<EntryLine> lines(List<String> origins) {
            JsonNode node = root.get("lines");
            if (node == null || node.isNull()) {
                reject("lines", ReasonCode.REQUIRED, "lines is required: 1 to " + MAX_LINES + " lines.");
                return List.of();
            }
            if (!node.isArray()) {
                reject("lines", ReasonCode.WRONG_TYPE, "lines must be an array, not " + kind(node) + ".");
                return List.of();
            }
            if (!rules.lineCount(node.size(), this) && node.size() > MAX_LINES) {
                return List.of();
            }
            List<EntryLine> lines = new ArrayList<>(node.size());
            Set<Integer> lineNumbers = new HashSet<>();
            for (int i = 0; i < node.size(); i++) {
                EntryLine line = line(node.get(i), i, lineNumbers, origins);
                if (line != null) {
                    lines.add(line);
                }
            }
            return lines;
        }

        private EntryLine line(JsonNode line, int i, Set<Integer> seen, List<String> origins) {
            String path = "lines[" + i + "]";
            if (!line.isObject()) {
                reject(path, ReasonCode.WRONG_TYPE, path + " must be an object, not " + kind(line) + ".");
                origins.add(null);
                return null;
            }
            Integer lineNumber = lineNumber(line, path, seen);
            String hts = text(line, "htsNumber", path + ".htsNumber", true);
            if (hts != null && !rules.htsNumber(i, hts, this)) {
                hts = null;
            }
            if (hts != null && judgedOn != null) {
                rules.chapter99LineInForce(i, hts, judgedOn, byEntryDate, this);
            }
            String country = text(line, "countryOfOrigin", path + ".countryOfOrigin", true);
            origins.add(country != null && rules.country(i, country, this) ? country : null);
            BigDecimal value = enteredValue(line, i);
            List<String> chapter99 = chapter99(line, i);
            String adcvd = text(line, "adcvdCaseNumber", path + ".adcvdCaseNumber", false);
            if (adcvd != null) {
                rules.adcvdCase(i, adcvd, this);
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
            if (!node.isIntegralNumber() || !node.canConvertToInt() || !FilingRules.isLineNumber(node.intValue())) {
                reject(field, node.isNumber() ? ReasonCode.LINE_NUMBER_INVALID : ReasonCode.WRONG_TYPE,
                        "lineNumber must be a whole number from 1 to " + MAX_LINES + ", not " + FilingRules.clip(node.toString()) + ".");
                return null;
            }
            if (!seen.add(node.intValue())) {
                reject(field, ReasonCode.LINE_NUMBER_DUPLICATE, "lineNumber " + node.intValue() + " appears more than once.");
            }
            return node.intValue();
        }

        private BigDecimal enteredValue(JsonNode line, int i) {
            JsonNode node = line.get("enteredValue");
            String field = "lines[" + i + "].enteredValue";
            if (node == null || node.isNull()) {
                reject(field, ReasonCode.REQUIRED, "enteredValue is required (U.S. dollars).");
                return null;
            }
            if (!node.isNumber()) {
                reject(field, ReasonCode.WRONG_TYPE, "enteredValue must be a JSON number, not " + kind(node) + ".");
                return null;
            }
            return rules.enteredValue(i, node.decimalValue(), this);
        }

        private List<String> chapter99(JsonNode line, int i) {
            JsonNode node = line.get("chapter99Numbers");
            String field = "lines[" + i + "].chapter99Numbers";
            if (node == null || node.isNull()) {
                return List.of();
            }
            if (!node.isArray()) {
                reject(field, ReasonCode.WRONG_TYPE, "chapter99Numbers must be an array of strings, not " + kind(node) + ".");
                return List.of();
            }
            List<String> numbers = new ArrayList<>(node.size());
            for (int j = 0; j < node.size(); j++) {
                JsonNode item = node.get(j);
                String number = item.isString() ? item.stringValue() : null;
                if (rules.chapter99Format(i, j, number, item.toString(), this)) {
                    if (judgedOn != null) {
                        rules.chapter99InForce(i, j, number, judgedOn, byEntryDate, this);
                    }
                    numbers.add(number);
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

        @Override
        public void reject(String field, ReasonCode code, String message) {
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
        return FilingRules.isFilerCode(s);
    }

    static LocalDate isoDate(String s) {
        return FilingRules.isoDate(s);
    }

    private static String kind(JsonNode node) {
        return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }
}
