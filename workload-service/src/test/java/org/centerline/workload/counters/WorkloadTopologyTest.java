package org.centerline.workload.counters;

import static org.assertj.core.api.Assertions.tuple;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.centerline.contracts.event.ImporterAssignment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.centerline.contracts.event.EntryStatus;
import org.centerline.contracts.event.RoutingBasis;
import org.centerline.contracts.event.RoutingDecision;
import org.centerline.contracts.event.RoutingFlag;
import org.centerline.contracts.event.Specialist;
import org.centerline.contracts.event.SpecialistRole;
import org.centerline.contracts.event.StaffingRoster;
import org.centerline.contracts.event.StatusChanged;
import org.centerline.contracts.json.JsonSerde;
import org.centerline.contracts.topic.Topics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workload topology on {@link TopologyTestDriver}, on worked examples. The clock is fixed at
 * {@code NOW} = 2026-03-15T14:30:00Z (a Sunday), so:
 * <ul>
 *   <li>"today" is from 2026-03-15T00:00Z,</li>
 *   <li>"7 days" is from NOW - 7d = 2026-03-08T14:30Z, counted to the hour: from 2026-03-08T14:00Z,</li>
 *   <li>"30 days" is from NOW - 30d = 2026-02-13T14:30Z, to the hour: from 2026-02-13T14:00Z,</li>
 *   <li>hourly buckets older than 31 days (before 2026-02-12T14:00Z) are pruned.</li>
 * </ul>
 * Every decision is routed 2 seconds after it was filed; times to decision are measured from routedAt.
 */
class WorkloadTopologyTest {

    static final Instant NOW = Instant.parse("2026-03-15T14:30:00Z");
    static final Instant TODAY = Instant.parse("2026-03-15T00:00:00Z");
    static final Instant WEEK = NOW.minus(Duration.ofDays(7));
    static final Instant MONTH = NOW.minus(Duration.ofDays(30));
    static final Duration ROUTING_DELAY = Duration.ofSeconds(2);
    static final long HOUR_MS = 3_600_000L;
    static final org.centerline.workload.WorkloadProperties PROPERTIES = new org.centerline.workload.WorkloadProperties(
            Duration.ofDays(30), null, 0.85, 0.15, 2, Duration.ofDays(31), Duration.ofMinutes(10),
            new org.centerline.workload.WorkloadProperties.CommodityLinesBand(0.05, 0.20));

    @TempDir
    Path stateDir;

    private TopologyTestDriver driver;
    private TestInputTopic<String, RoutingDecision> routed;
    private TestInputTopic<String, StatusChanged> statuses;
    private TestInputTopic<String, byte[]> routedRaw;
    private TestInputTopic<String, byte[]> statusesRaw;
    private TestInputTopic<String, StaffingRoster> rosters;
    private Workloads workloads;
    private KeyValueStore<String, Long> openItems;
    private WorkloadView view;
    /** The topology's clock: NOW, moved on by the retention tests. */
    private final MutableClock clock = new MutableClock(NOW);

    static final class MutableClock extends Clock {
        volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** Each Center's workload as the API reads it (from the global stores), or null when nothing was counted. */
    interface Workloads {
        CenterWorkload get(String code);
    }
    private KeyValueStore<String, EntryRecord> entries;

    @BeforeEach
    void startDriver() {
        StreamsBuilder builder = new StreamsBuilder();
        new WorkloadTopology().workload(builder, clock, PROPERTIES);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "workload-topology-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "dummy:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        // As application.yml: a record that cannot be read is logged and skipped.
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class.getName());
        driver = new TopologyTestDriver(builder.build(), props);

        StringSerializer keys = new StringSerializer();
        routed = driver.createInputTopic(Topics.ROUTED.name(), keys, new JsonSerde<>(RoutingDecision.class).serializer());
        statuses = driver.createInputTopic(Topics.STATUS.name(), keys, new JsonSerde<>(StatusChanged.class).serializer());
        routedRaw = driver.createInputTopic(Topics.ROUTED.name(), keys, new ByteArraySerializer());
        statusesRaw = driver.createInputTopic(Topics.STATUS.name(), keys, new ByteArraySerializer());
        rosters = driver.createInputTopic(Topics.CENTER_STAFFING.name(), keys, new JsonSerde<>(StaffingRoster.class).serializer());
        view = new WorkloadView(() -> driver.<String, CenterTotals>getKeyValueStore(WorkloadTopology.GLOBAL_TOTALS),
                () -> driver.<String, HourBucket>getKeyValueStore(WorkloadTopology.GLOBAL_WINDOWS), PROPERTIES.retention());
        workloads = code -> {
            CenterWorkload w = view.workload(code, NOW);
            return w.isEmpty() ? null : w;
        };
        openItems = driver.getKeyValueStore(CenterCounts.OPEN_ITEMS);
        entries = driver.getKeyValueStore(EntryTracker.STORE);
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    // ---------------------------------------------------------------------------------------------
    // Windows: today / 7 days / 30 days, hourly buckets, pruning, chapters, entry types, flags
    // ---------------------------------------------------------------------------------------------

