package org.centerline.workload.whatif;

import java.util.List;

/**
 * A proposed change to the Center structure and the HTS -> Center table: the body of
 * {@code POST /api/what-if}. Every list is optional; at least one must be non-empty.
 *
 * <ul>
 *   <li>{@code newCenters}: Centers that do not exist yet (their code and team code must be new);</li>
 *   <li>{@code merges}: a Center merged into another (its HTS rules, entries, specialists and importer
 *       accounts follow it);</li>
 *   <li>{@code moves}: chapters or headings moved to any Center of the proposed structure, old or new. A
 *       chapter move replaces the chapter's rule; heading rules inside the chapter (exceptions such as
 *       8471 in chapter 84) stay as they are unless moved too;</li>
 *   <li>{@code staff}: specialists of one role moved from one Center to another.</li>
 * </ul>
 */
public record TableChange(List<NewCenter> newCenters, List<Merge> merges, List<Move> moves, List<StaffMove> staff) {

    /** Only moves between the existing Centers (the what-if before structure changes). */
    public TableChange(List<Move> moves) {
        this(null, null, moves, null);
    }

    /** The lists, null read as empty. */
    public List<NewCenter> newCentersOrEmpty() {
        return newCenters == null ? List.of() : newCenters;
    }

    public List<Merge> mergesOrEmpty() {
        return merges == null ? List.of() : merges;
    }

    public List<Move> movesOrEmpty() {
        return moves == null ? List.of() : moves;
    }

    public List<StaffMove> staffOrEmpty() {
        return staff == null ? List.of() : staff;
    }

    /** One move: exactly one of {@code chapter} (2 digits) or {@code heading} (4 digits), to {@code toCenter}. */
    public record Move(String chapter, String heading, String toCenter) {
    }

    /** A Center to create: {@code code} (3 letters) and {@code teamCode} (3 digits, optional) must not exist yet. */
    public record NewCenter(String code, String name, String office, String teamCode) {
    }

    /** Center {@code from} merged into Center {@code into}. */
    public record Merge(String from, String into) {
    }

    /** {@code count} specialists of {@code role} (a {@code SpecialistRole} name) moved from one Center to another. */
    public record StaffMove(String from, String to, String role, Integer count) {
    }
}
