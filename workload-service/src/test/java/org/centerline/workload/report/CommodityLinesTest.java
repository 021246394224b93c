package org.centerline.workload.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.centerline.workload.WorkloadProperties;
import org.centerline.workload.counters.WorkloadView.HeadingCount;
import org.centerline.workload.report.WorkloadReports.CommodityLines;
import org.junit.jupiter.api.Test;

/** Each Center's share of lines and of distinct deciding headings over the window, and the band. */
class CommodityLinesTest {

    private static final WorkloadProperties.CommodityLinesBand BAND = new WorkloadProperties.CommodityLinesBand(0.10, 0.50);

    @Test
    void sharesOfLinesAndDistinctHeadingsAgainstTheBand() {
        // Counts (Center, day, heading, entries, points, lines):
        //   ELE 8542 day 1: 2 entries, 6 lines; day 2: 1 entry, 2 lines  -> heading 8542 once
        //   ELE 8471: 1 entry, 2 lines; ELE -: 1 entry, 10 lines (account-based: lines count, no heading)
        //   MAC 8481: 1 entry, 4 lines; MAC 8483: 1 entry, 1 line; MAC 8479: 1 then -1 (re-filed away), 0 lines
        //   AUT 8703: 1 entry, 1 line; AFT: nothing
        // Lines: ELE 20, MAC 5, AUT 1 -> 26: ELE 0.769, MAC 0.192, AUT 0.038.
        // Distinct headings: ELE 2 (8542, 8471), MAC 2 (8481, 8483; 8479 nets 0), AUT 1 -> 5:
        //   ELE 0.4, MAC 0.4, AUT 0.2 (within 0.10..0.50); AFT 0 -> BELOW.
        List<HeadingCount> counts = List.of(
                new HeadingCount("ELE", 1, "8542", 2, 2.0, 6),
                new HeadingCount("ELE", 2, "8542", 1, 1.0, 2),
                new HeadingCount("ELE", 2, "8471", 1, 1.0, 2),
                new HeadingCount("ELE", 2, "-", 1, 1.0, 10),
                new HeadingCount("MAC", 2, "8481", 1, 1.0, 4),
                new HeadingCount("MAC", 2, "8483", 1, 1.0, 1),
                new HeadingCount("MAC", 1, "8479", 1, 1.0, 3),
                new HeadingCount("MAC", 2, "8479", -1, -1.0, -3),
                new HeadingCount("AUT", 2, "8703", 1, 1.0, 1));
        Map<String, CommodityLines> shares = WorkloadReports.commodityLines(counts, BAND);
        assertThat(shares.get("ELE")).isEqualTo(new CommodityLines(0.769, 0.4, "WITHIN"));
        assertThat(shares.get("MAC")).isEqualTo(new CommodityLines(0.192, 0.4, "WITHIN"));
        assertThat(shares.get("AUT")).isEqualTo(new CommodityLines(0.038, 0.2, "WITHIN"));
        assertThat(shares.get("AFT")).isEqualTo(new CommodityLines(0, 0, "BELOW"));
        assertThat(shares).hasSize(10);

        // A narrower band: 0.4 is ABOVE a max of 0.3.
        Map<String, CommodityLines> narrow = WorkloadReports.commodityLines(counts, new WorkloadProperties.CommodityLinesBand(0.25, 0.30));
        assertThat(narrow.get("ELE").band()).isEqualTo("ABOVE");
        assertThat(narrow.get("AUT").band()).isEqualTo("BELOW");
    }

    @Test
    void withNoCountsEveryCenterIsWithinTheBandAtZero() {
        assertThat(WorkloadReports.commodityLines(List.of(), BAND).values())
                .hasSize(10).allMatch(c -> c.equals(new CommodityLines(0, 0, "WITHIN")));
    }
}