    @Test
    void countsFilingsInHourlyBucketsAndSumsTodaySevenAndThirtyDays() {
        // Seven ELE entries (all HTS-routed, all still open):
        //   entry    filedAt (UTC)        points type lines by heading       flags
        //   NOW      2026-03-15T14:30     2.0    01   8542:2, 8471:1          SECTION_301
        //   EARLY    2026-03-15T00:10     1.5    01   8517:1                  -
        //   LATE     2026-03-14T23:50     1.0    86   8504:3                  LOW_VALUE
        //   3D       2026-03-12T14:30     3.0    03   8542:1, 8473:2          ADCVD, SECTION_232
        //   8D       2026-03-07T14:30     4.0    01   8528:1                  -
        //   20D      2026-02-23T14:30     5.0    01   8541:2                  SECTION_301
        //   40D      2026-02-03T14:30    10.0    01   8542:1                  - (older than 31 days: pruned)
        route("OLD-40D", "ELE", "01", Map.of("8542", 1), 10.0, List.of(), NOW.minus(Duration.ofDays(40)));
        route("OLD-20D", "ELE", "01", Map.of("8541", 2), 5.0, List.of(RoutingFlag.SECTION_301), NOW.minus(Duration.ofDays(20)));
        route("OLD-8D", "ELE", "01", Map.of("8528", 1), 4.0, List.of(), NOW.minus(Duration.ofDays(8)));
        route("OLD-3D", "ELE", "03", Map.of("8542", 1, "8473", 2), 3.0,
                List.of(RoutingFlag.ADCVD, RoutingFlag.SECTION_232), NOW.minus(Duration.ofDays(3)));
        route("YESTERDAY-LATE", "ELE", "86", Map.of("8504", 3), 1.0, List.of(RoutingFlag.LOW_VALUE),
                Instant.parse("2026-03-14T23:50:00Z"));
        route("TODAY-EARLY", "ELE", "01", Map.of("8517", 1), 1.5, List.of(), Instant.parse("2026-03-15T00:10:00Z"));
        route("TODAY-NOW", "ELE", "01", Map.of("8542", 2, "8471", 1), 2.0, List.of(RoutingFlag.SECTION_301), NOW);

        CenterWorkload ele = workloads.get("ELE");

        // Today: TODAY-NOW + TODAY-EARLY = 2 filings, 2.0 + 1.5 = 3.5 points (YESTERDAY-LATE is 10 minutes too early).
        HourBucket today = ele.since(TODAY);
        assertThat(today.filed).isEqualTo(2);
        assertThat(today.points).isCloseTo(3.5, within(1e-9));
        // Chapters (heading / 100): 8542:2 + 8471:1 + 8517:1 -> 85: 3, 84: 1.
        assertThat(nonZero(today.chapterLines)).isEqualTo(Map.of(84, 1, 85, 3));
        assertThat(nonZero(today.entryTypes)).isEqualTo(Map.of("01", 2));
        assertThat(nonZero(today.flags)).isEqualTo(Map.of("SECTION_301", 1));

        // 7 days: + YESTERDAY-LATE + OLD-3D = 4 filings, 3.5 + 1.0 + 3.0 = 7.5 points; OLD-8D is out.
        HourBucket week = ele.since(WEEK);
        assertThat(week.filed).isEqualTo(4);
        assertThat(week.points).isCloseTo(7.5, within(1e-9));

        // 30 days: + OLD-8D + OLD-20D = 6 filings, 7.5 + 4.0 + 5.0 = 16.5 points; OLD-40D is out (and pruned).
        HourBucket month = ele.since(MONTH);
        assertThat(month.filed).isEqualTo(6);
        assertThat(month.points).isCloseTo(16.5, within(1e-9));
        // Chapter 84: 8471:1 (NOW) + 8473:2 (3D) = 3.
        // Chapter 85: 8542:2 + 8517:1 + 8504:3 + 8542:1 + 8528:1 + 8541:2 = 10.
        assertThat(nonZero(month.chapterLines)).isEqualTo(Map.of(84, 3, 85, 10));
        // Types: 01 x4 (NOW, EARLY, 8D, 20D), 86 x1 (LATE), 03 x1 (3D).
        assertThat(nonZero(month.entryTypes)).isEqualTo(Map.of("01", 4, "86", 1, "03", 1));
        // Flags: SECTION_301 x2 (NOW, 20D), LOW_VALUE x1, ADCVD x1, SECTION_232 x1.
        assertThat(nonZero(month.flags)).isEqualTo(Map.of("SECTION_301", 2, "LOW_VALUE", 1, "ADCVD", 1, "SECTION_232", 1));

        // One bucket per filing hour, the 40-day-old one pruned: nothing older than 31 days remains.
        assertThat(ele.hours.keySet()).containsExactly(
                hour(NOW.minus(Duration.ofDays(20))), hour(NOW.minus(Duration.ofDays(8))), hour(NOW.minus(Duration.ofDays(3))),
                hour(Instant.parse("2026-03-14T23:50:00Z")), hour(Instant.parse("2026-03-15T00:10:00Z")), hour(NOW));
        assertThat(ele.since(NOW.minus(Duration.ofDays(45))).filed).isEqualTo(6);
        HourBucket nowBucket = ele.hours.get(hour(NOW));
        assertThat(nowBucket.filed).isEqualTo(1);
        assertThat(nowBucket.points).isEqualTo(2.0);
        assertThat(nonZero(nowBucket.chapterLines)).isEqualTo(Map.of(84, 1, 85, 2));

        // The backlog still holds all 7 (pruning forgets filing counts, not open work):
        // 10 + 5 + 4 + 3 + 1 + 1.5 + 2 = 26.5 points.
        assertThat(ele.open).isEqualTo(7);
        assertThat(ele.openPoints).isCloseTo(26.5, within(1e-9));
        // The oldest open item is the 40-day-old one, routed 2 s after it was filed.
        assertThat(openRoutedAt("ELE")).hasSize(7);
        assertThat(oldestOpen("ELE")).isEqualTo(NOW.minus(Duration.ofDays(40)).plus(ROUTING_DELAY).toEpochMilli());
        // Nothing decided yet.
        assertThat(ele.decided).isEmpty();
        assertThat(ele.decisions).isZero();

        // Other Centers are untouched.
        assertThat(workloads.get("MAC")).isNull();
    }

    @Test
    void sevenDayWindowIsCountedToTheHour() {
        // WEEK is 2026-03-08T14:30Z; the window starts at the top of that hour, 14:00.
        route("IN-HOUR", "MAC", "01", Map.of("8481", 1), 1.0, List.of(), Instant.parse("2026-03-08T14:05:00Z"));
        route("HOUR-BEFORE", "MAC", "01", Map.of("8481", 1), 2.0, List.of(), Instant.parse("2026-03-08T13:59:00Z"));

        HourBucket week = workloads.get("MAC").since(WEEK);
        assertThat(week.filed).isEqualTo(1);
        assertThat(week.points).isEqualTo(1.0);
    }

    @Test
    void linesByHeadingAbsentCountsTheFilingButNoChapterLines() {
        // A decision written before linesByHeading existed: counted, with no chapter lines.
        pipe(decision("NO-HEADINGS", "CPM", RoutingBasis.HTS, "01", null, Map.of("CPM", 2), 1.25, List.of(), NOW, null));

        CenterWorkload cpm = workloads.get("CPM");
        assertThat(cpm.since(TODAY).filed).isEqualTo(1);
        assertThat(cpm.since(TODAY).points).isEqualTo(1.25);
        assertThat(nonZero(cpm.since(TODAY).chapterLines)).isEmpty();
        assertThat(entries.get("NO-HEADINGS").linesByHeading()).isEmpty();
    }

    // ---------------------------------------------------------------------------------------------
    // Re-filings
    // ---------------------------------------------------------------------------------------------

