package org.centerline.workload.web;

import java.util.List;
import java.util.Map;

/**
 * One Center's line in the workload report: what it received, its backlog, its decisions, its
 * commodity lines, and demand against capacity.
 *
 * @param utilization demand / capacity; null when the Center has no review capacity at all
 * @param entriesByFlag entries received in the last 30 days by routing flag (UFLPA by Center, as CBP reports
 *        it; SECTION_122, IEEPA ...), flags with none left out
 * @param lineShare the Center's share of all Centers' lines over the demand window (0 when there are none)
 * @param headingShare its share of all Centers' distinct deciding HTS headings over the demand window (the
 *        "commodity lines": a heading with entries at two Centers counts at each)
 * @param commodityLines {@code BELOW}, {@code WITHIN} or {@code ABOVE} the band of {@code headingShare}
 *        ({@code centerline.workload.commodity-lines-band}); {@code WITHIN} while no Center has any
 */
public record CenterReport(
        String centerCode,
        String name,
        String office,
        int filedToday,
        int filedLast7Days,
        int filedLast30Days,
        int backlog,
        double backlogPoints,
        long oldestOpenAgeSeconds,
        Map<String, Integer> decided,
        Double meanHoursToDecision,
        List<ChapterLines> topChapters,
        Map<String, Double> entryTypeShare,
        Map<String, Double> flagShare,
        double demandPointsPerDay,
        Map<String, Integer> specialists,
        double capacityPointsPerDay,
        Double utilization,
        int requiredSpecialists,
        Map<String, Integer> entriesByFlag,
        double lineShare,
        double headingShare,
        String commodityLines) {

    /** Lines of one HTS chapter the Center received in the last 30 days. */
    public record ChapterLines(int chapter, int lines) {
    }
}
