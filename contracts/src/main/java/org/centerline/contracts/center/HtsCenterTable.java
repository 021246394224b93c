package org.centerline.contracts.center;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The HTS -> Center table: which Center reviews goods of a given HTS heading. Rules are data
 * ({@code hts-center-table.table}, versioned), never code. Heading rules win over chapter rules;
 * chapters 98 and 99 are "companion" chapters with no sector of their own.
 *
 * <p>Lookups are an array index per 4-digit heading, so classifying a line allocates nothing.
 */
public final class HtsCenterTable {

    private static final String RESOURCE = "/org/centerline/contracts/hts-center-table.table";
    private static final short UNKNOWN = -1;
    private static final short COMPANION = -2;

    /** One row of the table. {@code from}..{@code to} are chapters (2 digits) or headings (4 digits). */
    public record Rule(Kind kind, int from, int to, String centerCode) {
        public enum Kind { CHAPTER, HEADING, COMPANION }
    }

    private final String version;
    private final List<Rule> rules;
    private final Center fallback;
    private final List<Center> centers;
    private final short[] byHeading = new short[10_000];

    public HtsCenterTable(String version, List<Rule> rules, String fallbackCenter) {
        this.version = Objects.requireNonNull(version, "version");
        this.rules = List.copyOf(rules);
        this.centers = Centers.all();
        this.fallback = Centers.get(fallbackCenter);
        Arrays.fill(byHeading, UNKNOWN);
        // Chapters first, then headings, so a heading rule always overrides its chapter.
        for (Rule.Kind pass : new Rule.Kind[] {Rule.Kind.COMPANION, Rule.Kind.CHAPTER, Rule.Kind.HEADING}) {
            for (Rule rule : this.rules) {
                if (rule.kind() == pass) {
                    apply(rule);
                }
            }
        }
    }

    private void apply(Rule rule) {
        short value = rule.kind() == Rule.Kind.COMPANION ? COMPANION : (short) centers.indexOf(Centers.get(rule.centerCode()));
        if (rule.kind() == Rule.Kind.HEADING) {
            for (int h = rule.from(); h <= rule.to(); h++) {
                byHeading[h] = value;
            }
        } else {
            for (int c = rule.from(); c <= rule.to(); c++) {
                Arrays.fill(byHeading, c * 100, c * 100 + 100, value);
            }
        }
    }

    /** The table shipped with this version of Centerline. */
    public static HtsCenterTable standard() {
        return parse(ReferenceTable.rows(RESOURCE));
    }

    /** Reads a table in the shipped file format (rows of {@code kind | range | Center}). */
    public static HtsCenterTable parse(List<String[]> rows) {
        String version = null;
        String fallback = null;
        List<Rule> rules = new ArrayList<>();
        for (String[] row : rows) {
            int expected = switch (row[0]) {
                case "chapter", "heading" -> 3;
                case "version", "fallback", "companion" -> 2;
                default -> throw new IllegalArgumentException("HTS table: unknown row kind '" + row[0] + "'");
            };
            if (row.length != expected || java.util.Arrays.stream(row).anyMatch(String::isEmpty)) {
                throw new IllegalArgumentException("HTS table: row '" + String.join(" | ", row) + "' must have "
                        + expected + " non-empty cells");
            }
            switch (row[0]) {
                case "version" -> version = row[1];
                case "fallback" -> fallback = row[1];
                default -> rules.add(rule(row));
            }
        }
        if (version == null || fallback == null) {
            throw new IllegalArgumentException("HTS table: a 'version' row and a 'fallback' row are required");
        }
        return new HtsCenterTable(version, rules, fallback);
    }

    private static Rule rule(String[] row) {
        Rule.Kind kind = Rule.Kind.valueOf(row[0].toUpperCase(java.util.Locale.ROOT));
        int digits = kind == Rule.Kind.HEADING ? 4 : 2;
        if (!row[1].matches("\\d{" + digits + "}(-\\d{" + digits + "})?")) {
            throw new IllegalArgumentException("HTS table: bad " + row[0] + " range '" + row[1] + "': expected "
                    + digits + " digits, or two such joined by '-'");
        }
        String[] range = row[1].split("-");
        int from = Integer.parseInt(range[0]);
        int to = Integer.parseInt(range[range.length - 1]);
        if (from > to) {
            throw new IllegalArgumentException("HTS table: bad " + row[0] + " range '" + row[1] + "': start after end");
        }
        return new Rule(kind, from, to, kind == Rule.Kind.COMPANION ? null : row[2]);
    }

    public String version() {
        return version;
    }

    public List<Rule> rules() {
        return rules;
    }

    /** The Center of an entry whose every line is a companion (chapter 98/99) line. */
    public Center fallback() {
        return fallback;
    }

    /** The Center for a heading, or {@code null} for a companion heading or one no rule covers. */
    public Center centerOfHeading(int heading) {
        short index = byHeading[heading];
        return index >= 0 ? centers.get(index) : null;
    }

    /** Whether this heading is in a chapter 98/99 (no sector; follows its companion line). */
    public boolean isCompanion(int heading) {
        return byHeading[heading] == COMPANION;
    }

    /** Whether some rule covers this heading (its chapter is known). */
    public boolean isKnown(int heading) {
        return byHeading[heading] != UNKNOWN;
    }
}
