package org.centerline.contracts.entry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.centerline.contracts.center.ReferenceTable;
import org.centerline.contracts.event.RoutingFlag;

/**
 * Which Chapter 99 numbers mean a trade-remedy program (Section 301, 232, 201), read from the data
 * file {@code chapter99-provisions.table}: the flags of a routing decision come from here.
 */
public final class Chapter99Provisions {

    private static final String RESOURCE = "/org/centerline/contracts/chapter99-provisions.table";

    private record Provision(String prefix, RoutingFlag flag) {
    }

    private final String version;
    private final List<Provision> provisions;

    private Chapter99Provisions(String version, List<Provision> provisions) {
        this.version = version;
        List<Provision> longestFirst = new ArrayList<>(provisions);
        longestFirst.sort(Comparator.comparingInt((Provision p) -> p.prefix().length()).reversed());
        this.provisions = List.copyOf(longestFirst);
    }

    public static Chapter99Provisions standard() {
        String version = null;
        List<Provision> provisions = new ArrayList<>();
        for (String[] row : ReferenceTable.rows(RESOURCE)) {
            switch (row[0]) {
                case "version" -> version = row[1];
                case "prefix" -> provisions.add(new Provision(row[1], RoutingFlag.valueOf(row[2])));
                default -> throw new IllegalArgumentException("chapter99-provisions: unknown row kind '" + row[0] + "'");
            }
        }
        return new Chapter99Provisions(version, provisions);
    }

    public String version() {
        return version;
    }

    /** The flag a Chapter 99 number raises, if any. */
    public Optional<RoutingFlag> flagOf(String chapter99Number) {
        for (Provision p : provisions) {
            if (chapter99Number.startsWith(p.prefix())) {
                return Optional.of(p.flag());
            }
        }
        return Optional.empty();
    }
}
