package org.centerline.contracts.center;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The ten Centers, read from the reference data file {@code centers.table}. Codes are looked up in
 * either case ({@code ELE} or {@code ele}).
 */
public final class Centers {

    private static final String RESOURCE = "/org/centerline/contracts/centers.table";
    private static final Map<String, Center> BY_CODE;

    static {
        Map<String, Center> byCode = new LinkedHashMap<>();
        for (String[] row : ReferenceTable.rows(RESOURCE)) {
            if (row.length != 4) {
                throw new IllegalStateException("centers.table: expected code,name,office,teamCode but got " + String.join("|", row));
            }
            byCode.put(row[0], new Center(row[0], row[1], row[2], row[3]));
        }
        BY_CODE = Collections.unmodifiableMap(byCode);
    }

    private Centers() {
    }

    public static List<Center> all() {
        return List.copyOf(BY_CODE.values());
    }

    public static Optional<Center> find(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(BY_CODE.get(code.toUpperCase(Locale.ROOT)));
    }

    public static Center get(String code) {
        return find(code).orElseThrow(() -> new IllegalArgumentException("Unknown Center code: " + code));
    }
}
