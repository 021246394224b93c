package org.centerline.workload.review;

import java.time.Clock;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;
import org.centerline.contracts.event.RebalancingReview;
import org.centerline.contracts.json.JsonSerde;
import org.centerline.contracts.topic.Topics;
import org.centerline.workload.WorkloadProperties;
import org.centerline.workload.counters.Published;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The review's part of workload-service's topology: the {@link ReviewScheduler} hangs off the counting stream (so it
 * lives in that sub-topology's tasks, and acts in partition 0's only) and writes {@code rebalancing-reviews}; every
 * instance reads that topic back as the global table {@link #GLOBAL_REVIEWS}, which {@code GET /api/reviews} reads.
 */
@Configuration(proxyBeanMethods = false)
public class ReviewTopology {

    /** Every review, by id (the period start: ids sort in time order). */
    public static final String GLOBAL_REVIEWS = "global-reviews";

    @Bean
    KStream<String, RebalancingReview> reviews(StreamsBuilder builder, KStream<String, Published> workload, Clock clock,
                                               WorkloadProperties properties, ReviewProperties review) {
        return attach(builder, workload, clock, properties, review);
    }

    /** Adds the review to the topology whose counting stream (the entry tracker's output) is {@code counted}. */
    public static KStream<String, RebalancingReview> attach(StreamsBuilder builder, KStream<String, Published> counted,
                                                            Clock clock, WorkloadProperties properties,
                                                            ReviewProperties review) {
        JsonSerde<RebalancingReview> serde = new JsonSerde<>(RebalancingReview.class);
        builder.globalTable(Topics.REBALANCING_REVIEWS.name(), Consumed.with(Serdes.String(), serde),
                Materialized.as(GLOBAL_REVIEWS));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ReviewScheduler.STORE),
                Serdes.String(), new JsonSerde<>(ReviewState.class)));
        KStream<String, RebalancingReview> reviews = counted.process(() -> new ReviewScheduler(clock, properties, review),
                ReviewScheduler.STORE);
        reviews.to(Topics.REBALANCING_REVIEWS.name(), Produced.with(Serdes.String(), serde));
        return reviews;
    }
}