    @Test
    void reFilingInTheSameCenterIsCountedOnceAndMovesToTheNewFilingsHour() {
        // REFILED-1: first filed 2026-03-13T14:30 (2 days ago), 2.0 points, 8542:2.
        // Re-filed 2026-03-15T13:30 (an hour ago), 3.0 points, 8542:3, flag REFILED, still ELE.
        Instant first = NOW.minus(Duration.ofDays(2));
        Instant second = NOW.minus(Duration.ofHours(1));
        route("REFILED-1", "ELE", "01", Map.of("8542", 2), 2.0, List.of(), first);
        CenterWorkload before = workloads.get("ELE");
        assertThat(before.since(MONTH).filed).isEqualTo(1);
        assertThat(before.open).isEqualTo(1);
        assertThat(before.openPoints).isEqualTo(2.0);

        route("REFILED-1", "ELE", "01", Map.of("8542", 3), 3.0, List.of(RoutingFlag.REFILED), second);

        CenterWorkload ele = workloads.get("ELE");
        // Counted once: 1 filing of 3.0 points (not 2 filings of 5.0), 3 lines in chapter 85 (not 5).
        HourBucket month = ele.since(MONTH);
        assertThat(month.filed).isEqualTo(1);
        assertThat(month.points).isEqualTo(3.0);
        assertThat(nonZero(month.chapterLines)).isEqualTo(Map.of(85, 3));
        assertThat(nonZero(month.flags)).isEqualTo(Map.of("REFILED", 1));
        assertThat(nonZero(month.entryTypes)).isEqualTo(Map.of("01", 1));
        // The filing now sits in the re-filing's hour: it counts for today; the old hour is empty.
        assertThat(ele.since(TODAY).filed).isEqualTo(1);
        assertThat(ele.hours.get(hour(second)).filed).isEqualTo(1);
        assertThat(ele.hours.get(hour(first)).filed).isZero();
        assertThat(ele.hours.get(hour(first)).points).isZero();
        // Backlog: one item of the new version's points: 2.0 - 2.0 + 3.0 = 3.0.
        assertThat(ele.open).isEqualTo(1);
        assertThat(ele.openPoints).isEqualTo(3.0);
        // Its open item now dates from the re-filing's routing.
        assertThat(openItem("ELE", "REFILED-1")).isEqualTo(second.plus(ROUTING_DELAY).toEpochMilli());
        EntryRecord entry = entries.get("REFILED-1");
        assertThat(entry.filedAt()).isEqualTo(second);
        assertThat(entry.workloadPoints()).isEqualTo(3.0);
        assertThat(entry.open()).isTrue();
    }

    @Test
    void reFilingThatMovesCentersTakesCountPointsAndBacklogAlongAndIgnoresTheOldCentersWithdrawal() {
        // MOVED-1: filed in ELE 2 days ago, 2.0 points, 8542:2 + 8471:1 (ELE 3 lines), SECTION_301.
        // Re-filed an hour ago with 8481:3 + 8542:1 (MAC 3 vs ELE 1): routed to MAC, 2.5 points.
        // ELE then withdraws its (now stale) copy 30 minutes ago.
        Instant first = NOW.minus(Duration.ofDays(2));
        Instant second = NOW.minus(Duration.ofHours(1));
        // A second ELE entry stays put, so ELE's numbers are not simply all zero.
        route("STAYS-1", "ELE", "01", Map.of("8517", 1), 1.0, List.of(), first);
        route("MOVED-1", "ELE", "01", Map.of("8542", 2, "8471", 1), 2.0, List.of(RoutingFlag.SECTION_301), first);
        assertThat(workloads.get("ELE").since(MONTH).filed).isEqualTo(2);
        assertThat(workloads.get("ELE").openPoints).isEqualTo(3.0);

        pipe(decision("MOVED-1", "MAC", RoutingBasis.HTS, "01", Map.of("8481", 3, "8542", 1), Map.of("MAC", 3, "ELE", 1),
                2.5, List.of(RoutingFlag.SECTION_301, RoutingFlag.REFILED), second, "ELE"));
        status("MOVED-1", "ELE", EntryStatus.WITHDRAWN, NOW.minus(Duration.ofMinutes(30)));

        // ELE: only STAYS-1 is left: 1 filing, 1.0 point, 1 line of chapter 85, backlog 1 / 1.0,
        // and the withdrawal did not count as a decision.
        CenterWorkload ele = workloads.get("ELE");
        HourBucket eleMonth = ele.since(MONTH);
        assertThat(eleMonth.filed).isEqualTo(1);
        assertThat(eleMonth.points).isEqualTo(1.0);
        assertThat(nonZero(eleMonth.chapterLines)).isEqualTo(Map.of(85, 1));
        assertThat(nonZero(eleMonth.flags)).isEmpty();
        assertThat(ele.open).isEqualTo(1);
        assertThat(ele.openPoints).isEqualTo(1.0);
        assertThat(ele.decided).isEmpty();
        assertThat(ele.decisions).isZero();
        assertThat(openItem("ELE", "MOVED-1")).isNull();

        // MAC: the entry, once, with the new version's numbers, still open.
        CenterWorkload mac = workloads.get("MAC");
        HourBucket macMonth = mac.since(MONTH);
        assertThat(macMonth.filed).isEqualTo(1);
        assertThat(macMonth.points).isEqualTo(2.5);
        assertThat(nonZero(macMonth.chapterLines)).isEqualTo(Map.of(84, 3, 85, 1));
        assertThat(nonZero(macMonth.flags)).isEqualTo(Map.of("SECTION_301", 1, "REFILED", 1));
        assertThat(mac.since(TODAY).filed).isEqualTo(1);
        assertThat(mac.open).isEqualTo(1);
        assertThat(mac.openPoints).isEqualTo(2.5);
        assertThat(mac.decided).isEmpty();
        assertThat(openItem("MAC", "MOVED-1")).isEqualTo(second.plus(ROUTING_DELAY).toEpochMilli());

        EntryRecord moved = entries.get("MOVED-1");
        assertThat(moved.centerCode()).isEqualTo("MAC");
        assertThat(moved.status()).isEqualTo(EntryStatus.QUEUED);
        assertThat(moved.open()).isTrue();

        // MAC's own decision then closes it in MAC: 30 minutes after its routing.
        status("MOVED-1", "MAC", EntryStatus.ACCEPTED, second.plus(ROUTING_DELAY).plus(Duration.ofMinutes(30)));
        mac = workloads.get("MAC");
        assertThat(mac.open).isZero();
        assertThat(mac.openPoints).isZero();
        assertThat(mac.decided).isEqualTo(Map.of("ACCEPTED", 1));
        assertThat(mac.decisionMillis).isEqualTo(30 * 60_000L);
        assertThat(mac.decisions).isEqualTo(1);
        assertThat(workloads.get("ELE").decided).isEmpty();
    }

