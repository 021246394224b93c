package org.centerline.center.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.centerline.center.streams.CenterTopologyTest.generalist;
import static org.centerline.center.streams.CenterTopologyTest.json;
import static org.centerline.center.streams.CenterTopologyTest.lines;
import static org.centerline.center.streams.CenterTopologyTest.specialist;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.centerline.center.CenterProperties;
import org.centerline.center.command.CenterCommand;
import org.centerline.center.command.CommandOutcome;
import org.centerline.center.queue.CenterQueueProcessor;
import org.centerline.center.queue.IndexRef;
import org.centerline.center.queue.QueueKeys;
import org.centerline.center.queue.QueueReader;
import org.centerline.center.queue.Tally;
import org.centerline.center.queue.WorkItem;
import org.centerline.contracts.event.CenterEntry;
import org.centerline.contracts.event.EntryStatus;
import org.centerline.contracts.event.EntrySummary;
import org.centerline.contracts.event.RoutingFlag;
import org.centerline.contracts.event.Specialist;
import org.centerline.contracts.event.StaffingRoster;
import org.centerline.contracts.event.StatusChanged;
import org.centerline.contracts.json.JsonSerde;
import org.centerline.contracts.topic.Topics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The queue index, the tallies, closed-item retention and roster commands on {@link TopologyTestDriver}:
 * the index always equals what a full scan of the items would give; an item closed longer ago than the
 * retention is deleted (tombstones on the changelogs), an open one never; two roster changes both survive.
 */
class CenterQueueIndexTest {

    static final Instant START = CenterTopologyTest.START;
    static final Duration RETENTION = Duration.ofDays(400);
    static final String APP = "center-index-test";

    @TempDir
    Path stateDir;

    CenterTopologyTest.MutableClock clock;
    TopologyTestDriver driver;
    TestInputTopic<String, byte[]> ele;
    TestInputTopic<String, byte[]> staffing;
    TestInputTopic<String, byte[]> commands;
    TestOutputTopic<String, StatusChanged> status;
    KeyValueStore<String, WorkItem> items;
    KeyValueStore<String, IndexRef> index;
    KeyValueStore<String, String> closed;
    KeyValueStore<String, Tally> tallies;
    KeyValueStore<String, CommandOutcome> outcomes;
    int entrySeq = 2000000;
    int commandSeq;

    @BeforeEach
    void start() {
        clock = new CenterTopologyTest.MutableClock(START);
        StreamsBuilder builder = new StreamsBuilder();
        new CenterTopology().centerQueues(builder, new CenterProperties(List.of("ELE"), false, Duration.ofSeconds(10),
                RETENTION, Duration.ofMinutes(1), 1000, Duration.ofSeconds(15)), clock, new SimpleMeterRegistry());
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, APP);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "dummy:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(builder.build(), props, START);
        StringSerializer keys = new StringSerializer();
        ByteArraySerializer bytes = new ByteArraySerializer();
        ele = driver.createInputTopic(Topics.centerTopicName("ELE"), keys, bytes);
        staffing = driver.createInputTopic(Topics.CENTER_STAFFING.name(), keys, bytes);
        commands = driver.createInputTopic(Topics.CENTER_COMMANDS.name(), keys, bytes);
        status = driver.createOutputTopic(Topics.STATUS.name(), new StringDeserializer(),
                new JsonSerde<>(StatusChanged.class).deserializer());
        items = driver.getKeyValueStore(CenterQueueProcessor.ITEMS);
        index = driver.getKeyValueStore(CenterQueueProcessor.INDEX);
        closed = driver.getKeyValueStore(CenterQueueProcessor.CLOSED);
        tallies = driver.getKeyValueStore(CenterQueueProcessor.TALLIES);
        outcomes = driver.getKeyValueStore(CenterQueueProcessor.OUTCOMES);
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    // ------------------------------------------------------------------ retention

