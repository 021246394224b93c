package org.centerline.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.centerline.contracts.center.Center;
import org.centerline.contracts.center.Centers;
import org.centerline.contracts.json.CenterlineJson;
import org.centerline.contracts.sample.FilingGenerator;
import org.centerline.contracts.sample.FilingGenerator.Filing;
import org.centerline.contracts.topic.Topics;
import org.centerline.stackprocess.ServiceJvm;
import org.centerline.stackprocess.Sleep;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

/**
 * Issue 7, stateful services restarted: center-service and workload-service (Kafka Streams, exactly-once) killed with
 * SIGKILL while filings are being routed and after specialists have decided some, then started again. Each Center's
 * queue and workload counters must come out exactly as the filings and decisions sent make them, as if nothing had
 * happened: nothing counted twice, nothing lost.
 */
class StatefulServicesRestartFaultIT {

    static final int BEFORE_PER_CENTER = 40;
    static final int DURING_PER_CENTER = 80;
    static final int FILED_PER_SECOND = 200;
    /** Killed once this many of the second batch are sent. */
    static final int KILL_AFTER = 200;
    static final Duration SETTLE = Duration.ofSeconds(240);

    private final Measurements m = new Measurements("center and workload restart");
    private final List<String> codes = Centers.all().stream().map(Center::code).toList();
    /** Center -> entry numbers filed for it. */
    private final Map<String, List<String>> filed = new LinkedHashMap<>();
    /** Center -> entry number -> the closing status its decision gave. */
    private final Map<String, Map<String, String>> decided = new HashMap<>();

    @Test
    @Timeout(value = 600, unit = TimeUnit.SECONDS)
    void queuesAndCountersComeOutAsIfNothingHappened() {
        FilingGenerator generator = new FilingGenerator(7_501_005, 0.0, 0.0, LocalDate.of(2026, 11, 20));
        List<Filing> before = filingsFor(generator, BEFORE_PER_CENTER);
        List<Filing> during = filingsFor(generator, DURING_PER_CENTER);
        try (FaultStack stack = FaultStack.start("center-workload-restart"); CommittedLog log = new CommittedLog(stack.bootstrap())) {
            Tokens tokens = stack.tokens();
            ServiceJvm routing = stack.launch("routing-service");
            // A restarted center-service works off the filings that arrived while it was down before the first
            // claim's command (Streams processes a task's inputs in timestamp order): on a loaded 2-core CI machine
            // that takes longer than the 10 s a claim waits for its outcome by default (measured: a 504 once).
            ServiceJvm center = stack.launch("center-service", "--centerline.center.seed-roster=true",
                    "--centerline.center.command-timeout=60s");
            ServiceJvm workload = stack.launch("workload-service");
            for (ServiceJvm s : List.of(routing, center, workload)) {
                s.awaitReady(FaultStack.READY_TIMEOUT);
            }

            Filer.fileAll(stack.bootstrap(), "before-restart", before, Duration.ofSeconds(60));
            Await.untilMatches("queues before the restart", SETTLE, Duration.ofMillis(500), Duration.ZERO,
                    () -> queueDifference(center, tokens, BEFORE_PER_CENTER));
            for (String code : codes) {
                decide(center, tokens, code, "ACCEPT", "ACCEPTED");
                decide(center, tokens, code, "REJECT", "REJECTED_TO_FILER");
            }

            long t0 = System.nanoTime();
            Filer filer = Filer.start(stack.bootstrap(), "during-restart", during, FILED_PER_SECOND);
            while (filer.sent() < KILL_AFTER) {
                Sleep.millis(20);
            }
            center.kill();
            workload.kill();
            m.say("kill -9 of center-service and workload-service after %d of %d filings of the second batch", filer.sent(),
                    during.size());
            long restart = System.nanoTime();
            center.restart();
            workload.restart();
            center.awaitReady(FaultStack.READY_TIMEOUT);
            workload.awaitReady(FaultStack.READY_TIMEOUT);
            m.say("both ready again %.1f s after the kill", Measurements.seconds(restart));
            for (String code : codes) {
                decide(center, tokens, code, "ACCEPT", "ACCEPTED");
            }
            filer.await(Duration.ofSeconds(120));
            log.awaitRouted(RoutingCrashFaultIT.GROUP, before.size() + during.size(), SETTLE);

            Map<String, Double> openPoints = openPoints(log);
            Await.untilMatches("queues after the restart", SETTLE, Duration.ofMillis(500), Duration.ofSeconds(3),
                    () -> queueDifference(center, tokens, BEFORE_PER_CENTER + DURING_PER_CENTER));
            Await.untilMatches("workload counters after the restart", SETTLE, Duration.ofMillis(500), Duration.ofSeconds(3),
                    () -> workloadDifference(workload, tokens.ops(), BEFORE_PER_CENTER + DURING_PER_CENTER, openPoints));
            m.say("queues and counters as expected %.1f s after the restart: %d Centers, %d filed each, %d decided each",
                    Measurements.seconds(restart), codes.size(), BEFORE_PER_CENTER + DURING_PER_CENTER,
                    decided.get(codes.get(0)).size());

            assertStatusEventsOnce(log);
            m.say("peak RSS: center-service %s, workload-service %s (after the restart)",
                    Measurements.mib(center.jvm().peakRssBytes()), Measurements.mib(workload.jvm().peakRssBytes()));
        }
    }


