package org.centerline.bench.soak;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.centerline.bench.BenchWorkspace;
import org.centerline.contracts.center.Centers;
import org.centerline.contracts.json.CenterlineJson;
import org.centerline.contracts.sample.FilingGenerator;
import org.centerline.contracts.topic.Topics;
import org.centerline.security.Role;
import org.centerline.security.TokenIssuer;
import org.centerline.stackprocess.FreePort;
import org.centerline.stackprocess.KafkaClients;
import org.centerline.stackprocess.Launcher;
import org.centerline.stackprocess.LocalStackBroker;
import org.centerline.stackprocess.ServiceCatalog;
import org.centerline.stackprocess.ServiceJvm;
import org.centerline.stackprocess.ServiceSpec;

/**
 * The soak run of issues 13, 14 and 15: the whole stack (the local stack's broker and the four services, started by
 * stack-process's {@link Launcher}, no simulator), N filings published with a raw producer, memory at checkpoints, then
 * the questions people ask of a stack holding a week of history, each timed. Every step is tolerant: a missing
 * endpoint or a failure is reported in the table, never ends the run.
 */
public final class Soak {

    static final Duration READY = Duration.ofSeconds(Long.getLong("centerline.soak.ready-seconds", 900));
    static final Duration DRAIN = Duration.ofMinutes(15);
    static final String FIRST_CENTER = "ELE";
    static final String REFILE_CENTER = "MAC";

    private final SoakOptions o;
    private final BenchWorkspace ws;
    private final Path dir;
    private final SoakReport report;
    private TokenIssuer issuer;
    private LocalStackBroker broker;
    private Launcher launcher;
    private final Map<String, List<ServiceJvm>> services = new LinkedHashMap<>();

    Soak(SoakOptions o, BenchWorkspace ws) {
        this.o = o;
        this.ws = ws;
        this.dir = ws.targetDir().resolve("soak");
        this.report = new SoakReport(o);
    }

    public static void main(String[] args) {
        SoakOptions o;
        try {
            o = SoakOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("soak: " + e.getMessage());
            System.err.println(SoakOptions.USAGE);
            System.exit(2);
            return;
        }
        if (o.help()) {
            System.out.println(SoakOptions.USAGE);
            return;
        }
        BenchWorkspace ws = BenchWorkspace.detect();
        Soak soak = new Soak(o, ws);
        int code = 0;
        try {
            soak.run();
        } catch (RuntimeException e) {
            soak.report.note("the run ended early: " + e);
            e.printStackTrace();
            code = 1;
        } finally {
            soak.stop();
        }
        String md = soak.report.markdown();
        System.out.println(md);
        Path file = ws.targetDir().resolve("soak-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC)
                .format(Instant.now()) + ".md");
        try {
            Files.writeString(file, md, StandardCharsets.UTF_8);
            System.out.println("written: " + file);
        } catch (IOException e) {
            System.err.println("soak: cannot write " + file + ": " + e);
        }
        System.exit(code);
    }

    void run() {
        Path localStackJar = ws.localStackJar();
        Path servicesDir = ws.repoRoot().resolve("local-stack/target/services");
        if (!Files.isRegularFile(localStackJar) || !Files.isDirectory(servicesDir)) {
            throw new IllegalStateException(localStackJar + " or " + servicesDir
                    + " missing; build with ./mvnw -q -pl bench,local-stack -am package -DskipTests");
        }
        deleteRecursively(dir);
        try {
            issuer = TokenIssuer.inDirectory(dir.resolve("security"));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot create the soak's token key: " + e, e);
        }
        long t0 = System.nanoTime();
        broker = LocalStackBroker.start(localStackJar, dir.resolve("logs/local-stack.log"));
        say("broker up at %s in %.1f s", broker.bootstrapServers(), secs(t0));
        launcher = new Launcher(Launcher.jarsIn(servicesDir), dir, broker.bootstrapServers(),
                dir.resolve("security").resolve(TokenIssuer.PUBLIC_KEY_FILE), List.of("--server.address=127.0.0.1"));
        long t1 = System.nanoTime();
        List<ServiceJvm> all = new ArrayList<>();
        for (ServiceSpec spec : ServiceCatalog.all()) {
            for (int i = 0; i < o.instances(); i++) {
                ServiceJvm jvm = launcher.launch(spec, i, FreePort.pick(), List.of());
                services.computeIfAbsent(spec.name(), k -> new ArrayList<>()).add(jvm);
                all.add(jvm);
            }
        }
        for (ServiceJvm jvm : all) {
            jvm.awaitReady(READY);
        }
        report.fact("start-up of the empty stack (all services ready)", String.format(Locale.ROOT, "%.1f s", secs(t1)));
        say("%d service instances ready in %.1f s (logs in %s)", all.size(), secs(t1), dir.resolve("logs"));
        report.memory("start", memoryOfAll());

        Publisher publisher = new Publisher(broker.bootstrapServers(), o.seed());
        SoakState state = publish(publisher);
        probes(state, publisher);
        report.topics(TopicSizes.measure(broker.bootstrapServers()));
        publisher.close();
    }

