package org.centerline.contracts.center;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The shipped HTS -> Center table (hts-center-table.table) and its reader. */
class HtsCenterTableTest {

    private static final HtsCenterTable TABLE = HtsCenterTable.standard();

    private static String centerOf(int heading) {
        Center center = TABLE.centerOfHeading(heading);
        return center == null ? null : center.code();
    }

    @ParameterizedTest(name = "heading {0} -> {1}")
    @CsvSource({
            // ELE over MAC in chapter 84, and the neighbours stay MAC
            "8470,MAC", "8471,ELE", "8472,MAC", "8473,ELE", "8474,MAC", "8401,MAC", "8487,MAC",
            // AUT over ELE in chapter 85 (heading 8511 moved from Machinery in 2014), neighbours ELE
            "8510,ELE", "8511,AUT", "8512,ELE", "8501,ELE", "8548,ELE",
            // PHC over MAC in chapter 90, neighbours MAC
            "9017,MAC", "9018,PHC", "9019,PHC", "9020,PHC", "9021,PHC", "9022,PHC", "9023,MAC", "9001,MAC"})
    void headingRulesWinOverChapterRules(int heading, String center) {
        assertThat(centerOf(heading)).isEqualTo(center);
    }

    /** The proposed table of DOMAIN.md, chapter by chapter (headings aside). */
    @ParameterizedTest(name = "chapters {0}-{1} -> {2}")
    @CsvSource({
            "1,24,AGR", "25,27,PNG", "28,38,PHC", "39,41,IMM", "42,43,AFT", "44,49,IMM", "50,67,AFT", "68,71,IMM",
            "72,76,BME", "78,81,BME", "82,82,MAC", "83,83,BME", "84,84,MAC", "85,85,ELE", "86,89,AUT", "90,90,MAC",
            "91,97,CPM"})
    void chaptersMapAsDomainMdProposes(int from, int to, String center) {
        for (int chapter = from; chapter <= to; chapter++) {
            assertThat(centerOf(chapter * 100 + 1)).as("chapter %02d", chapter).isEqualTo(center);
        }
    }

    @Test
    void confirmedAutomotiveAndAerospaceHeadings() {
        for (int heading : new int[] {8701, 8705, 8711, 8713, 8714, 8716, 8801, 8805}) {
            assertThat(centerOf(heading)).as("heading %d", heading).isEqualTo("AUT");
        }
    }

    @Test
    void everyHeadingOfChapters01To97Except77HasACenter() {
        List<String> missing = new ArrayList<>();
        for (int chapter = 1; chapter <= 97; chapter++) {
            for (int heading = chapter * 100; heading < chapter * 100 + 100; heading++) {
                boolean covered = TABLE.isKnown(heading) && !TABLE.isCompanion(heading) && TABLE.centerOfHeading(heading) != null;
                if (covered == (chapter == 77)) {
                    missing.add(String.valueOf(heading));
                }
            }
        }
        assertThat(missing).as("headings wrongly covered or not").isEmpty();
    }

    @Test
    void chapter77IsReservedAndUnknown() {
        assertThat(TABLE.isKnown(7701)).isFalse();
        assertThat(TABLE.isCompanion(7701)).isFalse();
        assertThat(TABLE.centerOfHeading(7701)).isNull();
        assertThat(TABLE.centerOfHeading(7699)).isNotNull();
        assertThat(TABLE.centerOfHeading(7800)).isNotNull();
    }

    @Test
    void chapters98And99AreCompanions() {
        for (int heading : new int[] {9801, 9802, 9817, 9903, 9999}) {
            assertThat(TABLE.isKnown(heading)).as("%d known", heading).isTrue();
            assertThat(TABLE.isCompanion(heading)).as("%d companion", heading).isTrue();
            assertThat(TABLE.centerOfHeading(heading)).as("%d has no Center of its own", heading).isNull();
        }
        assertThat(TABLE.isCompanion(9701)).isFalse();
        assertThat(TABLE.isCompanion(8471)).isFalse();
    }

