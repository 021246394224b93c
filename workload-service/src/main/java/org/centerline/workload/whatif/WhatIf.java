package org.centerline.workload.whatif;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.centerline.contracts.center.Center;
import org.centerline.contracts.center.Centers;
import org.centerline.contracts.center.HtsCenterTable;
import org.centerline.contracts.event.SpecialistRole;
import org.centerline.workload.counters.WorkloadKeys;
import org.centerline.workload.counters.WorkloadView;
import org.centerline.workload.staffing.CenterLoad;
import org.centerline.workload.staffing.CenterStaffing;
import org.centerline.workload.staffing.StaffingModel;

/**
 * Prices a proposed HTS -> Center table from the trailing window's pre-aggregated counts (entries and
 * points per Center, day and the heading that decided the entry's Center) and gives each Center's demand
 * and staffing before and after (COAC: "does a Center handle too many or too few commodity lines").
 * An entry moves with its deciding heading (its largest heading of the Center it was routed to), so an
 * entry whose lines span Centers is priced as a whole with that heading. Entries routed by account
 * assignment stay where they are. The cost depends on days x headings, not on the number of entries.
 */
public final class WhatIf {

    private final HtsCenterTable current;
    private final StaffingModel model;

    public WhatIf(HtsCenterTable current, StaffingModel model) {
        this.current = current;
        this.model = model;
    }

    /** The current table with the moves applied after its own rules (so they win). */
    public HtsCenterTable propose(TableChange change) {
        List<HtsCenterTable.Rule> rules = new ArrayList<>(current.rules());
        for (TableChange.Move move : change.moves()) {
            if (move == null) {
                throw new IllegalArgumentException("A move is {\"chapter\" or \"heading\", \"toCenter\"}, not null");
            }
            String to = Centers.find(move.toCenter()).map(Center::code).orElseThrow(() ->
                    new IllegalArgumentException("Unknown Center '" + move.toCenter() + "'"));
            if ((move.chapter() == null) == (move.heading() == null)) {
                throw new IllegalArgumentException("Each move names exactly one of chapter or heading");
            }
            if (move.chapter() != null) {
                int chapter = number(move.chapter(), 2, "chapter");
                if (current.isCompanion(chapter * 100)) {
                    throw new IllegalArgumentException("Chapter " + move.chapter() + " has no sector of its own and cannot be moved");
                }
                rules.add(new HtsCenterTable.Rule(HtsCenterTable.Rule.Kind.CHAPTER, chapter, chapter, to));
            } else {
                int heading = number(move.heading(), 4, "heading");
                if (current.isCompanion(heading)) {
                    throw new IllegalArgumentException("Heading " + move.heading() + " is in chapter 98/99 and cannot be moved");
                }
                rules.add(new HtsCenterTable.Rule(HtsCenterTable.Rule.Kind.HEADING, heading, heading, to));
            }
        }
        return new HtsCenterTable(current.version() + "+what-if", rules, current.fallback().code());
    }

    /** Checks a change (every fault, see {@link Proposal#of}) and resolves it against the current table. */
    public Proposal proposal(TableChange change, Function<String, Map<SpecialistRole, Integer>> roster) {
        return Proposal.of(change, current, roster);
    }

    public WhatIfResult evaluate(TableChange change, List<WorkloadView.HeadingCount> counts, double windowDays,
                                 Map<String, Map<SpecialistRole, Integer>> specialists) {
        return evaluate(proposal(change, c -> specialists.getOrDefault(c, Map.of())), counts, windowDays, specialists, Map.of());
    }

    /**
     * The same, for a table {@link #propose} already made, from the pre-aggregated counts (entries and points
     * per Center, day and deciding heading): the counts of a heading whose Center the change alters move to
     * its new Center; the rest, and the entries no table moves, stay.
     */
    public WhatIfResult evaluate(HtsCenterTable proposed, List<WorkloadView.HeadingCount> counts, double windowDays,
                                 Map<String, Map<SpecialistRole, Integer>> specialists) {
        return evaluate(Proposal.ofTable(current, proposed), counts, windowDays, specialists, Map.of());
    }

