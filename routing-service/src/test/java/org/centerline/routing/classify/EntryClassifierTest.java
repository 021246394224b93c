package org.centerline.routing.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.centerline.contracts.center.HtsCenterTable;
import org.centerline.contracts.reference.ReferenceData;
import org.centerline.contracts.event.EntryLine;
import org.centerline.contracts.event.EntrySummary;
import org.centerline.contracts.event.PartnerAgency;
import org.centerline.contracts.event.RoutingBasis;
import org.centerline.contracts.event.RoutingFlag;
import org.centerline.contracts.workload.WorkloadModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which Center an entry summary goes to, on what basis, with which flags and workload points. */
class EntryClassifierTest {

    private static final HtsCenterTable TABLE = HtsCenterTable.standard();
    private static final WorkloadModel WORKLOAD = WorkloadModel.standard();

    private final EntryClassifier classifier = new EntryClassifier(TABLE, ReferenceData.standard(), WORKLOAD);

    // ---------------------------------------------------------------- helpers

    private static EntryLine line(int number, String hts, String value, String... chapter99) {
        return new EntryLine(number, hts, "CN", new BigDecimal(value), Arrays.asList(chapter99), null);
    }

    private static EntryLine adcvdLine(int number, String hts, String caseNumber) {
        return new EntryLine(number, hts, "CN", new BigDecimal("100.00"), List.of(), caseNumber);
    }

    private static EntrySummary summary(String entryType, EntryLine... lines) {
        return new EntrySummary(1, "ABC-1234567-6", "ABC", entryType, "12-3456789AB", "2704",
                LocalDate.of(2026, 11, 18), LocalDate.of(2026, 11, 20), "11", List.of(lines));
    }

    private static EntrySummary summary(EntryLine... lines) {
        return summary("01", lines);
    }

    private Classification byHts(EntryLine... lines) {
        return classifier.classify(summary(lines), null, false);
    }

