package org.centerline.contracts.reference;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * UFLPA high-priority sectors by HTS prefix ({@code uflpa-sectors.table}; the sectors are DHS's, the
 * HTS mapping is this project's proposal). A line of a listed sector raises {@code UFLPA}, whatever
 * its origin, on entries dated from the day the sector was listed.
 */
public final class UflpaSectors {

    private final String version;
    private final HtsPrefixTable<String> table;

    UflpaSectors(String version, List<HtsPrefixTable.Entry<String>> entries) {
        this.version = version;
        this.table = new HtsPrefixTable<>(entries);
    }

    public String version() {
        return version;
    }

    /** The high-priority sector of a line (10-digit HTS number), or null. */
    public String sectorOf(String hts, LocalDate entryDate) {
        List<String> found = new ArrayList<>(1);
        table.matching(hts, entryDate, found);
        return found.isEmpty() ? null : found.get(0);
    }
}