    @Test
    void anItemClosedLongerAgoThanTheRetentionIsDeletedAndAnOpenOneNever() {
        roster(generalist("ele-1", true));
        EntrySummary accepted = route(RoutingFlag.ADCVD);
        EntrySummary open = route();
        EntrySummary withdrawn = route();
        decide(accepted.entryNumber(), "ele-1", "ACCEPT");
        withdraw(withdrawn.entryNumber());
        clock.advance(Duration.ofDays(30));
        EntrySummary closedLater = route();
        decide(closedLater.entryNumber(), "ele-1", "REJECT");
        assertThat(allKeys(closed).stream().filter(k -> !k.startsWith("~"))).hasSize(3);

        // 399 days on (driver's wall clock): within the retention, everything is still there.
        driver.advanceWallClockTime(Duration.ofDays(399));
        assertThat(items.get(key(accepted))).isNotNull();
        assertThat(items.get(key(withdrawn))).isNotNull();

        // 401 days after the first two closed: they are gone, with their index entries and tallies.
        driver.advanceWallClockTime(Duration.ofDays(2));
        assertThat(items.get(key(accepted))).isNull();
        assertThat(items.get(key(withdrawn))).isNull();
        assertThat(items.get(key(closedLater))).as("closed 371 days ago").isNotNull();
        assertThat(items.get(key(open))).as("open items are never pruned").isNotNull();
        assertIndexMatchesFullScan();
        assertThat(tallies.get(QueueKeys.statusTally("ELE", EntryStatus.ACCEPTED))).isNull();
        assertThat(tallies.get(QueueKeys.statusTally("ELE", EntryStatus.REJECTED_TO_FILER)).count()).isEqualTo(1);

        // The deletes are tombstones on the changelog topic, so a restore does not bring them back.
        List<KeyValue<String, String>> changelog = driver.createOutputTopic(APP + "-" + CenterQueueProcessor.ITEMS
                + "-changelog", new StringDeserializer(), new StringDeserializer()).readKeyValuesToList();
        assertThat(changelog).filteredOn(kv -> kv.value == null).extracting(kv -> kv.key)
                .containsExactlyInAnyOrder(key(accepted), key(withdrawn));

        // Years on, the open item is still there; the other closed one is gone.
        driver.advanceWallClockTime(Duration.ofDays(3 * 365));
        assertThat(items.get(key(open))).isNotNull();
        assertThat(items.get(key(closedLater))).isNull();
        assertThat(allKeys(items)).containsExactly(key(open));
        assertIndexMatchesFullScan();
    }

    @Test
    void aReOpenedItemLeavesTheClosingTimeIndexAndIsNotPruned() {
        roster(generalist("ele-1", true));
        EntrySummary s = route();
        decide(s.entryNumber(), "ele-1", "REJECT");
        clock.advance(Duration.ofDays(10));
        pipeRouted(s, START.plus(Duration.ofDays(10))); // re-filed after the rejection: back in the queue
        assertThat(items.get(key(s)).isOpen()).isTrue();
        driver.advanceWallClockTime(Duration.ofDays(500));
        assertThat(items.get(key(s))).isNotNull();
        assertIndexMatchesFullScan();
    }

    // ------------------------------------------------------------------ index = full scan