    /** Publishes the filings, the first one valid for {@value #FIRST_CENTER}, with memory at each checkpoint. */
    private SoakState publish(Publisher publisher) {
        SoakState state = new SoakState();
        FilingGenerator.Filing first = publisher.generator().validFor(FIRST_CENTER);
        state.firstEntry = first.key();
        publisher.send(first);
        long sent = 1;
        long tPublish = System.nanoTime();
        while (sent < o.records()) {
            long next = Math.min(o.records(), (sent / o.checkpoint() + 1) * o.checkpoint());
            long t = System.nanoTime();
            while (sent < next) {
                publisher.send(publisher.generator().next());
                sent++;
            }
            publisher.flush();
            say("published %,d filings (%,.0f/s)", sent, (next - (next - o.checkpoint())) / Math.max(0.001, secs(t)));
            long tDrain = System.nanoTime();
            long lag = Lag.awaitDrained(broker.bootstrapServers(), DRAIN);
            say("consumer groups drained to a lag of %,d in %.1f s", lag, secs(tDrain));
            Map<String, Memory> memory = memoryOfAll();
            long at = sent;
            // Said as it is taken, so a run cut short (time limit, Ctrl-C) keeps what it measured.
            memory.forEach((name, m) -> say("  %s at %,d: heap after GC %,d MiB, RSS %,d MiB", name, at,
                    m.heapAfterGc() < 0 ? -1 : m.heapAfterGc() >> 20, m.rss() >> 20));
            report.checkpoint(sent, secs(tPublish), lag, memory);
        }
        report.fact("filings published (valid, invalid, re-filings as generated)", String.format(Locale.ROOT, "%,d", sent));
        report.fact("publish + processing, whole run", String.format(Locale.ROOT, "%.0f s", secs(tPublish)));
        return state;
    }

    /** The questions, each timed and tolerant. */
    private void probes(SoakState state, Publisher publisher) {
        String ops = mint("soak-ops", List.of(Role.OPS), Map.of());
        ServiceJvm routing = first(ServiceCatalog.ROUTING_SERVICE);
        ServiceJvm center = first(ServiceCatalog.CENTER_SERVICE);
        ServiceJvm workload = first(ServiceCatalog.WORKLOAD_SERVICE);
        ServiceJvm notification = first(ServiceCatalog.NOTIFICATION_SERVICE);
        String routingPath = "/api/entry-summaries/" + state.firstEntry + "/routing";

        // routing: the very first filing, from every routing instance
        for (ServiceJvm r : services.getOrDefault(ServiceCatalog.ROUTING_SERVICE, List.of())) {
            report.probe("routing", "GET routing of the first filing (" + r.name() + ")", timed(() -> r.get(routingPath, ops)),
                    "200 with centerCode " + FIRST_CENTER);
        }
        // its re-filing to another Center: REFILED, then WITHDRAWN on the earlier Center's topic
        try (WithdrawalWatch watch = new WithdrawalWatch(broker.bootstrapServers(), Topics.centerTopicName(FIRST_CENTER),
                state.firstEntry)) {
            long t = System.nanoTime();
            publisher.send(publisher.refiling(state.firstEntry, REFILE_CENTER));
            publisher.flush();
            String seen = "no answer";
            int status = 0;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline) {
                ServiceJvm.Answer a = routing.get(routingPath, ops);
                status = a.status();
                seen = a.body();
                if (a.status() == 200 && a.body().contains("REFILED")) {
                    break;
                }
                sleep(200);
            }
            report.probe("routing", "re-filing of the first filing to " + REFILE_CENTER + " (until REFILED)",
                    new Timed(status, secs(t), flag(seen, "REFILED") + ", " + field(seen, "centerCode") + ", previous "
                            + field(seen, "previousCenterCode")), "REFILED, previousCenterCode " + FIRST_CENTER);
            boolean withdrawn = watch.await(Duration.ofSeconds(60));
            report.probe("routing", "WITHDRAWN on " + Topics.centerTopicName(FIRST_CENTER),
                    new Timed(withdrawn ? 200 : 0, secs(t), withdrawn ? "seen" : "not seen within 60 s"), "seen");
        } catch (RuntimeException e) {
            report.probe("routing", "re-filing", new Timed(0, 0, e.toString()), "REFILED + WITHDRAWN");
        }
        // routing-service restart with the whole history
        try {
            long t = System.nanoTime();
            routing.close();
            routing.restart();
            routing.awaitReady(READY);
            report.probe("routing", "restart of " + routing.name() + " with the history: SIGTERM to ready",
                    new Timed(200, secs(t), ""), "seconds, not growing with history");
            report.probe("routing", "GET routing of the first filing after the restart", timed(() -> routing.get(routingPath, ops)),
                    "200");
        } catch (RuntimeException e) {
            report.probe("routing", "restart of routing-service", new Timed(0, 0, e.toString()), "ready");
        }