    @Test
    void reFilingAfterRejectionIsCountedOnceAndReentersTheBacklog() {
        // FIXED-1: filed in IMM 3 days ago (1.0 point), rejected to the filer 1 h after routing,
        // then re-filed an hour ago (1.5 points) in IMM: one filing, open again, one rejection.
        Instant first = NOW.minus(Duration.ofDays(3));
        route("FIXED-1", "IMM", "01", Map.of("3926", 1), 1.0, List.of(), first);
        status("FIXED-1", "IMM", EntryStatus.REJECTED_TO_FILER, first.plus(ROUTING_DELAY).plus(Duration.ofHours(1)));
        assertThat(workloads.get("IMM").open).isZero();

        Instant second = NOW.minus(Duration.ofHours(1));
        route("FIXED-1", "IMM", "01", Map.of("3926", 2), 1.5, List.of(RoutingFlag.REFILED), second);

        CenterWorkload imm = workloads.get("IMM");
        assertThat(imm.since(MONTH).filed).isEqualTo(1);
        assertThat(imm.since(MONTH).points).isEqualTo(1.5);
        assertThat(imm.open).isEqualTo(1);
        assertThat(imm.openPoints).isEqualTo(1.5);
        assertThat(imm.decided).isEqualTo(Map.of("REJECTED_TO_FILER", 1));
        assertThat(imm.decisionMillis).isEqualTo(HOUR_MS);
        assertThat(openItem("IMM", "FIXED-1")).isEqualTo(second.plus(ROUTING_DELAY).toEpochMilli());
        assertThat(entries.get("FIXED-1").status()).isEqualTo(EntryStatus.QUEUED);
    }

    @Test
    void closingStatusFromTheNewCenterReadBeforeTheReFilingsDecisionIsNotLost() {
        // MOVING-1: filed in ELE 2 days ago (2.0 points), re-filed an hour ago and routed to MAC (2.5 points).
        // MAC accepts it 30 min after that routing, and that ACCEPTED is read before the re-filing's
        // routing decision (different topics; the tracker remembers early statuses for first filings).
        // Expected, as for a first filing: MAC counts 1 filing and 1 decision, and has no backlog.
        Instant first = NOW.minus(Duration.ofDays(2));
        Instant second = NOW.minus(Duration.ofHours(1));
        route("MOVING-1", "ELE", "01", Map.of("8542", 1), 2.0, List.of(), first);
        status("MOVING-1", "MAC", EntryStatus.ACCEPTED, second.plus(ROUTING_DELAY).plus(Duration.ofMinutes(30)));
        pipe(decision("MOVING-1", "MAC", RoutingBasis.HTS, "01", Map.of("8481", 1), Map.of("MAC", 1), 2.5,
                List.of(RoutingFlag.REFILED), second, "ELE"));

        CenterWorkload ele = workloads.get("ELE");
        assertThat(ele.since(MONTH).filed).isZero();
        assertThat(ele.open).isZero();
        CenterWorkload mac = workloads.get("MAC");
        assertThat(mac.since(MONTH).filed).isEqualTo(1);
        assertThat(mac.decided).as("MAC's ACCEPTED, read before the re-filing's routing decision").isEqualTo(Map.of("ACCEPTED", 1));
        assertThat(mac.open).as("MAC backlog").isZero();
        assertThat(openItem("MAC", "MOVING-1")).as("MAC open item").isNull();
    }

    // ---------------------------------------------------------------------------------------------
    // Statuses: closing, not closing, twice, before the routing decision
    // ---------------------------------------------------------------------------------------------

    @Test
    void closingStatusesLeaveTheBacklogOnceAndCountDecisionsAndTheirTime() {
        // Five PHC entries filed a day ago (routed R = filed + 2 s):
        //   D-1 1.0 points: ASSIGNED, IN_REVIEW, then ACCEPTED at R + 2 h, then REJECTED_TO_FILER at R + 12 h (ignored)
        //   D-2 2.0 points: CF28_ISSUED, CF28_ANSWERED, then CF29_ISSUED at R + 4 h
        //   D-3 3.0 points: REJECTED_TO_FILER at R + 6 h
        //   D-4 4.0 points: WITHDRAWN at R + 10 h (a decision by type, but not in the time to decision)
        //   D-5 5.0 points: stays open
        Instant filed = NOW.minus(Duration.ofDays(1));
        Instant routedAt = filed.plus(ROUTING_DELAY);
        for (int i = 1; i <= 5; i++) {
            route("D-" + i, "PHC", "01", Map.of("3004", 1), i, List.of(), filed);
        }
        CenterWorkload start = workloads.get("PHC");
        assertThat(start.open).isEqualTo(5);
        assertThat(start.openPoints).isEqualTo(15.0);

        // Statuses that do not close change none of the counts.
        status("D-1", "PHC", EntryStatus.ASSIGNED, routedAt.plus(Duration.ofMinutes(10)));
        status("D-1", "PHC", EntryStatus.IN_REVIEW, routedAt.plus(Duration.ofMinutes(20)));
        status("D-2", "PHC", EntryStatus.CF28_ISSUED, routedAt.plus(Duration.ofHours(1)));
        status("D-2", "PHC", EntryStatus.CF28_ANSWERED, routedAt.plus(Duration.ofHours(3)));
        CenterWorkload reviewing = workloads.get("PHC");
        assertThat(reviewing.open).isEqualTo(5);
        assertThat(reviewing.openPoints).isEqualTo(15.0);
        assertThat(reviewing.decided).isEmpty();
        assertThat(reviewing.decisions).isZero();
        assertThat(reviewing.decisionMillis).isZero();
        assertThat(reviewing.since(MONTH).filed).isEqualTo(5);
        assertThat(openRoutedAt("PHC")).hasSize(5);
        assertThat(entries.get("D-1").status()).isEqualTo(EntryStatus.IN_REVIEW);
        assertThat(entries.get("D-2").status()).isEqualTo(EntryStatus.CF28_ANSWERED);
        assertThat(entries.get("D-2").open()).isTrue();

        status("D-1", "PHC", EntryStatus.ACCEPTED, routedAt.plus(Duration.ofHours(2)));
        status("D-2", "PHC", EntryStatus.CF29_ISSUED, routedAt.plus(Duration.ofHours(4)));
        status("D-3", "PHC", EntryStatus.REJECTED_TO_FILER, routedAt.plus(Duration.ofHours(6)));
        status("D-4", "PHC", EntryStatus.WITHDRAWN, routedAt.plus(Duration.ofHours(10)));
        // A second closing status for D-1 does nothing.
        status("D-1", "PHC", EntryStatus.REJECTED_TO_FILER, routedAt.plus(Duration.ofHours(12)));

        CenterWorkload phc = workloads.get("PHC");
        // Backlog: only D-5 is left: 1 item, 15 - (1 + 2 + 3 + 4) = 5.0 points.
        assertThat(phc.open).isEqualTo(1);
        assertThat(phc.openPoints).isEqualTo(5.0);
        assertThat(openRoutedAt("PHC")).containsOnlyKeys("PHC/D-5");
        // Decided, by type: one of each, the repeated closing status not counted.
        assertThat(phc.decided).isEqualTo(Map.of("ACCEPTED", 1, "CF29_ISSUED", 1, "REJECTED_TO_FILER", 1, "WITHDRAWN", 1));
        // Time to decision: (2 h + 4 h + 6 h) / 3 = 4 h; WITHDRAWN's 10 h does not count.
        assertThat(phc.decisions).isEqualTo(3);
        assertThat(phc.decisionMillis).isEqualTo(12 * HOUR_MS);
        assertThat(phc.decisionMillis / (double) phc.decisions).isEqualTo(4.0 * HOUR_MS);
        // Decisions do not change what was filed.
        assertThat(phc.since(MONTH).filed).isEqualTo(5);
        assertThat(phc.since(MONTH).points).isEqualTo(15.0);
        assertThat(entries.get("D-1").open()).isFalse();
    }

