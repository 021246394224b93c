package org.centerline.center.streams;

import org.centerline.contracts.json.JsonSerde;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.state.KeyValueStore;
import org.centerline.center.CenterProperties;
import org.centerline.center.command.CenterCommand;
import org.centerline.center.command.CommandOutcome;
import org.centerline.center.queue.CenterQueueProcessor;
import org.centerline.center.queue.HistoryEntry;
import org.centerline.center.queue.WorkItem;
import org.centerline.contracts.event.CenterEntry;
import org.centerline.contracts.event.EntryLine;
import org.centerline.contracts.event.EntryStatus;
import org.centerline.contracts.event.EntrySummary;
import org.centerline.contracts.event.RoutingBasis;
import org.centerline.contracts.event.RoutingDecision;
import org.centerline.contracts.event.RoutingFlag;
import org.centerline.contracts.event.Specialist;
import org.centerline.contracts.event.SpecialistRole;
import org.centerline.contracts.event.StaffingRoster;
import org.centerline.contracts.event.StatusChanged;
import org.centerline.contracts.json.CenterlineJson;
import org.centerline.contracts.topic.Topics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The center-service topology on {@link TopologyTestDriver}: Center topics, roster and commands in;
 * status events and the work-item / command-outcome stores out. Serves ELE and PHC only.
 */
class CenterTopologyTest {

    static final Instant START = Instant.parse("2026-11-20T15:00:00Z");
    static final String CH85 = "8517620090";
    static final String CH84 = "8471300100";

    @TempDir
    Path stateDir;

    MutableClock clock;
    SimpleMeterRegistry registry;
    TopologyTestDriver driver;
    TestInputTopic<String, byte[]> ele;
    TestInputTopic<String, byte[]> phc;
    TestInputTopic<String, byte[]> staffing;
    TestInputTopic<String, byte[]> commands;
    TestOutputTopic<String, StatusChanged> status;
    KeyValueStore<String, WorkItem> items;
    KeyValueStore<String, CommandOutcome> outcomes;
    final AtomicInteger entrySeq = new AtomicInteger(1000000);
    final AtomicInteger commandSeq = new AtomicInteger();

    @BeforeEach
    void start() {
        clock = new MutableClock(START);
        registry = new SimpleMeterRegistry();
        StreamsBuilder builder = new StreamsBuilder();
        new CenterTopology().centerQueues(builder,
                new CenterProperties(List.of("ele", "PHC"), false, Duration.ofSeconds(10)),
                clock, registry);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "center-service-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "dummy:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class);
        driver = new TopologyTestDriver(builder.build(), props, START);