    @Test
    void chapter00IsUnknown() {
        assertThat(TABLE.isKnown(1)).isFalse();
        assertThat(TABLE.isKnown(100)).isTrue();
    }

    @Test
    void hasAVersionAndAFallback() {
        assertThat(TABLE.version()).isNotBlank().isEqualTo("2026.11-1");
        assertThat(TABLE.fallback().code()).isEqualTo("CPM");
        assertThat(TABLE.rules()).isNotEmpty();
    }

    @Test
    void everyCenterGetsSomeHeadings() {
        for (Center center : Centers.all()) {
            boolean any = false;
            for (int heading = 0; heading < 10_000 && !any; heading++) {
                any = center.equals(TABLE.centerOfHeading(heading));
            }
            assertThat(any).as(center.code()).isTrue();
        }
    }

    @Test
    void aParsedTableAppliesHeadingsOverChaptersWhateverTheOrderOfRows() {
        HtsCenterTable table = HtsCenterTable.parse(rows(
                "version | test-1", "heading | 8471 | ELE", "chapter | 84 | MAC", "companion | 98-99", "fallback | CPM"));
        assertThat(table.version()).isEqualTo("test-1");
        assertThat(table.centerOfHeading(8471).code()).isEqualTo("ELE");
        assertThat(table.centerOfHeading(8472).code()).isEqualTo("MAC");
        assertThat(table.isKnown(8501)).isFalse();
    }

    @Test
    void aRangeWrittenWithTheWrongNumberOfDigitsIsRefused() {
        assertThatThrownBy(() -> HtsCenterTable.parse(rows("version | v", "chapter | 4-84 | MAC", "fallback | CPM")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bad chapter range '4-84'");
        assertThatThrownBy(() -> HtsCenterTable.parse(rows("version | v", "heading | 847 | ELE", "fallback | CPM")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bad heading range '847'");
        assertThatThrownBy(() -> HtsCenterTable.parse(rows("version | v", "chapter | 85-84 | ELE", "fallback | CPM")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bad chapter range '85-84'");
    }

    @Test
    void anUnknownRowKindIsRefused() {
        assertThatThrownBy(() -> HtsCenterTable.parse(rows("version | v", "chapters | 84 | MAC", "fallback | CPM")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown row kind 'chapters'");
    }

    @Test
    void anUnknownCenterIsRefused() {
        assertThatThrownBy(() -> HtsCenterTable.parse(rows("version | v", "chapter | 84 | XYZ", "fallback | CPM")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("XYZ");
    }

    @Test
    void aTableWithoutVersionOrFallbackIsRefused() {
        assertThatThrownBy(() -> HtsCenterTable.parse(rows("chapter | 84 | MAC", "fallback | CPM")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'version'");
        assertThatThrownBy(() -> HtsCenterTable.parse(rows("version | v", "chapter | 84 | MAC")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'fallback'");
    }

    /**
     * A row whose range is not a number, or that lacks its Center cell, escapes as a bare
     * NumberFormatException / ArrayIndexOutOfBoundsException without the row, and a range such as
     * {@code 84-85-86} or {@code 84-} is silently taken. Enable when {@link HtsCenterTable#parse} is
     * fixed (main code; out of this change's scope).
     */
    @Test
    void aMalformedRowIsRefusedWithAClearMessage() {
        for (String row : List.of("chapter | 8A | MAC", "chapter | 84", "heading | 8471-8473-8475 | ELE", "chapter | 84- | MAC")) {
            assertThatThrownBy(() -> HtsCenterTable.parse(rows("version | v", row, "fallback | CPM")))
                    .as(row)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("HTS table:");
        }
    }

    /** Rows as the reference-table reader gives them: cells split at '|' and stripped. */
    private static List<String[]> rows(String... lines) {
        List<String[]> rows = new ArrayList<>();
        for (String line : lines) {
            String[] cells = line.split("\\|", -1);
            for (int i = 0; i < cells.length; i++) {
                cells[i] = cells[i].strip();
            }
            rows.add(cells);
        }
        return rows;
    }
}