    /**
     * Issue 14: two instances of center-service and of workload-service. Either instance answers every Center's queue
     * page, the workload report and the what-if, the same; commands sent to either are applied once; one instance of
     * each is killed with SIGKILL mid-run and the other serves every Center (its standby copies take over) with the
     * queues and counters a run without the kill gives; the killed ones come back and answer the same again.
     */
    @Test
    @Timeout(value = 900, unit = TimeUnit.SECONDS)
    void twoInstancesAnswerTheSameAndTheSurvivorOfAKillServesEveryCenter() {
        FilingGenerator generator = new FilingGenerator(7_501_014, 0.0, 0.0, LocalDate.of(2026, 11, 20));
        List<Filing> before = filingsFor(generator, BEFORE_PER_CENTER);
        List<Filing> during = filingsFor(generator, DURING_PER_CENTER);
        try (FaultStack stack = FaultStack.start("two-stateful"); CommittedLog log = new CommittedLog(stack.bootstrap())) {
            Tokens tokens = stack.tokens();
            ServiceJvm routing = stack.launch("routing-service");
            String[] centerArgs = {"--centerline.center.seed-roster=true", "--centerline.center.command-timeout=60s"};
            ServiceJvm centerA = stack.launch("center-service", centerArgs);
            ServiceJvm workloadA = stack.launch("workload-service");
            for (ServiceJvm s : List.of(routing, centerA, workloadA)) {
                s.awaitReady(FaultStack.READY_TIMEOUT);
            }
            // The second instances join a running group (as a scale-out does), and five JVMs do not start at once on
            // two cores.
            ServiceJvm centerB = stack.launch("center-service", centerArgs);
            ServiceJvm workloadB = stack.launch("workload-service");
            for (ServiceJvm s : List.of(centerB, workloadB)) {
                s.awaitReady(FaultStack.READY_TIMEOUT);
            }

            Filer.fileAll(stack.bootstrap(), "before-kill", before, Duration.ofSeconds(60));
            for (ServiceJvm center : List.of(centerA, centerB)) {
                Await.untilMatches("queues before the kill from " + center.name(), SETTLE, Duration.ofMillis(500), Duration.ZERO,
                        () -> queueDifference(center, tokens, BEFORE_PER_CENTER));
            }
            // Commands through either instance: each is applied once, by the task that owns the Center.
            for (String code : codes) {
                decide(centerA, tokens, code, "ACCEPT", "ACCEPTED");
                decide(centerB, tokens, code, "REJECT", "REJECTED_TO_FILER");
            }
            Map<String, Double> openBefore = openPoints(log);
            for (ServiceJvm workload : List.of(workloadA, workloadB)) {
                Await.untilMatches("workload counters before the kill from " + workload.name(), SETTLE, Duration.ofMillis(500),
                        Duration.ZERO, () -> workloadDifference(workload, tokens.ops(), BEFORE_PER_CENTER, openBefore));
            }
            Await.untilMatches("the same answers from both instances", Duration.ofSeconds(60), Duration.ofMillis(500),
                    Duration.ZERO, () -> answersDiffer(List.of(centerA, centerB), List.of(workloadA, workloadB), tokens));
            m.say("two instances each: the same queue pages, workload report and what-if from both");

            Filer filer = Filer.start(stack.bootstrap(), "during-kill", during, FILED_PER_SECOND);
            while (filer.sent() < KILL_AFTER) {
                Sleep.millis(20);
            }
            centerA.kill();
            workloadA.kill();
            long kill = System.nanoTime();
            m.say("kill -9 of %s and %s after %d of %d filings of the second batch", centerA.name(), workloadA.name(),
                    filer.sent(), during.size());
            Await.untilMatches("every Center served by " + centerB.name() + " and " + workloadB.name(), SETTLE,
                    Duration.ofMillis(250), Duration.ZERO, () -> servedDifference(centerB, workloadB, tokens));
            double failover = Measurements.seconds(kill);
            m.say("every Center's queue and the workload report answered by the survivors %.1f s after the kill (target 30 s)",
                    failover);
            for (String code : codes) {
                decide(centerB, tokens, code, "ACCEPT", "ACCEPTED");
            }
            filer.await(Duration.ofSeconds(120));
            log.awaitRouted(RoutingCrashFaultIT.GROUP, before.size() + during.size(), SETTLE);
            Map<String, Double> openPoints = openPoints(log);
            int filedEach = BEFORE_PER_CENTER + DURING_PER_CENTER;
            Await.untilMatches("queues on the survivor", SETTLE, Duration.ofMillis(500), Duration.ofSeconds(3),
                    () -> queueDifference(centerB, tokens, filedEach));
            Await.untilMatches("workload counters on the survivor", SETTLE, Duration.ofMillis(500), Duration.ofSeconds(3),
                    () -> workloadDifference(workloadB, tokens.ops(), filedEach, openPoints));
            m.say("queues and counters on the survivors as without the kill %.1f s after it", Measurements.seconds(kill));

            centerA.restart();
            workloadA.restart();
            centerA.awaitReady(FaultStack.READY_TIMEOUT);
            workloadA.awaitReady(FaultStack.READY_TIMEOUT);
            Await.untilMatches("queues on the restarted instance", SETTLE, Duration.ofMillis(500), Duration.ZERO,
                    () -> queueDifference(centerA, tokens, filedEach));
            Await.untilMatches("workload counters on the restarted instance", SETTLE, Duration.ofMillis(500), Duration.ZERO,
                    () -> workloadDifference(workloadA, tokens.ops(), filedEach, openPoints));
            Await.untilMatches("the same answers from both instances after the restart", Duration.ofSeconds(60),
                    Duration.ofMillis(500), Duration.ZERO,
                    () -> answersDiffer(List.of(centerA, centerB), List.of(workloadA, workloadB), tokens));
            m.say("killed instances back: both answer the same again %.1f s after the kill", Measurements.seconds(kill));
            assertStatusEventsOnce(log);
        }
    }

