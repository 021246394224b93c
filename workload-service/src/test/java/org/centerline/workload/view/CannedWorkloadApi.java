package org.centerline.workload.view;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.centerline.security.TestTokens;

/**
 * A stand-in for workload-service's HTTP side, for the browser test: a JDK {@link HttpServer} on a free
 * loopback port that serves the view's files from {@code src/main/resources/static/} and canned JSON,
 * shaped exactly as the service answers, for {@code GET /api/workload},
 * {@code GET /api/staffing/recommendations} and {@code POST /api/what-if}.
 *
 * <p>The numbers are one worked example. Standards: an import specialist reviews 30 points a day, an
 * entry specialist 20, a drawback specialist reviews no entry summaries (0); target utilization 85%;
 * so one import specialist covers 30 x 0.85 = 25.5 points/day and required = ceil(demand / 25.5).
 * Capacity = 30 x import + 20 x entry. ELE (300 of 220 points/day, 136%) and CPM (246 of 220, 112%) are
 * over capacity, AGR (44%) and PNG (46%) under-used. Recommended: 2 import specialists AGR -> ELE,
 * 1 IMM -> CPM, and, because total demand 1715 exceeds 85% of total capacity 2010 (1708.5), 1 hire for
 * ELE.
 *
 * <p>Every {@code GET /api/workload} adds one to each Center's "filed today", so live refreshes show
 * numbers that move. The answer carries the staffing model's settings ({@link #MODEL}); under
 * {@code /unbanded/} it carries none, as an older service did. Under {@code /broken/} the page is served as usual but every API path answers
 * {@code 503} with a problem detail, to show how the page reports a failing service. A what-if move of
 * a chapter 98/99 line answers {@code 400}, as the service does for provisions without a Center.
 *
 * <p>The API checks the bearer token as the service's rules do: reads for a director or ops, the
 * what-if for a director or admin; no token or one it does not know is {@code 401}, another role
 * {@code 403}, with the service's problem details. The tokens are real test JWTs ({@link TestTokens}),
 * so the page's "signed in as" line reads real claims. The page's own files are open.
 */
final class CannedWorkloadApi implements AutoCloseable {

    static final List<String> CENTER_CODES = List.of("PHC", "AGR", "AUT", "AFT", "BME", "PNG", "ELE", "CPM", "IMM", "MAC");

    private static final double IMPORT_STANDARD = 30;
    private static final double ENTRY_STANDARD = 20;
    private static final double PER_SPECIALIST_AT_TARGET = IMPORT_STANDARD * 0.85;

    /** One Center of the worked example (names and offices from contracts' centers.table). */
    private record Center(String code, String name, String office, double demand, int imports, int entries,
            int drawbacks, int filedToday, int filed7, int filed30, int backlog, double backlogPoints,
            long oldestSeconds, Double meanHours, int[][] chapters, int[] decided, double[] entryTypes,
            double[] flags) {

        double capacity() {
            return imports * IMPORT_STANDARD + entries * ENTRY_STANDARD;
        }
    }

