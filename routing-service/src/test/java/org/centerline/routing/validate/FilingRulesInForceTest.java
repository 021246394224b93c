package org.centerline.routing.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import org.centerline.contracts.center.HtsCenterTable;
import org.centerline.contracts.event.RejectionReason;
import org.centerline.contracts.schema.Samples;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The rules of the entry's date (DOMAIN.md "Rules in force, 2025-2026"), through the validator's
 * both paths: the day before, the day of and the day after each {@code from} and {@code until} of the
 * entry types and Chapter 99 programs; the field named and the message saying until when it was valid.
 */
class FilingRulesInForceTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ENTRY = "ABC-1234567-6";
    private static final String CONTRACT_EXAMPLE = Samples.text("entry-summaries.filed/valid/contract-example.json");

    private final FilingValidator validator = new FilingValidator(HtsCenterTable.standard(), FilingValidator.DEFAULT_MAX_BYTES);

    /** The contract example (type 01, one CN line 8471300100 with 99038803), changed; entry and summary on the date. */
    private ValidationResult validate(LocalDate entryDate, Consumer<ObjectNode> change) {
        ObjectNode filing = (ObjectNode) JSON.readTree(CONTRACT_EXAMPLE);
        filing.put("entryDate", entryDate.toString());
        filing.put("summaryDate", entryDate.toString());
        change.accept(filing);
        byte[] payload = JSON.writeValueAsBytes(filing);
        ValidationResult result = validator.validate(ENTRY, payload);
        // both paths, one answer
        assertThat(validator.validateAsTree(ENTRY, payload)).isEqualTo(result);
        return result;
    }

    private static ObjectNode line0(ObjectNode filing) {
        return (ObjectNode) filing.get("lines").get(0);
    }

    private static List<RejectionReason> reasons(ValidationResult result) {
        assertThat(result).isInstanceOf(ValidationResult.Invalid.class);
        return ((ValidationResult.Invalid) result).reasons();
    }

    private static RejectionReason onlyReason(ValidationResult result, String field, ReasonCode code) {
        List<RejectionReason> reasons = reasons(result);
        assertThat(reasons).hasSize(1);
        assertThat(reasons.get(0).field()).isEqualTo(field);
        assertThat(reasons.get(0).code()).isEqualTo(code.name());
        return reasons.get(0);
    }

    // ---------------------------------------------------------------- entry type 86

    private ValidationResult type86(LocalDate date, String origin) {
        return validate(date, f -> {
            f.put("entryType", "86");
            line0(f).put("countryOfOrigin", origin);
            line0(f).putArray("chapter99Numbers");
        });
    }

    @ParameterizedTest(name = "type 86 on {0}: valid {1}")
    @CsvSource({"2025-08-27,true", "2025-08-28,true", "2025-08-29,false", "2025-08-30,false", "2026-11-18,false"})
    void type86EndsOn20250829(LocalDate date, boolean valid) {
        ValidationResult result = type86(date, "DE");
        if (valid) {
            assertThat(result).isInstanceOf(ValidationResult.Valid.class);
        } else {
            RejectionReason r = onlyReason(result, "entryType", ReasonCode.ENTRY_TYPE_NOT_IN_FORCE);
            assertThat(r.message()).contains("up to 2025-08-28").contains(date + " (entryDate)");
        }
    }

    @ParameterizedTest(name = "type 86, {1} goods on {0}: valid {2}")
    @CsvSource({"2025-05-01,CN,true", "2025-05-02,CN,false", "2025-05-03,CN,false",
            "2025-05-01,HK,true", "2025-05-02,HK,false", "2025-05-03,HK,false", "2025-05-02,DE,true", "2025-08-28,VN,true"})
    void type86EndsOn20250502ForGoodsOfChinaAndHongKong(LocalDate date, String origin, boolean valid) {
        ValidationResult result = type86(date, origin);
        if (valid) {
            assertThat(result).isInstanceOf(ValidationResult.Valid.class);
        } else {
            RejectionReason r = onlyReason(result, "entryType", ReasonCode.ENTRY_TYPE_NOT_IN_FORCE);
            assertThat(r.message()).contains("CN or HK").contains("up to 2025-05-01").contains("lines[0] is of " + origin);
        }
    }

    @Test
    void withoutAnEntryDateTheSummaryDateIsJudged() {
        ValidationResult result = validate(LocalDate.of(2025, 9, 1), f -> {
            f.remove("entryDate");
            f.put("entryType", "86");
            line0(f).put("countryOfOrigin", "DE");
        });
        assertThat(onlyReason(result, "entryType", ReasonCode.ENTRY_TYPE_NOT_IN_FORCE).message())
                .contains("2025-09-01 (summaryDate; the filing has no entryDate)");
        assertThat(validate(LocalDate.of(2025, 8, 28), f -> {
            f.remove("entryDate");
            f.put("entryType", "86");
            line0(f).put("countryOfOrigin", "DE");
        })).isInstanceOf(ValidationResult.Valid.class);
    }

    @Test
    void types01And11StayValid() {
        for (String type : List.of("01", "11", "03")) {
            assertThat(validate(LocalDate.of(2026, 11, 18), f -> f.put("entryType", type))).isInstanceOf(ValidationResult.Valid.class);
        }
    }

    // ---------------------------------------------------------------- Chapter 99 programs

    /** number, first entry date valid (blank: none), first date no longer valid (blank: none). */
    @ParameterizedTest(name = "{0}: from {1} until {2}")
    @CsvSource({
            "99030301,2026-02-24,2026-07-25", "9903030111,2026-02-24,2026-07-25",           // Section 122
            "99030101,2025-02-01,2026-02-24", "99030110,2025-02-01,2026-02-24",             // IEEPA fentanyl MX, CA
            "99030120,2025-02-01,2026-02-24", "99030125,2025-04-01,2026-02-24",             // IEEPA China, reciprocal
            "99030273,2025-04-01,2026-02-24",
            "99038001,,2025-04-01", "99038187,2025-03-12,", "99038502,2025-03-01,",         // 232 steel, aluminum
            "99039401,2025-04-01,", "99039455,2025-04-01,", "99037411,2025-11-01,",         // 232 autos, trucks
            "99037801,2025-08-01,", "99037601,2025-10-14,", "99037622,2025-10-14,",         // 232 copper, timber, furniture
            "99037902,2026-01-15,", "99039101,2024-09-27,",                                 // 232 semiconductors, 301 review
            "99034501,,2023-02-08", "99034529,,2026-03-01"})                                // 201 washers, solar
    void eachChapter99NumberIsValidWithinItsProgramsDates(String number, LocalDate from, LocalDate until) {
        if (from != null) {
            assertNotInForce(number, from.minusDays(1), "from " + from);
            assertInForce(number, from);
            assertInForce(number, from.plusDays(1));
        }
        if (until != null) {
            assertInForce(number, until.minusDays(1));
            assertNotInForce(number, until, "to " + until.minusDays(1));
            assertNotInForce(number, until.plusDays(1), "to " + until.minusDays(1));
        }
    }

    private void assertInForce(String number, LocalDate date) {
        assertThat(validate(date, f -> line0(f).putArray("chapter99Numbers").add("99038803").add(number)))
                .as("%s on %s", number, date).isInstanceOf(ValidationResult.Valid.class);
    }

    private void assertNotInForce(String number, LocalDate date, String validText) {
        RejectionReason r = onlyReason(validate(date, f -> line0(f).putArray("chapter99Numbers").add("99038803").add(number)),
                "lines[0].chapter99Numbers[1]", ReasonCode.CHAPTER99_NOT_IN_FORCE);
        assertThat(r.message()).contains(number).contains(validText).contains("dated " + date);
    }

    @Test
    void ieepaAndSection122NumbersAreRejectedOnNovember2026EntriesEachWhereItIs() {
        ValidationResult result = validate(LocalDate.of(2026, 11, 18), f -> {
            line0(f).putArray("chapter99Numbers").add("99030125").add("99038803").add("9903030100");
            ObjectNode companion = ((tools.jackson.databind.node.ArrayNode) f.get("lines")).addObject();
            companion.put("lineNumber", 2).put("htsNumber", "9903012000").put("countryOfOrigin", "CN").put("enteredValue", 0);
        });
        assertThat(reasons(result)).extracting(RejectionReason::field, RejectionReason::code).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("lines[0].chapter99Numbers[0]", "CHAPTER99_NOT_IN_FORCE"),
                org.assertj.core.groups.Tuple.tuple("lines[0].chapter99Numbers[2]", "CHAPTER99_NOT_IN_FORCE"),
                org.assertj.core.groups.Tuple.tuple("lines[1].htsNumber", "CHAPTER99_NOT_IN_FORCE"));
    }

    @Test
    void numbersOfNoProgramAreAcceptedOnAnyDate() {
        for (String date : List.of("2020-01-01", "2026-11-18")) {
            assertThat(validate(LocalDate.parse(date), f -> line0(f).putArray("chapter99Numbers").add("99039901").add("99034560")))
                    .isInstanceOf(ValidationResult.Valid.class);
        }
    }

    @Test
    void anEarlierEntryIsJudgedByTheRulesOfItsDate() {
        // replaying history: an IEEPA entry of 2025 and a type 86 of July 2025 are valid today
        assertThat(validate(LocalDate.of(2025, 6, 2), f -> line0(f).putArray("chapter99Numbers").add("99030125").add("99038803")))
                .isInstanceOf(ValidationResult.Valid.class);
        assertThat(type86(LocalDate.of(2025, 7, 15), "DE")).isInstanceOf(ValidationResult.Valid.class);
    }
}
