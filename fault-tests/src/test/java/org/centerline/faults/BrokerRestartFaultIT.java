package org.centerline.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.centerline.contracts.sample.FilingGenerator.Filing;
import org.centerline.contracts.topic.Topics;
import org.centerline.stackprocess.ServiceJvm;
import org.centerline.stackprocess.Sleep;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 7, broker restart: the broker stopped in the middle of a run and started again on the same port and data, while
 * filings keep coming. Nothing may be lost or duplicated, and routing-service must carry on by itself.
 */
class BrokerRestartFaultIT {

    static final int FILINGS = 30_000;
    static final int FILED_PER_SECOND = 3_000;
    /** The broker is stopped once this many filings are routed. */
    static final int STOP_AFTER = 8_000;
    /** How long it stays down. */
    static final Duration DOWN_FOR = Duration.ofSeconds(3);

    private final Measurements m = new Measurements("broker restart");

    @Test
    @Timeout(value = 420, unit = TimeUnit.SECONDS)
    void nothingIsLostOrDuplicatedAndRoutingResumesByItself() {
        List<Filing> filings = RoutingCrashFaultIT.filings(FILINGS, 7_501_002);
        try (FaultStack stack = FaultStack.start("broker-restart"); CommittedLog log = new CommittedLog(stack.bootstrap())) {
            ServiceJvm routing = stack.launch("routing-service").awaitReady(FaultStack.READY_TIMEOUT);
            long routingPid = routing.jvm().pid();
            long t0 = System.nanoTime();
            Filer filer = Filer.start(stack.bootstrap(), "broker-restart", filings, FILED_PER_SECOND);
            log.awaitCommitted(RoutingCrashFaultIT.GROUP, Topics.FILED.name(), STOP_AFTER, Duration.ofSeconds(180));

            long routedAtStop = log.committed(RoutingCrashFaultIT.GROUP, Topics.FILED.name());
            long stop = System.nanoTime();
            stack.broker().stop();
            m.say("broker stopped %.1f s in (took %.1f s): %,d filings sent, %,d routed", Measurements.seconds(t0),
                    Measurements.seconds(stop), filer.sent(), routedAtStop);
            Sleep.millis(DOWN_FOR.toMillis());
            long start = System.nanoTime();
            stack.broker().startAgain();
            m.say("broker up again on %s, same data, after %.1f s down (start took %.1f s); %,d filings sent by then",
                    stack.bootstrap(), Measurements.seconds(stop), Measurements.seconds(start), filer.sent());

            filer.await(Duration.ofSeconds(240));
            log.awaitRouted(RoutingCrashFaultIT.GROUP, FILINGS, Duration.ofSeconds(240));
            m.say("all %,d routed %.1f s after the broker came back", FILINGS, Measurements.seconds(start));

            assertThat(ProcessHandle.of(routingPid).map(ProcessHandle::isAlive))
                    .as("routing-service is the process it was before the broker went down, still running (nobody restarted it)")
                    .contains(true);
            assertThat(routing.jvm().alive()).as("routing-service alive").isTrue();
            assertThat(routing.ready()).as("routing-service ready").isTrue();
            long read = System.nanoTime();
            RoutingAudit audit = RoutingAudit.read(log);
            m.say("read back every output topic in %.1f s", Measurements.seconds(read));
            m.say("filed %,d = routed %,d + rejected %,d; Center topics %,d ROUTED records; %,d routed twice, %,d rejected twice",
                    log.endOffset(Topics.FILED.name()), audit.routedTotal, audit.rejectedTotal, audit.centerTotal,
                    audit.routedMoreThanOnce().size(), audit.rejectedMoreThanOnce().size());
            assertThat(log.endOffset(Topics.FILED.name())).as("filings on entry-summaries.filed").isEqualTo(FILINGS);
            audit.assertEveryFilingInExactlyOnePlace(filings);
        }
    }
}
