package org.centerline.localstack.security;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.centerline.localstack.Workspace;
import org.centerline.security.Caller;
import org.centerline.security.Role;

/**
 * The {@code token} and {@code tokens} sub-commands of the local-stack jar: a token for any role and party
 * from the local issuer (to try a denial, or a filer the ready-made set lacks), and the ready-made set
 * minted again without restarting the stack. Both create the key pair if the stack has never run.
 */
public final class TokenCommand {

    public static final String TOKEN = "token";
    public static final String TOKENS = "tokens";

    public static final String USAGE = """
            Usage: java -jar local-stack/target/local-stack.jar token ROLE[,ROLE...] [options]
              Prints one token from the local stack's issuer (the key in <data-dir>/security/).
              ROLE                  filer, importer, specialist, director, agency, ops, admin
              --filer-code C        a filer's filer code (filer_code); required for filer
              --importer-number N   an importer's importer number (importer_number); required for importer
              --center C            the Center of a specialist or director (center_code); required for both
              --specialist-id S     a specialist's roster id (specialist_id); required for specialist
              --agency A            a partner agency (agency); required for agency
              --subject S           the token's sub (default: from the role and party, e.g. filer-B12)
              --lifetime D          30m, 12h, 7d or ISO-8601 (PT12H); default 12h
              --data-dir DIR        the local stack's data folder (default <repo>/.centerline)
            e.g.  TOKEN=$(java -jar local-stack/target/local-stack.jar token filer --filer-code B12)

            Usage: java -jar local-stack/target/local-stack.jar tokens [--data-dir DIR] [--quiet]
              Mints the ready-made tokens again (valid 12 h), rewrites <data-dir>/tokens.env and
              <data-dir>/security/prometheus-ops.token, and prints them (not with --quiet).""";

    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)\\s*([smhd])");
    private static final Map<String, String> PARTY_OPTIONS = Map.of(
            "--filer-code", Caller.FILER_CODE,
            "--importer-number", Caller.IMPORTER_NUMBER,
            "--center", Caller.CENTER_CODE,
            "--specialist-id", Caller.SPECIALIST_ID,
            "--agency", Caller.AGENCY);

    /** A parsed {@code token} command line. */
    record Request(List<Role> roles, Map<String, String> party, String subject, Duration lifetime, Path dataDir) {
    }

    private TokenCommand() {
    }

    /** Whether {@code args} ask for a sub-command of this class rather than the stack. */
    public static boolean handles(String[] args) {
        return args.length > 0 && (args[0].equals(TOKEN) || args[0].equals(TOKENS));
    }

    /** Runs {@code args} (starting with {@code token} or {@code tokens}); returns the exit code. */
    public static int run(String[] args, Workspace workspace, PrintStream out, PrintStream err) {
        String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
        try {
            if (List.of(rest).contains("--help") || List.of(rest).contains("-h")) {
                out.println(USAGE);
                return 0;
            }
            if (args[0].equals(TOKENS)) {
                return tokens(rest, workspace, out);
            }
            Request request = parse(rest, workspace);
            out.println(LocalIssuer.open(request.dataDir())
                    .mint(request.subject(), request.roles(), request.party(), request.lifetime()));
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("local-stack " + args[0] + ": " + e.getMessage());
            err.println(USAGE);
            return 2;
        } catch (RuntimeException e) {
            err.println("local-stack " + args[0] + ": " + e.getMessage());
            return 1;
        }
    }

    private static int tokens(String[] args, Workspace workspace, PrintStream out) {
        Path dataDir = workspace.defaultDataDir();
        boolean quiet = false;
        for (int i = 0; i < args.length; i++) {
            String[] nameValue = split(args[i]);
            switch (nameValue[0]) {
                case "--quiet" -> quiet = true;
                case "--data-dir" -> {
                    String value = nameValue[1] != null ? nameValue[1] : next(args, ++i, "--data-dir");
                    dataDir = Path.of(value);
                }
                default -> throw new IllegalArgumentException("unknown option '" + args[i] + "'");
            }
        }
        ReadyTokens tokens = LocalIssuer.open(dataDir.toAbsolutePath().normalize()).writeTokenFiles();
        if (!quiet) {
            out.print(tokens.envText());
        }
        return 0;
    }

    /** Parses the arguments after {@code token}. */
    static Request parse(String[] args, Workspace workspace) {
        List<Role> roles = new ArrayList<>();
        Map<String, String> party = new LinkedHashMap<>();
        String subject = null;
        Duration lifetime = LocalIssuer.TOKEN_LIFETIME;
        Path dataDir = workspace.defaultDataDir();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                if (!roles.isEmpty()) {
                    throw new IllegalArgumentException("one ROLE argument (comma-separated for several), got also '" + arg + "'");
                }
                roles.addAll(roles(arg));
                continue;
            }
            String[] nameValue = split(arg);
            String name = nameValue[0];
            if (!PARTY_OPTIONS.containsKey(name) && !List.of("--subject", "--lifetime", "--data-dir").contains(name)) {
                throw new IllegalArgumentException("unknown option '" + arg + "'");
            }
            String value = nameValue[1] != null ? nameValue[1] : next(args, ++i, name);
            if (value.isBlank()) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            switch (name) {
                case "--subject" -> subject = value;
                case "--lifetime" -> lifetime = duration(value);
                case "--data-dir" -> dataDir = Path.of(value);
                default -> party.put(PARTY_OPTIONS.get(name), value.trim());
            }
        }
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("which ROLE? one of " + claimValues());
        }
        requireParty(roles, party);
        return new Request(List.copyOf(roles), party, subject != null ? subject : defaultSubject(roles, party), lifetime,
                dataDir.toAbsolutePath().normalize());
    }

    /** Each role bound to a party needs its party claim: a token without one would only be denied. */
    private static void requireParty(List<Role> roles, Map<String, String> party) {
        for (Role role : roles) {
            List<String> needed = switch (role) {
                case FILER -> List.of(Caller.FILER_CODE);
                case IMPORTER -> List.of(Caller.IMPORTER_NUMBER);
                case SPECIALIST -> List.of(Caller.CENTER_CODE, Caller.SPECIALIST_ID);
                case DIRECTOR -> List.of(Caller.CENTER_CODE);
                case AGENCY -> List.of(Caller.AGENCY);
                case OPS, ADMIN -> List.of();
            };
            for (String claim : needed) {
                if (!party.containsKey(claim)) {
                    String option = PARTY_OPTIONS.entrySet().stream().filter(e -> e.getValue().equals(claim))
                            .map(Map.Entry::getKey).findFirst().orElseThrow();
                    throw new IllegalArgumentException(role.claimValue() + " needs " + option);
                }
            }
        }
    }

    private static String defaultSubject(List<Role> roles, Map<String, String> party) {
        if (roles.size() == 1 && roles.get(0) == Role.SPECIALIST) {
            return party.get(Caller.SPECIALIST_ID);
        }
        StringJoiner subject = new StringJoiner("-");
        roles.forEach(r -> subject.add(r.claimValue()));
        party.entrySet().stream().filter(e -> !e.getKey().equals(Caller.SPECIALIST_ID)).forEach(e -> subject.add(e.getValue()));
        return subject.toString();
    }

    private static List<Role> roles(String value) {
        List<Role> roles = new ArrayList<>();
        for (String name : value.split(",")) {
            if (name.isBlank()) {
                continue;
            }
            Role role = Role.fromClaim(name).orElseThrow(() -> new IllegalArgumentException(
                    "unknown role '" + name.trim() + "'; known: " + claimValues()));
            if (!roles.contains(role)) {
                roles.add(role);
            }
        }
        return roles;
    }

    static Duration duration(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        Duration d;
        Matcher m = SHORT_DURATION.matcher(v);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            d = switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        } else {
            try {
                d = Duration.parse(v.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("--lifetime must look like 30m, 12h, 7d or PT12H: '" + value + "'");
            }
        }
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException("--lifetime must be positive: '" + value + "'");
        }
        return d;
    }

    private static String claimValues() {
        StringJoiner names = new StringJoiner(", ");
        for (Role r : Role.values()) {
            names.add(r.claimValue());
        }
        return names.toString();
    }

    private static String[] split(String arg) {
        int eq = arg.indexOf('=');
        return arg.startsWith("--") && eq > 0 ? new String[] {arg.substring(0, eq), arg.substring(eq + 1)}
                : new String[] {arg, null};
    }

    private static String next(String[] args, int i, String name) {
        if (i >= args.length) {
            throw new IllegalArgumentException(name + " needs a value");
        }
        return args[i];
    }
}
