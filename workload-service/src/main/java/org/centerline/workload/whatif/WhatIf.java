package org.centerline.workload.whatif;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.centerline.contracts.center.Center;
import org.centerline.contracts.center.Centers;
import org.centerline.contracts.center.HtsCenterTable;
import org.centerline.contracts.event.RoutingBasis;
import org.centerline.contracts.event.SpecialistRole;
import org.centerline.workload.counters.EntryRecord;
import org.centerline.workload.staffing.CenterLoad;
import org.centerline.workload.staffing.StaffingModel;

/**
 * Replays the trailing window's routed entries under a proposed HTS -> Center table and prices each
 * Center's demand and staffing before and after (COAC: "does a Center handle too many or too few
 * commodity lines"). Entries routed by account assignment stay where they are. Ties on lines go to
 * the lower team code (the entered values behind routing's value tie-break are not kept).
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

    public WhatIfResult evaluate(TableChange change, List<EntryRecord> entries, Instant since, double windowDays,
                                 Map<String, Map<SpecialistRole, Integer>> specialists) {
        return evaluate(propose(change), entries, since, windowDays, specialists);
    }

    /** The same, for a table {@link #propose} already made. */
    public WhatIfResult evaluate(HtsCenterTable proposed, List<EntryRecord> entries, Instant since, double windowDays,
                                 Map<String, Map<SpecialistRole, Integer>> specialists) {
        Map<String, Double> before = new HashMap<>();
        Map<String, Double> after = new HashMap<>();
        int replayed = 0;
        int moved = 0;
        for (EntryRecord entry : entries) {
            if (!entry.routed() || entry.filedAt().isBefore(since)) {
                continue;
            }
            replayed++;
            String was = entry.centerCode();
            // Only entries whose routing the change alters move: replaying without entered values can
            // differ from routing on value ties, and those entries must stay where routing put them.
            String now = entry.basis() == RoutingBasis.ACCOUNT || entry.linesByHeading().isEmpty()
                    || route(current, entry.linesByHeading()).equals(route(proposed, entry.linesByHeading())) ? was
                    : route(proposed, entry.linesByHeading());
            before.merge(was, entry.workloadPoints(), Double::sum);
            after.merge(now, entry.workloadPoints(), Double::sum);
            if (!now.equals(was)) {
                moved++;
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