    @Test
    void statusBeforeItsRoutingDecisionIsRemembered() {
        // IN_REVIEW arrives before the routing decision (another topic): no counts yet, but remembered.
        Instant filed = NOW.minus(Duration.ofHours(5));
        Instant routedAt = filed.plus(ROUTING_DELAY);
        status("EARLY-1", "AGR", EntryStatus.IN_REVIEW, routedAt.plus(Duration.ofMinutes(1)));
        assertThat(workloads.get("AGR")).isNull();
        EntryRecord remembered = entries.get("EARLY-1");
        assertThat(remembered.routed()).isFalse();
        assertThat(remembered.pending().status()).isEqualTo(EntryStatus.IN_REVIEW);

        route("EARLY-1", "AGR", "01", Map.of("0201", 2), 1.5, List.of(), filed);
        CenterWorkload agr = workloads.get("AGR");
        assertThat(agr.since(TODAY).filed).isEqualTo(1);
        assertThat(agr.open).isEqualTo(1);
        assertThat(agr.openPoints).isEqualTo(1.5);
        assertThat(nonZero(agr.since(TODAY).chapterLines)).isEqualTo(Map.of(2, 2));
        EntryRecord entry = entries.get("EARLY-1");
        assertThat(entry.status()).isEqualTo(EntryStatus.IN_REVIEW);
        assertThat(entry.open()).isTrue();

        // Then decided 3 hours after routing.
        status("EARLY-1", "AGR", EntryStatus.ACCEPTED, routedAt.plus(Duration.ofHours(3)));
        agr = workloads.get("AGR");
        assertThat(agr.open).isZero();
        assertThat(agr.decided).isEqualTo(Map.of("ACCEPTED", 1));
        assertThat(agr.decisionMillis).isEqualTo(3 * HOUR_MS);
    }

    @Test
    void closingStatusBeforeItsRoutingDecisionCountsTheDecisionButNeverOpens() {
        // CLOSED-EARLY: ACCEPTED arrives before its routing decision. Once routed it counts as filed
        // and decided, and never enters the backlog.
        Instant filed = NOW.minus(Duration.ofHours(6));
        Instant routedAt = filed.plus(ROUTING_DELAY);
        status("CLOSED-EARLY", "AGR", EntryStatus.ACCEPTED, routedAt.plus(Duration.ofHours(4)));
        route("CLOSED-EARLY", "AGR", "01", Map.of("0201", 1), 1.0, List.of(), filed);

        CenterWorkload agr = workloads.get("AGR");
        assertThat(agr.since(TODAY).filed).isEqualTo(1);
        assertThat(agr.since(TODAY).points).isEqualTo(1.0);
        assertThat(agr.open).isZero();
        assertThat(agr.openPoints).isZero();
        assertThat(agr.decided).isEqualTo(Map.of("ACCEPTED", 1));
        assertThat(openItem("AGR", "CLOSED-EARLY")).isNull();
        assertThat(entries.get("CLOSED-EARLY").open()).isFalse();
    }

    @Test
    void closingStatusBeforeItsRoutingDecisionDoesNotPullTheMeanTimeToDecisionDown() {
        // ON-TIME: routed, then ACCEPTED 2 h after routing.
        // CLOSED-EARLY: its ACCEPTED (4 h after its routing, by the status's own 'at') is read before its
        // routing decision. The time from routing to decision is 4 h, whatever order the topics were read in.
        // Mean time to decision: (2 h + 4 h) / 2 = 3 h. Counting CLOSED-EARLY as 0 ms would give 1 h.
        Instant filed = NOW.minus(Duration.ofHours(6));
        Instant routedAt = filed.plus(ROUTING_DELAY);
        route("ON-TIME", "AGR", "01", Map.of("0201", 1), 1.0, List.of(), filed);
        status("ON-TIME", "AGR", EntryStatus.ACCEPTED, routedAt.plus(Duration.ofHours(2)));
        status("CLOSED-EARLY", "AGR", EntryStatus.ACCEPTED, routedAt.plus(Duration.ofHours(4)));
        route("CLOSED-EARLY", "AGR", "01", Map.of("0201", 1), 1.0, List.of(), filed);

        CenterWorkload agr = workloads.get("AGR");
        assertThat(agr.decided).isEqualTo(Map.of("ACCEPTED", 2));
        assertThat(agr.decisions).isEqualTo(2);
        assertThat(agr.decisionMillis / (double) agr.decisions).as("mean ms from routing to decision").isEqualTo(3.0 * HOUR_MS);
    }

    @Test
    void statusBeforeRoutingFromAnotherCenterIsNotCarriedOver() {
        // An early ACCEPTED from ELE does not close the entry that routing then sends to MAC.
        status("OTHER-1", "ELE", EntryStatus.ACCEPTED, NOW.minus(Duration.ofMinutes(5)));
        route("OTHER-1", "MAC", "01", Map.of("8481", 1), 2.0, List.of(), NOW.minus(Duration.ofMinutes(10)));

        CenterWorkload mac = workloads.get("MAC");
        assertThat(mac.open).isEqualTo(1);
        assertThat(mac.openPoints).isEqualTo(2.0);
        assertThat(mac.decided).isEmpty();
        assertThat(entries.get("OTHER-1").status()).isEqualTo(EntryStatus.QUEUED);
        assertThat(workloads.get("ELE")).isNull();
    }

