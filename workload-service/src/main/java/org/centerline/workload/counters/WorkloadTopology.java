package org.centerline.workload.counters;

import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;
import org.centerline.contracts.center.Centers;
import org.centerline.contracts.event.ImporterAssignment;
import org.centerline.contracts.event.RoutingDecision;
import org.centerline.contracts.event.StaffingRoster;
import org.centerline.contracts.event.StatusChanged;
import org.centerline.contracts.json.JsonSerde;
import org.centerline.contracts.topic.Topics;
import org.centerline.workload.WorkloadProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;

/**
 * The Kafka Streams topology of workload-service: routing decisions and status changes (both keyed by
 * entry number, co-partitioned) into the entry tracker, which keeps, in the same task, each Center's
 * counts in windowed stores (hourly; per day and heading for the what-if) with retention, and totals.
 * Every change is published to two compacted topics that every instance reads back as global tables,
 * so each instance answers for every Center. Rosters and importers' account assignments are global tables too.
 */
@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
public class WorkloadTopology {

    public static final String ROSTERS = "rosters";
    /** Importers' account-based Centers (the what-if counts the accounts a merge moves). */
    public static final String ASSIGNMENTS = "importer-assignments";
    /** Global stores of the published counts (every Center, every partition). */
    public static final String GLOBAL_TOTALS = "global-center-totals";
    public static final String GLOBAL_WINDOWS = "global-window-counts";

    @Bean
    KStream<String, Published> workload(StreamsBuilder builder, Clock clock, WorkloadProperties properties) {
        Duration retention = properties.retention();
        builder.globalTable(Topics.CENTER_STAFFING.name(), Consumed.with(Serdes.String(), new JsonSerde<>(StaffingRoster.class)),
                Materialized.as(ROSTERS));
        builder.globalTable(Topics.IMPORTER_ASSIGNMENTS.name(),
                Consumed.with(Serdes.String(), new JsonSerde<>(ImporterAssignment.class)), Materialized.as(ASSIGNMENTS));
        JsonSerde<CenterTotals> totalsSerde = new JsonSerde<>(CenterTotals.class);
        JsonSerde<HourBucket> windowSerde = new JsonSerde<>(HourBucket.class);
        builder.globalTable(Topics.WORKLOAD_CENTER_TOTALS.name(), Consumed.with(Serdes.String(), totalsSerde),
                Materialized.as(GLOBAL_TOTALS));
        builder.globalTable(Topics.WORKLOAD_WINDOW_COUNTS.name(), Consumed.with(Serdes.String(), windowSerde),
                Materialized.as(GLOBAL_WINDOWS));

        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(EntryTracker.STORE),
                Serdes.String(), new JsonSerde<>(EntryRecord.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(EntryTracker.BY_TIME),
                Serdes.String(), Serdes.Long()));
        // The window stores keep two days beyond the retention, so that expired windows can still be listed
        // (and tombstoned on the published topic) before the store drops them.
        Duration storeRetention = retention.plusDays(2);
        builder.addStateStore(Stores.windowStoreBuilder(Stores.persistentWindowStore(CenterCounts.HOURLY, storeRetention,
                Duration.ofHours(1), false), Serdes.String(), windowSerde));
        builder.addStateStore(Stores.windowStoreBuilder(Stores.persistentWindowStore(CenterCounts.HEADING_DAYS,
                storeRetention, Duration.ofDays(1), false), Serdes.String(), windowSerde));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(CenterCounts.TOTALS),
                Serdes.String(), totalsSerde));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(CenterCounts.OPEN_ITEMS),
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

        KStream<String, Published> published = routed.merge(statuses)
                .process(() -> new EntryTracker(clock, retention, properties.pruneEvery()), EntryTracker.STORE,
                        EntryTracker.BY_TIME, CenterCounts.HOURLY, CenterCounts.HEADING_DAYS, CenterCounts.TOTALS,
                        CenterCounts.OPEN_ITEMS);
        published.split(Named.as("published-"))
                .branch((key, p) -> p instanceof Published.Totals, Branched.withConsumer(totals -> totals
                        .mapValues(p -> ((Published.Totals) p).value())
                        .to(Topics.WORKLOAD_CENTER_TOTALS.name(), Produced.with(Serdes.String(), totalsSerde))))
                .defaultBranch(Branched.withConsumer(windows -> windows
                        .mapValues(p -> ((Published.Window) p).value())
                        .to(Topics.WORKLOAD_WINDOW_COUNTS.name(), Produced.with(Serdes.String(), windowSerde))));
        return published;
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
