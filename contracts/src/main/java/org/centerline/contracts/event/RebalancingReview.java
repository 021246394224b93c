package org.centerline.contracts.event;

import java.time.Instant;
import java.util.List;

/**
 * workload-service's regular rebalancing review, on the compacted {@code rebalancing-reviews} topic (key: its id,
 * the start of the period it reviews, an ISO 8601 instant such as {@code 2026-11-30T00:00:00Z}; one record per
 * review): every Center's numbers when the period ended, the staffing recommendations then, and the change since
 * the previous review. notification-service announces each to Center directors with its headline numbers.
 *
 * @param id the start of the reviewed period ({@code periodFrom} as text): the record key
 * @param periodFrom start of the reviewed period (inclusive)
 * @param periodTo end of the reviewed period (exclusive); the review is published at or soon after it
 * @param demandWindow the trailing window demand is measured over (ISO 8601 duration, e.g. {@code PT720H})
 * @param previousReviewId the id of the review before this one; null for the first
 * @param centers every Center, by Center code
 * @param hiresFirst every Center ran over capacity, so the hires come first (as {@code /api/staffing/recommendations})
 */
public record RebalancingReview(
        int schemaVersion,
        String id,
        Instant periodFrom,
        Instant periodTo,
        Instant publishedAt,
        String demandWindow,
        String previousReviewId,
        Headline headline,
        List<CenterNumbers> centers,
        List<Transfer> transfers,
        List<Hire> hires,
        boolean hiresFirst) {

    public RebalancingReview {
        centers = centers == null ? List.of() : List.copyOf(centers);
        transfers = transfers == null ? List.of() : List.copyOf(transfers);
        hires = hires == null ? List.of() : List.copyOf(hires);
    }

    /**
     * The numbers a director reads first.
     *
     * @param overBand the Centers whose utilization is above the target plus the band (or that have demand and no
     *     capacity), by Center code
     * @param hiresRecommended specialists the recommendations hire, all Centers
     * @param transfersRecommended specialists the recommendations move between Centers
     */
    public record Headline(int centersOverBand, List<String> overBand, int hiresRecommended, int transfersRecommended,
                           double totalDemandPointsPerDay, double totalCapacityPointsPerDay) {

        public Headline {
            overBand = overBand == null ? List.of() : List.copyOf(overBand);
        }
    }

    /**
     * One Center at the end of the period.
     *
     * @param utilization demand / capacity (1.42 = 142 %); null when there is demand and no capacity
     * @param specialists reviewers on the roster (roles with a positive standard)
     * @param backlog open items
     * @param filedInPeriod entry summaries filed in the hours that start inside the period
     * @param change since the previous review; null for the first
     */
    public record CenterNumbers(String centerCode, double demandPointsPerDay, double capacityPointsPerDay, Double utilization,
                                int specialists, int requiredSpecialists, int backlog, double backlogPoints,
                                int filedInPeriod, Change change) {
    }

    /**
     * A Center's numbers minus those of the previous review.
     *
     * @param utilization the change in utilization (0.05 = 5 points up); null when either is null
     */
    public record Change(Double utilization, int backlog, int filedInPeriod, int specialists) {
    }

    /** Move {@code count} specialists of a role from one Center to another, with the reason in numbers. */
    public record Transfer(String fromCenter, String toCenter, SpecialistRole role, int count, String reason) {
    }

    /** Hire {@code count} specialists of a role for a Center, with the reason in numbers. */
    public record Hire(String centerCode, SpecialistRole role, int count, String reason) {
    }
}