    // ---------------------------------------------------------------- HTS table, heading before chapter

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "8471300100, ELE",  // heading 8471 overrides chapter 84 (MAC)
        "8473301100, ELE",  // heading 8473 overrides chapter 84
        "8511100000, AUT",  // heading 8511 overrides chapter 85 (ELE)
        "9018110000, PHC",  // headings 9018-9022 override chapter 90 (MAC)
        "9020000000, PHC",
        "9022140000, PHC",
        "8470100000, MAC",  // neighbours keep their chapter's Center
        "8472100000, MAC",
        "8474100000, MAC",
        "8510100000, ELE",
        "8512100000, ELE",
        "9017100000, MAC",
        "9023000000, MAC",
        "0101210010, AGR",
        "2709002010, PNG",
        "3004900000, PHC",
        "3901100000, IMM",
        "6109100012, AFT",
        "7208100000, BME",
        "8201100000, MAC",
        "8703230100, AUT",
        "8802110000, AUT",
        "9503000000, CPM"
    })
    void headingRulesWinOverChapterRules(String hts, String center) {
        Classification c = byHts(line(1, hts, "100.00"));
        assertThat(c.centerCode()).isEqualTo(center);
        assertThat(c.basis()).isEqualTo(RoutingBasis.HTS);
        assertThat(c.linesByCenter()).containsExactly(Map.entry(center, 1));
    }

    // ---------------------------------------------------------------- most lines, then value, then team code

    @Test
    void mostLinesWinsEvenAgainstHigherValue() {
        Classification c = byHts(
                line(1, "8470100000", "1.00"),        // MAC
                line(2, "8471300100", "1000000.00"),  // ELE
                line(3, "8472100000", "1.00"));       // MAC
        assertThat(c.centerCode()).isEqualTo("MAC");
        assertThat(c.linesByCenter()).containsExactlyInAnyOrderEntriesOf(Map.of("MAC", 2, "ELE", 1));
    }

    @Test
    void tieOnLinesIsBrokenByHigherEnteredValue() {
        // PHC has the lower team code (001) but AGR (002) has the higher value: value comes first.
        Classification c = byHts(
                line(1, "3004900000", "100.00"),  // PHC
                line(2, "0101210010", "100.01")); // AGR
        assertThat(c.centerCode()).isEqualTo("AGR");

        Classification summed = byHts(
                line(1, "8471300100", "60.00"),   // ELE
                line(2, "9503000000", "100.00"),  // CPM
                line(3, "8473301100", "60.00"));  // ELE: 2 lines, 120.00
        assertThat(summed.centerCode()).isEqualTo("ELE");

        Classification cpm = byHts(
                line(1, "8471300100", "40.00"),
                line(2, "9503000000", "90.00"),
                line(3, "9503000000", "10.01"),   // CPM: 2 lines, 100.01
                line(4, "8473301100", "60.00"));  // ELE: 2 lines, 100.00
        assertThat(cpm.centerCode()).isEqualTo("CPM");
    }

    @Test
    void tieOnLinesAndValueIsBrokenByLowerTeamCode() {
        // PHC 001 over AGR 002, whichever line comes first.
        assertThat(byHts(line(1, "0101210010", "100.00"), line(2, "3004900000", "100.00")).centerCode()).isEqualTo("PHC");
        assertThat(byHts(line(1, "3004900000", "100.00"), line(2, "0101210010", "100.00")).centerCode()).isEqualTo("PHC");
        // ELE 007 over CPM 008.
        assertThat(byHts(line(1, "9503000000", "5.00"), line(2, "8471300100", "5.00")).centerCode()).isEqualTo("ELE");
        assertThat(byHts(line(1, "8471300100", "5.00"), line(2, "9503000000", "5.00")).centerCode()).isEqualTo("ELE");
        // MAC 010 loses to AUT 003.
        assertThat(byHts(line(1, "8470100000", "7.00"), line(2, "8511100000", "7.00")).centerCode()).isEqualTo("AUT");
    }

    @Test
    void equalValuesWithDifferentScalesAreATie() {
        // 100.0 and 100.00 are the same amount: the team code decides, not BigDecimal.equals.
        assertThat(byHts(line(1, "0101210010", "100.0"), line(2, "3004900000", "100.00")).centerCode()).isEqualTo("PHC");
        assertThat(byHts(line(1, "3004900000", "100"), line(2, "0101210010", "100.00")).centerCode()).isEqualTo("PHC");
    }

    @Test
    void zeroValueLinesStillCount() {
        Classification c = byHts(
                line(1, "0101210010", "0"),
                line(2, "0101210010", "0"),
                line(3, "8471300100", "50000.00"));
        assertThat(c.centerCode()).isEqualTo("AGR");
    }

    // ---------------------------------------------------------------- chapters 98 and 99

    @Test
    void chapter99LineCountsForThePrecedingLinesCenter() {
        // Without the companion this is ELE 1 : AGR 1 and AGR wins on value; the companion makes it ELE 2 : AGR 1.
        Classification c = byHts(
                line(1, "8471300100", "100.00"),   // ELE
                line(2, "9903880300", "0.00"),     // follows ELE
                line(3, "0101210010", "5000.00")); // AGR
        assertThat(c.centerCode()).isEqualTo("ELE");
        assertThat(c.linesByCenter()).containsExactlyInAnyOrderEntriesOf(Map.of("ELE", 2, "AGR", 1));
        assertThat(c.linesByCenter()).doesNotContainKey("CPM");
    }

    @Test
    void chapter98And99LinesFollowTheNearestPrecedingLine() {
        Classification c = byHts(
                line(1, "0101210010", "1.00"),   // AGR
                line(2, "8471300100", "1.00"),   // ELE
                line(3, "9801001000", "1.00"),   // ELE (preceding)
                line(4, "9903880300", "1.00"),   // ELE (preceding non-companion line is still 2)
                line(5, "0101210010", "1.00"));  // AGR
        assertThat(c.linesByCenter()).containsExactlyInAnyOrderEntriesOf(Map.of("AGR", 2, "ELE", 3));
        assertThat(c.centerCode()).isEqualTo("ELE");
    }

    @Test
    void leadingChapter99LinesCountForTheNextLinesCenter() {
        Classification c = byHts(
                line(1, "9903880300", "0.00"),     // first: follows the next line (AGR)
                line(2, "9801001000", "0.00"),     // also before any sector line: AGR
                line(3, "0101210010", "10.00"),    // AGR
                line(4, "8471300100", "900.00"),   // ELE
                line(5, "8473301100", "900.00"));  // ELE
        assertThat(c.linesByCenter()).containsExactlyInAnyOrderEntriesOf(Map.of("AGR", 3, "ELE", 2));
        assertThat(c.centerCode()).isEqualTo("AGR");
    }

    @Test
    void leadingCompanionValueCountsForTheNextLinesCenter() {
        // One line each (after companions): the companion's value decides the tie on lines.
        Classification c = byHts(
                line(1, "9903880300", "500.00"),  // follows AGR
                line(2, "0101210010", "10.00"),   // AGR: 2 lines
                line(3, "8471300100", "400.00"),  // ELE
                line(4, "9903880300", "1.00"));   // follows ELE: 2 lines, 401.00
        assertThat(c.linesByCenter()).containsExactlyInAnyOrderEntriesOf(Map.of("AGR", 2, "ELE", 2));
        assertThat(c.centerCode()).isEqualTo("AGR");
    }

    @Test
    void allCompanionLinesGoToTheFallbackCenter() {
        assertThat(TABLE.fallback().code()).isEqualTo("CPM");
        Classification c = byHts(
                line(1, "9903880300", "100.00"),
                line(2, "9801001000", "100.00"),
                line(3, "9903850100", "100.00"));
        assertThat(c.centerCode()).isEqualTo("CPM");
        assertThat(c.basis()).isEqualTo(RoutingBasis.HTS);
        assertThat(c.linesByCenter()).containsExactly(Map.entry("CPM", 3));
    }

    @Test
    void linesByCenterCountsEveryLineOnce() {
        List<EntryLine> lines = new ArrayList<>();
        String[] hts = {"8471300100", "8471300100", "8511100000", "9018110000", "9018110000", "9018110000",
            "9903880300", "7208100000", "0101210010", "9503000000"};
        for (int i = 0; i < hts.length; i++) {
            lines.add(line(i + 1, hts[i], "10.00"));
        }
        Classification c = byHts(lines.toArray(EntryLine[]::new));
        assertThat(c.linesByCenter()).containsExactlyInAnyOrderEntriesOf(
                Map.of("ELE", 2, "AUT", 1, "PHC", 4, "BME", 1, "AGR", 1, "CPM", 1));
        assertThat(c.linesByCenter().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(hts.length);
        assertThat(c.centerCode()).isEqualTo("PHC");
    }

    // ---------------------------------------------------------------- account basis

    @Test
    void accountCenterDecidesAndLinesByCenterStillComesFromTheLines() {
        EntrySummary s = summary(line(1, "8471300100", "100.00"), line(2, "8473301100", "100.00"),
                line(3, "0101210010", "1.00"));
        Classification c = classifier.classify(s, "PHC", false);
        assertThat(c.centerCode()).isEqualTo("PHC");
        assertThat(c.basis()).isEqualTo(RoutingBasis.ACCOUNT);
        assertThat(c.linesByCenter()).containsExactlyInAnyOrderEntriesOf(Map.of("ELE", 2, "AGR", 1));
        assertThat(c.workloadPoints()).isEqualTo(classifier.classify(s, null, false).workloadPoints());
    }

    @Test
    void withoutAccountCenterTheBasisIsHts() {
        Classification c = classifier.classify(summary(line(1, "8471300100", "100.00")), null, false);
        assertThat(c.basis()).isEqualTo(RoutingBasis.HTS);
        assertThat(c.centerCode()).isEqualTo("ELE");
    }

    @Test
    void tableVersionIsTheTables() {
        assertThat(classifier.tableVersion()).isEqualTo(TABLE.version()).isNotBlank();
    }

    // ---------------------------------------------------------------- flags

    @Test
    void plainConsumptionEntryHasNoFlags() {
        assertThat(byHts(line(1, "8471300100", "100.00")).flags()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"03", "07", "34", "38"})
    void adcvdEntryTypesRaiseAdcvd(String type) {
        Classification c = classifier.classify(summary(type, line(1, "7901110000", "100.00")), null, false);
        assertThat(c.flags()).containsExactly(RoutingFlag.ADCVD);
    }

    @ParameterizedTest
    @ValueSource(strings = {"01", "02", "06", "11", "21", "86"})
    void otherEntryTypesDoNotRaiseAdcvd(String type) {
        Classification c = classifier.classify(summary(type, line(1, "7901110000", "100.00")), null, false);
        assertThat(c.flags()).doesNotContain(RoutingFlag.ADCVD);
    }

    @Test
    void lineWithAdcvdCaseRaisesAdcvd() {
        Classification c = byHts(line(1, "7901110000", "100.00"), adcvdLine(2, "7901110000", "A-570-001"));
        assertThat(c.flags()).containsExactly(RoutingFlag.ADCVD);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "99038801, SECTION_301",
        "99038803, SECTION_301",
        "9903880300, SECTION_301",
        "99038815, SECTION_301",
        "99038001, SECTION_232",
        "9903800100, SECTION_232",
        "99038501, SECTION_232",
        "99034501, SECTION_201",
        "99034525, SECTION_201",
        "99030301, SECTION_122",
        "9903030200, SECTION_122",
        "99030125, IEEPA",
        "99030273, IEEPA",
        "99039101, SECTION_301",
        "99038187, SECTION_232",
        "99039455, SECTION_232",
        "99037411, SECTION_232",
        "99037802, SECTION_232",
        "99037622, SECTION_232",
        "99037901, SECTION_232"
    })
    void chapter99NumbersOnALineRaiseTheirProgramsFlag(String number, RoutingFlag flag) {
        assertThat(byHts(line(1, "7901110000", "100.00", number)).flags()).containsExactly(flag);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"99031001", "98010010", "99039901", "99034560", "99030124"})
    void otherChapter99NumbersRaiseNoFlag(String number) {
        assertThat(byHts(line(1, "7901110000", "100.00", number)).flags()).isEmpty();
    }

    @Test
    void chapter99HtsNumberOnACompanionLineRaisesItsFlag() {
        Classification c = byHts(line(1, "7901110000", "100.00"), line(2, "9903800100", "0.00"));
        assertThat(c.flags()).containsExactly(RoutingFlag.SECTION_232);
        assertThat(c.centerCode()).isEqualTo("BME");
    }

    @Test
    void flagsAreCollectedOverAllLinesWithoutDuplicates() {
        Classification c = classifier.classify(summary("03",
                line(1, "8471300100", "100.00", "99038803", "99038801"),
                line(2, "7208100000", "100.00", "99038001"),
                line(3, "7601103000", "100.00", "99038501"),
                line(4, "8703230100", "100.00", "99034501"),
                adcvdLine(5, "7901110000", "C570068001")), null, true);
        assertThat(c.flags()).containsExactlyInAnyOrder(RoutingFlag.ADCVD, RoutingFlag.SECTION_301,
                RoutingFlag.SECTION_232, RoutingFlag.SECTION_201, RoutingFlag.UFLPA, RoutingFlag.REFILED);
        assertThat(c.flags()).doesNotHaveDuplicates();
    }

    @Test
    void lowValueEntryType() {
        Classification c = classifier.classify(summary("86", line(1, "6404110000", "80.00")), null, false);
        assertThat(c.flags()).containsExactly(RoutingFlag.LOW_VALUE);
    }

    @Test
    void refiled() {
        EntrySummary s = summary(line(1, "8471300100", "100.00"));
        assertThat(classifier.classify(s, null, true).flags()).containsExactly(RoutingFlag.REFILED);
        assertThat(classifier.classify(s, "PHC", true).flags()).containsExactly(RoutingFlag.REFILED);
        assertThat(classifier.classify(s, null, false).flags()).doesNotContain(RoutingFlag.REFILED);
    }

    // ---------------------------------------------------------------- workload points

    @ParameterizedTest
    @ValueSource(strings = {"01", "03", "07", "86", "21"})
    void workloadPointsAreTheWorkloadModels(String type) {
        EntrySummary s = summary(type,
                line(1, "8471300100", "100.00", "99038803"),
                line(2, "7208100000", "100.00", "99038001"),
                adcvdLine(3, "7208100000", "A-570-001"));
        for (boolean refiled : new boolean[] {false, true}) {
            Classification c = classifier.classify(s, null, refiled);
            assertThat(c.workloadPoints()).isEqualTo(WORKLOAD.points(type, 3, c.flags()));
        }
    }

    @Test
    void workloadPointsOfTheContractExample() {
        // Base 1.0 (type 01) + 0 per extra line + 0.5 (SECTION_301).
        Classification c = byHts(line(1, "8471300100", "125000.00", "99038803"));
        assertThat(c.workloadPoints()).isEqualTo(1.5);
        assertThat(c.workloadPoints()).isEqualTo(WORKLOAD.points("01", 1, List.of(RoutingFlag.SECTION_301)));
    }

    @Test
    void lowValueEntriesWeighLessThanConsumptionEntries() {
        EntryLine[] lines = {line(1, "6404110000", "80.00"), line(2, "6404110000", "20.00")};
        double lowValue = classifier.classify(summary("86", lines), null, false).workloadPoints();
        double consumption = classifier.classify(summary("01", lines), null, false).workloadPoints();
        assertThat(lowValue).isLessThan(consumption);
        assertThat(lowValue).isEqualTo(WORKLOAD.points("86", 2, List.of(RoutingFlag.LOW_VALUE)));
    }

    @Test
    void moreLinesAndMoreFlagsWeighMore() {
        double one = byHts(line(1, "8471300100", "1.00")).workloadPoints();
        double two = byHts(line(1, "8471300100", "1.00"), line(2, "8471300100", "1.00")).workloadPoints();
        double flagged = byHts(line(1, "8471300100", "1.00", "99038803")).workloadPoints();
        assertThat(two).isGreaterThan(one);
        assertThat(flagged).isGreaterThan(one);
    }

    @Test
    void linesByHeadingCountsCompanionLinesUnderTheirCompanionsHeading() {
        Classification c = classifier.classify(summary(
                line(1, "9801001000", "10.00"),   // leading companion: counts for the next line's heading
                line(2, "8471300100", "100.00"),
                line(3, "9903880300", "1.00"),    // companion of line 2
                line(4, "8542310000", "50.00"),
                line(5, "8471500150", "20.00")), null, false);
        assertThat(c.linesByHeading()).containsExactly(entry("8471", 4), entry("8542", 1));
        assertThat(c.linesByHeading().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(5);
    }

    @Test
    void linesByHeadingOfAnEntryOfOnlyCompanionLinesKeepsTheirOwnHeadings() {
        Classification c = classifier.classify(summary(line(1, "9801001000", "10.00"), line(2, "9903880300", "1.00")),
                null, false);
        assertThat(c.linesByHeading()).containsExactly(entry("9801", 1), entry("9903", 1));
    }

    // ---------------------------------------------------------------- UFLPA and partner agencies

    private static EntryLine from(String country, String hts) {
        return new EntryLine(1, hts, country, new BigDecimal("100.00"), List.of(), null);
    }

    private static EntrySummary dated(LocalDate entryDate, EntryLine... lines) {
        return new EntrySummary(1, "ABC-1234567-6", "ABC", "01", "12-3456789AB", "2704", entryDate,
                entryDate == null ? LocalDate.of(2026, 11, 20) : entryDate.plusDays(2), "11", List.of(lines));
    }

    @ParameterizedTest(name = "{0} from {1}")
    @CsvSource({"5201000500,CN", "5201000500,US", "6109100012,VN", "7208100000,DE", "0813400000,CN", "8541430000,MY"})
    void aLineInAUflpaSectorRaisesUflpaWhateverItsOrigin(String hts, String country) {
        assertThat(classifier.classify(dated(LocalDate.of(2026, 11, 18), from(country, hts)), null, false).flags())
                .containsExactly(RoutingFlag.UFLPA);
    }

    @Test
    void aUflpaSectorCountsFromItsListing() {
        // steel was listed in Aug 2025 (the table's 2025-08-01 [P])
        assertThat(classifier.classify(dated(LocalDate.of(2025, 7, 31), from("CN", "7208100000")), null, false).flags()).isEmpty();
        assertThat(classifier.classify(dated(LocalDate.of(2025, 8, 1), from("CN", "7208100000")), null, false).flags())
                .containsExactly(RoutingFlag.UFLPA);
        // without an entry date, the summary date decides
        assertThat(classifier.classify(dated(null, from("CN", "7208100000")), null, false).flags()).containsExactly(RoutingFlag.UFLPA);
    }

    @Test
    void aCompanionLineIsNoSectorOfItsOwn() {
        assertThat(byHts(line(1, "8471300100", "1.00"), line(2, "9903880300", "0.00")).flags()).containsExactly(RoutingFlag.SECTION_301);
    }

    @Test
    void partnerAgenciesAreNamedOncePerAgencyAndFlagRequiredWhenAnyLineRequiresThem() {
        Classification c = classifier.classify(dated(LocalDate.of(2026, 11, 18),
                from("MX", "0201100000"),      // meat: FSIS FS4 R, FDA FD3 M
                from("US", "3004900000"),      // medicine: FDA FD2 R
                from("JP", "8703230100"),      // car: NHTSA DT2 R, EPA EP5 M
                from("DE", "8407340000"),      // engine: EPA EP5 M (already named)
                from("CN", "8471300100")), null, false);
        assertThat(c.partnerAgencies()).containsExactly(
                new PartnerAgency("FSIS", "FS4", true), new PartnerAgency("FDA", "FD3", false),
                new PartnerAgency("FDA", "FD2", true), new PartnerAgency("NHTSA", "DT2", true),
                new PartnerAgency("EPA", "EP5", false));
        // three lines with a required agency: 1.0 + 4 x 0.1 + 3 x 0.2
        assertThat(c.workloadPoints()).isEqualTo(WORKLOAD.points("01", 5, List.of(), 3)).isEqualTo(2.0);
    }

    @Test
    void noPartnerAgencyForElectronics() {
        assertThat(byHts(line(1, "8471300100", "1.00")).partnerAgencies()).isEmpty();
    }

    @ParameterizedTest(name = "toys on {0}")
    @CsvSource({"2026-07-07,CP1,false", "2026-07-08,CP2,true"})
    void partnerAgencyFlagsFollowTheEntryDate(LocalDate date, String flag, boolean required) {
        assertThat(classifier.classify(dated(date, from("CN", "9503000090")), null, false).partnerAgencies())
                .containsExactly(new PartnerAgency("CPSC", flag, required));
    }

    @Test
    void theDecisionRecordsTheVersionsOfItsReferenceTables() {
        assertThat(classifier.referenceVersions()).containsOnlyKeys("entryTypes", "chapter99", "uflpaSectors",
                "partnerAgencies", "workloadModel");
        assertThat(classifier.referenceVersions()).containsEntry("workloadModel", WORKLOAD.version());
    }
}