        StringSerializer keys = new StringSerializer();
        ByteArraySerializer bytes = new ByteArraySerializer();
        ele = driver.createInputTopic(Topics.centerTopicName("ELE"), keys, bytes);
        phc = driver.createInputTopic(Topics.centerTopicName("PHC"), keys, bytes);
        staffing = driver.createInputTopic(Topics.CENTER_STAFFING.name(), keys, bytes);
        commands = driver.createInputTopic(Topics.CENTER_COMMANDS.name(), keys, bytes);
        status = driver.createOutputTopic(Topics.STATUS.name(), new StringDeserializer(),
                new JsonSerde<>(StatusChanged.class).deserializer());
        items = driver.getKeyValueStore(CenterQueueProcessor.ITEMS);
        outcomes = driver.getKeyValueStore(CenterQueueProcessor.OUTCOMES);
    }

    @AfterEach
    void stop() {
        if (driver != null) {
            driver.close();
        }
    }

    // ------------------------------------------------------------------ assignment

    @Test
    void aNewEntryIsQueuedThenAssignedToTheChapterSpecialist() {
        roster("ELE", generalist("ele-a-gen", true), specialist("ele-z-85", true, 85));
        EntrySummary s = summary(CH85, CH84, CH85);
        route(s, "ELE", 1.5, RoutingFlag.SECTION_301);

        List<KeyValue<String, StatusChanged>> events = status.readKeyValuesToList();
        assertThat(events).extracting(kv -> kv.key).containsOnly(s.entryNumber());
        assertThat(events).extracting(kv -> kv.value).containsExactly(
                new StatusChanged(1, s.entryNumber(), "ELE", s.filerCode(), s.importerNumber(), EntryStatus.QUEUED, null, "Routed to ELE", START),
                new StatusChanged(1, s.entryNumber(), "ELE", s.filerCode(), s.importerNumber(), EntryStatus.ASSIGNED, "ele-z-85",
                        "Assigned: chapter 85 specialist with the least open work", START));

        WorkItem item = item("ELE", s.entryNumber());
        assertThat(item.status()).isEqualTo(EntryStatus.ASSIGNED);
        assertThat(item.specialistId()).isEqualTo("ele-z-85");
        assertThat(item.predominantChapter()).isEqualTo(85);
        assertThat(item.entrySummary()).isEqualTo(s);
        assertThat(item.flags()).containsExactly(RoutingFlag.SECTION_301);
        assertThat(item.workloadPoints()).isEqualTo(1.5);
        assertThat(item.history()).extracting(HistoryEntry::status).containsExactly(EntryStatus.QUEUED,
                EntryStatus.ASSIGNED);
    }

    @Test
    void theStoreKeyIsCenterCodeSlashEntryNumber() {
        roster("ELE", generalist("ele-1", true));
        EntrySummary s = summary(CH85);
        route(s, "ELE", 1.0);
        assertThat(CenterQueueProcessor.key("ELE", s.entryNumber())).isEqualTo("ELE/" + s.entryNumber());
        assertThat(items.get("ELE/" + s.entryNumber())).isNotNull();
        assertThat(items.get(s.entryNumber())).isNull();
        assertThat(allItems()).extracting(kv -> kv.key).containsExactly("ELE/" + s.entryNumber());
    }

    @Test
    void withNobodyOnDutyAnItemStaysQueuedUntilSomeoneComesOnDuty() {
        EntrySummary first = summary(CH85);
        route(first, "ELE", 1.0); // no roster at all
        roster("ELE", specialist("ele-85", false, 85), generalist("ele-gen", false));
        EntrySummary second = summary(CH85);
        route(second, "ELE", 1.0); // roster, but nobody on duty

        assertThat(status.readValuesToList()).extracting(StatusChanged::status)
                .containsExactly(EntryStatus.QUEUED, EntryStatus.QUEUED);
        driver.advanceWallClockTime(Duration.ofSeconds(6));
        assertThat(status.isEmpty()).isTrue();
        assertThat(item("ELE", first.entryNumber()).status()).isEqualTo(EntryStatus.QUEUED);

        clock.advance(Duration.ofMinutes(1));
        roster("ELE", specialist("ele-85", true, 85), generalist("ele-gen", false));
        assertThat(status.isEmpty()).as("assignment waits for the punctuation").isTrue();
        driver.advanceWallClockTime(Duration.ofSeconds(5));

        List<StatusChanged> assigned = status.readValuesToList();
        assertThat(assigned).extracting(StatusChanged::entryNumber)
                .containsExactlyInAnyOrder(first.entryNumber(), second.entryNumber());
        assertThat(assigned).allSatisfy(e -> {
            assertThat(e.status()).isEqualTo(EntryStatus.ASSIGNED);
            assertThat(e.specialistId()).isEqualTo("ele-85");
            assertThat(e.at()).isEqualTo(START.plus(Duration.ofMinutes(1)));
        });
        assertThat(item("ELE", first.entryNumber()).status()).isEqualTo(EntryStatus.ASSIGNED);
        driver.advanceWallClockTime(Duration.ofSeconds(5));
        assertThat(status.isEmpty()).as("assigned once only").isTrue();
    }

    @Test
    void waitingItemsAreAssignedEnforcementFlagsFirstThenOldest() {
        EntrySummary old = summary(CH85);
        EntrySummary flagged = summary(CH85);
        EntrySummary newest = summary(CH85);
        route(old, "ELE", 1.0, START.minus(Duration.ofHours(3)));
        route(flagged, "ELE", 1.0, START.minus(Duration.ofHours(1)), RoutingFlag.ADCVD);
        route(newest, "ELE", 1.0, START.minus(Duration.ofMinutes(1)), RoutingFlag.LOW_VALUE);
        status.readValuesToList();

        roster("ELE", generalist("ele-1", true), generalist("ele-2", true));
        driver.advanceWallClockTime(Duration.ofSeconds(5));
        List<StatusChanged> assigned = status.readValuesToList();
        assertThat(assigned).extracting(StatusChanged::entryNumber)
                .containsExactly(flagged.entryNumber(), old.entryNumber(), newest.entryNumber());
        // Least loaded as they go: ele-1 (tie by id), ele-2, then ele-1 again (tie 1.0 / 1.0 by id).
        assertThat(assigned).extracting(StatusChanged::specialistId).containsExactly("ele-1", "ele-2", "ele-1");
    }

    @Test
    void leastLoadedAssignmentSpreadsItemsByWorkloadPoints() {
        roster("ELE", generalist("ele-1", true), generalist("ele-2", true));
        List<String> who = new ArrayList<>();
        for (double points : new double[] {5.0, 1.0, 1.0, 1.0, 3.0, 1.0}) {
            EntrySummary s = summary(CH85);
            route(s, "ELE", points);
            who.add(item("ELE", s.entryNumber()).specialistId());
        }
        // ele-1: 5 | ele-2: 1, 2, 3, then 3+3=6 | ele-1 (5 < 6)
        assertThat(who).containsExactly("ele-1", "ele-2", "ele-2", "ele-2", "ele-2", "ele-1");
    }

    @Test
    void offDutyAndDrawbackSpecialistsGetNoWork() {
        roster("ELE", new Specialist("ele-a-drawback", "D", SpecialistRole.DRAWBACK_SPECIALIST, List.of(85), true),
                specialist("ele-b-off", false, 85), new Specialist("ele-c-entry", "E", SpecialistRole.ENTRY_SPECIALIST,
                        List.of(), true));
        EntrySummary s = summary(CH85);
        route(s, "ELE", 1.0);
        assertThat(item("ELE", s.entryNumber()).specialistId()).isEqualTo("ele-c-entry");
        assertThat(status.readValuesToList()).last().satisfies(e ->
                assertThat(e.reason()).isEqualTo("Assigned: on-duty specialist with the least open work"));
    }

    // ------------------------------------------------------------------ lifecycle via commands

    @Test
    void theDecisionFlowEmitsEveryStatusInOrderAndReleasesTheLoad() {
        roster("ELE", specialist("ele-85a", true, 85), specialist("ele-85b", true, 85), generalist("ele-gen", true));
        EntrySummary s = summary(CH85);
        EntrySummary other = summary(CH85);
        route(s, "ELE", 2.0);    // -> ele-85a (tie by id)
        route(other, "ELE", 1.0); // -> ele-85b (0 < 2)
        assertThat(item("ELE", s.entryNumber()).specialistId()).isEqualTo("ele-85a");
        assertThat(item("ELE", other.entryNumber()).specialistId()).isEqualTo("ele-85b");
        status.readValuesToList();

        String claim = command(CenterCommand.Type.CLAIM, "ELE", s.entryNumber(), "ele-85a", null, null);
        assertApplied(claim);
        assertThat(item("ELE", s.entryNumber()).status()).isEqualTo(EntryStatus.IN_REVIEW);

        String second = command(CenterCommand.Type.CLAIM, "ELE", s.entryNumber(), "ele-gen", null, null);
        assertRefused(second, "already in review by ele-85a");

        String early = command(CenterCommand.Type.ANSWER_CF28, "ELE", s.entryNumber(), null, null, "Invoice");
        assertRefused(early, "IN_REVIEW");

        String byOther = command(CenterCommand.Type.DECIDE, "ELE", s.entryNumber(), "ele-gen", "ACCEPT", null);
        assertRefused(byOther, "in review by ele-85a, not ele-gen");

        clock.advance(Duration.ofHours(9)); // 2026-11-21T00:00Z: the due date counts from the clock's UTC date
        String cf28 = command(CenterCommand.Type.DECIDE, "ELE", s.entryNumber(), "ele-85a", "CF28", "Need the invoice");
        assertApplied(cf28);
        WorkItem issued = item("ELE", s.entryNumber());
        assertThat(issued.status()).isEqualTo(EntryStatus.CF28_ISSUED);
        assertThat(issued.cf28DueDate()).isEqualTo(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(30))
                .isEqualTo(LocalDate.of(2026, 12, 21));

        String claimIssued = command(CenterCommand.Type.CLAIM, "ELE", s.entryNumber(), "ele-85a", null, null);
        assertRefused(claimIssued, "CF28_ISSUED");

        String answer = command(CenterCommand.Type.ANSWER_CF28, "ELE", s.entryNumber(), null, null, "Invoice sent");
        assertApplied(answer);
        assertThat(item("ELE", s.entryNumber()).status()).isEqualTo(EntryStatus.CF28_ANSWERED);
        assertThat(item("ELE", s.entryNumber()).cf28DueDate()).isEqualTo(LocalDate.of(2026, 12, 21));

        assertApplied(command(CenterCommand.Type.CLAIM, "ELE", s.entryNumber(), "ele-85a", null, "Back to it"));
        assertApplied(command(CenterCommand.Type.DECIDE, "ELE", s.entryNumber(), "ele-85a", "ACCEPT", "Fine"));
        WorkItem accepted = item("ELE", s.entryNumber());
        assertThat(accepted.status()).isEqualTo(EntryStatus.ACCEPTED);
        assertThat(accepted.isOpen()).isFalse();

        List<StatusChanged> events = status.readValuesToList();
        assertThat(events).extracting(StatusChanged::status).containsExactly(EntryStatus.IN_REVIEW,
                EntryStatus.CF28_ISSUED, EntryStatus.CF28_ANSWERED, EntryStatus.IN_REVIEW, EntryStatus.ACCEPTED);
        assertThat(events).extracting(StatusChanged::specialistId).containsOnly("ele-85a");
        assertThat(events).extracting(StatusChanged::reason).containsExactly("Claimed", "Need the invoice",
                "Invoice sent", "Back to it", "Fine");
        assertThat(accepted.history()).extracting(HistoryEntry::status).containsExactly(EntryStatus.QUEUED,
                EntryStatus.ASSIGNED, EntryStatus.IN_REVIEW, EntryStatus.CF28_ISSUED, EntryStatus.CF28_ANSWERED,
                EntryStatus.IN_REVIEW, EntryStatus.ACCEPTED);

        assertThat(decisions("CF28")).isEqualTo(1.0);
        assertThat(decisions("ACCEPT")).isEqualTo(1.0);

        // ele-85a's load is released: 0 < ele-85b's 1.0, so the next chapter-85 item goes to ele-85a.
        EntrySummary next = summary(CH85);
        route(next, "ELE", 1.0);
        assertThat(item("ELE", next.entryNumber()).specialistId()).isEqualTo("ele-85a");

        // A decided item takes no more decisions or claims.
        assertRefused(command(CenterCommand.Type.DECIDE, "ELE", s.entryNumber(), "ele-85a", "REJECT", null), "ACCEPTED");
        assertRefused(command(CenterCommand.Type.CLAIM, "ELE", s.entryNumber(), "ele-85a", null, null), "ACCEPTED");
    }

    @Test
    void refusedCommandsPublishNothingAndChangeNothing() {
        roster("ELE", generalist("ele-1", true), generalist("ele-2", true));
        EntrySummary s = summary(CH85);
        route(s, "ELE", 1.0);
        status.readValuesToList();
        WorkItem before = item("ELE", s.entryNumber());

        assertRefused(command(CenterCommand.Type.DECIDE, "ELE", s.entryNumber(), "ele-1", "ACCEPT", null),
                "a decision needs it IN_REVIEW");
        assertRefused(command(CenterCommand.Type.DECIDE, "ELE", s.entryNumber(), "ele-1", "APPROVE", null),
                "Unknown action 'APPROVE'");
        assertRefused(command(CenterCommand.Type.ANSWER_CF28, "ELE", s.entryNumber(), null, null, null),
                "only a CF28_ISSUED item can be answered");
        assertRefused(command(CenterCommand.Type.CLAIM, "ELE", "XYZ-0000000-0", "ele-1", null, null),
                "No entry XYZ-0000000-0 in ELE's queue.");

        assertThat(status.isEmpty()).isTrue();
        assertThat(item("ELE", s.entryNumber())).isEqualTo(before);
        assertThat(registry.find("centerline.center.decisions").counters()).isEmpty();
    }

    @Test
    void twoCompetingClaimsExactlyOneWins() {
        roster("ELE", generalist("ele-1", true), generalist("ele-2", true));
        EntrySummary s = summary(CH85);
        route(s, "ELE", 1.0);
        status.readValuesToList();
        // Both are on the topic before either is applied; the one first in the partition wins.
        String c2 = nextCommandId();
        String c1 = nextCommandId();
        commands.pipeKeyValueList(List.of(
                KeyValue.pair("ELE", json(new CenterCommand(c2, CenterCommand.Type.CLAIM, s.entryNumber(), "ELE", "ele-2",
                        null, null, START))),
                KeyValue.pair("ELE", json(new CenterCommand(c1, CenterCommand.Type.CLAIM, s.entryNumber(), "ELE", "ele-1",
                        null, null, START)))));
        assertThat(outcomes.get(c2).applied()).isTrue();
        assertThat(outcomes.get(c1).applied()).isFalse();
        assertThat(outcomes.get(c1).refusal()).contains("already in review by ele-2");
        assertThat(status.readValuesToList()).singleElement().satisfies(e -> {
            assertThat(e.status()).isEqualTo(EntryStatus.IN_REVIEW);
            assertThat(e.specialistId()).isEqualTo("ele-2");
        });
    }

    @Test
    void aClaimBySomeoneNotOnTheRosterIsRefused() {
        roster("ELE", generalist("ele-1", true));
        roster("PHC", generalist("phc-1", true));
        EntrySummary s = summary(CH85);
        route(s, "ELE", 1.0);
        status.readValuesToList();

        assertRefused(command(CenterCommand.Type.CLAIM, "ELE", s.entryNumber(), "stranger", null, null),
                "stranger is not on ELE's roster.");
        // On another Center's roster is not on this one's.
        assertRefused(command(CenterCommand.Type.CLAIM, "ELE", s.entryNumber(), "phc-1", null, null),
                "phc-1 is not on ELE's roster.");
        assertThat(status.isEmpty()).isTrue();
        assertThat(item("ELE", s.entryNumber()).status()).isEqualTo(EntryStatus.ASSIGNED);
        // An off-duty specialist on the roster may still claim.
        roster("ELE", generalist("ele-1", true), generalist("ele-off", false));
        assertApplied(command(CenterCommand.Type.CLAIM, "ELE", s.entryNumber(), "ele-off", null, null));
    }

    @Test
    void aClaimWithNoRosterAtAllIsRefused() {
        EntrySummary s = summary(CH85);
        route(s, "ELE", 1.0);
        assertRefused(command(CenterCommand.Type.CLAIM, "ELE", s.entryNumber(), "anyone", null, null),
                "anyone is not on ELE's roster.");
    }

    // ------------------------------------------------------------------ withdrawal and re-filing

    @Test
    void aWithdrawalClosesAnOpenItemAndLeavesAClosedOneAlone() {
        roster("ELE", generalist("ele-1", true));
        EntrySummary open = summary(CH85);
        EntrySummary closed = summary(CH85);
        route(open, "ELE", 1.0);
        route(closed, "ELE", 1.0);
        assertApplied(command(CenterCommand.Type.CLAIM, "ELE", open.entryNumber(), "ele-1", null, null));
        assertApplied(command(CenterCommand.Type.CLAIM, "ELE", closed.entryNumber(), "ele-1", null, null));
        assertApplied(command(CenterCommand.Type.DECIDE, "ELE", closed.entryNumber(), "ele-1", "REJECT", "Bad"));
        status.readValuesToList();
        WorkItem closedBefore = item("ELE", closed.entryNumber());

        withdraw(open.entryNumber(), "ELE", "PHC");
        withdraw(closed.entryNumber(), "ELE", "PHC");
        withdraw("XYZ-9999999-9", "ELE", "PHC"); // never seen: nothing

        assertThat(status.readValuesToList()).singleElement().isEqualTo(new StatusChanged(1, open.entryNumber(), "ELE",
                open.filerCode(), open.importerNumber(), EntryStatus.WITHDRAWN, "ele-1", "Re-filed and routed to PHC", START));
        WorkItem withdrawn = item("ELE", open.entryNumber());
        assertThat(withdrawn.status()).isEqualTo(EntryStatus.WITHDRAWN);
        assertThat(withdrawn.isOpen()).isFalse();
        assertThat(withdrawn.history()).extracting(HistoryEntry::status).containsExactly(EntryStatus.QUEUED,
                EntryStatus.ASSIGNED, EntryStatus.IN_REVIEW, EntryStatus.WITHDRAWN);
        assertThat(item("ELE", closed.entryNumber())).isEqualTo(closedBefore);
        assertThat(items.get(CenterQueueProcessor.key("ELE", "XYZ-9999999-9"))).isNull();

        // A second withdrawal of the now-closed item does nothing either.
        withdraw(open.entryNumber(), "ELE", "PHC");
        assertThat(status.isEmpty()).isTrue();
        // And withdrawn items cannot be claimed.
        assertRefused(command(CenterCommand.Type.CLAIM, "ELE", open.entryNumber(), "ele-1", null, null), "WITHDRAWN");
    }

    @Test
    void aWithdrawalReleasesTheSpecialistsLoad() {
        roster("ELE", generalist("ele-1", true), generalist("ele-2", true));
        EntrySummary big = summary(CH85);
        EntrySummary small = summary(CH85);
        route(big, "ELE", 5.0);   // ele-1
        route(small, "ELE", 1.0); // ele-2
        withdraw(big.entryNumber(), "ELE", "PHC");
        EntrySummary next = summary(CH85);
        route(next, "ELE", 1.0);
        assertThat(item("ELE", next.entryNumber()).specialistId()).isEqualTo("ele-1");
    }

    @Test
    void anEntryMovedBetweenCentersIsWithdrawnInTheOldAndQueuedInTheNew() {
        roster("ELE", generalist("ele-1", true));
        roster("PHC", generalist("phc-1", true));
        EntrySummary s = summary(CH85);
        route(s, "ELE", 1.0);
        status.readValuesToList();

        route(s, "PHC", 1.0, RoutingFlag.REFILED);
        withdraw(s.entryNumber(), "ELE", "PHC");

        assertThat(status.readValuesToList()).extracting(e -> e.centerCode() + ":" + e.status()).containsExactly(
                "PHC:QUEUED", "PHC:ASSIGNED", "ELE:WITHDRAWN");
        assertThat(item("PHC", s.entryNumber()).specialistId()).isEqualTo("phc-1");
        assertThat(item("ELE", s.entryNumber()).status()).isEqualTo(EntryStatus.WITHDRAWN);
    }

    @Test
    void aRefilingInTheSameCenterReplacesTheContentAndKeepsStatusAndHistory() {
        roster("ELE", generalist("ele-1", true), generalist("ele-2", true));
        EntrySummary s = summary(CH85);
        route(s, "ELE", 1.0);
        assertApplied(command(CenterCommand.Type.CLAIM, "ELE", s.entryNumber(), "ele-1", null, null));
        status.readValuesToList();
        WorkItem before = item("ELE", s.entryNumber());

        clock.advance(Duration.ofMinutes(10));
        EntrySummary corrected = new EntrySummary(1, s.entryNumber(), s.filerCode(), s.entryType(), s.importerNumber(),
                s.portOfEntry(), s.entryDate(), s.summaryDate(), s.modeOfTransport(), lines(CH84, CH84, CH85));
        route(corrected, "ELE", 9.0, RoutingFlag.REFILED, RoutingFlag.ADCVD);

        assertThat(status.isEmpty()).as("the status did not change, so nothing is published").isTrue();
        WorkItem after = item("ELE", s.entryNumber());
        assertThat(after.status()).isEqualTo(EntryStatus.IN_REVIEW);
        assertThat(after.specialistId()).isEqualTo("ele-1");
        assertThat(after.entrySummary()).isEqualTo(corrected);
        assertThat(after.predominantChapter()).isEqualTo(84);
        assertThat(after.workloadPoints()).isEqualTo(9.0);
        assertThat(after.flags()).containsExactly(RoutingFlag.REFILED, RoutingFlag.ADCVD);
        assertThat(after.routedAt()).isEqualTo(before.routedAt());
        assertThat(after.updatedAt()).isEqualTo(clock.instant());
        assertThat(after.history()).startsWith(before.history().toArray(HistoryEntry[]::new)).hasSize(4);
        assertThat(after.history().get(3)).isEqualTo(new HistoryEntry(EntryStatus.IN_REVIEW, "ele-1",
                "Re-filed: content replaced", clock.instant()));

        // The load follows the new content: ele-1 now carries 9 points, so ele-2 gets the next one.
        EntrySummary next = summary(CH85);
        route(next, "ELE", 1.0);
        EntrySummary another = summary(CH85);
        route(another, "ELE", 1.0);
        assertThat(item("ELE", next.entryNumber()).specialistId()).isEqualTo("ele-2");
        assertThat(item("ELE", another.entryNumber()).specialistId()).isEqualTo("ele-2");
    }

    @Test
    void aRefilingAfterTheDecisionReopensTheItemAsQueuedWithTheOldHistoryKept() {
        roster("ELE", generalist("ele-1", true));
        EntrySummary s = summary(CH85);
        route(s, "ELE", 1.0);
        assertApplied(command(CenterCommand.Type.CLAIM, "ELE", s.entryNumber(), "ele-1", null, null));
        assertApplied(command(CenterCommand.Type.DECIDE, "ELE", s.entryNumber(), "ele-1", "ACCEPT", null));
        status.readValuesToList();
        List<HistoryEntry> old = item("ELE", s.entryNumber()).history();
        assertThat(old).hasSize(4);

        clock.advance(Duration.ofDays(1));
        route(s, "ELE", 1.0, clock.instant(), RoutingFlag.REFILED);

        List<StatusChanged> events = status.readValuesToList();
        assertThat(events).extracting(StatusChanged::status).containsExactly(EntryStatus.QUEUED, EntryStatus.ASSIGNED);
        assertThat(events.get(0).reason()).isEqualTo("Re-filed after ACCEPTED; back in the queue");
        assertThat(events.get(0).specialistId()).isNull();
        WorkItem reopened = item("ELE", s.entryNumber());
        assertThat(reopened.status()).isEqualTo(EntryStatus.ASSIGNED);
        assertThat(reopened.isOpen()).isTrue();
        assertThat(reopened.routedAt()).isEqualTo(clock.instant());
        assertThat(reopened.history()).hasSize(6).startsWith(old.toArray(HistoryEntry[]::new));
        assertThat(reopened.history()).extracting(HistoryEntry::status).endsWith(EntryStatus.QUEUED,
                EntryStatus.ASSIGNED);
    }

    @Test
    void aRefilingAfterACf28KeepsItsDueDateWhileOpen() {
        roster("ELE", generalist("ele-1", true));
        EntrySummary s = summary(CH85);
        route(s, "ELE", 1.0);
        assertApplied(command(CenterCommand.Type.CLAIM, "ELE", s.entryNumber(), "ele-1", null, null));
        assertApplied(command(CenterCommand.Type.DECIDE, "ELE", s.entryNumber(), "ele-1", "CF28", "Need invoice"));
        route(s, "ELE", 1.0, RoutingFlag.REFILED);
        WorkItem item = item("ELE", s.entryNumber());
        assertThat(item.status()).isEqualTo(EntryStatus.CF28_ISSUED);
        assertThat(item.cf28DueDate()).isEqualTo(LocalDate.of(2026, 12, 20));
    }

    // ------------------------------------------------------------------ what the processor ignores

    @Test
    void anEntryForACenterNotServedIsIgnored() {
        roster("ELE", generalist("ele-1", true));
        roster("AUT", generalist("aut-1", true));
        EntrySummary s = summary(CH85);
        // Misfiled on ELE's topic but routed to AUT, which this instance does not serve.
        route(Topics.centerTopicName("ELE"), s, "AUT", 1.0, START);
        assertThat(status.isEmpty()).isTrue();
        assertThat(allItems()).isEmpty();
        // Its topic is not even consumed.
        assertThatThrownBy(() -> driver.createInputTopic(Topics.centerTopicName("AUT"), new StringSerializer(),
                new ByteArraySerializer()).pipeInput(s.entryNumber(), json(CenterEntry.routed(s, decision(s, "AUT", 1.0,
                START)))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(allItems()).isEmpty();
        // Nor are its commands applied.
        String cmd = command(CenterCommand.Type.CLAIM, "AUT", s.entryNumber(), "aut-1", null, null);
        assertThat(outcomes.get(cmd)).isNull();
    }

    @Test
    void aMalformedRecordOnACenterTopicIsSkippedAndTheNextProcessed() {
        roster("ELE", generalist("ele-1", true));
        ele.pipeInput("ABC-0000001-0", "{ this is not json".getBytes(StandardCharsets.UTF_8));
        ele.pipeInput("ABC-0000002-0", "[1,2,3]".getBytes(StandardCharsets.UTF_8));
        ele.pipeInput("ABC-0000003-0", (byte[]) null); // a tombstone: nothing to do
        EntrySummary s = summary(CH85);
        route(s, "ELE", 1.0);
        assertThat(status.readValuesToList()).extracting(StatusChanged::status)
                .containsExactly(EntryStatus.QUEUED, EntryStatus.ASSIGNED);
        assertThat(allItems()).extracting(kv -> kv.key).containsExactly("ELE/" + s.entryNumber());
    }

    @Test
    void aMalformedCommandIsSkippedAndTheNextApplied() {
        roster("ELE", generalist("ele-1", true));
        EntrySummary s = summary(CH85);
        route(s, "ELE", 1.0);
        status.readValuesToList();
        commands.pipeInput("ELE", "not a command".getBytes(StandardCharsets.UTF_8));
        assertApplied(command(CenterCommand.Type.CLAIM, "ELE", s.entryNumber(), "ele-1", null, null));
        assertThat(status.readValuesToList()).extracting(StatusChanged::status).containsExactly(EntryStatus.IN_REVIEW);
    }

    /**
     * A Center-topic record that is valid JSON but not a usable entry (no filing, no decision) is as
     * bad as one that does not parse: application.yml promises "A bad record on a Center topic is
     * logged and skipped, never stops the queues". Today it throws a NullPointerException in
     * CenterQueueProcessor.onEntry (entry.entrySummary().lines() / entry.decision().routedAt()), which
     * stops the stream thread, and the same record is read again after a restart (a poison pill).
     */
    @Test
    void aParseableButIncompleteEntryOnACenterTopicIsSkippedAndTheNextProcessed() {
        roster("ELE", generalist("ele-1", true));
        ele.pipeInput("ABC-0000004-0", "{\"action\":\"ROUTED\",\"entryNumber\":\"ABC-0000004-0\",\"centerCode\":\"ELE\"}"
                .getBytes(StandardCharsets.UTF_8));
        EntrySummary s = summary(CH85);
        route(s, "ELE", 1.0);
        assertThat(status.readValuesToList()).extracting(StatusChanged::status)
                .containsExactly(EntryStatus.QUEUED, EntryStatus.ASSIGNED);
    }

    /**
     * Same promise, for a record whose centerCode is missing or not a Center code: today the
     * by-Center repartition's partitioner calls Topics.centerCommandPartition(null / "XYZ"), which
     * throws IllegalArgumentException("Unknown Center code") and stops the stream thread.
     */
    @Test
    void anEntryWithoutAKnownCenterCodeIsSkippedAndTheNextProcessed() {
        roster("ELE", generalist("ele-1", true));
        EntrySummary bad = summary(CH85);
        ele.pipeInput(bad.entryNumber(), "{\"action\":\"WITHDRAWN\",\"entryNumber\":\"ABC-0000005-0\"}"
                .getBytes(StandardCharsets.UTF_8));
        route(Topics.centerTopicName("ELE"), bad, "XYZ", 1.0, START);
        EntrySummary s = summary(CH85);
        route(s, "ELE", 1.0);
        assertThat(status.readValuesToList()).extracting(StatusChanged::status)
                .containsExactly(EntryStatus.QUEUED, EntryStatus.ASSIGNED);
    }

    // ------------------------------------------------------------------ stores

    @Test
    void commandOutcomesArePrunedAfterFifteenMinutes() {
        roster("ELE", generalist("ele-1", true));
        EntrySummary s = summary(CH85);
        route(s, "ELE", 1.0);
        String claim = command(CenterCommand.Type.CLAIM, "ELE", s.entryNumber(), "ele-1", null, null);
        assertThat(outcomes.get(claim)).isEqualTo(new CommandOutcome(claim, true, s.entryNumber(), null, START));

        clock.advance(Duration.ofMinutes(14));
        driver.advanceWallClockTime(Duration.ofSeconds(5));
        assertThat(outcomes.get(claim)).isNotNull();
        clock.advance(Duration.ofMinutes(2));
        driver.advanceWallClockTime(Duration.ofSeconds(5));
        assertThat(outcomes.get(claim)).isNull();
        assertThat(item("ELE", s.entryNumber()).status()).isEqualTo(EntryStatus.IN_REVIEW);
    }

    @Test
    void theRosterIsAGlobalTableKeyedByCenter() {
        StaffingRoster r = roster("ELE", generalist("ele-1", true));
        assertThat(driver.<String, StaffingRoster>getTimestampedKeyValueStore(CenterQueueProcessor.ROSTERS).get("ELE")
                .value()).isEqualTo(r);
    }

    // ------------------------------------------------------------------ helpers

    WorkItem item(String center, String entryNumber) {
        WorkItem item = items.get(CenterQueueProcessor.key(center, entryNumber));
        assertThat(item).as("work item %s/%s", center, entryNumber).isNotNull();
        return item;
    }

    List<KeyValue<String, WorkItem>> allItems() {
        List<KeyValue<String, WorkItem>> all = new ArrayList<>();
        try (var it = items.all()) {
            it.forEachRemaining(all::add);
        }
        return all;
    }

    double decisions(String action) {
        Counter c = registry.find("centerline.center.decisions").tag("action", action).counter();
        return c == null ? 0 : c.count();
    }

    void assertApplied(String commandId) {
        CommandOutcome o = outcomes.get(commandId);
        assertThat(o).as("outcome of %s", commandId).isNotNull();
        assertThat(o.applied()).as("applied: %s", o.refusal()).isTrue();
        assertThat(o.refusal()).isNull();
    }

    void assertRefused(String commandId, String reasonPart) {
        CommandOutcome o = outcomes.get(commandId);
        assertThat(o).as("outcome of %s", commandId).isNotNull();
        assertThat(o.applied()).isFalse();
        assertThat(o.refusal()).contains(reasonPart);
        assertThat(o.at()).isEqualTo(clock.instant());
    }

    String nextCommandId() {
        return "cmd-" + commandSeq.incrementAndGet();
    }

    String command(CenterCommand.Type type, String center, String entryNumber, String specialistId, String action,
                   String reason) {
        String id = nextCommandId();
        commands.pipeInput(center, json(new CenterCommand(id, type, entryNumber, center, specialistId, action, reason,
                clock.instant())));
        return id;
    }

    StaffingRoster roster(String center, Specialist... specialists) {
        StaffingRoster r = StaffingRoster.of(center, List.of(specialists), clock.instant());
        staffing.pipeInput(center, json(r));
        return r;
    }

    static Specialist specialist(String id, boolean onDuty, Integer... chapters) {
        return new Specialist(id, "Name of " + id, SpecialistRole.IMPORT_SPECIALIST, List.of(chapters), onDuty);
    }

    static Specialist generalist(String id, boolean onDuty) {
        return specialist(id, onDuty);
    }

    EntrySummary summary(String... hts) {
        String entryNumber = "ABC-" + entrySeq.incrementAndGet() + "-1";
        return new EntrySummary(1, entryNumber, "ABC", "01", "12-3456789AB", "2704", LocalDate.of(2026, 11, 18),
                LocalDate.of(2026, 11, 20), "11", lines(hts));
    }

    static List<EntryLine> lines(String... hts) {
        int[] n = {0};
        return Arrays.stream(hts).map(h -> new EntryLine(++n[0], h, "CN", new BigDecimal("1250.00"), List.of(), null))
                .toList();
    }

    static RoutingDecision decision(EntrySummary s, String center, double points, Instant routedAt, RoutingFlag... flags) {
        return new RoutingDecision(1, s.entryNumber(), s.filerCode(), s.importerNumber(), s.entryType(), center,
                RoutingBasis.HTS, Map.of(center, s.lines().size()), Map.of(), "2026.11-1", points, List.of(flags), null,
                routedAt, routedAt);
    }

    void route(EntrySummary s, String center, double points, RoutingFlag... flags) {
        route(s, center, points, clock.instant(), flags);
    }

    void route(EntrySummary s, String center, double points, Instant routedAt, RoutingFlag... flags) {
        route(Topics.centerTopicName(center), s, center, points, routedAt, flags);
    }

    void route(String topic, EntrySummary s, String center, double points, Instant routedAt, RoutingFlag... flags) {
        byte[] value = json(CenterEntry.routed(s, decision(s, center, points, routedAt, flags)));
        input(topic).pipeInput(s.entryNumber(), value);
    }

    void withdraw(String entryNumber, String from, String to) {
        RoutingDecision d = new RoutingDecision(1, entryNumber, "ABC", "12-3456789AB", "01", to, RoutingBasis.HTS,
                Map.of(to, 1), Map.of(), "2026.11-1", 1.0, List.of(RoutingFlag.REFILED), from, clock.instant(), clock.instant());
        input(Topics.centerTopicName(from)).pipeInput(entryNumber, json(CenterEntry.withdrawn(entryNumber, from, d)));
    }

    TestInputTopic<String, byte[]> input(String topic) {
        if (topic.equals(Topics.centerTopicName("ELE"))) {
            return ele;
        }
        if (topic.equals(Topics.centerTopicName("PHC"))) {
            return phc;
        }
        return driver.createInputTopic(topic, new StringSerializer(), new ByteArraySerializer());
    }

    static byte[] json(Object value) {
        return CenterlineJson.mapper().writeValueAsBytes(value);
    }

    /** A clock the test moves by hand. */
    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