    @Test
    void theIndexAndTalliesEqualAFullScanAfterARandomSequenceOfEvents() {
        Random random = new Random(14);
        List<EntrySummary> known = new ArrayList<>();
        List<String> staff = List.of("ele-1", "ele-2", "ele-3");
        for (int step = 0; step < 400; step++) {
            clock.advance(Duration.ofMinutes(random.nextInt(90)));
            int what = random.nextInt(100);
            if (what < 30 || known.isEmpty()) {
                EntrySummary s = summary();
                known.add(s);
                RoutingFlag[] flags = random.nextInt(4) == 0 ? new RoutingFlag[] {RoutingFlag.SECTION_232} : new RoutingFlag[0];
                pipeRouted(s, clock.instant().minus(Duration.ofMinutes(random.nextInt(600))), flags);
            } else {
                EntrySummary s = known.get(random.nextInt(known.size()));
                String who = staff.get(random.nextInt(staff.size()));
                if (what < 38) {
                    pipeRouted(s, clock.instant(), random.nextBoolean() ? RoutingFlag.ADCVD : RoutingFlag.LOW_VALUE);
                } else if (what < 42) {
                    withdraw(s.entryNumber());
                } else if (what < 62) {
                    command(CenterCommand.Type.CLAIM, s.entryNumber(), who, null);
                } else if (what < 82) {
                    command(CenterCommand.Type.DECIDE, s.entryNumber(), who, List.of("ACCEPT", "CF28", "CF29", "REJECT")
                            .get(random.nextInt(4)));
                } else if (what < 88) {
                    command(CenterCommand.Type.ANSWER_CF28, s.entryNumber(), null, null);
                } else if (what < 95) {
                    putSpecialist(specialist(who, random.nextBoolean(), 85));
                } else if (what < 97) {
                    driver.advanceWallClockTime(Duration.ofSeconds(5));
                } else {
                    driver.advanceWallClockTime(Duration.ofDays(random.nextInt(3) == 0 ? 390 : 5));
                }
            }
        }
        assertThat(allKeys(items)).hasSizeGreaterThan(80);
        assertIndexMatchesFullScan();
        QueueReader reader = new QueueReader(items, index, tallies);
        List<WorkItem> all = allValues(items);
        for (EntryStatus s : EntryStatus.values()) {
            List<String> expected = all.stream().filter(i -> i.status() == s).sorted(WorkItem.PRIORITY)
                    .map(WorkItem::entryNumber).toList();
            QueueReader.Page page = reader.page("ELE", s, null, null, 0, 500);
            assertThat(page.items()).extracting(WorkItem::entryNumber).as("%s", s).isEqualTo(expected.stream().limit(500).toList());
            assertThat(page.total()).isEqualTo(expected.size());
        }
        List<String> openInOrder = all.stream().filter(WorkItem::isOpen).sorted(WorkItem.PRIORITY).map(WorkItem::entryNumber).toList();
        for (int page = 0; page * 7 < openInOrder.size() + 7; page++) {
            assertThat(reader.page("ELE", null, null, null, page, 7).items()).extracting(WorkItem::entryNumber)
                    .isEqualTo(openInOrder.stream().skip(page * 7L).limit(7).toList());
        }
        List<String> ofEle2 = all.stream().filter(WorkItem::isOpen).filter(i -> "ele-2".equals(i.specialistId()))
                .sorted(WorkItem.PRIORITY).map(WorkItem::entryNumber).toList();
        QueueReader.Page filtered = reader.page("ELE", null, "ele-2", null, 0, 500);
        assertThat(filtered.items()).extracting(WorkItem::entryNumber).isEqualTo(ofEle2);
        assertThat(filtered.total()).isEqualTo(ofEle2.size());
        List<String> flagged = all.stream().filter(WorkItem::isOpen).filter(i -> i.flags().contains(RoutingFlag.ADCVD))
                .sorted(WorkItem.PRIORITY).map(WorkItem::entryNumber).toList();
        assertThat(reader.page("ELE", null, null, RoutingFlag.ADCVD, 0, 500).items()).extracting(WorkItem::entryNumber)
                .isEqualTo(flagged);
        Instant oldest = all.stream().filter(WorkItem::isOpen).map(WorkItem::routedAt).min(Comparator.naturalOrder()).orElse(null);
        assertThat(reader.oldestOpen("ELE")).isEqualTo(oldest == null ? null : Instant.ofEpochMilli(oldest.toEpochMilli()));
    }

    @Test
    void itemsStoredBeforeTheIndexExistedAreIndexedInTheBackground() {
        roster(generalist("ele-1", true));
        // As an older version left them: items in work-items, nothing in the index or the tallies.
        List<WorkItem> old = new ArrayList<>();
        for (int i = 0; i < 4500; i++) {
            EntrySummary s = summary();
            Instant routed = START.minus(Duration.ofMinutes(i));
            EntryStatus st = i % 3 == 0 ? EntryStatus.ACCEPTED : i % 3 == 1 ? EntryStatus.QUEUED : EntryStatus.ASSIGNED;
            WorkItem item = new WorkItem(s.entryNumber(), "ELE", st, st == EntryStatus.QUEUED ? null : "ele-1", s,
                    CenterTopologyTest.decision(s, "ELE", 1.5, routed, i % 5 == 0 ? new RoutingFlag[] {RoutingFlag.ADCVD}
                            : new RoutingFlag[0]), 85, routed, routed, null, List.of(new org.centerline.center.queue.HistoryEntry(st,
                            null, "old", routed)));
            items.put(key(s), item);
            old.add(item);
        }
        // One of them changes before the migration reached it.
        WorkItem early = old.get(4001);
        command(CenterCommand.Type.CLAIM, early.entryNumber(), "ele-1", null);
        assertThat(items.get(QueueKeys.item("ELE", early.entryNumber())).status()).isEqualTo(EntryStatus.IN_REVIEW);
        for (int i = 0; i < 4; i++) {
            driver.advanceWallClockTime(Duration.ofSeconds(1));
        }
        assertIndexMatchesFullScan();
        assertThat(closed.get("~index-migration-2026")).isEqualTo("~done");
        QueueReader reader = new QueueReader(items, index, tallies);
        assertThat(reader.page("ELE", null, null, null, 0, 20).total()).isEqualTo(3000);
    }