    // ---------------------------------------------------------------------------------------------
    // Bad input is skipped, the next record is processed
    // ---------------------------------------------------------------------------------------------

    @Test
    void skipsUnknownCentersAndMalformedRecordsAndProcessesTheNext() {
        // Not JSON, JSON that is not a decision, a decision for an unknown Center, one without filedAt,
        // and a status for an unknown Center: all skipped.
        routedRaw.pipeInput("BAD-1", "{not json".getBytes(StandardCharsets.UTF_8), NOW);
        routedRaw.pipeInput("BAD-2", "{\"entryNumber\":\"BAD-2\",\"centerCode\":\"ELE\"}".getBytes(StandardCharsets.UTF_8), NOW);
        route("BAD-3", "XYZ", "01", Map.of("8542", 1), 9.0, List.of(), NOW);
        pipe(decision("BAD-4", "ELE", RoutingBasis.HTS, "01", Map.of("8542", 1), Map.of("ELE", 1), 9.0, List.of(), null, null));
        routedRaw.pipeInput("BAD-5", null, NOW);
        statusesRaw.pipeInput("BAD-6", "[1,2".getBytes(StandardCharsets.UTF_8), NOW);

        // The next good records are processed as usual.
        route("GOOD-1", "ELE", "01", Map.of("8542", 1), 1.5, List.of(), NOW);
        status("GOOD-1", "XYZ", EntryStatus.ACCEPTED, NOW.plus(Duration.ofMinutes(1)));
        status("GOOD-1", "ELE", EntryStatus.IN_REVIEW, NOW.plus(Duration.ofMinutes(2)));

        CenterWorkload ele = workloads.get("ELE");
        assertThat(ele.since(TODAY).filed).isEqualTo(1);
        assertThat(ele.since(TODAY).points).isEqualTo(1.5);
        assertThat(ele.open).isEqualTo(1);
        assertThat(ele.decided).isEmpty();
        assertThat(workloads.get("XYZ")).isNull();
        assertThat(entries.get("GOOD-1").status()).isEqualTo(EntryStatus.IN_REVIEW);
        for (String bad : List.of("BAD-1", "BAD-2", "BAD-3", "BAD-4", "BAD-5", "BAD-6")) {
            assertThat(entries.get(bad)).as(bad).isNull();
        }
        assertThat(org.centerline.contracts.center.Centers.all().stream().map(c -> c.code()).filter(c -> workloads.get(c) != null))
                .containsExactly("ELE");
        assertThat(openRoutedAt("ELE")).containsOnlyKeys("ELE/GOOD-1");
    }

    // ---------------------------------------------------------------------------------------------
    // Open items: the oldest routedAt per Center
    // ---------------------------------------------------------------------------------------------

    @Test
    void openItemsGiveEachCentersOldestOpenRoutedAt() {
        // ELE: routed 5 h, 3 h and 1 h ago; the 5-hour-old one is accepted -> oldest open is 3 h ago.
        // PNG: one routed 10 h ago, older than any of ELE's; it must not show in ELE's key range.
        route("ITEM-5H", "ELE", "01", Map.of("8542", 1), 1.0, List.of(), NOW.minus(Duration.ofHours(5)));
        route("ITEM-3H", "ELE", "01", Map.of("8542", 1), 1.0, List.of(), NOW.minus(Duration.ofHours(3)));
        route("ITEM-1H", "ELE", "01", Map.of("8542", 1), 1.0, List.of(), NOW.minus(Duration.ofHours(1)));
        route("ITEM-10H", "PNG", "01", Map.of("2709", 1), 1.0, List.of(), NOW.minus(Duration.ofHours(10)));
        assertThat(oldestOpen("ELE")).isEqualTo(NOW.minus(Duration.ofHours(5)).plus(ROUTING_DELAY).toEpochMilli());

        status("ITEM-5H", "ELE", EntryStatus.ACCEPTED, NOW);

        assertThat(openRoutedAt("ELE")).containsOnlyKeys("ELE/ITEM-3H", "ELE/ITEM-1H");
        assertThat(oldestOpen("ELE")).isEqualTo(NOW.minus(Duration.ofHours(3)).plus(ROUTING_DELAY).toEpochMilli());
        assertThat(oldestOpen("PNG")).isEqualTo(NOW.minus(Duration.ofHours(10)).plus(ROUTING_DELAY).toEpochMilli());
        assertThat(workloads.get("ELE").open).isEqualTo(2);
    }

    @Test
    void rostersAreReadIntoTheGlobalTable() {
        StaffingRoster ele = StaffingRoster.of("ELE", List.of(
                new Specialist("S-1", "Ana", SpecialistRole.IMPORT_SPECIALIST, List.of(85), true),
                new Specialist("S-2", "Ben", SpecialistRole.IMPORT_SPECIALIST, List.of(84), false),
                new Specialist("S-3", "Cy", SpecialistRole.ENTRY_SPECIALIST, List.of(), true)), NOW);
        rosters.pipeInput("ELE", ele, NOW);

        KeyValueStore<String, ValueAndTimestamp<StaffingRoster>> store = driver.getTimestampedKeyValueStore(WorkloadTopology.ROSTERS);
        StaffingRoster read = store.get("ELE").value();
        assertThat(read.countsByRole()).containsEntry(SpecialistRole.IMPORT_SPECIALIST, 2)
                .containsEntry(SpecialistRole.ENTRY_SPECIALIST, 1).containsEntry(SpecialistRole.DRAWBACK_SPECIALIST, 0);
    }

