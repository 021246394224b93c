package org.centerline.contracts.workload;

import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.centerline.contracts.center.ReferenceTable;
import org.centerline.contracts.event.RoutingFlag;

/**
 * How much review effort one entry summary is, in workload points: a base by entry type, more per
 * line, more per enforcement flag, more per line a partner agency requires data for. The weights are data ({@code workload-model.table}, versioned);
 * routing-service stamps the points on each decision and workload-service sums them.
 */
public final class WorkloadModel {

    private static final String RESOURCE = "/org/centerline/contracts/workload-model.table";

    private final String version;
    private final double defaultBase;
    private final Map<String, Double> baseByEntryType;
    private final double perLine;
    private final Map<RoutingFlag, Double> byFlag;
    private final double perPgaRequiredLine;

    public WorkloadModel(String version, double defaultBase, Map<String, Double> baseByEntryType, double perLine,
                         Map<RoutingFlag, Double> byFlag) {
        this(version, defaultBase, baseByEntryType, perLine, byFlag, 0);
    }

    public WorkloadModel(String version, double defaultBase, Map<String, Double> baseByEntryType, double perLine,
                         Map<RoutingFlag, Double> byFlag, double perPgaRequiredLine) {
        this.perPgaRequiredLine = perPgaRequiredLine;
        this.version = version;
        this.defaultBase = defaultBase;
        this.baseByEntryType = Map.copyOf(baseByEntryType);
        this.perLine = perLine;
        this.byFlag = new EnumMap<>(RoutingFlag.class);
        this.byFlag.putAll(byFlag);
    }

    /** The model shipped with this version of Centerline. */
    public static WorkloadModel standard() {
        return parse(ReferenceTable.rows(RESOURCE));
    }

    public static WorkloadModel parse(List<String[]> rows) {
        String version = null;
        Double defaultBase = null;
        double perLine = 0;
        double perPga = 0;
        Map<String, Double> base = new HashMap<>();
        Map<RoutingFlag, Double> flags = new EnumMap<>(RoutingFlag.class);
        for (String[] row : rows) {
            switch (row[0]) {
                case "version" -> version = row[1];
                case "base" -> {
                    if (row[1].equals("default")) {
                        defaultBase = Double.parseDouble(row[2]);
                    } else {
                        base.put(row[1], Double.parseDouble(row[2]));
                    }
                }
                case "perLine" -> perLine = Double.parseDouble(row[2]);
                case "perPgaRequiredLine" -> perPga = Double.parseDouble(row[2]);
                case "flag" -> flags.put(RoutingFlag.valueOf(row[1]), Double.parseDouble(row[2]));
                default -> throw new IllegalArgumentException("Workload model: unknown row kind '" + row[0] + "'");
            }
        }
        if (version == null || defaultBase == null) {
            throw new IllegalArgumentException("Workload model: 'version' and 'base | default' rows are required");
        }
        return new WorkloadModel(version, defaultBase, base, perLine, flags, perPga);
    }

    public String version() {
        return version;
    }

    /** Points of one entry summary, rounded to two decimals. */
    public double points(String entryType, int lines, Collection<RoutingFlag> flags) {
        return points(entryType, lines, flags, 0);
    }

    /** Points of one entry summary with {@code pgaRequiredLines} lines for which a partner agency's data is required. */
    public double points(String entryType, int lines, Collection<RoutingFlag> flags, int pgaRequiredLines) {
        double points = baseByEntryType.getOrDefault(entryType, defaultBase) + perLine * Math.max(0, lines - 1)
                + perPgaRequiredLine * pgaRequiredLines;
        for (RoutingFlag flag : flags) {
            points += byFlag.getOrDefault(flag, 0.0);
        }
        return Math.round(points * 100) / 100.0;
    }
}
