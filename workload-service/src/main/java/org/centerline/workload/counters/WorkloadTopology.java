package org.centerline.workload.counters;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;
import org.centerline.contracts.center.Centers;
import org.centerline.contracts.event.RoutingDecision;
import org.centerline.contracts.event.StaffingRoster;
import org.centerline.contracts.event.StatusChanged;
import org.centerline.contracts.json.JsonSerde;
import org.centerline.contracts.topic.Topics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;

/**
 * The Kafka Streams topology of workload-service: routing decisions and status changes (both keyed
 * by entry number, co-partitioned) into the entry tracker, whose deltas are re-keyed by Center into
 * the per-Center aggregate; rosters as a global table. All state is in changelogged stores.
 */
@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
public class WorkloadTopology {

    public static final String ROSTERS = "rosters";

    @Bean
    KStream<String, CenterDelta> workload(StreamsBuilder builder, Clock clock) {
        builder.globalTable(Topics.CENTER_STAFFING.name(), Consumed.with(Serdes.String(), new JsonSerde<>(StaffingRoster.class)),
                Materialized.as(ROSTERS));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(EntryTracker.STORE),
                Serdes.String(), new JsonSerde<>(EntryRecord.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(CenterAggregator.WORKLOAD),
                Serdes.String(), new JsonSerde<>(CenterWorkload.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(CenterAggregator.OPEN_ITEMS),
                Serdes.String(), Serdes.Long()));

        KStream<String, WorkloadInput> routed = builder.stream(Topics.ROUTED.name(),
                        Consumed.with(Serdes.String(), new JsonSerde<>(RoutingDecision.class)))
                .filter((entryNumber, d) -> d != null && d.entryNumber() != null && known(d.centerCode())
                        && d.filedAt() != null && d.routedAt() != null)
                .mapValues(WorkloadInput.Routed::new);
        KStream<String, WorkloadInput> statuses = builder.stream(Topics.STATUS.name(),
                        Consumed.with(Serdes.String(), new JsonSerde<>(StatusChanged.class)))
                .filter((entryNumber, s) -> s != null && s.entryNumber() != null && s.status() != null && s.at() != null
                        && known(s.centerCode()))
                .mapValues(WorkloadInput.Status::new);

        JsonSerde<CenterDelta> deltaSerde = new JsonSerde<>(CenterDelta.class);
        KStream<String, CenterDelta> deltas = routed.merge(statuses)
                .process(EntryTracker::new, EntryTracker.STORE)
                .repartition(Repartitioned.with(Serdes.String(), deltaSerde).withName("by-center")
                        .withNumberOfPartitions(Topics.CENTER_COMMANDS.partitions())
                        .withStreamPartitioner((topic, center, delta, partitions) ->
                                Optional.of(Set.of(Topics.centerCommandPartition(center)))));
        deltas.process(() -> new CenterAggregator(clock), CenterAggregator.WORKLOAD, CenterAggregator.OPEN_ITEMS);
        return deltas;
    }

    /** A Center code exactly as the contract writes it (upper case): store keys and comparisons rely on it. */
    private static boolean known(String centerCode) {
        return centerCode != null && Centers.find(centerCode).filter(c -> c.code().equals(centerCode)).isPresent();
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
