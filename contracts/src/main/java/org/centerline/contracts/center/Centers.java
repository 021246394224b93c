package org.centerline.contracts.center;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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

    /** Rows of a reference table on the classpath (cells separated by {@code |}). */
    public static List<String[]> rows(String resource) {
        return ReferenceTable.rows(resource);
    }

    /** Reader for the reference tables: cells separated by {@code |}, {@code #} starts a comment line. */
    static final class ReferenceTable {
        private ReferenceTable() {
        }

        static List<String[]> rows(String resource) {
            List<String[]> rows = new ArrayList<>();
            for (String line : lines(resource)) {
                String trimmed = line.strip();
                if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                    String[] cells = trimmed.split("\\|", -1);
                    for (int i = 0; i < cells.length; i++) {
                        cells[i] = cells[i].strip();
                    }
                    rows.add(cells);
                }
            }
            return rows;
        }

        static List<String> lines(String resource) {
            try (InputStream in = Centers.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("Missing reference data " + resource);
                }
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                return reader.lines().toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