    /**
     * Prices a checked proposal from the pre-aggregated counts (entries, points and lines per Center, day and
     * deciding heading) in one pass over them: the counts of a heading whose proposed Center differs from its
     * current one move there; the others stay with their Center, or go to the Center it merges into (so do
     * the entries routed by account, which follow their account). Specialists: each Center's roster, a
     * merged Center's added to the Center it merges into, then the staff moves; a new Center starts with none.
     *
     * @param specialists each existing Center's roster by role
     * @param accounts importers with an account-based assignment, by Center code (a merged Center's follow it)
     */
    public WhatIfResult evaluate(Proposal proposal, List<WorkloadView.HeadingCount> counts, double windowDays,
                                 Map<String, Map<SpecialistRole, Integer>> specialists, Map<String, Integer> accounts) {
        Map<String, Tally> before = new HashMap<>();
        Map<String, Tally> after = new HashMap<>();
        Set<String> touched = new HashSet<>();
        Map<String, String> movedTo = new HashMap<>();
        int replayed = 0;
        int moved = 0;
        for (WorkloadView.HeadingCount count : counts) {
            if (count.entries() == 0 && count.points() == 0 && count.lines() == 0) {
                continue;
            }
            replayed += count.entries();
            String was = count.centerCode();
            String now = movedTo.computeIfAbsent(count.heading(), h -> destination(proposal, h));
            now = now == null ? proposal.survivor(was) : now;
            before.computeIfAbsent(was, c -> new Tally()).add(count);
            after.computeIfAbsent(now, c -> new Tally()).add(count);
            if (!now.equals(was)) {
                moved += count.entries();
                touched.add(was);
                touched.add(now);
            }
        }

        Map<String, Map<SpecialistRole, Integer>> staffAfter = new HashMap<>();
        for (Center center : proposal.existing()) {
            Map<SpecialistRole, Integer> roster = new EnumMap<>(SpecialistRole.class);
            roster.putAll(specialists.getOrDefault(center.code(), Map.of()));
            staffAfter.merge(proposal.survivor(center.code()), roster, WhatIf::plus);
        }
        for (Proposal.Staff s : proposal.staff()) {
            staffAfter.computeIfAbsent(s.from(), c -> new EnumMap<>(SpecialistRole.class)).merge(s.role(), -s.count(), Integer::sum);
            staffAfter.computeIfAbsent(s.to(), c -> new EnumMap<>(SpecialistRole.class)).merge(s.role(), s.count(), Integer::sum);
            touched.add(s.from());
            touched.add(s.to());
        }
        touched.addAll(proposal.mergedInto().values());

        List<WhatIfResult.CenterChange> centers = new ArrayList<>();
        for (Center center : proposal.existing()) {
            String code = center.code();
            Tally b = before.getOrDefault(code, Tally.NONE);
            CenterStaffing staffingBefore = model.evaluate(new CenterLoad(code, b.points / windowDays,
                    specialists.getOrDefault(code, Map.of())));
            String into = proposal.mergedInto().get(code);
            if (into != null) {
                centers.add(new WhatIfResult.CenterChange(code, center.name(), center.office(), WhatIfResult.Change.MERGED, into,
                        staffingBefore, null, b.volume(), WhatIfResult.Volume.NONE));
                continue;
            }
            Tally a = after.getOrDefault(code, Tally.NONE);
            centers.add(new WhatIfResult.CenterChange(code, center.name(), center.office(),
                    touched.contains(code) ? WhatIfResult.Change.CHANGED : WhatIfResult.Change.UNCHANGED, null, staffingBefore,
                    model.evaluate(new CenterLoad(code, a.points / windowDays, staffAfter.get(code))), b.volume(), a.volume()));
        }
        for (Center center : proposal.added()) {
            Tally a = after.getOrDefault(center.code(), Tally.NONE);
            centers.add(new WhatIfResult.CenterChange(center.code(), center.name(), center.office(), WhatIfResult.Change.NEW, null,
                    null, model.evaluate(new CenterLoad(center.code(), a.points / windowDays, staffAfter.get(center.code()))),
                    WhatIfResult.Volume.NONE, a.volume()));
        }

        List<WhatIfResult.AccountMove> accountMoves = new ArrayList<>();
        int importers = 0;
        for (Map.Entry<String, String> merge : proposal.mergedInto().entrySet()) {
            int n = accounts.getOrDefault(merge.getKey(), 0);
            accountMoves.add(new WhatIfResult.AccountMove(merge.getKey(), merge.getValue(), n));
            importers += n;
        }
        return new WhatIfResult(proposal.version(), replayed, moved, centers, accountMoves, importers);
    }

    private static Map<SpecialistRole, Integer> plus(Map<SpecialistRole, Integer> a, Map<SpecialistRole, Integer> b) {
        Map<SpecialistRole, Integer> sum = new EnumMap<>(SpecialistRole.class);
        sum.putAll(a);
        b.forEach((role, n) -> sum.merge(role, n, Integer::sum));
        return sum;
    }

    /** A Center's entries, lines, points and entries by deciding heading, summed over days and partitions. */
    private static final class Tally {
        static final Tally NONE = new Tally();
        int entries;
        int lines;
        double points;
        final Map<String, Integer> byHeading = new HashMap<>();

        void add(WorkloadView.HeadingCount count) {
            entries += count.entries();
            lines += count.lines();
            points += count.points();
            if (!WorkloadKeys.STAYS.equals(count.heading())) {
                byHeading.merge(count.heading(), count.entries(), Integer::sum);
            }
        }

        WhatIfResult.Volume volume() {
            return new WhatIfResult.Volume(entries, lines, distinctHeadings(byHeading));
        }
    }

    /** Headings with entries (a positive net count: a re-filing that moved an entry away counts it out). */
    public static int distinctHeadings(Map<String, Integer> entriesByHeading) {
        int n = 0;
        for (int entries : entriesByHeading.values()) {
            if (entries > 0) {
                n++;
            }
        }
        return n;
    }

    /** The Center a heading's entries move to under the proposal, or null when the change leaves them. */
    private static String destination(Proposal proposal, String heading) {
        if (WorkloadKeys.STAYS.equals(heading)) {
            return null;
        }
        int h;
        try {
            h = Integer.parseInt(heading);
        } catch (NumberFormatException e) {
            return null;
        }
        return h < 0 || h > 9999 ? null : proposal.destination(h);
    }

    /** The Center with the most lines under the table; ties to the lower team code; only companion lines: the fallback. */
    static String route(HtsCenterTable table, Map<String, Integer> linesByHeading) {
        Map<Center, Integer> lines = new LinkedHashMap<>();
        linesByHeading.forEach((heading, count) -> {
            Center center = table.centerOfHeading(Integer.parseInt(heading));
            if (center != null) {
                lines.merge(center, count, Integer::sum);
            }
        });
        return lines.entrySet().stream()
                .max(Map.Entry.<Center, Integer>comparingByValue()
                        .thenComparing(e -> e.getKey().teamCode(), java.util.Comparator.reverseOrder()))
                .map(e -> e.getKey().code()).orElse(table.fallback().code());
    }

    private static int number(String text, int digits, String what) {
        if (text == null || !text.matches("\\d{" + digits + "}")) {
            throw new IllegalArgumentException("A " + what + " is " + digits + " digits, not '" + text + "'");
        }
        int n = Integer.parseInt(text);
        return n;
    }
}