    @Test
    void anItemRankedByAnEarlierVersionsFlagsIsFoundAndReRankedOnItsNextChange() {
        // 2026 made UFLPA an enforcement flag: an older version indexed this UFLPA item behind the unflagged ones.
        EntrySummary plain = route();
        clock.advance(Duration.ofMinutes(1));
        EntrySummary uflpa = route(RoutingFlag.UFLPA);
        WorkItem item = items.get(key(uflpa));
        index.delete(QueueKeys.index(item));
        index.put(QueueKeys.index(item, false), new IndexRef(item.entryNumber(), item.specialistId(), item.flags()));
        QueueReader reader = new QueueReader(items, index, tallies);
        assertThat(reader.page("ELE", null, null, null, 0, 20).items()).extracting(WorkItem::entryNumber)
                .containsExactly(plain.entryNumber(), uflpa.entryNumber());

        // Untouched, it is moved to its rank by the background pass over the items (a new pass after the upgrade).
        closed.delete("~index-migration-2026");
        for (int i = 0; i < 3; i++) {
            driver.advanceWallClockTime(Duration.ofSeconds(1));
        }
        assertIndexMatchesFullScan();
        assertThat(reader.page("ELE", null, null, null, 0, 20).items()).extracting(WorkItem::entryNumber)
                .containsExactly(uflpa.entryNumber(), plain.entryNumber());

        // Ranked old again, then changed by a claim before the pass reaches it.
        index.delete(QueueKeys.index(item));
        index.put(QueueKeys.index(item, false), new IndexRef(item.entryNumber(), item.specialistId(), item.flags()));
        roster(generalist("ele-1", true));
        command(CenterCommand.Type.CLAIM, uflpa.entryNumber(), "ele-1", null);

        // Its old key is gone (not left as a phantom), the tallies count it once, and it is now first in its status.
        assertIndexMatchesFullScan();
        assertThat(index.get(QueueKeys.index(items.get(key(uflpa))))).isNotNull();
        assertThat(reader.page("ELE", null, null, null, 0, 20).items()).extracting(WorkItem::entryNumber)
                .startsWith(uflpa.entryNumber());
    }

    @Test
    void enforcementFlagsOf2026PutAnItemAheadOfOlderUnflaggedOnes() {
        EntrySummary plain = route();
        clock.advance(Duration.ofMinutes(1));
        EntrySummary lowValue = route(RoutingFlag.LOW_VALUE, RoutingFlag.REFILED);
        clock.advance(Duration.ofMinutes(1));
        EntrySummary section122 = route(RoutingFlag.SECTION_122);
        clock.advance(Duration.ofMinutes(1));
        EntrySummary uflpa = route(RoutingFlag.UFLPA);
        QueueReader reader = new QueueReader(items, index, tallies);
        assertThat(reader.page("ELE", null, null, null, 0, 20).items()).extracting(WorkItem::entryNumber)
                .containsExactly(section122.entryNumber(), uflpa.entryNumber(), plain.entryNumber(), lowValue.entryNumber());
    }

    // ------------------------------------------------------------------ rosters

