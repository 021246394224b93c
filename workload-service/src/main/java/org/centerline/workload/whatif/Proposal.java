package org.centerline.workload.whatif;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.centerline.contracts.center.Center;
import org.centerline.contracts.center.Centers;
import org.centerline.contracts.center.HtsCenterTable;
import org.centerline.contracts.event.SpecialistRole;

/**
 * A checked proposal: the Centers of the proposed structure (the existing ones in reference order, then
 * the new ones), the merges, each heading's proposed Center, and the staffing moves.
 *
 * <p>Each heading's proposed Center: a heading move if there is one; else a chapter move, unless the
 * current table has a heading rule for it (an exception such as 8471 in chapter 84, which stays unless
 * moved itself); else its current Center, or, when that Center is merged away, the Center it merges
 * into. Chapters 98 and 99 (companion lines) have no Center of their own and cannot be moved.
 */
public final class Proposal {

    private static final int HEADINGS = 10_000;

    private final String version;
    private final List<Center> existing;
    private final List<Center> added;
    private final Map<String, String> mergedInto;
    private final String[] current = new String[HEADINGS];
    private final String[] proposed = new String[HEADINGS];
    private final List<Staff> staff;

    /** {@code count} specialists of {@code role} moved from one Center to another. */
    public record Staff(String from, String to, SpecialistRole role, int count) {
    }

    private Proposal(String version, List<Center> added, Map<String, String> mergedInto, List<Staff> staff) {
        this.version = version;
        this.existing = Centers.all();
        this.added = List.copyOf(added);
        this.mergedInto = Collections.unmodifiableMap(new LinkedHashMap<>(mergedInto));
        this.staff = List.copyOf(staff);
    }

    /** A proposal that is only a different HTS -> Center table over the existing Centers. */
    public static Proposal ofTable(HtsCenterTable current, HtsCenterTable table) {
        Proposal p = new Proposal(table.version(), List.of(), Map.of(), List.of());
        for (int h = 0; h < HEADINGS; h++) {
            p.current[h] = code(current.centerOfHeading(h));
            p.proposed[h] = code(table.centerOfHeading(h));
        }
        return p;
    }

