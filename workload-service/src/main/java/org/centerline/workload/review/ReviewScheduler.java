package org.centerline.workload.review;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.centerline.contracts.event.RebalancingReview;
import org.centerline.contracts.event.StaffingRoster;
import org.centerline.workload.WorkloadProperties;
import org.centerline.workload.counters.CenterTotals;
import org.centerline.workload.counters.HourBucket;
import org.centerline.workload.counters.Published;
import org.centerline.workload.counters.WorkloadTopology;
import org.centerline.workload.counters.WorkloadView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes one rebalancing review per period. It sits in the counting sub-topology (it ignores the records that
 * pass) and acts only in that sub-topology's task of partition 0, which exactly one instance runs at a time: a
 * wall-clock punctuation looks every {@code check-every} whether a period has ended since the last review; if so it
 * makes the review from the global tables and publishes it and remembers it in its store, in the task's
 * exactly-once transaction. A restart or a failover restores the store with the task (changelog, standby), so a
 * period is reviewed once, and a period that ended while no instance ran is reviewed at the next check. After
 * several periods without any instance only the latest one is reviewed (the numbers are those of now).
 */
public final class ReviewScheduler implements Processor<String, Published, String, RebalancingReview> {

    private static final Logger log = LoggerFactory.getLogger(ReviewScheduler.class);
    public static final String STORE = "review-schedule";
    static final String STATE = "state";

    private final Clock clock;
    private final WorkloadProperties workload;
    private final ReviewPeriods periods;
    private final Duration checkEvery;
    private ProcessorContext<String, RebalancingReview> context;
    private KeyValueStore<String, ReviewState> store;
    private ReviewMaker maker;

    public ReviewScheduler(Clock clock, WorkloadProperties workload, ReviewProperties review) {
        this.clock = clock;
        this.workload = workload;
        this.periods = new ReviewPeriods(review.every());
        this.checkEvery = review.checkEvery();
    }

    @Override
    public void init(ProcessorContext<String, RebalancingReview> context) {
        this.context = context;
        this.store = context.getStateStore(STORE);
        if (context.taskId().partition() != 0) {
            return;
        }
        WorkloadView view = new WorkloadView(
                () -> GlobalStoreReader.<CenterTotals>of(context.getStateStore(WorkloadTopology.GLOBAL_TOTALS)),
                () -> GlobalStoreReader.<HourBucket>of(context.getStateStore(WorkloadTopology.GLOBAL_WINDOWS)),
                workload.retention());
        this.maker = new ReviewMaker(view,
                code -> GlobalStoreReader.<StaffingRoster>of(context.getStateStore(WorkloadTopology.ROSTERS)).get(code),
                workload);
        context.schedule(checkEvery, PunctuationType.WALL_CLOCK_TIME, at -> check());
    }

    @Override
    public void process(Record<String, Published> record) {
        // The counting records pass by: the review reads the global tables, not them.
    }

    /** Publishes the review of the period that ended last, unless it (or a later one) was published already. */
    void check() {
        Instant now = clock.instant();
        Instant current = periods.periodStart(now);
        Instant from = current.minus(periods.every());
        ReviewState state = store.get(STATE);
        if (state == null) {
            // First start: the current period is the first reviewed, when it ends.
            store.put(STATE, new ReviewState(current, null));
            return;
        }
        RebalancingReview last = state.last();
        if (last != null ? !last.periodFrom().isBefore(from) : state.watchingSince().isAfter(from)) {
            return;
        }
        RebalancingReview review = maker.review(from, current, now, last);
        store.put(STATE, new ReviewState(state.watchingSince(), review));
        context.forward(new Record<>(review.id(), review, now.toEpochMilli()));
        log.info("Rebalancing review {} ({} to {}) published: {} Centers over the band, {} hires, {} transfers recommended",
                review.id(), review.periodFrom(), review.periodTo(), review.headline().centersOverBand(),
                review.headline().hiresRecommended(), review.headline().transfersRecommended());
    }
}
