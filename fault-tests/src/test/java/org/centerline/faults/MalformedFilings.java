package org.centerline.faults;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.centerline.contracts.entry.EntryNumber;
import org.centerline.contracts.sample.FilingGenerator.Filing;
import org.centerline.contracts.schema.ContractSchemas;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A corpus of malformed filings, as a hostile or broken broker system might publish them: not JSON, truncated JSON,
 * every field of a valid filing wrong in turn (missing, null, wrong type, wrong format), the rules the schema leaves to
 * routing, huge strings and payloads, deep nesting, invalid UTF-8, null keys, and random byte mutations. Each item is
 * malformed by the contract itself: it does not parse as JSON, or the published JSON Schema refuses it (checked here,
 * as each item is made), or it breaks a rule the contract names (then {@link Malformed#rule} says which).
 */
final class MalformedFilings {

    /** The seed of the corpus the tests use. */
    static final long SEED = 7_501_007;
    /** Items the corpus holds at least (the fuzzed ones fill up to it). */
    static final int SIZE = 1_200;
    /** The filer code of the corpus's entry numbers: no generated filing uses it. */
    static final String FILER = "QFT";
    /** Routing's limit on a filing ({@code centerline.routing.max-filing-bytes}, the contract's 1 MiB). */
    static final int MAX_FILING_BYTES = 1024 * 1024;

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String UTF8 = "JSON text is UTF-8 (RFC 8259 section 8.1)";
    /** Stands for a value written in afterwards as raw text. */
    private static final String NEST = "@@nested@@";

    /**
     * One malformed filing.
     *
     * @param category what kind of fault ({@code truncated}, {@code field-wrong}, ...)
     * @param what     the fault in words, for failure messages
     * @param key      the record key it is published with (null for none)
     * @param payload  the record value (null for a tombstone)
     * @param rule     the contract rule it breaks when it is well-formed JSON the schema accepts; else null
     */
    record Malformed(String category, String what, String key, byte[] payload, String rule) {

        /**
         * The key its rejection carries (CONTRACT.md): its entry number when that is readable and well-formed, else the
         * key it was published with.
         */
        String rejectionKey() {
            return MalformedFilings.rejectionKey(key, payload);
        }

        Filing asFiling() {
            return new Filing(key, payload, false);
        }

        @Override
        public String toString() {
            return category + ": " + what + " (key " + key + ", " + (payload == null ? "null" : payload.length + " bytes") + ")";
        }
    }

    private final SplittableRandom random;
    private final List<Malformed> items = new ArrayList<>();
    private final Set<String> rejectionKeys = new HashSet<>();
    private int serial = 2_000_000;
    private int plainKeys;

    private MalformedFilings(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** The corpus: the same items for the same seed, at least {@link #SIZE} of them. */
    static List<Malformed> corpus(long seed) {
        MalformedFilings c = new MalformedFilings(seed);
        c.notJson();
        c.notAnObject();
        c.truncated();
        c.everyFieldWrong();
        c.linesWrong();
        c.rulesTheSchemaLeavesToRouting();
        c.hugeStrings();
        c.deepNesting();
        c.invalidUtf8();
        c.nullKeys();
        c.fuzzed(SIZE);
        return List.copyOf(c.items);
    }

    /** Valid filings made the way every fault starts (the template with new entry numbers): the corpus's controls. */
    static List<Filing> validTemplates(int n) {
        MalformedFilings c = new MalformedFilings(0);
        c.serial = 2_900_000;
        List<Filing> filings = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ObjectNode f = c.validFiling();
            filings.add(new Filing(keyOf(f), bytes(f), true));
        }
        return filings;
    }

    /** A valid filing with two lines under a new entry number: the template every field fault starts from. */
    ObjectNode validFiling() {
        String entryNumber = EntryNumber.of(FILER, String.format("%07d", serial++)).toString();
        ObjectNode f = NODES.objectNode();
        f.put("schemaVersion", 1);
        f.put("entryNumber", entryNumber);
        f.put("filerCode", FILER);
        f.put("entryType", "01");
        f.put("importerNumber", "12-3456789AB");
        f.put("portOfEntry", "2704");
        f.put("entryDate", "2026-11-18");
        f.put("summaryDate", "2026-11-20");
        f.put("modeOfTransport", "11");
        ArrayNode lines = f.putArray("lines");
        ObjectNode first = lines.addObject();
        first.put("lineNumber", 1);
        first.put("htsNumber", "8471300100");
        first.put("countryOfOrigin", "CN");
        first.put("enteredValue", new BigDecimal("125000.00"));
        first.putArray("chapter99Numbers").add("99038803");
        first.putNull("adcvdCaseNumber");
        ObjectNode second = lines.addObject();
        second.put("lineNumber", 2);
        second.put("htsNumber", "8473300000");
        second.put("countryOfOrigin", "MX");
        second.put("enteredValue", new BigDecimal("2500.50"));
        second.put("adcvdCaseNumber", "A-570-001");
        return f;
    }

    private void notJson() {
        String valid = validFiling().toString();
        add("not-json", "empty value", plainKey(), new byte[0], null);
        add("not-json", "null value (tombstone)", plainKey(), null, null);
        for (String text : List.of(" ", "\n\t", "{", "}", "{}}", "[", "{\"entryNumber\":", "<entrySummary/>",
                "<?xml version=\"1.0\"?><entrySummary><entryNumber>QFT-2000000-0</entryNumber></entrySummary>",
                "entryNumber,filerCode\nQFT-2000000-0,QFT", "entryNumber=QFT-2000000-0&filerCode=QFT", "undefined", "NaN",
                "{'entryNumber':'x'}", "{entryNumber:\"x\"}", "{\"a\":1,}", "{\"a\":NaN}", "{\"a\":01}", "{\"a\":.5}",
                "{\"a\":\"\\x41\"}", "{\"a\":1}/* comment */", "// comment\n{}", "{\"a\":\"tab\there\"}",
                "{\"a\":\"nul\u0000here\"}", valid + valid, valid + ",", valid + "x", "[" + valid, valid.replace("\"", "'"),
                valid.replace(":", "="), valid.replace(",", ";"), valid.substring(1))) {
            add("not-json", "text #" + items.size() + ": " + clip(text), plainKey(), text.getBytes(StandardCharsets.UTF_8), null);
        }
        for (int i = 0; i < 10; i++) {
            byte[] noise = new byte[1 + random.nextInt(512)];
            random.nextBytes(noise);
            noise[0] = (byte) (0x80 | noise[0]); // never a valid first byte of a JSON text
            add("not-json", "random bytes #" + i, plainKey(), noise, null);
        }
        byte[] gzip = {0x1f, (byte) 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0x4b, 0x4c, 0x4a, 0x06, 0x00};
        add("not-json", "gzip bytes", plainKey(), gzip, null);
    }

    private void notAnObject() {
        String valid = validFiling().toString();
        for (String text : List.of("null", "true", "false", "0", "-1", "1e308", "\"QFT-2000000-0\"", "[]", "[{}]",
                "[" + valid + "]", "[null]", "\"" + valid.replace("\"", "\\\"") + "\"")) {
            add("not-an-object", "JSON " + clip(text), plainKey(), text.getBytes(StandardCharsets.UTF_8), null);
        }
    }

    /** A valid filing cut after n bytes, for n all along it. */
    private void truncated() {
        for (int cut = 1; ; cut += 3) {
            ObjectNode f = validFiling();
            byte[] json = bytes(f);
            if (cut >= json.length - 1) {
                break;
            }
            add("truncated", "cut after " + cut + " of " + json.length + " bytes", keyOf(f), Arrays.copyOf(json, cut), null);
        }
    }

    private void everyFieldWrong() {
        List<String> required = List.of("entryNumber", "filerCode", "entryType", "importerNumber", "portOfEntry", "summaryDate");
        List<String> optional = List.of("entryDate", "modeOfTransport");
        for (String field : required) {
            field("missing", field + " missing", f -> f.remove(field));
            field("null", field + " null", f -> f.putNull(field));
        }
        for (String field : concat(required, optional)) {
            field("wrong-type", field + " a number", f -> f.put(field, 2704));
            field("wrong-type", field + " a decimal", f -> f.put(field, new BigDecimal("12.5")));
            field("wrong-type", field + " true", f -> f.put(field, true));
            field("wrong-type", field + " an object", f -> f.putObject(field).put("value", "2704"));
            field("wrong-type", field + " an empty array", f -> f.putArray(field));
            field("wrong-type", field + " an array of its value", f -> {
                String value = f.path(field).asString("x");
                f.putArray(field).add(value);
            });
            field("wrong-format", field + " empty", f -> f.put(field, ""));
            field("wrong-format", field + " blank", f -> f.put(field, "   "));
            field("wrong-format", field + " with a trailing space", f -> f.put(field, f.path(field).asString("") + " "));
            field("wrong-format", field + " with a zero-width space", f -> f.put(field, "\u200B" + f.path(field).asString("")));
        }
        badValues("entryNumber", "ABC1234567-6", "abc-1234567-6", "ABC-123456-6", "ABC-12345678-6", "ABC-1234567-X",
                "ABC\u20131234567\u20136", "\uFF21\uFF22\uFF23-1234567-6", "ABC-\u0661\u0662\u0663\u0664\u0665\u0666\u0667-6",
                "ABC-1234567-6\u0000", "../../etc/passwd", "' OR 1=1 --", "${jndi:ldap://127.0.0.1/x}");
        badValues("filerCode", "AB", "ABCD", "abc", "A-C", "\u00C0BC", "QF", "QFTQFT");
        badValues("entryType", "1", "001", "AA", "1A", "\uFF10\uFF11", "-1");
        badValues("importerNumber", "12-3456789", "12-3456789ab", "123456789AB", "12 3456789AB", "123-45-678",
                "123456-1234", "12-3456789AB\u202E", "<script>alert(1)</script>");
        badValues("portOfEntry", "270", "27045", "27O4", "ABCD", "\uFF12\uFF17\uFF10\uFF14", "2704.0");
        badValues("entryDate", "2026-13-01", "2026-02-30", "20261118", "18/11/2026", "2026-11-18T00:00:00Z", "tomorrow",
                "2026-11-18 ", "+2026-11-18");
        badValues("summaryDate", "2026-00-10", "2026-04-31", "2026/11/20", "Nov 20, 2026", "2026-11-20T12:00", "2026-W47");
        badValues("modeOfTransport", "1", "111", "A1", "\uFF11\uFF11");
        field("wrong-type", "schemaVersion a string", f -> f.put("schemaVersion", "1"));
        field("wrong-type", "schemaVersion true", f -> f.put("schemaVersion", true));
        field("wrong-type", "schemaVersion an object", f -> f.putObject("schemaVersion").put("v", 1));
        field("wrong-format", "schemaVersion 2", f -> f.put("schemaVersion", 2));
        field("wrong-format", "schemaVersion 0", f -> f.put("schemaVersion", 0));
        field("wrong-format", "schemaVersion -1", f -> f.put("schemaVersion", -1));
        field("wrong-format", "schemaVersion 1.5", f -> f.put("schemaVersion", new BigDecimal("1.5")));
        field("wrong-format", "schemaVersion 2^40", f -> f.put("schemaVersion", 1L << 40));
    }

    private void linesWrong() {
        field("missing", "lines missing", f -> f.remove("lines"));
        field("null", "lines null", f -> f.putNull("lines"));
        field("wrong-type", "lines an object", f -> f.putObject("lines").set("0", line0(validFiling())));
        field("wrong-type", "lines a string", f -> f.put("lines", "8471300100"));
        field("wrong-type", "lines a number", f -> f.put("lines", 1));
        field("wrong-format", "lines empty", f -> f.putArray("lines"));
        field("wrong-type", "lines [1]", f -> f.putArray("lines").add(1));
        field("wrong-type", "lines [\"x\"]", f -> f.putArray("lines").add("x"));
        field("wrong-type", "lines [null]", f -> f.putArray("lines").addNull());
        field("wrong-type", "lines [[]]", f -> f.putArray("lines").addArray());
        field("wrong-type", "second line null", f -> ((ArrayNode) f.get("lines")).set(1, NODES.nullNode()));
        field("wrong-format", "1,000 lines", f -> {
            ArrayNode lines = f.putArray("lines");
            for (int i = 1; i <= 1_000; i++) {
                lines.addObject().put("lineNumber", Math.min(i, 999)).put("htsNumber", "8471300100").put("countryOfOrigin", "CN")
                        .put("enteredValue", 1);
            }
        });
        List<String> lineRequired = List.of("lineNumber", "htsNumber", "countryOfOrigin", "enteredValue");
        for (int index = 0; index < 2; index++) {
            int i = index;
            String at = "lines[" + i + "].";
            for (String field : lineRequired) {
                lineField(i, "missing", at + field + " missing", l -> l.remove(field));
                lineField(i, "null", at + field + " null", l -> l.putNull(field));
                lineField(i, "wrong-type", at + field + " an object", l -> l.putObject(field));
                lineField(i, "wrong-type", at + field + " an array", l -> l.putArray(field).add(l.path(field).asString("1")));
                lineField(i, "wrong-type", at + field + " true", l -> l.put(field, true));
            }
            lineField(i, "wrong-type", at + "lineNumber a string", l -> l.put("lineNumber", String.valueOf(i + 1)));
            lineField(i, "wrong-type", at + "lineNumber a decimal", l -> l.put("lineNumber", new BigDecimal("1.5")));
            for (long bad : new long[] {0, -1, 1_000, 2_147_483_648L, Long.MIN_VALUE}) {
                lineField(i, "wrong-format", at + "lineNumber " + bad, l -> l.put("lineNumber", bad));
            }
            lineField(i, "wrong-type", at + "htsNumber a number", l -> l.put("htsNumber", 8471300100L));
            for (String bad : List.of("847130010", "84713001000", "8471.30.0100", "847130010A", "", "8471 300100",
                    "\uFF18\uFF14\uFF17\uFF11\uFF13\uFF10\uFF10\uFF11\uFF10\uFF10")) {
                lineField(i, "wrong-format", at + "htsNumber '" + bad + "'", l -> l.put("htsNumber", bad));
            }
            lineField(i, "wrong-type", at + "countryOfOrigin a number", l -> l.put("countryOfOrigin", 86));
            for (String bad : List.of("cn", "CHN", "C", "", "China", "\uD83C\uDDE8\uD83C\uDDF3", "C1")) {
                lineField(i, "wrong-format", at + "countryOfOrigin '" + bad + "'", l -> l.put("countryOfOrigin", bad));
            }
            lineField(i, "wrong-type", at + "enteredValue a string", l -> l.put("enteredValue", "125000.00"));
            for (String bad : List.of("-1", "-0.01", "0.001", "1000000000000", "999999999999.999", "1E+13", "12.345")) {
                lineField(i, "wrong-format", at + "enteredValue " + bad, l -> l.put("enteredValue", new BigDecimal(bad)));
            }
            lineField(i, "wrong-type", at + "chapter99Numbers a string", l -> l.put("chapter99Numbers", "99038803"));
            lineField(i, "wrong-type", at + "chapter99Numbers an object", l -> l.putObject("chapter99Numbers"));
            lineField(i, "wrong-type", at + "chapter99Numbers [number]", l -> l.putArray("chapter99Numbers").add(99038803));
            lineField(i, "wrong-type", at + "chapter99Numbers [null]", l -> l.putArray("chapter99Numbers").addNull());
            for (String bad : List.of("9903880", "990388031", "12038803", "99038803 ", "", "9903.88.03")) {
                lineField(i, "wrong-format", at + "chapter99Numbers ['" + bad + "']",
                        l -> l.putArray("chapter99Numbers").add("99038801").add(bad));
            }
            lineField(i, "wrong-type", at + "adcvdCaseNumber a number", l -> l.put("adcvdCaseNumber", 570001));
            lineField(i, "wrong-type", at + "adcvdCaseNumber an array", l -> l.putArray("adcvdCaseNumber").add("A-570-001"));
            for (String bad : List.of("A-570-01", "X-570-001", "a-570-001", "A570001", "", "A-570-0011")) {
                lineField(i, "wrong-format", at + "adcvdCaseNumber '" + bad + "'", l -> l.put("adcvdCaseNumber", bad));
            }
        }
    }

    /** The rules CONTRACT.md and the schema leave to routing-service: well-formed JSON the schema accepts, still invalid. */
    private void rulesTheSchemaLeavesToRouting() {
        for (int wrong = 1; wrong <= 9; wrong++) {
            int shift = wrong;
            rule("entry number check digit", "check digit off by " + shift, f -> {
                String n = f.get("entryNumber").stringValue();
                f.put("entryNumber", n.substring(0, 12) + (char) ('0' + (n.charAt(12) - '0' + shift) % 10));
            });
        }
        for (String other : List.of("ABC", "QFU", "000", "ZZZ")) {
            rule("filer code of the entry number", "filerCode " + other, f -> f.put("filerCode", other));
        }
        for (String type : List.of("00", "09", "10", "14", "20", "27", "33", "50", "85", "87", "99")) {
            rule("entry type Centerline accepts", "entryType " + type, f -> f.put("entryType", type));
        }
        for (String country : List.of("XX", "ZZ", "AA", "QQ", "UK", "EU")) {
            rule("ISO 3166 country", "countryOfOrigin " + country, f -> line0(f).put("countryOfOrigin", country));
        }
        for (String hts : List.of("7701000000", "0000000000", "0099000000", "7799999999")) {
            rule("HTS chapter the table knows", "htsNumber " + hts, f -> line0(f).put("htsNumber", hts));
        }
        rule("unique line numbers", "both lines numbered 1", f -> ((ObjectNode) f.get("lines").get(1)).put("lineNumber", 1));
        rule("unique line numbers", "999 lines all numbered 7", f -> {
            ArrayNode lines = f.putArray("lines");
            for (int i = 0; i < 999; i++) {
                lines.addObject().put("lineNumber", 7).put("htsNumber", "8471300100").put("countryOfOrigin", "CN")
                        .put("enteredValue", 10);
            }
        });
        rule("summary date not before entry date", "summaryDate a day before entryDate",
                f -> f.put("summaryDate", "2026-11-17"));
        rule("summary date not before entry date", "summaryDate a year before entryDate",
                f -> f.put("summaryDate", "2025-11-18"));
        for (int i = 0; i < 5; i++) {
            ObjectNode f = validFiling();
            String otherKey = EntryNumber.of(FILER, String.format("%07d", serial++)).toString();
            add("rule", "published under another entry number's key #" + i, otherKey, bytes(f), "record key is the entry number");
        }
        rule("entered value at most 999,999,999,999.99", "enteredValue 1E+999999999 (a huge exponent)",
                f -> line0(f).put("enteredValue", new BigDecimal("1E+999999999")));
        rule("entered value with at most two decimals", "enteredValue 1E-999999999 (a huge scale)",
                f -> line0(f).put("enteredValue", new BigDecimal("1E-999999999")));
    }

    private void hugeStrings() {
        field("huge", "entryNumber of 200 KB", f -> f.put("entryNumber", "A".repeat(200_000)));
        field("huge", "importerNumber of 900 KB", f -> f.put("importerNumber", "1".repeat(900_000)));
        field("huge", "filerCode of 500 KB of emoji", f -> f.put("filerCode", "\uD83D\uDCE6".repeat(125_000)));
        field("huge", "htsNumber of 800 KB", f -> line0(f).put("htsNumber", "8".repeat(800_000)));
        field("huge", "a 100,000-character field name instead of portOfEntry", f -> {
            f.remove("portOfEntry");
            f.put("p".repeat(100_000), "2704");
        });
        field("huge", "999 lines each wrong four times (over 100 reasons)", f -> {
            ArrayNode lines = f.putArray("lines");
            for (int i = 1; i <= 999; i++) {
                lines.addObject().put("lineNumber", -i).put("htsNumber", "x").put("countryOfOrigin", "xx").put("enteredValue", -1);
            }
        });
        field("huge", "5,000 lines", f -> {
            ArrayNode lines = f.putArray("lines");
            for (int i = 1; i <= 5_000; i++) {
                lines.addObject().put("lineNumber", i).put("htsNumber", "8471300100").put("countryOfOrigin", "CN")
                        .put("enteredValue", 1);
            }
        });
        field("huge", "2,000 Chapter 99 numbers, all wrong", f -> {
            ArrayNode ch99 = line0(f).putArray("chapter99Numbers");
            for (int i = 0; i < 2_000; i++) {
                ch99.add("12" + i);
            }
        });
        ObjectNode padded = validFiling();
        padded.put("padding", "x".repeat(2 * 1024 * 1024));
        add("huge", "a valid filing with 2 MiB of padding", keyOf(padded), bytes(padded), "a filing is at most 1 MiB");
        ObjectNode justOver = validFiling();
        byte[] body = bytes(justOver);
        byte[] over = Arrays.copyOf(body, MAX_FILING_BYTES + 1);
        Arrays.fill(over, body.length - 1, over.length - 1, (byte) ' ');
        over[over.length - 1] = '}';
        add("huge", "a valid filing padded with spaces to 1 MiB + 1 byte", keyOf(justOver), over, "a filing is at most 1 MiB");
        add("huge", "3.5 MiB of 'A'", plainKey(), "A".repeat(3_500_000).getBytes(StandardCharsets.US_ASCII), null);
        add("huge", "3.5 MiB of '['", plainKey(), "[".repeat(3_500_000).getBytes(StandardCharsets.US_ASCII), null);
        add("huge", "a 3 MiB JSON string", plainKey(), ("\"" + "s".repeat(3 * 1024 * 1024) + "\"").getBytes(StandardCharsets.US_ASCII),
                null);
    }

    private void deepNesting() {
        for (int depth : new int[] {2, 10, 100, 499, 500, 501, 5_000, 100_000}) {
            nested("importerNumber nested " + depth + " arrays deep", f -> f.put("importerNumber", NEST),
                    "[".repeat(depth) + "\"12-3456789AB\"" + "]".repeat(depth));
            nested("lines[0].htsNumber nested " + depth + " objects deep", f -> line0(f).put("htsNumber", NEST),
                    "{\"n\":".repeat(depth) + "\"8471300100\"" + "}".repeat(depth));
            nested("lines nested " + depth + " arrays deep", f -> f.put("lines", NEST), "[".repeat(depth) + "]".repeat(depth));
        }
        for (int depth : new int[] {1_000, 200_000}) {
            String open = "[".repeat(depth);
            add("deep", depth + " open brackets, never closed", plainKey(), open.getBytes(StandardCharsets.US_ASCII), null);
            add("deep", depth + " nested objects", plainKey(),
                    ("{\"a\":".repeat(depth) + "1" + "}".repeat(depth)).getBytes(StandardCharsets.US_ASCII), null);
        }
    }

    /** A valid filing with one value replaced by {@code nestedJson} (written as text: Jackson will not write it that deep). */
    private void nested(String what, Consumer<ObjectNode> markValue, String nestedJson) {
        ObjectNode f = validFiling();
        String key = keyOf(f);
        markValue.accept(f);
        String json = f.toString().replace("\"" + NEST + "\"", nestedJson);
        add("deep", what, key, json.getBytes(StandardCharsets.UTF_8), null);
    }

    /** Byte sequences that are not UTF-8 (RFC 3629), inside the text of fields and names. */
    private void invalidUtf8() {
        int[][] sequences = {
                {0xC3, 0x28}, {0xA0, 0xA1}, {0xE2, 0x28, 0xA1}, {0xF0, 0x28, 0x8C, 0xBC}, {0xFF}, {0xFE}, {0x80},
                {0xC0, 0xAF}, {0xC1, 0xBF}, {0xE0, 0x80, 0xAF}, {0xED, 0xA0, 0x80}, {0xF4, 0x90, 0x80, 0x80},
                {0xF8, 0x88, 0x80, 0x80, 0x80}, {0xE2, 0x82}};
        for (int[] seq : sequences) {
            String hex = hex(seq);
            for (String field : List.of("entryNumber", "filerCode", "importerNumber", "portOfEntry", "summaryDate")) {
                utf8Fault("bytes " + hex + " inside " + field, f -> f.put(field, "\u0001" + f.get(field).stringValue()), seq);
            }
            utf8Fault("bytes " + hex + " inside lines[0].htsNumber", f -> line0(f).put("htsNumber", "\u00018471300100"), seq);
            utf8Fault("bytes " + hex + " inside the name of modeOfTransport", f -> {
                f.remove("modeOfTransport");
                f.put("mode\u0001OfTransport", "11");
            }, seq);
            utf8Fault("bytes " + hex + " in an extra field's text", f -> f.put("remarks", "see \u0001 attached"), seq);
        }
        ObjectNode f = validFiling();
        add("invalid-utf8", "the whole filing in UTF-16BE", keyOf(f), f.toString().getBytes(StandardCharsets.UTF_16BE),
                UTF8);
        f = validFiling();
        add("invalid-utf8", "the whole filing in UTF-16LE", keyOf(f), f.toString().getBytes(StandardCharsets.UTF_16LE),
                UTF8);
        f = validFiling();
        f.put("importerName", "Soci\u00E9t\u00E9 G\u00E9n\u00E9rale");
        add("invalid-utf8", "the whole filing in ISO-8859-1, with an accented importer name", keyOf(f),
                f.toString().getBytes(StandardCharsets.ISO_8859_1), UTF8);
    }

    /** Malformed filings published without a key: the rejection carries the entry number when readable, else none. */
    private void nullKeys() {
        for (String text : List.of("", "{", "null", "[]", "{\"entryNumber\":42}", "not json", "{\"lines\":[]}")) {
            add("null-key", "no key, value " + clip(text), null, text.getBytes(StandardCharsets.UTF_8), null);
        }
        add("null-key", "no key, no value", null, null, null);
        for (String field : List.of("importerNumber", "portOfEntry", "summaryDate", "lines")) {
            ObjectNode f = validFiling();
            f.remove(field);
            add("null-key", "no key, " + field + " missing", null, bytes(f), null);
        }
        ObjectNode f = validFiling();
        f.put("entryNumber", "NOT-AN-ENTRY");
        add("null-key", "no key, entryNumber malformed", null, bytes(f), null);
    }

    /** Random byte edits of valid filings, kept when the result no longer parses or the schema refuses it. */
    private void fuzzed(int until) {
        int n = 0;
        while (items.size() < until) {
            ObjectNode f = validFiling();
            byte[] json = bytes(f);
            byte[] mutated = mutate(json);
            JsonNode tree = parse(mutated);
            if (tree != null && ContractSchemas.schema(ContractSchemas.ENTRY_SUMMARY).validate(tree).isEmpty()) {
                continue;
            }
            add("fuzzed", "random edit #" + n++, keyOf(f), mutated, null);
        }
    }

    private byte[] mutate(byte[] json) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = random.nextInt(json.length);
        switch (random.nextInt(5)) {
            case 0 -> { // delete a run of bytes
                int len = 1 + random.nextInt(8);
                out.write(json, 0, at);
                out.write(json, Math.min(json.length, at + len), Math.max(0, json.length - at - len));
            }
            case 1 -> { // insert a random byte
                out.write(json, 0, at);
                out.write(random.nextInt(256));
                out.write(json, at, json.length - at);
            }
            case 2 -> { // replace a byte with a JSON-significant character
                byte[] copy = json.clone();
                String significant = "{}[]\":,\\ 0-.e\u0000";
                copy[at] = (byte) significant.charAt(random.nextInt(significant.length()));
                return copy;
            }
            case 3 -> { // swap two bytes
                byte[] copy = json.clone();
                int other = random.nextInt(json.length);
                byte b = copy[at];
                copy[at] = copy[other];
                copy[other] = b;
                return copy;
            }
            default -> { // duplicate a chunk
                int len = 1 + random.nextInt(Math.min(40, json.length - at));
                out.write(json, 0, at + len);
                out.write(json, at, json.length - at);
            }
        }
        return out.toByteArray();
    }

    private void field(String kind, String what, Consumer<ObjectNode> change) {
        ObjectNode f = validFiling();
        String key = keyOf(f);
        change.accept(f);
        add("field-" + kind, what, key, bytes(f), null);
    }

    private void lineField(int index, String kind, String what, Consumer<ObjectNode> change) {
        field(kind, what, f -> change.accept((ObjectNode) f.get("lines").get(index)));
    }

    private void badValues(String field, String... values) {
        for (String v : values) {
            field("wrong-format", field + " '" + clip(v) + "'", f -> f.put(field, v));
        }
    }

    private void rule(String rule, String what, Consumer<ObjectNode> change) {
        ObjectNode f = validFiling();
        String key = keyOf(f);
        change.accept(f);
        add("rule", what, key, bytes(f), rule);
    }

    /** The filing after {@code change}, with the U+0001 it put somewhere (written {@code \\u0001}) replaced by raw bytes. */
    private void utf8Fault(String what, Consumer<ObjectNode> change, int[] sequence) {
        ObjectNode f = validFiling();
        String key = keyOf(f);
        change.accept(f);
        byte[] json = bytes(f);
        byte[] marker = "\\u0001".getBytes(StandardCharsets.US_ASCII);
        int at = indexOf(json, marker);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(json, 0, at);
        for (int b : sequence) {
            out.write(b);
        }
        out.write(json, at + marker.length, json.length - at - marker.length);
        add("invalid-utf8", what, key, out.toByteArray(), UTF8);
    }

    /**
     * Adds an item after checking that it is malformed by the contract: unless a rule is named, it must not parse, or
     * the published schema must refuse it. Rejection keys are kept unique so each rejection can be matched to its item.
     */
    private void add(String category, String what, String key, byte[] payload, String rule) {
        Malformed m = new Malformed(category, what, key, payload, rule);
        if (rule == null) {
            JsonNode tree = parse(payload);
            if (tree != null && ContractSchemas.schema(ContractSchemas.ENTRY_SUMMARY).validate(tree).isEmpty()) {
                throw new IllegalStateException("not malformed by the schema: " + m);
            }
        }
        String rejectionKey = m.rejectionKey();
        if (rejectionKey != null && !rejectionKeys.add(rejectionKey)) {
            return; // a fuzzed edit that made another item's entry number: left out, so every rejection stays matchable
        }
        items.add(m);
    }

    /**
     * The key a rejection of this record carries (CONTRACT.md): the filing's entry number when that is readable and
     * well-formed, else the key it was published with.
     */
    static String rejectionKey(String key, byte[] payload) {
        JsonNode tree = parse(payload);
        JsonNode entryNumber = tree == null ? null : tree.get("entryNumber");
        if (entryNumber != null && entryNumber.isString() && EntryNumber.hasValidFormat(entryNumber.stringValue())) {
            return entryNumber.stringValue();
        }
        return key;
    }

    /** The tree of a payload as routing reads it (strict JSON, one value), or null when it is not JSON. */
    static JsonNode parse(byte[] payload) {
        if (payload == null || payload.length == 0) {
            return null;
        }
        try {
            JsonNode tree = JSON.readTree(payload);
            return tree == null || tree.isMissingNode() ? null : tree;
        } catch (JacksonException e) {
            return null;
        }
    }

    private String plainKey() {
        return "malformed-" + plainKeys++;
    }

    private static String keyOf(ObjectNode f) {
        return f.get("entryNumber").stringValue();
    }

    private static ObjectNode line0(ObjectNode f) {
        return (ObjectNode) f.get("lines").get(0);
    }

    private static byte[] bytes(ObjectNode f) {
        return JSON.writeValueAsBytes(f);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalArgumentException("marker not found");
    }

    private static String hex(int[] bytes) {
        StringBuilder s = new StringBuilder();
        for (int b : bytes) {
            s.append(s.isEmpty() ? "" : " ").append(String.format("%02X", b));
        }
        return s.toString();
    }

    private static String clip(String s) {
        String oneLine = s.replace("\n", "\\n").replace("\t", "\\t").replace("\u0000", "\\0");
        return oneLine.length() <= 40 ? oneLine : oneLine.substring(0, 40) + "...";
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
