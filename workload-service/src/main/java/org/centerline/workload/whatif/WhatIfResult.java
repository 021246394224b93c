package org.centerline.workload.whatif;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.centerline.workload.staffing.CenterStaffing;

/**
 * The answer to a what-if: every Center of the proposed structure before and after the change (existing
 * Centers in reference order, then the new ones), and the importer accounts that change Center.
 *
 * @param entriesReplayed entries in the demand window's counts
 * @param entriesMoved those whose Center the proposal changes (moved headings and merged Centers)
 * @param accountMoves importers with an account-based assignment that change Center: one row per merge
 * @param importersChangingCenter the sum of {@code accountMoves}
 */
public record WhatIfResult(String proposedTableVersion, int entriesReplayed, int entriesMoved, List<CenterChange> centers,
                           List<AccountMove> accountMoves, int importersChangingCenter) {

    public WhatIfResult(String proposedTableVersion, int entriesReplayed, int entriesMoved, List<CenterChange> centers) {
        this(proposedTableVersion, entriesReplayed, entriesMoved, centers, List.of(), 0);
    }

    /** How a Center fares under the proposal. */
    public enum Change { NEW, MERGED, CHANGED, UNCHANGED }

    /**
     * One Center before and after.
     *
     * @param mergedInto the Center a {@code MERGED} Center is absorbed by, else null
     * @param before null for a {@code NEW} Center
     * @param after null for a {@code MERGED} Center
     * @param volumeBefore entries, lines and distinct deciding headings in the window (zeros for a new Center)
     * @param volumeAfter the same under the proposal (zeros for a merged Center)
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record CenterChange(String centerCode, String name, String office, Change change, String mergedInto,
                               CenterStaffing before, CenterStaffing after, Volume volumeBefore, Volume volumeAfter) {

        public CenterChange(String centerCode, CenterStaffing before, CenterStaffing after) {
            this(centerCode, null, null, null, null, before, after, null, null);
        }
    }

    /**
     * What a Center handles over the demand window: entries, their lines (an entry's lines move with it),
     * and distinct deciding HTS headings with entries (the "commodity lines"; account-based entries and
     * entries with no lines have no deciding heading and are not counted there).
     */
    public record Volume(int entries, int lines, int headings) {
        public static final Volume NONE = new Volume(0, 0, 0);

        /**
         * Lines are never below 0: a day's count written before lines were counted reads 0 lines, and a re-filing
         * counted out of it afterwards takes its lines off (for at most the 31-day retention after the upgrade).
         */
        public Volume {
            lines = Math.max(0, lines);
        }
    }

    /** {@code importers} importers with an account-based assignment at {@code from} would be at {@code to}. */
    public record AccountMove(String from, String to, int importers) {
    }
}
