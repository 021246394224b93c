package org.centerline.workload.staffing;

import java.util.List;

/**
 * The rebalance answer for the API and the view: transfers, hires, and every Center before and after them.
 *
 * <p>{@code before} is every Center before any change, {@code after} after all transfers and hires;
 * both are ordered by Center code. {@code hiresFirst}: every Center ran over its capacity, so the hires
 * that bring each Center within the band come first (they are listed first in {@code hires}), and only then
 * the transfers.
 */
public record Recommendations(
        List<Transfer> transfers,
        List<Hire> hires,
        List<CenterStaffing> before,
        List<CenterStaffing> after,
        boolean hiresFirst) {

    public Recommendations(List<Transfer> transfers, List<Hire> hires, List<CenterStaffing> before, List<CenterStaffing> after) {
        this(transfers, hires, before, after, false);
    }

    public Recommendations {
        transfers = transfers == null ? List.of() : List.copyOf(transfers);
        hires = hires == null ? List.of() : List.copyOf(hires);
        before = before == null ? List.of() : List.copyOf(before);
        after = after == null ? List.of() : List.copyOf(after);
    }
}