        // center-service: queue pages, one item, a claim and a decision
        String director = mint("soak-director-" + FIRST_CENTER, List.of(Role.DIRECTOR, Role.SPECIALIST),
                Map.of("center_code", FIRST_CENTER, "specialist_id", "soak"));
        List<Double> pageMs = new ArrayList<>();
        int lastStatus = 0;
        String lastBody = "";
        List<String> codes = Centers.all().stream().map(c -> c.code()).toList();
        for (int round = 0; round < 5; round++) {
            for (String code : codes) {
                String staff = mint("soak-director-" + code, List.of(Role.DIRECTOR), Map.of("center_code", code));
                Timed page = timed(() -> center.get("/api/centers/" + code + "/queue?size=20", staff));
                pageMs.add(page.seconds() * 1000);
                lastStatus = page.status();
                if (code.equals(FIRST_CENTER)) {
                    lastBody = page.body();
                }
            }
        }
        report.probe("center", "queue page (size 20), 10 Centers x 5: p50 / p99 / max",
                new Timed(lastStatus, 0, String.format(Locale.ROOT, "%.1f / %.1f / %.1f ms (total at %s: %s)",
                        percentile(pageMs, 50), percentile(pageMs, 99), percentile(pageMs, 100), FIRST_CENTER,
                        field(lastBody, "total"))), "p99 <= 100 ms");
        String item = firstMatch(lastBody, "\"entryNumber\"\\s*:\\s*\"([^\"]+)\"");
        if (item == null) {
            report.probe("center", "one work item, claim, decision", new Timed(0, 0, "no item on " + FIRST_CENTER + "'s first page"),
                    "200");
        } else {
            String itemPath = "/api/centers/" + FIRST_CENTER + "/entries/" + item;
            Timed got = timed(() -> center.get(itemPath, director));
            report.probe("center", "one work item", got, "200");
            String specialist = field(got.body(), "specialistId");
            if (specialist == null || specialist.equals("null")) {
                ServiceJvm.Answer roster = center.get("/api/centers/" + FIRST_CENTER + "/roster", director);
                specialist = firstMatch(roster.body(), "\"id\"\\s*:\\s*\"([^\"]+)\"");
            }
            String who = specialist == null ? "soak" : specialist;
            String asSpecialist = mint("soak-" + who, List.of(Role.SPECIALIST), Map.of("center_code", FIRST_CENTER,
                    "specialist_id", who));
            report.probe("center", "claim (director for " + who + ")", timed(() -> center.send("POST", itemPath + "/claim",
                    director, "{\"specialistId\":\"" + who + "\"}")), "200 (409 if the sweep assigned it to someone else)");
            report.probe("center", "decision ACCEPT (as " + who + ")", timed(() -> center.send("POST", itemPath + "/decision",
                    asSpecialist, "{\"specialistId\":\"" + who + "\",\"action\":\"ACCEPT\"}")), "200");
        }

        // workload-service
        String eleDirector = mint("soak-director-ELE", List.of(Role.DIRECTOR), Map.of("center_code", "ELE"));
        report.probe("workload", "GET /api/workload", timed(() -> workload.get("/api/workload", ops)), "fast");
        report.probe("workload", "GET /api/staffing/recommendations",
                timed(() -> workload.get("/api/staffing/recommendations", ops)), "fast");
        report.probe("workload", "POST /api/what-if (chapter 85 to MAC)", timed(() -> workload.send("POST", "/api/what-if",
                eleDirector, "{\"moves\":[{\"chapter\":\"85\",\"toCenter\":\"MAC\"}]}")), "<= 2 s");

        // notification-service
        report.probe("notification", "GET /api/dead-letters", timed(() -> notification.get("/api/dead-letters", ops)), "fast");

