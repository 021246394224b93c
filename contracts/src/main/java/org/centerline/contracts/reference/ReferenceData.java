package org.centerline.contracts.reference;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.centerline.contracts.center.ReferenceTable;
import org.centerline.contracts.entry.EntryType;
import org.centerline.contracts.event.PartnerAgency;
import org.centerline.contracts.event.RoutingFlag;

/**
 * The effective-dated customs reference data (DOMAIN.md "Rules in force, 2025-2026"), read by one
 * reader from four data files, each with its own version: entry types, Chapter 99 provisions, UFLPA
 * sectors, partner-agency flags. Every row has {@code from} (inclusive) and {@code until} (exclusive)
 * dates, judged against the entry's date.
 */
public record ReferenceData(EntryTypeCalendar entryTypes, Chapter99Provisions chapter99, UflpaSectors uflpa,
                            PartnerAgencies partnerAgencies) {

    private static final String BASE = "/org/centerline/contracts/";
    private static volatile ReferenceData standard;

    /** The tables shipped with this version of Centerline (read once). */
    public static ReferenceData standard() {
        ReferenceData data = standard;
        if (data == null) {
            data = new ReferenceData(
                    read("entry-types", (v, rows) -> new EntryTypeCalendar(v, rows.stream().map(ReferenceData::entryType).toList())),
                    read("chapter99-provisions", (v, rows) -> new Chapter99Provisions(v, rows.stream().map(ReferenceData::provision).toList())),
                    read("uflpa-sectors", (v, rows) -> new UflpaSectors(v, rows.stream()
                            .map(r -> cells(r, "sector", 6)).map(r -> HtsPrefixTable.entry(r[2], EffectiveDates.parse(r[3], r[4]), r[1])).toList())),
                    read("partner-agencies", (v, rows) -> new PartnerAgencies(v, rows.stream()
                            .map(r -> cells(r, "flag", 8)).map(r -> HtsPrefixTable.entry(r[1], EffectiveDates.parse(r[5], r[6]),
                                    new PartnerAgency(r[2], r[3], required(r[4])))).toList())));
            standard = data;
        }
        return data;
    }

    /** The version of each table, as a routing decision records them ({@code referenceVersions}). */
    public Map<String, String> versions() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("entryTypes", entryTypes.version());
        v.put("chapter99", chapter99.version());
        v.put("uflpaSectors", uflpa.version());
        v.put("partnerAgencies", partnerAgencies.version());
        return v;
    }

    private interface Builder<T> {
        T build(String version, List<String[]> rows);
    }

    /** The one reader: a {@code version} row and data rows of the table's kind, cells as ReferenceTable splits them. */
    private static <T> T read(String name, Builder<T> builder) {
        String version = null;
        List<String[]> rows = new ArrayList<>();
        for (String[] row : ReferenceTable.rows(BASE + name + ".table")) {
            if (row[0].equals("version")) {
                version = row[1];
            } else {
                rows.add(row);
            }
        }
        if (version == null) {
            throw new IllegalArgumentException(name + ": a 'version' row is required");
        }
        try {
            return builder.build(version, rows);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(name + ".table: " + e.getMessage(), e);
        }
    }

    // type | code | from | until | origins ending earlier | until for those origins
    private static EntryTypeCalendar.Row entryType(String[] r) {
        expect(r, "type", 6);
        if (EntryType.fromCode(r[1]).isEmpty()) {
            throw new IllegalArgumentException("entry type " + r[1] + " is not in EntryType");
        }
        Set<String> origins = r[4].isEmpty() ? Set.of() : Arrays.stream(r[4].split("\\s+")).collect(Collectors.toUnmodifiableSet());
        EffectiveDates dates = EffectiveDates.parse(r[2], r[3]);
        return new EntryTypeCalendar.Row(r[1], dates, origins, EffectiveDates.parse(r[2], r[5]));
    }

    // range | low | high | flag | from | until | source
    private static Chapter99Provisions.Provision provision(String[] r) {
        expect(r, "range", 7);
        if (r[1].length() != 8 || r[2].length() != 8 || !r[1].startsWith("99") || !r[2].startsWith("99")) {
            throw new IllegalArgumentException("range " + r[1] + "-" + r[2] + " must be two 8-digit Chapter 99 numbers");
        }
        return new Chapter99Provisions.Provision(Integer.parseInt(r[1]), Integer.parseInt(r[2]), RoutingFlag.valueOf(r[3]),
                EffectiveDates.parse(r[4], r[5]), r[6]);
    }

    private static boolean required(String cell) {
        return switch (cell) {
            case "R" -> true;
            case "M" -> false;
            default -> throw new IllegalArgumentException("required must be R or M, not " + cell);
        };
    }

    private static void expect(String[] r, String kind, int cells) {
        if (!r[0].equals(kind) || r.length < cells) {
            throw new IllegalArgumentException("row '" + String.join(" | ", r) + "' must be '" + kind + "' with " + cells + " cells");
        }
    }

    static String[] cells(String[] r, String kind, int n) {
        expect(r, kind, n);
        return r;
    }
}