    /** Every filed entry QUEUED exactly once, every decision's closing status published exactly once (read committed). */
    private void assertStatusEventsOnce(CommittedLog log) {
        Map<String, Map<String, Integer>> statuses = statusCounts(log);
        List<String> problems = new ArrayList<>();
        filed.values().forEach(entries -> entries.forEach(e -> {
            Map<String, Integer> s = statuses.getOrDefault(e, Map.of());
            if (s.getOrDefault("QUEUED", 0) != 1) {
                problems.add(e + " QUEUED " + s.getOrDefault("QUEUED", 0) + " times");
            }
        }));
        decided.values().forEach(d -> d.forEach((e, status) -> {
            if (statuses.getOrDefault(e, Map.of()).getOrDefault(status, 0) != 1) {
                problems.add(e + " " + status + " " + statuses.getOrDefault(e, Map.of()).getOrDefault(status, 0) + " times");
            }
        }));
        m.say("status events: %d entries, %d problems %s", statuses.size(), problems.size(),
                problems.subList(0, Math.min(5, problems.size())));
        assertThat(problems).as("status events published exactly once").isEmpty();
    }

    /** {@code perCenter} valid filings for each Center (all lines in its sector, so it is their Center), interleaved. */
    private List<Filing> filingsFor(FilingGenerator generator, int perCenter) {
        List<Filing> filings = new ArrayList<>();
        for (int i = 0; i < perCenter; i++) {
            for (String code : codes) {
                Filing f = generator.validFor(code);
                filed.computeIfAbsent(code, c -> new ArrayList<>()).add(f.key());
                filings.add(f);
            }
        }
        return filings;
    }