        // nothing arrives: CPU of each service and of its stream threads over 20 s
        report.idle(IdleCpu.measure(allInstances(), Duration.ofSeconds(20)));
        report.memory("end", memoryOfAll());
    }

    private Map<String, Memory> memoryOfAll() {
        String ops = mint("soak-ops", List.of(Role.OPS), Map.of());
        Map<String, Memory> m = new LinkedHashMap<>();
        for (ServiceJvm jvm : allInstances()) {
            m.put(jvm.name(), Memory.of(jvm, ops));
        }
        if (broker != null && broker.jvm() != null) {
            m.put("broker (local-stack)", new Memory(-1, broker.jvm().rssBytes()));
        }
        return m;
    }

    private List<ServiceJvm> allInstances() {
        return services.values().stream().flatMap(List::stream).toList();
    }

    private ServiceJvm first(String service) {
        return services.get(service).get(0);
    }

    private String mint(String subject, List<Role> roles, Map<String, String> claims) {
        return issuer.mint(subject, roles, claims, Duration.ofHours(12));
    }

    void stop() {
        if (launcher != null) {
            launcher.stopAll(Duration.ofSeconds(20));
        }
        if (broker != null) {
            broker.close();
        }
    }

    /** An HTTP answer with the time it took. */
    record Timed(int status, double seconds, String body) {
    }

    private static Timed timed(java.util.function.Supplier<ServiceJvm.Answer> call) {
        long t = System.nanoTime();
        ServiceJvm.Answer a = call.get();
        return new Timed(a.status(), secs(t), a.body() == null ? "" : a.body());
    }

    static double percentile(List<Double> values, double p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }

    static String field(String json, String name) {
        String v = firstMatch(json, "\"" + Pattern.quote(name) + "\"\\s*:\\s*(\"[^\"]*\"|[-0-9.]+|null|true|false)");
        return v == null ? null : v.replace("\"", "");
    }

    private static String flag(String json, String flag) {
        return json != null && json.contains(flag) ? flag : "not " + flag;
    }

    static String firstMatch(String text, String regex) {
        if (text == null) {
            return null;
        }
        Matcher m = Pattern.compile(regex).matcher(text);
        return m.find() ? m.group(1) : null;
    }

    static double secs(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static void say(String format, Object... args) {
        System.out.println("soak: " + String.format(Locale.ROOT, format, args));
    }

    private static void deleteRecursively(Path p) {
        if (!Files.exists(p)) {
            return;
        }
        try (var paths = Files.walk(p)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(x -> x.toFile().delete());
        } catch (IOException e) {
            throw new IllegalStateException("cannot clear " + p, e);
        }
    }

    /** What the probes need from the publishing. */
    static final class SoakState {
        String firstEntry;
    }

    /** The raw producer of the filings (the broker systems), with the generator. */
    static final class Publisher implements AutoCloseable {
        private final KafkaProducer<String, byte[]> producer;
        private final FilingGenerator generator;

        Publisher(String bootstrap, long seed) {
            this.producer = new KafkaProducer<>(KafkaClients.filer(bootstrap, "soak-filer", 20));
            this.generator = new FilingGenerator(seed, 0.03);
        }

        FilingGenerator generator() {
            return generator;
        }

        void send(FilingGenerator.Filing f) {
            producer.send(new ProducerRecord<>(Topics.FILED.name(), f.key(), f.json()));
        }

        /** A re-filing of {@code entryNumber} whose lines all point at {@code centerCode}. */
        FilingGenerator.Filing refiling(String entryNumber, String centerCode) {
            FilingGenerator.Filing other = generator.validFor(centerCode);
            // The filer code is the entry number's first part: the other filing's would be a FILER_CODE_MISMATCH.
            String json = other.text().replace(other.key(), entryNumber)
                    .replace("\"filerCode\":\"" + filerCode(other.key()) + "\"", "\"filerCode\":\"" + filerCode(entryNumber) + "\"");
            return new FilingGenerator.Filing(entryNumber, json.getBytes(StandardCharsets.UTF_8), true);
        }

        private static String filerCode(String entryNumber) {
            return entryNumber.substring(0, entryNumber.indexOf('-'));
        }

        void flush() {
            producer.flush();
        }

        @Override
        public void close() {
            producer.close(Duration.ofSeconds(10));
        }
    }

    /** Heap used after a full GC (jcmd GC.run, then actuator's jvm.memory.used of the heap) and RSS, bytes (-1: unknown). */
    record Memory(long heapAfterGc, long rss) {
        static Memory of(ServiceJvm jvm, String opsToken) {
            long heap = -1;
            try {
                Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                        Long.toString(jvm.pid()), "GC.run").redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                p.waitFor(60, TimeUnit.SECONDS);
                ServiceJvm.Answer a = jvm.get("/actuator/metrics/jvm.memory.used?tag=area:heap", opsToken);
                String v = firstMatch(a.body(), "\"value\"\\s*:\\s*([0-9.E+]+)");
                if (a.status() == 200 && v != null) {
                    heap = (long) Double.parseDouble(v);
                }
            } catch (IOException | RuntimeException e) {
                // reported as unknown
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new Memory(heap, jvm.alive() ? jvm.jvm().rssBytes() : -1);
        }
    }

    static Map<String, Long> newCounts() {
        return new HashMap<>();
    }
}
