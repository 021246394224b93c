package org.centerline.workload.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.state.KeyValueStore;
import org.centerline.contracts.event.RebalancingReview;
import org.centerline.contracts.event.RoutingBasis;
import org.centerline.contracts.event.RoutingDecision;
import org.centerline.contracts.event.Specialist;
import org.centerline.contracts.event.SpecialistRole;
import org.centerline.contracts.event.StaffingRoster;
import org.centerline.contracts.json.JsonSerde;
import org.centerline.contracts.topic.Topics;
import org.centerline.workload.WorkloadProperties;
import org.centerline.workload.counters.Published;
import org.centerline.workload.counters.CountingTopology;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The review scheduler in the workload topology on {@link TopologyTestDriver}, the wall clock advanced by hand.
 * Weekly periods, Monday 00:00 UTC; the clock starts on Wednesday 2026-12-02 10:00 UTC, in the period of
 * 2026-11-30.
 */
class ReviewSchedulerTest {

    static final Instant START = Instant.parse("2026-12-02T10:00:00Z");
    static final WorkloadProperties PROPERTIES = new WorkloadProperties(Duration.ofDays(7), null, 0.85, 0.15, 1,
            Duration.ofDays(31), Duration.ofMinutes(10), new WorkloadProperties.CommodityLinesBand(0.05, 0.20));
    static final ReviewProperties REVIEW = new ReviewProperties(Duration.ofDays(7), Duration.ofMinutes(1));

    private final MutableClock clock = new MutableClock(START);
    private TopologyTestDriver driver;
    private TestInputTopic<String, RoutingDecision> routed;
    private TestInputTopic<String, StaffingRoster> rosters;
    private TestOutputTopic<String, RebalancingReview> reviews;
    private int entries;

    @BeforeEach
    void start() {
        driver = newDriver();
    }