    @Test
    void twoRosterChangesSentAtOnceBothSurviveAndSomeoneOnDutyGetsWaitingWorkAtOnce() {
        EntrySummary waiting = route();
        assertThat(items.get(key(waiting)).status()).isEqualTo(EntryStatus.QUEUED);
        TestOutputTopic<String, StaffingRoster> published = driver.createOutputTopic(Topics.CENTER_STAFFING.name(),
                new StringDeserializer(), new JsonSerde<>(StaffingRoster.class).deserializer());

        // Two directors' changes, both made against the same (empty) roster: both are applied, in order.
        String first = putSpecialist(specialist("ele-a", false, 85));
        String second = putSpecialist(specialist("ele-b", true, 84));
        assertThat(outcomes.get(first).applied()).isTrue();
        assertThat(outcomes.get(second).applied()).isTrue();
        List<StaffingRoster> rosters = published.readValuesToList();
        assertThat(rosters).last().satisfies(r -> assertThat(r.specialists()).extracting(Specialist::id)
                .containsExactly("ele-a", "ele-b"));
        // ele-b came on duty: the waiting item is assigned by that command, no sweep needed.
        assertThat(items.get(key(waiting)).status()).isEqualTo(EntryStatus.ASSIGNED);
        assertThat(items.get(key(waiting)).specialistId()).isEqualTo("ele-b");

        String removed = command(CenterCommand.Type.REMOVE_SPECIALIST, null, "ele-a", null);
        String again = command(CenterCommand.Type.REMOVE_SPECIALIST, null, "ele-a", null);
        assertThat(outcomes.get(removed).applied()).isTrue();
        assertThat(outcomes.get(again).refusal()).contains("not on ELE's roster");
        assertThat(published.readValuesToList()).singleElement().satisfies(r ->
                assertThat(r.specialists()).extracting(Specialist::id).containsExactly("ele-b"));

        // A seed is applied only to a Center with no roster.
        String seed = seed(List.of(generalist("ele-seed", true)));
        assertThat(outcomes.get(seed).applied()).isFalse();
        assertThat(driver.<String, StaffingRoster>getKeyValueStore(CenterQueueProcessor.CENTER_ROSTERS).get("ELE")
                .specialists()).extracting(Specialist::id).containsExactly("ele-b");
    }

    @Test
    void aSeedIsAppliedOnceWhicheverInstancesSendIt() {
        String one = seed(List.of(generalist("ele-seed-1", true)));
        String two = seed(List.of(generalist("ele-seed-2", true)));
        assertThat(outcomes.get(one).applied()).isTrue();
        assertThat(outcomes.get(two).applied()).isFalse();
        assertThat(driver.<String, StaffingRoster>getKeyValueStore(CenterQueueProcessor.CENTER_ROSTERS).get("ELE")
                .specialists()).extracting(Specialist::id).containsExactly("ele-seed-1");
    }

    @Test
    void aRosterChangeBuildsOnTheRosterLastPublishedOnCenterStaffing() {
        staffing.pipeInput("ELE", json(StaffingRoster.of("ELE", List.of(generalist("ele-old", true)), clock.instant())));
        putSpecialist(generalist("ele-new", true));
        assertThat(driver.<String, StaffingRoster>getKeyValueStore(CenterQueueProcessor.CENTER_ROSTERS).get("ELE")
                .specialists()).extracting(Specialist::id).containsExactly("ele-new", "ele-old");
    }

    // ------------------------------------------------------------------ the check

