package org.centerline.contracts.center;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The text format of Centerline's reference data files (Centers, HTS table, Chapter 99 provisions,
 * workload model, rosters): one row a line, cells separated by {@code |}, {@code #} starts a comment.
 * Kept as text so people can review a change to the data in a diff.
 */
public final class ReferenceTable {

    private ReferenceTable() {
    }

    /** Rows of a table shipped on the classpath. */
    public static List<String[]> rows(String resource) {
        try (InputStream in = ReferenceTable.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing reference data " + resource);
            }
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rows of a table read from any stream (a file that replaces a shipped table). */
    public static List<String[]> parse(InputStream in) throws IOException {
        List<String[]> rows = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
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

}
