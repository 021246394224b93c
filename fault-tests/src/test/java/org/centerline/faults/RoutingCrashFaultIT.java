package org.centerline.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.centerline.contracts.sample.FilingGenerator;
import org.centerline.contracts.sample.FilingGenerator.Filing;
import org.centerline.contracts.topic.Topics;
import org.centerline.stackprocess.ServiceJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Issue 7, crash: routing-service killed with SIGKILL in the middle of 100,000 filings, then restarted. */
class RoutingCrashFaultIT {

    static final int FILINGS = 100_000;
    static final int FILED_PER_SECOND = 8_000;
    /** Killed once this many filings are routed (their transactions committed). */
    static final int KILL_AFTER = 30_000;
    static final String GROUP = "routing-service";

    private final Measurements m = new Measurements("routing crash");

    @Test
    @Timeout(value = 420, unit = TimeUnit.SECONDS)
    void everyFilingEndsInExactlyOnePlaceAfterAKillAndARestart() {
        List<Filing> filings = filings(FILINGS, 7_501_001);
        try (FaultStack stack = FaultStack.start("routing-crash"); CommittedLog log = new CommittedLog(stack.bootstrap())) {
            ServiceJvm routing = stack.launch("routing-service").awaitReady(FaultStack.READY_TIMEOUT);
            long t0 = System.nanoTime();
            Filer filer = Filer.start(stack.bootstrap(), "crash", filings, FILED_PER_SECOND);
            log.awaitCommitted(GROUP, Topics.FILED.name(), KILL_AFTER, Duration.ofSeconds(180));

            long pid = routing.jvm().pid();
            long sentAtKill = filer.sent();
            long routedAtKill = log.committed(GROUP, Topics.FILED.name());
            routing.kill();
            m.say("kill -9 of routing-service (pid %d) %.1f s in: %,d of %,d filings sent, %,d routed", pid,
                    Measurements.seconds(t0), sentAtKill, FILINGS, routedAtKill);

            long restart = System.nanoTime();
            routing.restart();
            routing.awaitReady(FaultStack.READY_TIMEOUT);
            m.say("restarted (pid %d), ready in %.1f s; %,d filings sent by then", routing.jvm().pid(),
                    Measurements.seconds(restart), filer.sent());

            filer.await(Duration.ofSeconds(180));
            log.awaitRouted(GROUP, FILINGS, Duration.ofSeconds(240));
            m.say("all %,d routed %.1f s after the start, %.1f s after the kill", FILINGS, Measurements.seconds(t0),
                    Measurements.seconds(restart));

            long read = System.nanoTime();
            RoutingAudit audit = RoutingAudit.read(log);
            m.say("read back every output topic in %.1f s", Measurements.seconds(read));
            m.say("filed %,d = routed %,d + rejected %,d; Center topics %,d ROUTED records, %,d keys routed twice, "
                            + "%,d rejected twice; routing-service peak RSS %s", log.endOffset(Topics.FILED.name()),
                    audit.routedTotal, audit.rejectedTotal, audit.centerTotal, audit.routedMoreThanOnce().size(),
                    audit.rejectedMoreThanOnce().size(), Measurements.mib(routing.jvm().peakRssBytes()));
            assertThat(log.endOffset(Topics.FILED.name())).as("filings on entry-summaries.filed").isEqualTo(FILINGS);
            audit.assertEveryFilingInExactlyOnePlace(filings);
        }
    }

    /** Generated filings (3 % invalid), no re-filings: every entry number once, so "exactly once" is plain to count. */
    static List<Filing> filings(int n, long seed) {
        FilingGenerator generator = new FilingGenerator(seed, 0.03, 0.0, LocalDate.of(2026, 11, 20));
        List<Filing> filings = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            filings.add(generator.next());
        }
        return filings;
    }
}
