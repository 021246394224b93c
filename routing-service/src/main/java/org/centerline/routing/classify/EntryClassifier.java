package org.centerline.routing.classify;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.centerline.contracts.center.Center;
import org.centerline.contracts.center.Centers;
import org.centerline.contracts.center.HtsCenterTable;
import org.centerline.contracts.entry.Chapter99Provisions;
import org.centerline.contracts.entry.EntryType;
import org.centerline.contracts.event.EntryLine;
import org.centerline.contracts.event.EntrySummary;
import org.centerline.contracts.event.RoutingBasis;
import org.centerline.contracts.event.RoutingFlag;
import org.centerline.contracts.workload.WorkloadModel;

/**
 * Decides which Center reviews an entry summary (DESIGN.md "Routing rule"): the importer's account
 * assignment when there is one, otherwise the Center with the most lines by the HTS table, ties
 * broken by entered value and then by the lower team code. Also raises the review flags and
 * prices the entry in workload points.
 */
public final class EntryClassifier {

    private final HtsCenterTable table;
    private final Chapter99Provisions chapter99;
    private final WorkloadModel workload;
    private final List<Center> centers = Centers.all();

    public EntryClassifier(HtsCenterTable table, Chapter99Provisions chapter99, WorkloadModel workload) {
        this.table = table;
        this.chapter99 = chapter99;
        this.workload = workload;
    }

    public String tableVersion() {
        return table.version();
    }

    /**
     * @param accountCenter the Center the importer is assigned to, or null
     * @param refiled whether this entry number was routed before
     */
    public Classification classify(EntrySummary summary, String accountCenter, boolean refiled) {
        int[] lineCounts = new int[centers.size()];
        BigDecimal[] values = new BigDecimal[centers.size()];
        countLines(summary.lines(), lineCounts, values);

        Map<String, Integer> linesByCenter = new TreeMap<>();
        for (int i = 0; i < lineCounts.length; i++) {
            if (lineCounts[i] > 0) {
                linesByCenter.put(centers.get(i).code(), lineCounts[i]);
            }
        }
        Map<String, Integer> linesByHeading = linesByHeading(summary.lines());
        List<RoutingFlag> flags = flags(summary, refiled);
        double points = workload.points(summary.entryType(), summary.lines().size(), flags);
        if (accountCenter != null) {
            return new Classification(accountCenter, RoutingBasis.ACCOUNT, linesByCenter, linesByHeading, flags, points);
        }
        return new Classification(winner(lineCounts, values), RoutingBasis.HTS, linesByCenter, linesByHeading, flags, points);
    }

    /** Counts lines per Center; a chapter 98/99 line counts for its companion (preceding, else next) line's Center. */
    private void countLines(List<EntryLine> lines, int[] counts, BigDecimal[] values) {
        int pendingCompanions = 0;
        BigDecimal pendingValue = BigDecimal.ZERO;
        int last = -1;
        for (EntryLine line : lines) {
            int heading = line.heading();
            if (table.isCompanion(heading)) {
                if (last >= 0) {
                    add(counts, values, last, 1, line.enteredValue());
                } else {
                    pendingCompanions++;
                    pendingValue = pendingValue.add(line.enteredValue());
                }
                continue;
            }
            int index = centers.indexOf(table.centerOfHeading(heading));
            add(counts, values, index, 1 + pendingCompanions, line.enteredValue().add(pendingValue));
            pendingCompanions = 0;
            pendingValue = BigDecimal.ZERO;
            last = index;
        }
        if (pendingCompanions > 0) {
            add(counts, values, centers.indexOf(table.fallback()), pendingCompanions, pendingValue);
        }
    }

    /**
     * Lines per 4-digit heading, a chapter 98/99 line counted under its companion line's heading as
     * in {@link #countLines}, so the decision can be replayed under another table.
     */
    private Map<String, Integer> linesByHeading(List<EntryLine> lines) {
        Map<String, Integer> byHeading = new TreeMap<>();
        int pending = 0;
        String last = null;
        for (EntryLine line : lines) {
            String heading = line.htsNumber().substring(0, 4);
            if (table.isCompanion(line.heading())) {
                if (last != null) {
                    byHeading.merge(last, 1, Integer::sum);
                } else {
                    pending++;
                }
                continue;
            }
            byHeading.merge(heading, 1 + pending, Integer::sum);
            pending = 0;
            last = heading;
        }
        if (pending > 0) {
            // Only companion lines: they keep their own headings (the table's fallback decides).
            lines.forEach(l -> byHeading.merge(l.htsNumber().substring(0, 4), 1, Integer::sum));
        }
        return byHeading;
    }

    private static void add(int[] counts, BigDecimal[] values, int index, int lines, BigDecimal value) {
        counts[index] += lines;
        values[index] = values[index] == null ? value : values[index].add(value);
    }

    private String winner(int[] counts, BigDecimal[] values) {
        int best = -1;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == 0) {
                continue;
            }
            if (best < 0 || counts[i] > counts[best]
                    || (counts[i] == counts[best] && values[i].compareTo(values[best]) > 0)
                    || (counts[i] == counts[best] && values[i].compareTo(values[best]) == 0
                        && centers.get(i).teamCode().compareTo(centers.get(best).teamCode()) < 0)) {
                best = i;
            }
        }
        return centers.get(best).code();
    }

    private List<RoutingFlag> flags(EntrySummary summary, boolean refiled) {
        Set<RoutingFlag> flags = EnumSet.noneOf(RoutingFlag.class);
        EntryType type = EntryType.fromCode(summary.entryType()).orElseThrow();
        if (type.isAdcvd()) {
            flags.add(RoutingFlag.ADCVD);
        }
        if (type == EntryType.LOW_VALUE) {
            flags.add(RoutingFlag.LOW_VALUE);
        }
        for (EntryLine line : summary.lines()) {
            if (line.adcvdCaseNumber() != null) {
                flags.add(RoutingFlag.ADCVD);
            }
            if (table.isCompanion(line.heading())) {
                chapter99.flagOf(line.htsNumber()).ifPresent(flags::add);
            }
            for (String number : line.chapter99Numbers()) {
                chapter99.flagOf(number).ifPresent(flags::add);
            }
        }
        if (refiled) {
            flags.add(RoutingFlag.REFILED);
        }
        return new ArrayList<>(flags);
    }
}