    private static final List<Center> CENTERS = List.of(
            new Center("PHC", "Pharmaceuticals, Health & Chemicals", "New York", 236.0, 7, 2, 1,
                    41, 262, 1_108, 58, 81.5, 3 * 3600 + 12 * 60, 2.4,
                    new int[][] {{30, 1_420}, {29, 1_105}, {33, 610}}, new int[] {930, 61, 24, 6},
                    new double[] {0.71, 0.08, 0.09, 0.12}, new double[] {0.12, 0.03}),
            new Center("AGR", "Agriculture & Prepared Products", "Miami", 96.0, 6, 2, 1,
                    22, 131, 560, 14, 17.0, 52 * 60, 1.1,
                    new int[][] {{8, 640}, {7, 410}, {22, 260}}, new int[] {498, 12, 9, 2},
                    new double[] {0.66, 0.04, 0.05, 0.25}, new double[] {0.02, 0.04}),
            new Center("AUT", "Automotive & Aerospace", "Detroit", 188.0, 6, 1, 1,
                    35, 214, 902, 47, 66.0, 5 * 3600 + 40 * 60, 2.9,
                    new int[][] {{87, 1_980}, {88, 240}, {85, 130}}, new int[] {741, 52, 17, 3},
                    new double[] {0.78, 0.06, 0.07, 0.09}, new double[] {0.31, 0.09}),
            new Center("AFT", "Apparel, Footwear & Textiles", "San Francisco", 154.0, 5, 2, 0,
                    30, 188, 795, 33, 44.5, 2 * 3600 + 5 * 60, 1.8,
                    new int[][] {{61, 1_310}, {62, 1_240}, {64, 720}}, new int[] {690, 34, 11, 4},
                    new double[] {0.58, 0.03, 0.04, 0.35}, new double[] {0.22, 0.01}),
            new Center("BME", "Base Metals", "Chicago", 141.0, 6, 1, 1,
                    27, 170, 712, 29, 48.0, 26 * 3600 + 15 * 60, 3.6,
                    new int[][] {{73, 980}, {72, 760}, {76, 540}}, new int[] {588, 40, 14, 2},
                    new double[] {0.82, 0.05, 0.06, 0.07}, new double[] {0.38, 0.27}),
            new Center("PNG", "Petroleum, Natural Gas & Minerals", "Houston", 64.0, 4, 1, 0,
                    11, 72, 301, 6, 9.0, 20 * 60, null,
                    new int[][] {{27, 410}, {25, 120}, {26, 45}}, new int[] {262, 5, 3, 1},
                    new double[] {0.88, 0.07, 0.05, 0.0}, new double[] {0.04, 0.02}),
            new Center("ELE", "Electronics", "Los Angeles", 300.0, 6, 2, 1,
                    63, 402, 1_702, 121, 176.5, 9 * 3600 + 47 * 60, 4.3,
                    new int[][] {{85, 3_240}, {84, 1_120}, {90, 310}}, new int[] {1_344, 96, 31, 9},
                    new double[] {0.61, 0.04, 0.05, 0.30}, new double[] {0.41, 0.06}),
            new Center("CPM", "Consumer Products & Mass Merchandising", "Atlanta", 246.0, 6, 2, 1,
                    58, 351, 1_466, 96, 131.0, 7 * 3600 + 3 * 60, 3.8,
                    new int[][] {{95, 1_870}, {94, 1_530}, {96, 880}}, new int[] {1_120, 58, 27, 8},
                    new double[] {0.52, 0.03, 0.03, 0.42}, new double[] {0.29, 0.02}),
            new Center("IMM", "Industrial & Manufacturing Materials", "Buffalo", 118.0, 5, 1, 0,
                    21, 139, 590, 19, 26.0, 75 * 60, 1.6,
                    new int[][] {{39, 870}, {40, 330}, {48, 290}}, new int[] {512, 21, 8, 2},
                    new double[] {0.74, 0.05, 0.06, 0.15}, new double[] {0.17, 0.05}),
            new Center("MAC", "Machinery", "Laredo", 172.0, 6, 1, 0,
                    33, 205, 861, 38, 52.5, 4 * 3600 + 26 * 60, 2.2,
                    new int[][] {{84, 2_050}, {90, 640}, {82, 210}}, new int[] {720, 44, 15, 5},
                    new double[] {0.75, 0.09, 0.06, 0.10}, new double[] {0.26, 0.08}));

    private static final int TOTAL_FILED_30 = CENTERS.stream().mapToInt(Center::filed30).sum();

    /** Import specialists after the recommended transfers and hire (every other count is unchanged). */
    private static final Map<String, Integer> IMPORTS_AFTER = Map.of("AGR", 4, "ELE", 9, "IMM", 4, "CPM", 7);

    private static final String TRANSFERS = """
            [{"fromCenter":"AGR","toCenter":"ELE","role":"IMPORT_SPECIALIST","count":2,\
            "reason":"ELE runs at 136% of capacity (300.0 points/day against 220.0) and AGR at 44%; moving 2 import \
            specialists brings them to 107% and 60%, a spread of 61 points (ELE 107% to PNG 46%), as close to the \
            15-point band as moves of whole specialists allow without taking any Center below 4 import specialists"},\
            {"fromCenter":"IMM","toCenter":"CPM","role":"IMPORT_SPECIALIST","count":1,\
            "reason":"CPM runs at 112% of capacity (246.0 points/day against 220.0) and IMM at 69%; moving 1 import \
            specialist brings them to 98% and 84%, a spread of 61 points (ELE 107% to PNG 46%), as close to the \
            15-point band as moves of whole specialists allow without taking any Center below 4 import specialists"}]""";

