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
        Map<String, Integer> entriesByFlag) {

    /** Lines of one HTS chapter the Center received in the last 30 days. */
    public record ChapterLines(int chapter, int lines) {
    }
}