    /**
     * Checks a change against the current table and the rosters ({@code roster} is read only for staff
     * moves) and resolves it.
     *
     * @throws InvalidProposal listing every fault found
     */
    public static Proposal of(TableChange change, HtsCenterTable current,
                              Function<String, Map<SpecialistRole, Integer>> roster) {
        List<Fault> faults = new ArrayList<>();
        if (change == null || (change.newCentersOrEmpty().isEmpty() && change.mergesOrEmpty().isEmpty()
                && change.movesOrEmpty().isEmpty() && change.staffOrEmpty().isEmpty())) {
            throw new InvalidProposal(List.of(new Fault("moves", "Give at least one of moves, newCenters, merges or staff, e.g. "
                    + "{\"moves\":[{\"chapter\":\"85\",\"toCenter\":\"MAC\"}]}")));
        }
        Map<String, Center> added = new LinkedHashMap<>();
        Set<String> teamCodes = new TreeSet<>();
        Centers.all().forEach(c -> teamCodes.add(c.teamCode()));
        Map<String, Integer> newCodeAt = new HashMap<>();
        Map<String, Integer> newTeamAt = new HashMap<>();
        List<TableChange.NewCenter> newCenters = change.newCentersOrEmpty();
        for (int i = 0; i < newCenters.size(); i++) {
            String field = "newCenters[" + i + "]";
            TableChange.NewCenter nc = newCenters.get(i);
            if (nc == null) {
                faults.add(new Fault(field, "A new Center is {\"code\", \"name\", \"office\", \"teamCode\"}, not null"));
                continue;
            }
            String code = nc.code() == null ? null : nc.code().trim().toUpperCase(Locale.ROOT);
            if (code == null || !code.matches("[A-Z]{3}")) {
                faults.add(new Fault(field + ".code", "A Center code is 3 letters, not '" + nc.code() + "'"));
                code = null;
            } else if (Centers.find(code).isPresent()) {
                faults.add(new Fault(field + ".code", "Center " + code + " already exists"));
                code = null;
            } else if (newCodeAt.containsKey(code)) {
                faults.add(new Fault(field + ".code", "Center " + code + " is proposed twice (also newCenters["
                        + newCodeAt.get(code) + "])"));
                code = null;
            }
            if (nc.name() == null || nc.name().isBlank()) {
                faults.add(new Fault(field + ".name", "A new Center needs a name"));
            }
            String team = nc.teamCode() == null || nc.teamCode().isBlank() ? null : nc.teamCode().trim();
            if (team != null) {
                if (!team.matches("\\d{3}")) {
                    faults.add(new Fault(field + ".teamCode", "A team code is 3 digits, not '" + nc.teamCode() + "'"));
                } else if (teamCodes.contains(team)) {
                    String owner = Centers.all().stream().filter(c -> team.equals(c.teamCode())).map(Center::code)
                            .findFirst().orElse(null);
                    faults.add(new Fault(field + ".teamCode", owner != null
                            ? "Team code " + team + " is already " + owner + "'s"
                            : "Team code " + team + " is proposed twice (also newCenters[" + newTeamAt.get(team) + "])"));
                } else {
                    teamCodes.add(team);
                    newTeamAt.put(team, i);
                }
            }
            if (code != null) {
                newCodeAt.put(code, i);
                added.put(code, new Center(code, nc.name() == null ? code : nc.name().trim(),
                        nc.office() == null ? null : nc.office().trim(), team));
            }
        }
        Function<String, String> known = code -> {
            if (code == null) {
                return null;
            }
            String upper = code.trim().toUpperCase(Locale.ROOT);
            return Centers.find(upper).isPresent() || newCodeAt.containsKey(upper) ? upper : null;
        };

        Map<String, String> mergedInto = new LinkedHashMap<>();
        Map<String, Integer> mergeAt = new HashMap<>();
        List<TableChange.Merge> merges = change.mergesOrEmpty();
        for (int i = 0; i < merges.size(); i++) {
            String field = "merges[" + i + "]";
            TableChange.Merge m = merges.get(i);
            if (m == null) {
                faults.add(new Fault(field, "A merge is {\"from\", \"into\"}, not null"));
                continue;
            }
            String from = known.apply(m.from());
            String into = known.apply(m.into());
            if (from == null) {
                faults.add(new Fault(field + ".from", "Unknown Center '" + m.from() + "'"));
            } else if (Centers.find(from).isEmpty()) {
                faults.add(new Fault(field + ".from", from + " is a new Center: leave it out rather than merge it"));
                from = null;
            } else if (mergeAt.containsKey(from)) {
                faults.add(new Fault(field + ".from", from + " is already merged (merges[" + mergeAt.get(from) + "])"));
                from = null;
            }
            if (into == null) {
                faults.add(new Fault(field + ".into", "Unknown Center '" + m.into() + "'"));
            }
            if (from != null && from.equals(into)) {
                faults.add(new Fault(field + ".into", from + " cannot be merged into itself"));
                continue;
            }
            if (from != null) {
                mergeAt.put(from, i);
                if (into != null) {
                    mergedInto.put(from, into);
                }
            }
        }
        for (int i = 0; i < merges.size(); i++) {
            TableChange.Merge m = merges.get(i);
            String into = m == null ? null : known.apply(m.into());
            String from = m == null ? null : known.apply(m.from());
            if (into != null && !into.equals(from) && mergeAt.containsKey(into)) {
                String end = mergedInto.get(into);
                faults.add(new Fault("merges[" + i + "].into", into + " is itself merged" + (end == null ? "" : " into " + end)
                        + " (merges[" + mergeAt.get(into) + "]); merge into the Center that remains"));
            }
        }

        String[] headingMove = new String[HEADINGS];
        String[] chapterMove = new String[100];
        Map<String, Integer> movedAt = new HashMap<>();
        List<TableChange.Move> moves = change.movesOrEmpty();
        for (int i = 0; i < moves.size(); i++) {
            String field = "moves[" + i + "]";
            TableChange.Move move = moves.get(i);
            if (move == null) {
                faults.add(new Fault(field, "A move is {\"chapter\" or \"heading\", \"toCenter\"}, not null"));
                continue;
            }
            String to = known.apply(move.toCenter());
            if (to == null) {
                faults.add(new Fault(field + ".toCenter", "Unknown Center '" + move.toCenter() + "'"));
            } else if (mergeAt.containsKey(to)) {
                faults.add(new Fault(field + ".toCenter", to + " is merged away (merges[" + mergeAt.get(to) + "])"
                        + (mergedInto.containsKey(to) ? "; move to " + mergedInto.get(to) + " instead" : "")));
                to = null;
            }
            Integer chapter = null;
            Integer heading = null;
            if ((move.chapter() == null) == (move.heading() == null)) {
                faults.add(new Fault(field, "Each move names exactly one of chapter or heading"));
            } else if (move.chapter() != null) {
                if (!move.chapter().matches("\\d{2}")) {
                    faults.add(new Fault(field + ".chapter", "A chapter is 2 digits, not '" + move.chapter() + "'"));
                } else if (current.isCompanion(Integer.parseInt(move.chapter()) * 100)) {
                    faults.add(new Fault(field + ".chapter", "Chapter " + move.chapter()
                            + " has no sector of its own (companion lines follow the entry's other lines) and cannot be moved"));
                } else {
                    chapter = Integer.parseInt(move.chapter());
                }
            } else if (!move.heading().matches("\\d{4}")) {
                faults.add(new Fault(field + ".heading", "A heading is 4 digits, not '" + move.heading() + "'"));
            } else if (current.isCompanion(Integer.parseInt(move.heading()))) {
                faults.add(new Fault(field + ".heading", "Heading " + move.heading()
                        + " is in chapter 98/99 (companion lines) and cannot be moved"));
            } else {
                heading = Integer.parseInt(move.heading());
            }
            String what = chapter != null ? "chapter " + move.chapter() : heading != null ? "heading " + move.heading() : null;
            if (what != null && movedAt.containsKey(what)) {
                faults.add(new Fault(field + (chapter != null ? ".chapter" : ".heading"), what.substring(0, 1).toUpperCase(Locale.ROOT)
                        + what.substring(1) + " is already moved by moves[" + movedAt.get(what) + "]: one place each"));
                continue;
            }
            if (what != null) {
                movedAt.put(what, i);
            }
            if (to != null && chapter != null) {
                chapterMove[chapter] = to;
            } else if (to != null && heading != null) {
                headingMove[heading] = to;
            }
        }

        List<Staff> staff = new ArrayList<>();
        Map<String, Integer> taken = new HashMap<>();
        Map<String, Map<SpecialistRole, Integer>> rosters = new HashMap<>();
        List<TableChange.StaffMove> staffMoves = change.staffOrEmpty();
        for (int i = 0; i < staffMoves.size(); i++) {
            String field = "staff[" + i + "]";
            TableChange.StaffMove s = staffMoves.get(i);
            if (s == null) {
                faults.add(new Fault(field, "A staff move is {\"from\", \"to\", \"role\", \"count\"}, not null"));
                continue;
            }
            String from = staffCenter(s.from(), field + ".from", known, mergeAt, mergedInto, faults);
            String to = staffCenter(s.to(), field + ".to", known, mergeAt, mergedInto, faults);
            if (from != null && from.equals(to)) {
                faults.add(new Fault(field + ".to", "Specialists moved from " + from + " to " + from + " go nowhere"));
            }
            SpecialistRole role = null;
            try {
                role = s.role() == null ? null : SpecialistRole.valueOf(s.role().trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException unknown) {
                // reported below
            }
            if (role == null) {
                faults.add(new Fault(field + ".role", "Unknown role '" + s.role() + "': one of "
                        + java.util.Arrays.toString(SpecialistRole.values())));
            }
            if (s.count() == null || s.count() < 1) {
                faults.add(new Fault(field + ".count", "Move at least 1 specialist, not " + s.count()));
                continue;
            }
            if (from == null || role == null || from.equals(to)) {
                continue;
            }
            // A Center's roster after the merges: its own and those of the Centers merged into it.
            int has = 0;
            for (String c : membersOf(from, mergedInto)) {
                has += Centers.find(c).isPresent() ? rosters.computeIfAbsent(c, roster).getOrDefault(role, 0) : 0;
            }
            int total = taken.merge(from + "/" + role, s.count(), Integer::sum);
            if (total > has) {
                faults.add(new Fault(field + ".count", from + " has " + has + " " + role + " on its roster (with the Centers merged"
                        + " into it); the staff moves take "
                        + total + " from it"));
                continue;
            }
            if (to != null && !from.equals(to)) {
                staff.add(new Staff(from, to, role, s.count()));
            }
        }
        if (!faults.isEmpty()) {
            throw new InvalidProposal(faults);
        }

        boolean[] headingRule = new boolean[HEADINGS];
        for (HtsCenterTable.Rule rule : current.rules()) {
            if (rule.kind() == HtsCenterTable.Rule.Kind.HEADING) {
                for (int h = rule.from(); h <= rule.to(); h++) {
                    headingRule[h] = true;
                }
            }
        }
        Proposal p = new Proposal(current.version() + "+what-if", new ArrayList<>(added.values()), mergedInto, staff);
        for (int h = 0; h < HEADINGS; h++) {
            String now = code(current.centerOfHeading(h));
            p.current[h] = now;
            if (headingMove[h] != null) {
                p.proposed[h] = headingMove[h];
            } else if (chapterMove[h / 100] != null && !headingRule[h]) {
                p.proposed[h] = chapterMove[h / 100];
            } else {
                p.proposed[h] = now == null ? null : mergedInto.getOrDefault(now, now);
            }
        }
        return p;
    }

    private static String staffCenter(String code, String field, Function<String, String> known, Map<String, Integer> mergeAt,
                                      Map<String, String> mergedInto, List<Fault> faults) {
        String c = known.apply(code);
        if (c == null) {
            faults.add(new Fault(field, "Unknown Center '" + code + "'"));
            return null;
        }
        if (mergeAt.containsKey(c)) {
            faults.add(new Fault(field, c + " is merged away (merges[" + mergeAt.get(c) + "]) and its specialists with it"
                    + (mergedInto.containsKey(c) ? "; use " + mergedInto.get(c) : "")));
            return null;
        }
        return c;
    }

    private static String code(Center c) {
        return c == null ? null : c.code();
    }

    public String version() {
        return version;
    }

    /** The existing Centers in reference order. */
    public List<Center> existing() {
        return existing;
    }

    /** The new Centers in the order proposed. */
    public List<Center> added() {
        return added;
    }

    /** Merged-away Center -> the Center it merges into. */
    public Map<String, String> mergedInto() {
        return mergedInto;
    }

    public List<Staff> staff() {
        return staff;
    }

    /** The Center an existing Center's work ends up with: itself, or the Center it merges into. */
    public String survivor(String centerCode) {
        return mergedInto.getOrDefault(centerCode, centerCode);
    }

    /**
     * Where the entries a heading decides go: its proposed Center when that differs from its current one,
     * else null (they stay with their Center, or its survivor).
     */
    public String destination(int heading) {
        String now = proposed[heading];
        return now == null || now.equals(current[heading]) ? null : now;
    }

    /** {@code center} and the Centers the proposal merges into it. */
    private static List<String> membersOf(String center, Map<String, String> mergedInto) {
        List<String> members = new ArrayList<>(List.of(center));
        mergedInto.forEach((from, into) -> {
            if (into.equals(center)) {
                members.add(from);
            }
        });
        return members;
    }
}
