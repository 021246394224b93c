package org.centerline.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.centerline.contracts.event.EntrySummary;
import org.centerline.contracts.json.CenterlineJson;
import org.centerline.contracts.sample.FilingGenerator;
import org.centerline.contracts.sample.FilingGenerator.Filing;
import org.centerline.contracts.topic.Topics;
import org.centerline.stackprocess.ServiceJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 13: two routing-service instances (same application id, own instance ids, ports and state folders) share
 * the filings and the routing ledger; one is killed with SIGKILL in the middle of the filings and comes back.
 * Every filing ends in exactly one place, nothing is routed twice, no entry is open at two Centers; either
 * instance answers GET .../routing for any entry; a re-filing of an entry filed before all the others still
 * withdraws it from its earlier Center.
 */
class TwoRoutingInstancesFaultIT {

    /** 100,000 per issue 13; {@code -Dcenterline.two-routing.filings=N} for a smaller run on a busy machine. */
    static final int FILINGS = Integer.getInteger("centerline.two-routing.filings", 100_000);
    static final int FILED_PER_SECOND = 8_000;
    /** Instance a is killed once this many filings are routed: about a third of the way. */
    static final int KILL_AFTER = FILINGS * 3 / 10;

    private final Measurements m = new Measurements("two routing instances");

    @Test
    @Timeout(value = 600, unit = TimeUnit.SECONDS)
    void twoInstancesRouteEveryFilingOnceThroughAKillAndEitherAnswersAnyEntry() {
        FilingGenerator generator = new FilingGenerator(13_013, 0.0, 0.0, LocalDate.of(2026, 11, 20));
        // The first filing, to ELE; re-filed with machinery lines after all the others.
        EntrySummary first = generator.summaryFor("ELE");
        List<Filing> filings = new ArrayList<>(FILINGS + 1);
        filings.add(new Filing(first.entryNumber(), CenterlineJson.mapper().writeValueAsBytes(first), true));
        filings.addAll(RoutingCrashFaultIT.filings(FILINGS, 13_001_001));

        try (FaultStack stack = FaultStack.start("two-routing"); CommittedLog log = new CommittedLog(stack.bootstrap())) {
            ServiceJvm a = stack.launch("routing-service", instanceArgs(stack, "a"));
            ServiceJvm b = stack.launch("routing-service", instanceArgs(stack, "b"));
            a.awaitReady(FaultStack.READY_TIMEOUT);
            b.awaitReady(FaultStack.READY_TIMEOUT);

            long t0 = System.nanoTime();
            Filer filer = Filer.start(stack.bootstrap(), "two", filings, FILED_PER_SECOND);
            log.awaitCommitted(RoutingCrashFaultIT.GROUP, Topics.FILED.name(), KILL_AFTER, Duration.ofSeconds(180));
            long routedAtKill = log.committed(RoutingCrashFaultIT.GROUP, Topics.FILED.name());
            a.kill();
            m.say("kill -9 of instance a %.1f s in: %,d of %,d filings sent, %,d routed", Measurements.seconds(t0),
                    filer.sent(), filings.size(), routedAtKill);
            long restart = System.nanoTime();
            a.restart();
            a.awaitReady(FaultStack.READY_TIMEOUT);
            m.say("instance a restarted, ready in %.1f s", Measurements.seconds(restart));

            filer.await(Duration.ofSeconds(180));
            log.awaitRouted(RoutingCrashFaultIT.GROUP, filings.size(), Duration.ofSeconds(300));
            m.say("all %,d routed %.1f s after the start", filings.size(), Measurements.seconds(t0));

            RoutingAudit audit = RoutingAudit.read(log);
            m.say("filed %,d = routed %,d + rejected %,d; %,d keys routed twice, %,d on two Center topics",
                    log.endOffset(Topics.FILED.name()), audit.routedTotal, audit.rejectedTotal,
                    audit.routedMoreThanOnce().size(), audit.onCenterTopicsMoreThanOnce().size());
            audit.assertEveryFilingInExactlyOnePlace(filings);

            // Either instance answers for any entry, the same: a sample across the run.
            String ops = stack.tokens().ops();
            for (int i = 0; i < filings.size(); i += filings.size() / 40) {
                Filing f = filings.get(i);
                String expected = f.valid() ? "centerCode" : "reasons";
                ServiceJvm.Answer fromA = Await.until(() -> a.get(routingPath(f.key()), ops), ServiceJvm.Answer::ok,
                        Duration.ofSeconds(30));
                ServiceJvm.Answer fromB = Await.until(() -> b.get(routingPath(f.key()), ops), ServiceJvm.Answer::ok,
                        Duration.ofSeconds(30));
                assertThat(fromA.body()).as("from a: " + f.key()).contains(expected);
                assertThat(json(fromB.body())).as("from b: " + f.key()).isEqualTo(json(fromA.body()));
            }
            m.say("GET .../routing: both instances answer the same for a sample of 40 entries");

            // The first entry, re-filed with machinery lines after all the others: withdrawn from ELE, routed to MAC.
            EntrySummary machinery = generator.summaryFor("MAC");
            EntrySummary refiled = new EntrySummary(1, first.entryNumber(), first.filerCode(), first.entryType(),
                    first.importerNumber(), first.portOfEntry(), first.entryDate(), first.summaryDate(),
                    first.modeOfTransport(), machinery.lines());
            Filer.fileAll(stack.bootstrap(), "refile", List.of(new Filing(first.entryNumber(),
                    CenterlineJson.mapper().writeValueAsBytes(refiled), true)), Duration.ofSeconds(30));
            log.awaitRouted(RoutingCrashFaultIT.GROUP, filings.size() + 1, Duration.ofSeconds(60));
            List<String> actions = new ArrayList<>();
            log.readAll(List.of(Topics.centerTopicName("ELE"), Topics.centerTopicName("MAC")), (r, key) -> {
                if (first.entryNumber().equals(key)) {
                    actions.add(r.topic() + " " + json(new String(r.value(), java.nio.charset.StandardCharsets.UTF_8)).get("action"));
                }
            });
            m.say("the first entry on the Center topics: %s", actions);
            assertThat(actions).containsExactlyInAnyOrder(Topics.centerTopicName("ELE") + " ROUTED",
                    Topics.centerTopicName("ELE") + " WITHDRAWN", Topics.centerTopicName("MAC") + " ROUTED");
            for (ServiceJvm instance : List.of(a, b)) {
                Map<String, Object> routing = json(Await.until(() -> instance.get(routingPath(first.entryNumber()), ops),
                        answer -> answer.ok() && answer.body().contains("MAC"), Duration.ofSeconds(30)).body());
                assertThat(routing).as(instance.name()).containsEntry("centerCode", "MAC").containsEntry("previousCenterCode", "ELE");
                assertThat(String.valueOf(routing.get("flags"))).contains("REFILED");
            }
        }
    }

    private static String[] instanceArgs(FaultStack stack, String id) {
        return new String[] {"--centerline.instance-id=" + id,
                "--centerline.state-dir=" + FaultStack.outputDir().resolve("two-routing/state/routing-" + id).toAbsolutePath(),
                // A killed instance's partitions move to the other after this (static membership keeps them until then).
                "--centerline.routing.consumer.session.timeout.ms=10000"};
    }

    private static String routingPath(String entryNumber) {
        return "/api/entry-summaries/" + entryNumber + "/routing";
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(String body) {
        return CenterlineJson.mapper().readValue(body, Map.class);
    }
}