    /** What the index, the closing-time index and the tallies must hold, computed from every item. */
    void assertIndexMatchesFullScan() {
        List<WorkItem> all = allValues(items);
        Map<String, IndexRef> expectedIndex = new TreeMap<>();
        Set<String> expectedClosed = new TreeSet<>();
        Map<String, Tally> expectedTallies = new TreeMap<>();
        for (WorkItem i : all) {
            expectedIndex.put(QueueKeys.index(i), new IndexRef(i.entryNumber(), i.specialistId(), i.flags()));
            expectedTallies.merge(QueueKeys.statusTally(i.centerCode(), i.status()), new Tally(1, 0), (a, b) -> a.plus(1, 0));
            if (i.isOpen() && i.specialistId() != null) {
                expectedTallies.merge(QueueKeys.specialistTally(i.centerCode(), i.specialistId()),
                        new Tally(1, i.workloadPoints()), (a, b) -> a.plus(1, i.workloadPoints()));
            }
            if (!i.isOpen()) {
                expectedClosed.add(QueueKeys.closed(i.updatedAt(), QueueKeys.item(i.centerCode(), i.entryNumber())));
            }
        }
        Map<String, IndexRef> actualIndex = new TreeMap<>();
        try (KeyValueIterator<String, IndexRef> it = index.all()) {
            it.forEachRemaining(kv -> actualIndex.put(kv.key, kv.value));
        }
        assertThat(actualIndex).isEqualTo(expectedIndex);
        assertThat(new TreeSet<>(allKeys(closed).stream().filter(k -> !k.startsWith("~")).toList())).isEqualTo(expectedClosed);
        Map<String, Tally> actualTallies = new TreeMap<>();
        try (KeyValueIterator<String, Tally> it = tallies.all()) {
            it.forEachRemaining(kv -> actualTallies.put(kv.key, kv.value));
        }
        assertThat(actualTallies.keySet()).isEqualTo(expectedTallies.keySet());
        actualTallies.forEach((k, t) -> {
            assertThat(t.count()).as(k).isEqualTo(expectedTallies.get(k).count());
            assertThat(t.points()).as(k).isCloseTo(expectedTallies.get(k).points(), org.assertj.core.data.Offset.offset(1e-6));
        });
    }

    static <V> List<String> allKeys(KeyValueStore<String, V> store) {
        List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, V> it = store.all()) {
            it.forEachRemaining(kv -> keys.add(kv.key));
        }
        return keys;
    }

    static <V> List<V> allValues(KeyValueStore<String, V> store) {
        List<V> values = new ArrayList<>();
        try (KeyValueIterator<String, V> it = store.all()) {
            it.forEachRemaining(kv -> values.add(kv.value));
        }
        return values;
    }

    // ------------------------------------------------------------------ input

    static String key(EntrySummary s) {
        return QueueKeys.item("ELE", s.entryNumber());
    }

    EntrySummary summary() {
        String entryNumber = "ABC-" + (++entrySeq) + "-1";
        return new EntrySummary(1, entryNumber, "ABC", "01", "12-3456789AB", "2704", LocalDate.of(2026, 11, 18),
                LocalDate.of(2026, 11, 20), "11", lines("8517620090"));
    }

    EntrySummary route(RoutingFlag... flags) {
        EntrySummary s = summary();
        pipeRouted(s, clock.instant(), flags);
        return s;
    }

    void pipeRouted(EntrySummary s, Instant routedAt, RoutingFlag... flags) {
        ele.pipeInput(s.entryNumber(), json(CenterEntry.routed(s, CenterTopologyTest.decision(s, "ELE",
                1.0 + (s.entryNumber().hashCode() & 3), routedAt, flags))));
    }

    void withdraw(String entryNumber) {
        var d = CenterTopologyTest.decision(summary(), "PHC", 1.0, clock.instant(), RoutingFlag.REFILED);
        ele.pipeInput(entryNumber, json(CenterEntry.withdrawn(entryNumber, "ELE", d)));
    }

    void decide(String entryNumber, String specialistId, String action) {
        command(CenterCommand.Type.CLAIM, entryNumber, specialistId, null);
        command(CenterCommand.Type.DECIDE, entryNumber, specialistId, action);
    }

    String command(CenterCommand.Type type, String entryNumber, String specialistId, String action) {
        return send(new CenterCommand("c-" + (++commandSeq), type, entryNumber, "ELE", specialistId, action, null,
                clock.instant()));
    }

    String putSpecialist(Specialist s) {
        return send(new CenterCommand("c-" + (++commandSeq), CenterCommand.Type.PUT_SPECIALIST, null, "ELE", s.id(), null,
                null, clock.instant(), s, null));
    }

    String seed(List<Specialist> specialists) {
        return send(new CenterCommand("c-" + (++commandSeq), CenterCommand.Type.SEED_ROSTER, null, "ELE", null, null,
                null, clock.instant(), null, specialists));
    }

    String send(CenterCommand command) {
        commands.pipeInput("ELE", json(command));
        return command.commandId();
    }

    void roster(Specialist... specialists) {
        staffing.pipeInput("ELE", json(StaffingRoster.of("ELE", List.of(specialists), clock.instant())));
    }
}