    private static final String HIRES = """
            [{"centerCode":"ELE","role":"IMPORT_SPECIALIST","count":1,\
            "reason":"Total demand 1715 points/day exceeds 85% of total capacity (2010): 1 more import specialist \
            needed; ELE is the most utilized after transfers (107%); hiring 1 brings it to 97%"}]""";

    /** What a chapter-85 move takes from ELE in the worked what-if. */
    private static final double WHAT_IF_POINTS = 204.0;

    static final String DIRECTOR = TestTokens.director("ELE");
    static final String OPS = TestTokens.ops();
    static final String ADMIN = TestTokens.admin();
    static final String FILER = TestTokens.filer("ABC");
    private static final Map<String, String> ROLE_OF = Map.of(DIRECTOR, "director", OPS, "ops", ADMIN, "admin", FILER, "filer");
    private static final Set<String> READERS = Set.of("director", "ops");
    private static final Set<String> WHAT_IF_RUNNERS = Set.of("director", "admin");

    private static final Pattern TO_CENTER = Pattern.compile("\"toCenter\"\\s*:\\s*\"([A-Za-z]{3})\"");
    private static final Pattern COMPANION = Pattern.compile("\"(?:chapter|heading)\"\\s*:\\s*\"(98|99)\\d*\"");

    private final HttpServer server;
    private final ExecutorService executor;
    private final Path staticRoot;
    private final AtomicInteger workloadRequests = new AtomicInteger();
    private final AtomicReference<String> lastWhatIfBody = new AtomicReference<>();
    private final List<String> apiAuthorizations = new CopyOnWriteArrayList<>();