    /** A driver with its own (empty) state directory and topics, as a new instance's task starts. */
    private TopologyTestDriver newDriver() {
        StreamsBuilder builder = new StreamsBuilder();
        KStream<String, Published> counted = CountingTopology.build(builder, clock, PROPERTIES);
        ReviewTopology.attach(builder, counted, clock, PROPERTIES, REVIEW);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "review-scheduler-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "dummy:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, "target/kstreams-state/" + UUID.randomUUID());
        TopologyTestDriver driver = new TopologyTestDriver(builder.build(), props, clock.now);
        routed = driver.createInputTopic(Topics.ROUTED.name(), new StringSerializer(),
                new JsonSerde<>(RoutingDecision.class).serializer());
        rosters = driver.createInputTopic(Topics.CENTER_STAFFING.name(), new StringSerializer(),
                new JsonSerde<>(StaffingRoster.class).serializer());
        reviews = driver.createOutputTopic(Topics.REBALANCING_REVIEWS.name(), new StringDeserializer(),
                new JsonSerde<>(RebalancingReview.class).deserializer());
        rosters.pipeInput("ELE", StaffingRoster.of("ELE", List.of(
                new Specialist("ele-1", "A", SpecialistRole.IMPORT_SPECIALIST, List.of(), true)), START));
        rosters.pipeInput("AGR", StaffingRoster.of("AGR", List.of(
                new Specialist("agr-1", "B", SpecialistRole.IMPORT_SPECIALIST, List.of(), true),
                new Specialist("agr-2", "C", SpecialistRole.IMPORT_SPECIALIST, List.of(), true),
                new Specialist("agr-3", "D", SpecialistRole.IMPORT_SPECIALIST, List.of(), true)), START));
        return driver;
    }

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void onePerPeriodNotTwiceWithTheChangeSinceThePrevious() {
        // 14 ELE filings on Tuesday 1 December (in the first period), 35 points per day over the 7-day window at the
        // end of it: ELE (1 import specialist, 40 points a day) runs at 125 %, over 85 % + 15 %.
        for (int i = 0; i < 14; i++) {
            route("ELE", 20.0 / 14 * 7 / 4, Instant.parse("2026-12-01T09:00:00Z"));
        }
        // The first check only notes the period it starts in: a review covers a whole period.
        tick(Duration.ofMinutes(1));
        assertThat(reviews.isEmpty()).isTrue();

        // The period ends on Monday 7 December 00:00; the next check (within a minute) publishes its review.
        clock.now = Instant.parse("2026-12-07T00:00:30Z");
        tick(Duration.ofMinutes(1));
        List<KeyValue<String, RebalancingReview>> first = reviews.readKeyValuesToList();
        assertThat(first).hasSize(1);
        RebalancingReview week1 = first.get(0).value;
        assertThat(first.get(0).key).isEqualTo("2026-11-30T00:00:00Z").isEqualTo(week1.id());
        assertThat(week1.periodFrom()).isEqualTo(Instant.parse("2026-11-30T00:00:00Z"));
        assertThat(week1.periodTo()).isEqualTo(Instant.parse("2026-12-07T00:00:00Z"));
        assertThat(week1.previousReviewId()).isNull();
        assertThat(week1.centers()).hasSize(10).allSatisfy(c -> assertThat(c.change()).isNull());
        RebalancingReview.CenterNumbers ele = center(week1, "ELE");
        assertThat(ele.filedInPeriod()).isEqualTo(14);
        assertThat(ele.backlog()).isEqualTo(14);
        assertThat(ele.specialists()).isEqualTo(1);
        assertThat(ele.capacityPointsPerDay()).isEqualTo(40.0);
        assertThat(ele.demandPointsPerDay()).isCloseTo(5.0, within(1e-6));
        assertThat(center(week1, "AGR").filedInPeriod()).isZero();

        // More checks in the same period publish nothing more.
        for (int i = 0; i < 5; i++) {
            clock.now = clock.now.plus(Duration.ofHours(6));
            tick(Duration.ofMinutes(1));
        }
        assertThat(reviews.isEmpty()).isTrue();

        // The second week: 70 more ELE filings on Tuesday 8 December.
        for (int i = 0; i < 70; i++) {
            route("ELE", 4.0, Instant.parse("2026-12-08T09:00:00Z"));
        }
        clock.now = Instant.parse("2026-12-14T00:00:10Z");
        tick(Duration.ofMinutes(1));
        List<KeyValue<String, RebalancingReview>> second = reviews.readKeyValuesToList();
        assertThat(second).hasSize(1);
        RebalancingReview week2 = second.get(0).value;
        assertThat(week2.id()).isEqualTo("2026-12-07T00:00:00Z");
        assertThat(week2.previousReviewId()).isEqualTo(week1.id());
        RebalancingReview.CenterNumbers ele2 = center(week2, "ELE");
        assertThat(ele2.filedInPeriod()).isEqualTo(70);
        assertThat(ele2.backlog()).isEqualTo(84);
        assertThat(ele2.change().filedInPeriod()).isEqualTo(70 - 14);
        assertThat(ele2.change().backlog()).isEqualTo(70);
        assertThat(ele2.change().specialists()).isZero();
        // 280 points in the last 7 days = 40 a day: 100 % on 1 specialist; the previous was 5 / 40 = 12.5 %.
        assertThat(ele2.utilization()).isEqualTo(1.0);
        assertThat(ele2.change().utilization()).isCloseTo(1.0 - 0.125, within(1e-3));
        assertThat(center(week2, "AGR").change().filedInPeriod()).isZero();
        // Headline: ELE at 100 % is over 85 % + 15 %? No: exactly 100 % is inside the band.
        assertThat(week2.headline().overBand()).doesNotContain("AGR");
        assertThat(week2.headline().hiresRecommended())
                .isEqualTo(week2.hires().stream().mapToInt(RebalancingReview.Hire::count).sum());
        assertThat(week2.headline().transfersRecommended())
                .isEqualTo(week2.transfers().stream().mapToInt(RebalancingReview.Transfer::count).sum());

        // Every instance reads them back from the global table: both, by id.
        KeyValueStore<String, RebalancingReview> global = driver.getKeyValueStore(ReviewTopology.GLOBAL_REVIEWS);
        assertThat(global.get(week1.id())).isEqualTo(week1);
        assertThat(global.get(week2.id())).isEqualTo(week2);
    }

    @Test
    void aTaskThatMovesWithItsStoreDoesNotReviewThePeriodAgain() {
        tick(Duration.ofMinutes(1));
        clock.now = Instant.parse("2026-12-07T00:00:30Z");
        tick(Duration.ofMinutes(1));
        assertThat(reviews.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("2026-11-30T00:00:00Z");
        // The task moves to another instance (a restart, a failover): its store comes with it (restored from the
        // changelog, or the standby's copy), as it stood at the last commit, which holds the review it published.
        ReviewState committed = driver.<String, ReviewState>getKeyValueStore(ReviewScheduler.STORE).get(ReviewScheduler.STATE);
        assertThat(committed.last().id()).isEqualTo("2026-11-30T00:00:00Z");
        driver.close();
        clock.now = Instant.parse("2026-12-07T00:05:00Z");
        driver = newDriver();
        driver.<String, ReviewState>getKeyValueStore(ReviewScheduler.STORE).put(ReviewScheduler.STATE, committed);

        for (int i = 0; i < 3; i++) {
            tick(Duration.ofMinutes(1));
        }
        assertThat(reviews.isEmpty()).as("the period is reviewed already").isTrue();
        clock.now = Instant.parse("2026-12-14T00:00:05Z");
        tick(Duration.ofMinutes(1));
        RebalancingReview next = reviews.readValue();
        assertThat(next.id()).isEqualTo("2026-12-07T00:00:00Z");
        assertThat(next.previousReviewId()).isEqualTo("2026-11-30T00:00:00Z");
        assertThat(reviews.isEmpty()).isTrue();
    }

    @Test
    void periodsMissedWhileNothingRanAreReviewedOnceAtTheNextCheck() {
        tick(Duration.ofMinutes(1));
        clock.now = Instant.parse("2026-12-07T00:00:30Z");
        tick(Duration.ofMinutes(1));
        assertThat(reviews.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("2026-11-30T00:00:00Z");

        // Three weeks later (no check ran in between): one review, of the period that ended last.
        clock.now = Instant.parse("2026-12-30T12:00:00Z");
        tick(Duration.ofMinutes(1));
        tick(Duration.ofMinutes(1));
        List<KeyValue<String, RebalancingReview>> late = reviews.readKeyValuesToList();
        assertThat(late).extracting(kv -> kv.key).containsExactly("2026-12-21T00:00:00Z");
        assertThat(late.get(0).value.previousReviewId()).isEqualTo("2026-11-30T00:00:00Z");
        assertThat(late.get(0).value.publishedAt()).isEqualTo(Instant.parse("2026-12-30T12:00:00Z"));
    }

    @Test
    void overloadedCenterIsInTheHeadlineWithTheRecommendedMoves() {
        // ELE: 56 filings x 5 points in the week = 40 points a day on 1 specialist... and 100 more points: 54.3 a day.
        for (int i = 0; i < 76; i++) {
            route("ELE", 5.0, Instant.parse("2026-12-03T09:00:00Z"));
        }
        tick(Duration.ofMinutes(1));
        clock.now = Instant.parse("2026-12-07T00:00:30Z");
        tick(Duration.ofMinutes(1));
        RebalancingReview review = reviews.readValue();
        assertThat(center(review, "ELE").utilization()).isGreaterThan(1.0);
        assertThat(review.headline().overBand()).contains("ELE");
        assertThat(review.headline().centersOverBand()).isEqualTo(review.headline().overBand().size());
        // AGR has 3 specialists and no demand: the model moves one or more to ELE.
        assertThat(review.transfers()).anySatisfy(t -> {
            assertThat(t.fromCenter()).isEqualTo("AGR");
            assertThat(t.toCenter()).isEqualTo("ELE");
        });
        assertThat(review.headline().transfersRecommended()).isPositive();
    }

    private static RebalancingReview.CenterNumbers center(RebalancingReview review, String code) {
        return review.centers().stream().filter(c -> c.centerCode().equals(code)).findFirst().orElseThrow();
    }

    private void tick(Duration by) {
        driver.advanceWallClockTime(by);
    }

    private void route(String center, double points, Instant filedAt) {
        entries++;
        String entry = String.format("ABC-%07d-0", entries);
        RoutingDecision d = new RoutingDecision(1, entry, "ABC", "12-3456789AB", "01", center, RoutingBasis.HTS,
                Map.of(center, 1), Map.of("8471", 1), "2026.11-1", points, List.of(), null, filedAt, filedAt.plusSeconds(2),
                null, null);
        routed.pipeInput(entry, d, filedAt.plusSeconds(2).toEpochMilli());
    }

    static final class MutableClock extends Clock {
        volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
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
