package org.centerline.contracts.reference;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The entry types Centerline accepts and the dates each is valid on ({@code entry-types.table}),
 * with an earlier end for goods of some origins (type 86 ends 2025-08-29 for all, 2025-05-02 for
 * goods of China and Hong Kong).
 */
public final class EntryTypeCalendar {

    /** One entry type: its dates, and an earlier end for lines of the listed origins. */
    public record Row(String code, EffectiveDates dates, Set<String> originsEndingEarlier, EffectiveDates datesForThoseOrigins) {
    }

    private final String version;
    private final Map<String, Row> byCode;

    EntryTypeCalendar(String version, List<Row> rows) {
        this.version = version;
        Map<String, Row> map = new HashMap<>();
        rows.forEach(r -> map.put(r.code(), r));
        this.byCode = Map.copyOf(map);
    }

    public String version() {
        return version;
    }

    /** Whether the code is an entry type at all (on any date). */
    public boolean isKnown(String code) {
        return code != null && byCode.containsKey(code);
    }

    public Row row(String code) {
        return byCode.get(code);
    }

    /** Whether a known type is valid on an entry of this date, regardless of origin. */
    public boolean inForce(String code, LocalDate date) {
        return byCode.get(code).dates().covers(date);
    }

    /** Whether a known type is valid on this date for a line of this origin. */
    public boolean inForceFor(String code, LocalDate date, String origin) {
        Row row = byCode.get(code);
        if (!row.dates().covers(date)) {
            return false;
        }
        return row.originsEndingEarlier().isEmpty() || !row.originsEndingEarlier().contains(origin)
                || row.datesForThoseOrigins().covers(date);
    }
}
