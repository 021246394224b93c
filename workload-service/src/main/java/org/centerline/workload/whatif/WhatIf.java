package org.centerline.workload.whatif;

import java.util.ArrayList;
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

    public WhatIfResult evaluate(TableChange change, List<WorkloadView.HeadingCount> counts, double windowDays,
                                 Map<String, Map<SpecialistRole, Integer>> specialists) {
        return evaluate(propose(change), counts, windowDays, specialists);
    }

    /**
     * The same, for a table {@link #propose} already made, from the pre-aggregated counts (entries and points
     * per Center, day and deciding heading): the counts of a heading whose Center the change alters move to
     * its new Center; the rest, and the entries no table moves, stay.
     */
    public WhatIfResult evaluate(HtsCenterTable proposed, List<WorkloadView.HeadingCount> counts, double windowDays,
                                 Map<String, Map<SpecialistRole, Integer>> specialists) {
        Map<String, Double> before = new HashMap<>();
        Map<String, Double> after = new HashMap<>();
        Map<String, String> movedTo = new HashMap<>();
        int replayed = 0;
        int moved = 0;
        for (WorkloadView.HeadingCount count : counts) {
            if (count.entries() == 0 && count.points() == 0) {
                continue;
            }
            replayed += count.entries();
            String was = count.centerCode();
            String now = movedTo.computeIfAbsent(count.heading(), h -> destination(proposed, h));
            now = now == null ? was : now;
            before.merge(was, count.points(), Double::sum);
            after.merge(now, count.points(), Double::sum);
            if (!now.equals(was)) {
                moved += count.entries();
            }
        }
        List<WhatIfResult.CenterChange> centers = new ArrayList<>();
        for (Center center : Centers.all()) {
            Map<SpecialistRole, Integer> staff = specialists.getOrDefault(center.code(), Map.of());
            centers.add(new WhatIfResult.CenterChange(center.code(),
                    model.evaluate(new CenterLoad(center.code(), before.getOrDefault(center.code(), 0.0) / windowDays, staff)),
                    model.evaluate(new CenterLoad(center.code(), after.getOrDefault(center.code(), 0.0) / windowDays, staff))));
        }
        return new WhatIfResult(proposed.version(), replayed, moved, centers);
    }

    /** The Center a heading's entries move to under the proposed table, or null when the change leaves them. */
    private String destination(HtsCenterTable proposed, String heading) {
        if (WorkloadKeys.STAYS.equals(heading)) {
            return null;
        }
        int h;
        try {
            h = Integer.parseInt(heading);
        } catch (NumberFormatException e) {
            return null;
        }
        Center was = current.centerOfHeading(h);
        Center now = proposed.centerOfHeading(h);
        return now == null || (was != null && was.code().equals(now.code())) ? null : now.code();
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
