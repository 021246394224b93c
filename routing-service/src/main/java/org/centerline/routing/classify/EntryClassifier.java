package org.centerline.routing.classify;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.centerline.contracts.center.Center;
import org.centerline.contracts.center.Centers;
import org.centerline.contracts.center.HtsCenterTable;
import org.centerline.contracts.entry.EntryType;
import org.centerline.contracts.event.EntryLine;
import org.centerline.contracts.event.EntrySummary;
import org.centerline.contracts.event.PartnerAgency;
import org.centerline.contracts.event.RoutingBasis;
import org.centerline.contracts.event.RoutingFlag;
import org.centerline.contracts.reference.ReferenceData;
import org.centerline.contracts.workload.WorkloadModel;

/**
 * Decides which Center reviews an entry summary (DESIGN.md "Routing rule"): the importer's account
 * assignment when there is one, otherwise the Center with the most lines by the HTS table, ties
 * broken by entered value and then by the lower team code. Also raises the review flags (Chapter 99
 * programs, UFLPA sectors), names the partner government agencies with an interest in the lines, and
 * prices the entry in workload points. Reference data is judged on the entry date (the summary date
 * when there is none), as the validator judged it.
 */
public final class EntryClassifier {

    private final HtsCenterTable table;
    private final ReferenceData reference;
    private final WorkloadModel workload;
    private final Map<String, String> referenceVersions;
    private final List<Center> centers = Centers.all();

    public EntryClassifier(HtsCenterTable table, ReferenceData reference, WorkloadModel workload) {
        this.table = table;
        this.reference = reference;
        this.workload = workload;
        Map<String, String> versions = new java.util.LinkedHashMap<>(reference.versions());
        versions.put("workloadModel", workload.version());
        this.referenceVersions = java.util.Collections.unmodifiableMap(versions);
    }

    public String tableVersion() {
        return table.version();
    }

    /** The versions of the reference tables decisions are made under (the HTS table's is {@link #tableVersion()}). */
    public Map<String, String> referenceVersions() {
        return referenceVersions;
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
        LocalDate date = summary.entryDate() != null ? summary.entryDate() : summary.summaryDate();
        List<PartnerAgency> agencies = new ArrayList<>(0);
        int pgaRequiredLines = partnerAgencies(summary.lines(), date, agencies);
        List<RoutingFlag> flags = flags(summary, date, refiled);
        double points = workload.points(summary.entryType(), summary.lines().size(), flags, pgaRequiredLines);
        if (accountCenter != null) {
            return new Classification(accountCenter, RoutingBasis.ACCOUNT, linesByCenter, linesByHeading, flags, points, agencies);
        }
        return new Classification(winner(lineCounts, values), RoutingBasis.HTS, linesByCenter, linesByHeading, flags, points,
                agencies);
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

    /**
     * The partner agencies of the lines (one entry per agency and flag, required when any line requires it),
     * in table order; answers the number of lines for which some agency's data is required.
     */
    private int partnerAgencies(List<EntryLine> lines, LocalDate date, List<PartnerAgency> into) {
        int requiredLines = 0;
        List<PartnerAgency> ofLine = new ArrayList<>(2);
        for (EntryLine line : lines) {
            if (table.isCompanion(line.heading())) {
                continue;
            }
            ofLine.clear();
            reference.partnerAgencies().flagsOf(line.htsNumber(), date, ofLine);
            boolean required = false;
            for (PartnerAgency a : ofLine) {
                required |= a.required();
                merge(into, a);
            }
            if (required) {
                requiredLines++;
            }
        }
        return requiredLines;
    }

    private static void merge(List<PartnerAgency> into, PartnerAgency a) {
        for (int i = 0; i < into.size(); i++) {
            PartnerAgency b = into.get(i);
            if (b.agency().equals(a.agency()) && b.flag().equals(a.flag())) {
                if (a.required() && !b.required()) {
                    into.set(i, a);
                }
                return;
            }
        }
        into.add(a);
    }

    private List<RoutingFlag> flags(EntrySummary summary, LocalDate date, boolean refiled) {
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
                add(flags, reference.chapter99().flagOf(line.htsNumber()));
            } else if (reference.uflpa().sectorOf(line.htsNumber(), date) != null) {
                flags.add(RoutingFlag.UFLPA);
            }
            for (String number : line.chapter99Numbers()) {
                add(flags, reference.chapter99().flagOf(number));
            }
        }
        if (refiled) {
            flags.add(RoutingFlag.REFILED);
        }
        return new ArrayList<>(flags);
    }

    private static void add(Set<RoutingFlag> flags, RoutingFlag flag) {
        if (flag != null) {
            flags.add(flag);
        }
    }
}