    /** Claims the first open item nobody has decided yet as the Center's first import specialist, and decides it. */
    private void decide(ServiceJvm center, Tokens tokens, String code, String action, String closingStatus) {
        String specialist = code.toLowerCase(Locale.ROOT) + "-is-01";
        String token = tokens.centerStaff(code, specialist);
        Map<String, String> done = decided.computeIfAbsent(code, c -> new HashMap<>());
        JsonNode queue = CenterlineJson.mapper().readTree(okBody(center, "GET", "/api/centers/" + code + "/queue?size=20", token, null));
        String entry = null;
        for (JsonNode item : queue.path("items")) {
            if (!done.containsKey(item.path("entryNumber").asString())) {
                entry = item.path("entryNumber").asString();
                break;
            }
        }
        assertThat(entry).as("an undecided item in " + code + "'s queue: " + queue).isNotNull();
        String base = "/api/centers/" + code + "/entries/" + entry;
        okBody(center, "POST", base + "/claim", token, "{\"specialistId\":\"" + specialist + "\"}");
        okBody(center, "POST", base + "/decision", token,
                "{\"action\":\"" + action + "\",\"specialistId\":\"" + specialist + "\",\"reason\":\"fault tests\"}");
        done.put(entry, closingStatus);
    }

    /** Null when every Center's open queue holds {@code filedEach} less what was decided; else the first difference. */
    private String queueDifference(ServiceJvm center, Tokens tokens, int filedEach) {
        for (String code : codes) {
            int expected = filedEach - decided.getOrDefault(code, Map.of()).size();
            ServiceJvm.Answer a = center.get("/api/centers/" + code + "/queue?size=1", tokens.centerStaff(code, "fault-tests"));
            if (a.status() != 200) {
                return code + " queue answered " + a.status();
            }
            int total = CenterlineJson.mapper().readTree(a.body()).path("total").asInt(-1);
            if (total != expected) {
                return code + " queue holds " + total + ", expected " + expected;
            }
        }
        return null;
    }

    /** Null when {@code center} answers every Center's queue and {@code workload} the report; else what did not answer. */
    private String servedDifference(ServiceJvm center, ServiceJvm workload, Tokens tokens) {
        for (String code : codes) {
            ServiceJvm.Answer a = center.get("/api/centers/" + code + "/queue?size=1", tokens.centerStaff(code, "fault-tests"));
            if (a.status() != 200) {
                return code + " queue answered " + a.status();
            }
        }
        ServiceJvm.Answer w = workload.get("/api/workload", tokens.ops());
        return w.status() == 200 ? null : "/api/workload answered " + w.status();
    }

    /**
     * Null when both center-service instances give the same first queue page of every Center, and both workload-service
     * instances the same workload report (its Centers; the time of the answer aside) and the same what-if; else the
     * first difference.
     */
    private String answersDiffer(List<ServiceJvm> centers, List<ServiceJvm> workloads, Tokens tokens) {
        for (String code : codes) {
            String token = tokens.centerStaff(code, "fault-tests");
            String path = "/api/centers/" + code + "/queue?size=20";
            String first = okBody(centers.get(0), "GET", path, token, null);
            String second = okBody(centers.get(1), "GET", path, token, null);
            if (!CenterlineJson.mapper().readTree(first).equals(CenterlineJson.mapper().readTree(second))) {
                return code + " queue page differs: " + first + " vs " + second;
            }
        }
        JsonNode reportA = CenterlineJson.mapper().readTree(okBody(workloads.get(0), "GET", "/api/workload", tokens.ops(), null));
        JsonNode reportB = CenterlineJson.mapper().readTree(okBody(workloads.get(1), "GET", "/api/workload", tokens.ops(), null));
        if (!withoutAges(reportA).equals(withoutAges(reportB))) {
            return "workload reports differ: " + withoutAges(reportA) + " vs " + withoutAges(reportB);
        }
        String director = tokens.centerStaff("ELE", "fault-tests");
        String proposal = "{\"moves\":[{\"chapter\":\"85\",\"toCenter\":\"MAC\"}]}";
        String whatIfA = okBody(workloads.get(0), "POST", "/api/what-if", director, proposal);
        String whatIfB = okBody(workloads.get(1), "POST", "/api/what-if", director, proposal);
        if (!CenterlineJson.mapper().readTree(whatIfA).equals(CenterlineJson.mapper().readTree(whatIfB))) {
            return "what-if answers differ: " + whatIfA + " vs " + whatIfB;
        }
        return null;
    }