    @Test
    void theDayAndHeadingCountsCountEveryLineOfTheEntryUnderItsDecidingHeadingAndARefilingMovesThem() {
        // LINES-1 in ELE: 8542:2 + 8471:1 + 9903:1 (a companion line counted under its heading) -> deciding heading 8542
        // (most ELE lines), 4 lines. Re-filed: 8481:3 + 8542:1 -> MAC, deciding heading 8481, 4 lines.
        route("LINES-1", "ELE", "01", Map.of("8542", 2, "8471", 1, "9903", 1), 2.0, List.of(), NOW.minus(Duration.ofHours(3)));
        long sinceDay = NOW.minus(Duration.ofDays(1)).getEpochSecond() / 86_400;
        assertThat(view.headingCounts("ELE", sinceDay)).extracting(WorkloadView.HeadingCount::heading,
                WorkloadView.HeadingCount::entries, WorkloadView.HeadingCount::lines).containsExactly(tuple("8542", 1, 4));

        route("LINES-1", "MAC", "01", Map.of("8481", 3, "8542", 1), 2.0, List.of(RoutingFlag.REFILED), NOW.minus(Duration.ofHours(1)));
        assertThat(view.headingCounts("ELE", sinceDay)).extracting(WorkloadView.HeadingCount::heading,
                WorkloadView.HeadingCount::entries, WorkloadView.HeadingCount::lines).containsExactly(tuple("8542", 0, 0));
        assertThat(view.headingCounts("MAC", sinceDay)).extracting(WorkloadView.HeadingCount::heading,
                WorkloadView.HeadingCount::entries, WorkloadView.HeadingCount::lines).containsExactly(tuple("8481", 1, 4));
        // The hourly buckets count lines too.
        assertThat(workloads.get("MAC").since(MONTH).lines).isEqualTo(4);
    }

    @Test
    void aWindowCountPublishedBeforeLinesWereCountedReadsAsNoLines() throws Exception {
        HourBucket old = new JsonSerde<>(HourBucket.class).deserializer().deserialize(Topics.WORKLOAD_WINDOW_COUNTS.name(),
                "{\"filed\":3,\"points\":4.5,\"chapterLines\":{},\"entryTypes\":{},\"flags\":{}}".getBytes(StandardCharsets.UTF_8));
        assertThat(old.filed).isEqualTo(3);
        assertThat(old.lines).isZero();
    }

    @Test
    void importerAssignmentsAreReadIntoTheGlobalTable() {
        TestInputTopic<String, ImporterAssignment> assignments = driver.createInputTopic(Topics.IMPORTER_ASSIGNMENTS.name(),
                new StringSerializer(), new JsonSerde<>(ImporterAssignment.class).serializer());
        assignments.pipeInput("12-3456789AB", new ImporterAssignment("12-3456789AB", "CPM", LocalDate.of(2026, 1, 1)), NOW);
        assignments.pipeInput("98-7654321CD", new ImporterAssignment("98-7654321CD", "CPM", LocalDate.of(2026, 1, 1)), NOW);
        assignments.pipeInput("98-7654321CD", null, NOW);
        KeyValueStore<String, ValueAndTimestamp<ImporterAssignment>> store =
                driver.getTimestampedKeyValueStore(WorkloadTopology.ASSIGNMENTS);
        assertThat(store.get("12-3456789AB").value().centerCode()).isEqualTo("CPM");
        assertThat(store.get("98-7654321CD")).isNull();
    }

    // ---------------------------------------------------------------------------------------------
    // Retention: windows and the tracker
    // ---------------------------------------------------------------------------------------------

    @Test
    void windowsAndClosedEntriesOlderThanTheRetentionAreGoneRecentOnesAndOpenOnesStay() {
        // Filed 10 days before NOW: CLOSED (accepted at once) and OPEN-OLD (never decided).
        // Filed an hour before NOW: RECENT (accepted). A status with no decision 10 days ago: ORPHAN.
        Instant tenDaysAgo = NOW.minus(Duration.ofDays(10));
        route("CLOSED", "ELE", "01", Map.of("8542", 1), 1.0, List.of(), tenDaysAgo);
        status("CLOSED", "ELE", EntryStatus.ACCEPTED, tenDaysAgo.plusSeconds(60));
        route("OPEN-OLD", "ELE", "01", Map.of("8542", 1), 2.0, List.of(), tenDaysAgo);
        route("RECENT", "ELE", "01", Map.of("8471", 2), 4.0, List.of(), NOW.minus(Duration.ofHours(1)));
        status("RECENT", "ELE", EntryStatus.ACCEPTED, NOW);
        status("ORPHAN", "MAC", EntryStatus.IN_REVIEW, tenDaysAgo);
        KeyValueStore<String, HourBucket> published = driver.getKeyValueStore(WorkloadTopology.GLOBAL_WINDOWS);
        String oldHour = WorkloadKeys.hour("ELE", hour(tenDaysAgo), 0);
        String oldDay = WorkloadKeys.day("ELE", tenDaysAgo.getEpochSecond() / 86_400, "8542", 0);
        String recentHour = WorkloadKeys.hour("ELE", hour(NOW.minus(Duration.ofHours(1))), 0);
        assertThat(published.get(oldHour).filed).isEqualTo(2);
        assertThat(published.get(oldDay).filed).isEqualTo(2);
        assertThat(published.get(oldDay).points).isEqualTo(3.0);

        // 31 days less 9 days later, the 10-day-old windows and entries are older than the 31-day retention;
        // the recent ones are 22 days old. The prune punctuation runs every 10 minutes of wall-clock time.
        clock.now = NOW.plus(Duration.ofDays(22));
        driver.advanceWallClockTime(Duration.ofMinutes(11));

        // Windows: the old hour and day are tombstoned on the published topic (gone from every instance's
        // global table); the recent hour stays.
        assertThat(published.get(oldHour)).isNull();
        assertThat(published.get(oldDay)).isNull();
        assertThat(published.get(recentHour).filed).isEqualTo(1);
        CenterWorkload ele = view.workload("ELE", clock.now);
        assertThat(ele.since(clock.now.minus(Duration.ofDays(31))).filed).isEqualTo(1);
        // Tracker: the closed and orphan entries are forgotten; the open one is kept (its close must still
        // count), and so is the recent one.
        assertThat(entries.get("CLOSED")).isNull();
        assertThat(entries.get("ORPHAN")).isNull();
        assertThat(entries.get("OPEN-OLD")).isNotNull();
        assertThat(entries.get("RECENT")).isNotNull();
        // Totals are not windowed: the backlog still holds OPEN-OLD, decisions stay counted.
        assertThat(ele.open).isEqualTo(1);
        assertThat(ele.decided).isEqualTo(Map.of("ACCEPTED", 2));

        // OPEN-OLD closes after its window expired: it leaves the backlog once, as if never pruned.
        status("OPEN-OLD", "ELE", EntryStatus.ACCEPTED, clock.now);
        ele = view.workload("ELE", clock.now);
        assertThat(ele.open).isZero();
        assertThat(ele.openPoints).isZero();
        assertThat(ele.decided).isEqualTo(Map.of("ACCEPTED", 3));

        // Once RECENT is older than the retention too, it goes, and OPEN-OLD (now closed) 31 days after its close.
        clock.now = NOW.plus(Duration.ofDays(54));
        driver.advanceWallClockTime(Duration.ofMinutes(11));
        assertThat(entries.get("RECENT")).isNull();
        assertThat(entries.get("OPEN-OLD")).isNull();
        assertThat(published.get(recentHour)).isNull();
        assertThat(storeKeys(driver.<String, Long>getKeyValueStore(EntryTracker.BY_TIME))).isEmpty();
    }

