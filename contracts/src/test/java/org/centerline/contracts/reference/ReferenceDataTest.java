package org.centerline.contracts.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.centerline.contracts.event.PartnerAgency;
import org.centerline.contracts.event.RoutingFlag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The effective-dated reference tables (DOMAIN.md "Rules in force, 2025-2026"): each range and each
 * from/until boundary, the day before, the day of and the day after.
 */
class ReferenceDataTest {

    private static final ReferenceData DATA = ReferenceData.standard();

    @Test
    void everyTableHasAVersion() {
        assertThat(DATA.versions()).containsExactlyInAnyOrderEntriesOf(java.util.Map.of("entryTypes", "2026.12-2",
                "chapter99", "2026.12-1", "uflpaSectors", "2026.12-1", "partnerAgencies", "2026.12-1"));
    }

    // ---- entry types ----

    @ParameterizedTest(name = "type 86 on {0}: {1}")
    @CsvSource({"2025-08-27,true", "2025-08-28,true", "2025-08-29,false", "2025-08-30,false", "2026-11-18,false",
            "2020-01-01,true"})
    void type86EndsOn20250829(LocalDate date, boolean valid) {
        assertThat(DATA.entryTypes().inForce("86", date)).isEqualTo(valid);
        assertThat(DATA.entryTypes().inForceFor("86", date, "DE")).isEqualTo(valid);
    }

    @ParameterizedTest(name = "type 86, {1} goods on {0}: {2}")
    @CsvSource({"2025-05-01,CN,true", "2025-05-02,CN,false", "2025-05-03,CN,false",
            "2025-05-01,HK,true", "2025-05-02,HK,false", "2025-05-03,HK,false",
            "2025-05-02,VN,true", "2025-05-03,MX,true"})
    void type86EndsEarlierForChinaAndHongKong(LocalDate date, String origin, boolean valid) {
        assertThat(DATA.entryTypes().inForceFor("86", date, origin)).isEqualTo(valid);
    }

    @ParameterizedTest(name = "type 13 (informal mail, under test) on {0}: {1}")
    @CsvSource({"2026-05-31,false", "2026-06-01,true", "2026-06-02,true", "2026-11-18,true", "2025-01-01,false"})
    void type13IsValidFromJune2026(LocalDate date, boolean valid) {
        assertThat(DATA.entryTypes().inForceFor("13", date, "CN")).isEqualTo(valid);
    }

    @ParameterizedTest
    @ValueSource(strings = {"01", "03", "11", "02", "52"})
    void otherTypesAreAlwaysValid(String type) {
        for (String date : List.of("2020-01-01", "2025-05-02", "2025-08-29", "2026-11-18")) {
            assertThat(DATA.entryTypes().inForceFor(type, LocalDate.parse(date), "CN")).isTrue();
        }
    }

    @Test
    void unknownTypesAreUnknown() {
        assertThat(DATA.entryTypes().isKnown("14")).isFalse();
        assertThat(DATA.entryTypes().isKnown("13")).isTrue();
        assertThat(DATA.entryTypes().isKnown("99")).isFalse();
        assertThat(DATA.entryTypes().isKnown("86")).isTrue();
    }