    /** The report's Centers without {@code oldestOpenAgeSeconds}, which grows between two calls. */
    private static JsonNode withoutAges(JsonNode report) {
        JsonNode centers = report.path("centers").deepCopy();
        centers.forEach(c -> ((tools.jackson.databind.node.ObjectNode) c).remove("oldestOpenAgeSeconds"));
        return centers;
    }

    /** Null when workload-service's counters are what the filings and decisions make them; else the first difference. */
    private String workloadDifference(ServiceJvm workload, String ops, int filedEach, Map<String, Double> openPoints) {
        ServiceJvm.Answer a = workload.get("/api/workload", ops);
        if (a.status() != 200) {
            return "/api/workload answered " + a.status() + " " + a.body();
        }
        Map<String, JsonNode> byCenter = new HashMap<>();
        CenterlineJson.mapper().readTree(a.body()).path("centers").forEach(c -> byCenter.put(c.path("centerCode").asString(), c));
        for (String code : codes) {
            JsonNode c = byCenter.get(code);
            if (c == null) {
                return code + " missing from /api/workload";
            }
            Map<String, Integer> decisions = new TreeMap<>();
            decided.getOrDefault(code, Map.of()).values().forEach(s -> decisions.merge(s, 1, Integer::sum));
            Map<String, Integer> reported = new TreeMap<>();
            c.path("decided").propertyNames().forEach(k -> reported.put(k, c.path("decided").path(k).asInt()));
            int backlog = filedEach - decided.getOrDefault(code, Map.of()).size();
            if (c.path("filedLast7Days").asInt() != filedEach || c.path("backlog").asInt() != backlog
                    || Math.abs(c.path("backlogPoints").asDouble() - openPoints.getOrDefault(code, 0.0)) > 0.011
                    || !reported.equals(decisions)) {
                return String.format(Locale.ROOT, "%s: filed %d (expected %d), backlog %d (%d), points %.2f (%.2f), decided %s (%s)",
                        code, c.path("filedLast7Days").asInt(), filedEach, c.path("backlog").asInt(), backlog,
                        c.path("backlogPoints").asDouble(), openPoints.getOrDefault(code, 0.0), reported, decisions);
            }
        }
        return null;
    }

    /** Workload points of the entries still open, per Center, from routing's decisions. */
    private Map<String, Double> openPoints(CommittedLog log) {
        Map<String, Double> points = new HashMap<>();
        log.readAll(List.of(Topics.ROUTED.name()), (r, key) -> {
            JsonNode d = CenterlineJson.mapper().readTree(r.value());
            String code = d.path("centerCode").asString();
            if (!decided.getOrDefault(code, Map.of()).containsKey(key)) {
                points.merge(code, d.path("workloadPoints").asDouble(), Double::sum);
            }
        });
        return points;
    }

    /** Entry number -> status -> how many status events say so (read committed). */
    private static Map<String, Map<String, Integer>> statusCounts(CommittedLog log) {
        Map<String, Map<String, Integer>> counts = new HashMap<>();
        log.readAll(List.of(Topics.STATUS.name()), (r, key) -> counts.computeIfAbsent(key, k -> new HashMap<>())
                .merge(CenterlineJson.mapper().readTree(r.value()).path("status").asString(), 1, Integer::sum));
        return counts;
    }

    /** The body of a 2xx answer, retrying while the service answers 503 (stores loading) or not at all. */
    private static String okBody(ServiceJvm service, String method, String path, String token, String body) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            ServiceJvm.Answer a = service.send(method, path, token, body);
            if (a.ok()) {
                return a.body();
            }
            if ((a.status() != 503 && a.status() != 0) || System.nanoTime() > deadline) {
                throw new AssertionError(method + " " + path + " answered " + a.status() + ": " + a.body());
            }
            Sleep.millis(250);
        }
    }
}