    @Test
    void aFilingOlderThanTheRetentionOpensWorkButIsNotCountedInAnyWindow() {
        route("ANCIENT", "AGR", "01", Map.of("0201", 1), 1.0, List.of(), NOW.minus(Duration.ofDays(40)));
        CenterWorkload agr = workloads.get("AGR");
        assertThat(agr.hours).isEmpty();
        assertThat(agr.open).isEqualTo(1);
        assertThat(storeKeys(driver.<String, HourBucket>getKeyValueStore(WorkloadTopology.GLOBAL_WINDOWS))).isEmpty();
    }

    @Test
    void countsFromSeveralTasksAreSummedByTheReader() {
        // Two counting tasks (partitions 0 and 3) published ELE's totals and the same hour: the reader adds them.
        TestInputTopic<String, CenterTotals> totals = driver.createInputTopic(Topics.WORKLOAD_CENTER_TOTALS.name(),
                new StringSerializer(), new JsonSerde<>(CenterTotals.class).serializer());
        TestInputTopic<String, HourBucket> windows = driver.createInputTopic(Topics.WORKLOAD_WINDOW_COUNTS.name(),
                new StringSerializer(), new JsonSerde<>(HourBucket.class).serializer());
        CenterTotals p0 = new CenterTotals("ELE");
        p0.open = 2;
        p0.openPoints = 3.5;
        p0.oldestOpenRoutedAt = 2000L;
        p0.decided.put("ACCEPTED", 1);
        CenterTotals p3 = new CenterTotals("ELE");
        p3.open = 1;
        p3.openPoints = 1.25;
        p3.oldestOpenRoutedAt = 1000L;
        p3.decided.put("ACCEPTED", 2);
        totals.pipeInput(WorkloadKeys.totals("ELE", 0), p0);
        totals.pipeInput(WorkloadKeys.totals("ELE", 3), p3);
        totals.pipeInput(WorkloadKeys.totals("ELEX", 0), p3);
        HourBucket h0 = new HourBucket();
        h0.filed = 2;
        h0.points = 3.0;
        HourBucket h3 = new HourBucket();
        h3.filed = 5;
        h3.points = 1.5;
        windows.pipeInput(WorkloadKeys.hour("ELE", hour(NOW), 0), h0);
        windows.pipeInput(WorkloadKeys.hour("ELE", hour(NOW), 3), h3);
        windows.pipeInput(WorkloadKeys.hour("ELE", hour(NOW.minus(Duration.ofDays(32))), 3), h3);

        CenterWorkload ele = view.workload("ELE", NOW);
        assertThat(ele.open).isEqualTo(3);
        assertThat(ele.openPoints).isEqualTo(4.75);
        assertThat(ele.oldestOpenRoutedAt).isEqualTo(1000L);
        assertThat(ele.decided).isEqualTo(Map.of("ACCEPTED", 3));
        assertThat(ele.hours).containsOnlyKeys(hour(NOW));
        assertThat(ele.since(TODAY).filed).isEqualTo(7);
        assertThat(ele.since(TODAY).points).isEqualTo(4.5);
    }

    // ---------------------------------------------------------------------------------------------
    // Helpers
    // ---------------------------------------------------------------------------------------------

    /** An HTS-routed decision, routed 2 s after filing, published at its routing time. */
    private void route(String entry, String center, String type, Map<String, Integer> lines, double points,
                       List<RoutingFlag> flags, Instant filedAt) {
        pipe(decision(entry, center, RoutingBasis.HTS, type, lines, Map.of(center, lines.values().stream().mapToInt(i -> i).sum()),
                points, flags, filedAt, null));
    }

    private static RoutingDecision decision(String entry, String center, RoutingBasis basis, String type,
                                            Map<String, Integer> lines, Map<String, Integer> byCenter, double points,
                                            List<RoutingFlag> flags, Instant filedAt, String previousCenter) {
        return new RoutingDecision(1, entry, "ABC", "12-3456789AB", type, center, basis, byCenter, lines, "2026.11-1", points,
                flags, previousCenter, filedAt, filedAt == null ? null : filedAt.plus(ROUTING_DELAY));
    }

    private void pipe(RoutingDecision d) {
        routed.pipeInput(d.entryNumber(), d, d.routedAt() == null ? NOW : d.routedAt());
    }

    private void status(String entry, String center, EntryStatus status, Instant at) {
        statuses.pipeInput(entry, new StatusChanged(1, entry, center, entry.substring(0, 3), "12-3456789AB", status, "SPEC-1", null, at), at);
    }

    private static long hour(Instant at) {
        return at.getEpochSecond() / 3600;
    }

    /** The entries of a count map that are not 0 (a re-filing leaves 0s behind in the bucket it left). */
    private static <K> Map<K, Integer> nonZero(Map<K, Integer> counts) {
        Map<K, Integer> nonZero = new TreeMap<>();
        counts.forEach((k, v) -> {
            if (v != 0) {
                nonZero.put(k, v);
            }
        });
        return nonZero;
    }

    /** The Center's open items ("CODE/entry" -> routedAt ms), read as WorkloadStores does: the key range "CODE/".."CODE0". */
    private Map<String, Long> openRoutedAt(String center) {
        Map<String, Long> items = new TreeMap<>();
        try (KeyValueIterator<String, Long> range = openItems.range(center + "/", center + "0")) {
            // Keys are CODE/routedAt(13 digits)/entry: shown here as CODE/entry.
            range.forEachRemaining(kv -> items.put(center + "/" + kv.key.substring(center.length() + 15), kv.value));
        }
        return items;
    }

    /** The routing time of the Center's open item for the entry, or null when it has none. */
    private Long openItem(String center, String entry) {
        return openRoutedAt(center).entrySet().stream().filter(e -> e.getKey().endsWith("/" + entry)).map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }

    /** The oldest open item's routing time as the API reads it (published totals), checked against the store. */
    private Long oldestOpen(String center) {
        Long published = view.workload(center, NOW).oldestOpenRoutedAt;
        assertThat(published).isEqualTo(openRoutedAt(center).values().stream().min(Long::compare).orElse(null));
        return published;
    }

    private static <V> List<String> storeKeys(KeyValueStore<String, V> store) {
        List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, V> all = store.all()) {
            all.forEachRemaining((KeyValue<String, V> kv) -> keys.add(kv.key));
        }
        return keys;
    }
}