    // ---- Chapter 99 ----

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "99038801,SECTION_301", "99038815,SECTION_301", "9903880315,SECTION_301", "99039101,SECTION_301", "99039103,SECTION_301",
            "99038001,SECTION_232", "99038187,SECTION_232", "99038193,SECTION_232", "99038501,SECTION_232", "99038505,SECTION_232",
            "99039401,SECTION_232", "99039407,SECTION_232", "99039431,SECTION_232", "99039455,SECTION_232",
            "99037401,SECTION_232", "99037411,SECTION_232", "99037801,SECTION_232", "99037802,SECTION_232",
            "99037601,SECTION_232", "99037604,SECTION_232", "99037620,SECTION_232", "99037622,SECTION_232",
            "99037901,SECTION_232", "99037902,SECTION_232",
            "99034501,SECTION_201", "99034521,SECTION_201", "99034529,SECTION_201",
            "99030301,SECTION_122", "99030311,SECTION_122",
            "99030101,IEEPA", "99030105,IEEPA", "99030110,IEEPA", "99030115,IEEPA", "99030120,IEEPA", "99030123,IEEPA",
            "99030125,IEEPA", "99030133,IEEPA", "99030201,IEEPA", "99030273,IEEPA"})
    void eachRangeRaisesItsFlag(String number, RoutingFlag flag) {
        assertThat(DATA.chapter99().flagOf(number)).isEqualTo(flag);
    }

    @ParameterizedTest
    @ValueSource(strings = {"99038186", "99038194", "99039104", "99039408", "99039430", "99039456", "99037412", "99037803",
            "99037605", "99037619", "99037623", "99037903", "99030312", "99030106", "99030124", "99030134", "99030274",
            "99039001", "99030000", "98010010"})
    void numbersOutsideTheRangesRaiseNothingAndAreAlwaysAccepted(String number) {
        assertThat(DATA.chapter99().flagOf(number)).isNull();
        assertThat(DATA.chapter99().inForce(number, LocalDate.of(2026, 11, 18))).isTrue();
    }

    /** number, first day valid (or blank), first day no longer valid (or blank). */
    @ParameterizedTest(name = "{0}: from {1} until {2}")
    @CsvSource({
            "99030301,2026-02-24,2026-07-25", "99030311,2026-02-24,2026-07-25",
            "99030101,2025-02-01,2026-02-24", "99030110,2025-02-01,2026-02-24", "99030120,2025-02-01,2026-02-24",
            "99030125,2025-04-01,2026-02-24", "99030273,2025-04-01,2026-02-24",
            "99038001,,2025-04-01", "99038187,2025-03-12,", "99038502,2025-03-01,",
            "99039401,2025-04-01,", "99039431,2025-04-01,", "99037401,2025-11-01,", "99037801,2025-08-01,",
            "99037601,2025-10-14,", "99037620,2025-10-14,", "99037901,2026-01-15,", "99039101,2024-09-27,",
            "99034501,,2023-02-08", "99034521,,2026-03-01"})
    void eachNumberIsValidWithinItsDates(String number, LocalDate from, LocalDate until) {
        Chapter99Provisions c = DATA.chapter99();
        if (from != null) {
            assertThat(c.inForce(number, from.minusDays(1))).as("day before from").isFalse();
            assertThat(c.inForce(number, from)).as("from").isTrue();
            assertThat(c.inForce(number, from.plusDays(1))).as("day after from").isTrue();
        }
        if (until != null) {
            assertThat(c.inForce(number, until.minusDays(1))).as("last day").isTrue();
            assertThat(c.inForce(number, until)).as("until").isFalse();
            assertThat(c.inForce(number, until.plusDays(1))).as("day after until").isFalse();
        }
        assertThat(c.inForce(number + "10", from != null ? from : until.minusDays(1))).as("10-digit form").isTrue();
    }

    @Test
    void ieepaNumbersAreInvalidOnNovember2026EntriesAndSection122ToWhatThe2026RulesSay() {
        LocalDate nov = LocalDate.of(2026, 11, 18);
        assertThat(DATA.chapter99().inForce("99030125", nov)).isFalse();
        assertThat(DATA.chapter99().inForce("99030301", nov)).isFalse();
        assertThat(DATA.chapter99().inForce("99038187", nov)).isTrue();
        assertThat(DATA.chapter99().inForce("99037901", nov)).isTrue();
    }

    // ---- UFLPA ----

    @ParameterizedTest(name = "{0} on {1} -> {2}")
    @CsvSource({"5201000500,2026-11-18,cotton", "6109100012,2026-11-18,apparel", "6302100000,2026-11-18,apparel",
            "0702000000,2026-11-18,tomatoes", "2103200000,2026-11-18,tomatoes", "8541420000,2026-11-18,polysilicon",
            "8541430000,2026-11-18,polysilicon", "7601103000,2026-11-18,aluminum", "3904100000,2026-11-18,pvc",
            "0302110000,2026-11-18,seafood", "1604110000,2026-11-18,seafood", "7208100000,2026-11-18,steel",
            "7318150000,2026-11-18,steel", "7403110000,2026-11-18,copper", "8507600020,2026-11-18,lithium",
            "2815110000,2026-11-18,caustic-soda", "0813400000,2026-11-18,red-dates",
            // a sector applies from its listing
            "7208100000,2025-07-31,", "7208100000,2025-08-01,steel", "5201000500,2022-06-20,", "5201000500,2022-06-21,cotton",
            "7601103000,2023-12-31,", "7601103000,2024-01-01,aluminum"})
    void sectorsByHtsPrefixAndDate(String hts, LocalDate date, String sector) {
        assertThat(DATA.uflpa().sectorOf(hts, date)).isEqualTo(sector);
    }

    @ParameterizedTest
    @ValueSource(strings = {"8471300100", "6401100000", "8541410000", "8541440000", "0813300000", "3904300000"})
    void otherGoodsAreNoSector(String hts) {
        assertThat(DATA.uflpa().sectorOf(hts, LocalDate.of(2026, 11, 18))).isNull();
    }

    // ---- partner agencies ----

    private static List<PartnerAgency> agencies(String hts, String date) {
        List<PartnerAgency> found = new ArrayList<>();
        DATA.partnerAgencies().flagsOf(hts, LocalDate.parse(date), found);
        return found;
    }

    @Test
    void partnerAgencyFlagsByHtsPrefix() {
        assertThat(agencies("0201100000", "2026-11-18")).containsExactly(new PartnerAgency("FSIS", "FS4", true),
                new PartnerAgency("FDA", "FD3", false));
        assertThat(agencies("0302110000", "2026-11-18")).containsExactly(new PartnerAgency("NMFS", "NM8", true),
                new PartnerAgency("FDA", "FD3", false));
        assertThat(agencies("0702000000", "2026-11-18")).containsExactly(new PartnerAgency("FDA", "FD3", false),
                new PartnerAgency("APHIS", "AQ1", false));
        assertThat(agencies("2204210000", "2026-11-18")).containsExactly(new PartnerAgency("FDA", "FD3", false),
                new PartnerAgency("TTB", "TB1", false));
        assertThat(agencies("3004900000", "2026-11-18")).containsExactly(new PartnerAgency("FDA", "FD2", true));
        assertThat(agencies("3808910000", "2026-11-18")).containsExactly(new PartnerAgency("EPA", "EP8", true));
        assertThat(agencies("8407340000", "2026-11-18")).containsExactly(new PartnerAgency("EPA", "EP5", false));
        assertThat(agencies("8703230000", "2026-11-18")).containsExactly(new PartnerAgency("NHTSA", "DT2", true),
                new PartnerAgency("EPA", "EP5", false));
        assertThat(agencies("0106110000", "2026-11-18")).containsExactly(new PartnerAgency("FWS", "FW2", true));
        assertThat(agencies("4301100000", "2026-11-18")).containsExactly(new PartnerAgency("FWS", "FW2", true));
        assertThat(agencies("8471300100", "2026-11-18")).isEmpty();
        assertThat(agencies("2501000000", "2026-11-18")).isEmpty();
    }

    @ParameterizedTest(name = "toys on {0}: {1}")
    @CsvSource({"2026-07-07,CP1,false", "2026-07-08,CP2,true", "2026-07-09,CP2,true"})
    void cpscEFilingIsRequiredFrom20260708(LocalDate date, String flag, boolean required) {
        assertThat(agencies("9503000090", date.toString())).containsExactly(new PartnerAgency("CPSC", flag, required));
    }

    // ---- EffectiveDates ----

    @Test
    void effectiveDatesDescribeTheDaysTheyCover() {
        EffectiveDates d = new EffectiveDates(LocalDate.of(2026, 2, 24), LocalDate.of(2026, 7, 25));
        assertThat(d.describe()).isEqualTo("on entries dated from 2026-02-24 to 2026-07-24");
        assertThat(new EffectiveDates(null, LocalDate.of(2025, 8, 29)).describe()).isEqualTo("on entries dated up to 2025-08-28");
        assertThat(new EffectiveDates(LocalDate.of(2025, 3, 12), null).describe()).isEqualTo("on entries dated from 2025-03-12");
        assertThat(EffectiveDates.ALWAYS.covers(LocalDate.MIN)).isTrue();
    }
}