    private CannedWorkloadApi(Path staticRoot) throws IOException {
        this.staticRoot = staticRoot.toAbsolutePath().normalize();
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        this.executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "canned-workload-api");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
    }

    /** Starts serving the files under {@code staticRoot} and the canned API on a free loopback port. */
    static CannedWorkloadApi start(Path staticRoot) throws IOException {
        if (!Files.isRegularFile(staticRoot.resolve("index.html"))) {
            throw new IllegalStateException("No index.html under " + staticRoot.toAbsolutePath());
        }
        CannedWorkloadApi api = new CannedWorkloadApi(staticRoot);
        api.server.start();
        return api;
    }

    /** An absolute URL on this server, e.g. {@code url("/")}. */
    String url(String path) {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort() + path;
    }

    int workloadRequests() {
        return workloadRequests.get();
    }

    String lastWhatIfBody() {
        return lastWhatIfBody.get();
    }

    /** The {@code Authorization} header of every API request so far, in order ("" when there was none). */
    List<String> apiAuthorizations() {
        return List.copyOf(apiAuthorizations);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    // ---- routing ------------------------------------------------------------------------------------

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            boolean broken = path.startsWith("/broken/");
            boolean national = path.startsWith("/national/");
            boolean unbanded = path.startsWith("/unbanded/");
            String local = broken ? path.substring("/broken".length())
                    : national ? path.substring("/national".length())
                    : unbanded ? path.substring("/unbanded".length()) : path;
            String method = exchange.getRequestMethod();
            if (local.startsWith("/api/")) {
                if (!allowed(exchange, local, method)) {
                    return;
                }
                if (broken) {
                    problem(exchange, 503, "Service Unavailable", "The workload stores are rebalancing; try again shortly.");
                } else if (local.equals("/api/workload") && method.equals("GET")) {
                    json(exchange, 200, workload(workloadRequests.incrementAndGet(), national, !unbanded));
                } else if (local.equals("/api/staffing/recommendations") && method.equals("GET")) {
                    json(exchange, 200, national ? nationalRecommendations() : recommendations());
                } else if (local.equals("/api/what-if") && method.equals("POST")) {
                    whatIf(exchange);
                } else {
                    problem(exchange, 404, "Not Found", "No endpoint " + method + " " + local);
                }
            } else if (method.equals("GET") || method.equals("HEAD")) {
                file(exchange, local);
            } else {
                problem(exchange, 405, "Method Not Allowed", method + " " + local);
            }
        }
    }

    /** The service's rules: answers 401 or 403 (and returns false) unless the token's role may make this call. */
    private boolean allowed(HttpExchange exchange, String path, String method) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        apiAuthorizations.add(authorization == null ? "" : authorization);
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
            problem(exchange, 401, "Authentication required", "This path needs a bearer token (Authorization: Bearer <JWT>).");
            return false;
        }
        String role = ROLE_OF.get(authorization.substring("Bearer ".length()));
        if (role == null) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            problem(exchange, 401, "Authentication required",
                    "The bearer token was not accepted (bad signature, wrong issuer or audience, or expired).");
            return false;
        }
        boolean whatIf = path.equals("/api/what-if") && method.equals("POST");
        if (!(whatIf ? WHAT_IF_RUNNERS : READERS).contains(role)) {
            problem(exchange, 403, "Forbidden", "Your role does not allow this request.");
            return false;
        }
        return true;
    }

    private void file(HttpExchange exchange, String path) throws IOException {
        String name = path.equals("/") || path.isEmpty() ? "index.html" : path.substring(1);
        Path file = staticRoot.resolve(name).normalize();
        if (!file.startsWith(staticRoot) || !Files.isRegularFile(file)) {
            send(exchange, 404, "text/plain; charset=utf-8", ("Not found: " + path).getBytes(StandardCharsets.UTF_8));
            return;
        }
        send(exchange, 200, contentType(file.getFileName().toString()), Files.readAllBytes(file));
    }

    private static String contentType(String name) {
        if (name.endsWith(".html")) {
            return "text/html; charset=utf-8";
        }
        if (name.endsWith(".css")) {
            return "text/css; charset=utf-8";
        }
        if (name.endsWith(".js")) {
            return "text/javascript; charset=utf-8";
        }
        if (name.endsWith(".svg")) {
            return "image/svg+xml";
        }
        if (name.endsWith(".png")) {
            return "image/png";
        }
        return "application/octet-stream";
    }

    private void whatIf(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        lastWhatIfBody.set(body);
        if (COMPANION.matcher(body).find()) {
            problem(exchange, 400, "Bad Request",
                    "Chapter 98 and 99 lines have no Center of their own: they count for their companion line's Center.");
            return;
        }
        Matcher to = TO_CENTER.matcher(body);
        if (!body.contains("\"moves\"") || !to.find()) {
            problem(exchange, 400, "Bad Request", "A what-if needs at least one move with a chapter or heading and a toCenter.");
            return;
        }
        json(exchange, 200, whatIfAnswer(to.group(1).toUpperCase(Locale.ROOT)));
    }

    // ---- canned JSON (shapes as the service writes them, nulls omitted) --------------------------------

    /**
     * The worked example at national numbers (under {@code /national/}): demand x 5,000 (seven digits), rosters
     * x 100, counts x 1,000, so utilization runs to four digits (ELE 6,818 %).
     */
    private static Center national(Center c) {
        return new Center(c.code(), c.name(), c.office(), c.demand() * 5_000, c.imports() * 100, c.entries() * 100,
                c.drawbacks() * 100, c.filedToday() * 1_000, c.filed7() * 1_000, c.filed30() * 1_000, c.backlog() * 1_000,
                c.backlogPoints() * 1_000, c.oldestSeconds() * 30, c.meanHours(), c.chapters(), c.decided(), c.entryTypes(),
                c.flags());
    }

    /** Every Center over capacity: hires first (one per Center into the band), then no transfers. */
    private static String nationalRecommendations() {
        List<String> before = new ArrayList<>();
        List<String> after = new ArrayList<>();
        List<String> hires = new ArrayList<>();
        for (Center plain : sortedByCode()) {
            Center c = national(plain);
            before.add(staffing(c.code(), c.demand(), c.imports(), c.entries()));
            int hire = (int) Math.ceil((c.demand() - c.capacity()) / IMPORT_STANDARD);
            after.add(staffing(c.code(), c.demand(), c.imports() + hire, c.entries()));
            hires.add(String.format(Locale.ROOT, "{\"centerCode\":\"%s\",\"role\":\"IMPORT_SPECIALIST\",\"count\":%d,"
                    + "\"reason\":\"Every Center runs over its capacity, so no Center can spare a specialist; %s runs at "
                    + "%,d%% (%,.1f points/day against %,.1f): hiring %,d import specialists brings it to 100%%, within the band "
                    + "(at most 100%%)\"}", c.code(), hire, c.code(), Math.round(c.demand() / c.capacity() * 100), c.demand(),
                    c.capacity(), hire));
        }
        return "{\"transfers\":[],\"hires\":[" + String.join(",", hires) + "],\"before\":[" + String.join(",", before)
                + "],\"after\":[" + String.join(",", after) + "],\"hiresFirst\":true}";
    }

    /** The commodity lines band: a Center's share of the headings should be 5-15 %. */
    private static final double MIN_LINE_SHARE = 0.05;
    private static final double MAX_LINE_SHARE = 0.15;

    /** The staffing model's settings, as the service reports them in {@code GET /api/workload}. */
    static final String MODEL = "{\"targetUtilization\":0.85,\"band\":0.15,\"demandWindow\":\"30d\","
            + "\"commodityLinesBand\":{\"minShare\":" + MIN_LINE_SHARE + ",\"maxShare\":" + MAX_LINE_SHARE + "}}";

    private static String workload(int request, boolean national, boolean withModel) {
        StringBuilder json = new StringBuilder("{\"asOf\":\"2026-11-23T05:00:00Z\",\"demandWindow\":\"PT720H\","
                + "\"workloadModelVersion\":\"2026.11-1\"," + (withModel ? "\"model\":" + MODEL + "," : "") + "\"centers\":[");
        for (int i = 0; i < CENTERS.size(); i++) {
            Center c = national ? national(CENTERS.get(i)) : CENTERS.get(i);
            int more = request - 1;
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("centerCode", c.code());
            report.put("name", c.name());
            report.put("office", c.office());
            report.put("filedToday", c.filedToday() + more);
            report.put("filedLast7Days", c.filed7() + more);
            report.put("filedLast30Days", c.filed30() + more);
            report.put("backlog", c.backlog());
            report.put("backlogPoints", c.backlogPoints());
            report.put("oldestOpenAgeSeconds", c.oldestSeconds() + 5L * more);
            report.put("decided", raw(String.format(Locale.ROOT,
                    "{\"ACCEPTED\":%d,\"CF29_ISSUED\":%d,\"REJECTED_TO_FILER\":%d,\"WITHDRAWN\":%d}",
                    c.decided()[0], c.decided()[1], c.decided()[2], c.decided()[3])));
            if (c.meanHours() != null) {
                report.put("meanHoursToDecision", c.meanHours());
            }
            List<String> chapters = new ArrayList<>();
            for (int[] chapter : c.chapters()) {
                chapters.add("{\"chapter\":" + chapter[0] + ",\"lines\":" + chapter[1] + "}");
            }
            report.put("topChapters", raw("[" + String.join(",", chapters) + "]"));
            report.put("entryTypeShare", raw(String.format(Locale.ROOT, "{\"01\":%s,\"03\":%s,\"11\":%s,\"86\":%s}",
                    c.entryTypes()[0], c.entryTypes()[1], c.entryTypes()[2], c.entryTypes()[3])));
            report.put("flagShare", raw(String.format(Locale.ROOT, "{\"SECTION_301\":%s,\"ADCVD\":%s}", c.flags()[0], c.flags()[1])));
            report.put("demandPointsPerDay", c.demand());
            report.put("specialists", raw(String.format(Locale.ROOT,
                    "{\"IMPORT_SPECIALIST\":%d,\"ENTRY_SPECIALIST\":%d,\"DRAWBACK_SPECIALIST\":%d}",
                    c.imports(), c.entries(), c.drawbacks())));
            report.put("capacityPointsPerDay", c.capacity());
            if (c.capacity() > 0) {
                report.put("utilization", c.demand() / c.capacity());
            }
            report.put("requiredSpecialists", required(c.demand()));
            if (withModel) {
                // Shares: lines as each Center's 30-day filings of all Centers'; headings 0.9 x that + 1 % (ELE 18 %, CPM 16 %: above; PNG 4 %: below).
                double lineShare = (double) CENTERS.get(i).filed30() / TOTAL_FILED_30;
                report.put("lineShare", lineShare);
                double headingShare = Math.round(lineShare * 90) / 100.0 + 0.01;
                report.put("headingShare", headingShare);
                // The service judges the heading share against the band.
                report.put("commodityLines", headingShare < MIN_LINE_SHARE ? "BELOW" : headingShare > MAX_LINE_SHARE ? "ABOVE" : "WITHIN");
            }
            json.append(i == 0 ? "" : ",").append(object(report));
        }
        return json.append("]}").toString();
    }

    private static String recommendations() {
        List<String> before = new ArrayList<>();
        List<String> after = new ArrayList<>();
        for (Center c : sortedByCode()) {
            before.add(staffing(c.code(), c.demand(), c.imports(), c.entries()));
            after.add(staffing(c.code(), c.demand(), IMPORTS_AFTER.getOrDefault(c.code(), c.imports()), c.entries()));
        }
        return "{\"transfers\":" + TRANSFERS + ",\"hires\":" + HIRES
                + ",\"before\":[" + String.join(",", before) + "],\"after\":[" + String.join(",", after) + "]}";
    }

    /** Moves {@link #WHAT_IF_POINTS} of ELE's demand to {@code toCenter}; every other Center is unchanged. */
    private static String whatIfAnswer(String toCenter) {
        List<String> centers = new ArrayList<>();
        for (Center c : sortedByCode()) {
            double afterDemand = c.demand();
            if (!toCenter.equals("ELE")) {
                if (c.code().equals("ELE")) {
                    afterDemand -= WHAT_IF_POINTS;
                } else if (c.code().equals(toCenter)) {
                    afterDemand += WHAT_IF_POINTS;
                }
            }
            centers.add("{\"centerCode\":\"" + c.code() + "\",\"before\":" + staffing(c.code(), c.demand(), c.imports(), c.entries())
                    + ",\"after\":" + staffing(c.code(), afterDemand, c.imports(), c.entries()) + "}");
        }
        int moved = toCenter.equals("ELE") ? 0 : 1_310;
        return "{\"proposedTableVersion\":\"2026.11-1+what-if\",\"entriesReplayed\":9186,\"entriesMoved\":" + moved
                + ",\"centers\":[" + String.join(",", centers) + "]}";
    }

    private static String staffing(String code, double demand, int imports, int entries) {
        double capacity = imports * IMPORT_STANDARD + entries * ENTRY_STANDARD;
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("centerCode", code);
        s.put("demandPointsPerDay", demand);
        s.put("capacityPointsPerDay", capacity);
        if (capacity > 0) {
            s.put("utilization", demand / capacity);
        }
        s.put("specialists", imports + entries);
        s.put("requiredSpecialists", required(demand));
        return object(s);
    }

    private static int required(double demand) {
        return (int) Math.ceil(demand / PER_SPECIALIST_AT_TARGET - 1e-9);
    }

    private static List<Center> sortedByCode() {
        return CENTERS.stream().sorted((a, b) -> a.code().compareTo(b.code())).toList();
    }

    private record Raw(String json) {
    }

    private static Raw raw(String json) {
        return new Raw(json);
    }

    private static String object(Map<String, Object> fields) {
        StringBuilder json = new StringBuilder("{");
        fields.forEach((name, value) -> {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append('"').append(name).append("\":");
            if (value instanceof Raw r) {
                json.append(r.json());
            } else if (value instanceof String s) {
                json.append('"').append(s.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            } else {
                json.append(value);
            }
        });
        return json.append('}').toString();
    }

    // ---- HTTP ---------------------------------------------------------------------------------------

    private static void json(HttpExchange exchange, int status, String body) throws IOException {
        send(exchange, status, "application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    private static void problem(HttpExchange exchange, int status, String title, String detail) throws IOException {
        String body = "{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + detail.replace("\"", "\\\"") + "\",\"instance\":\"" + exchange.getRequestURI().getPath() + "\"}";
        send(exchange, status, "application/problem+json", body.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : (body.length == 0 ? -1 : body.length));
        if (!head && body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
