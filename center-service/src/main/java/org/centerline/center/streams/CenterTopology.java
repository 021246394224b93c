package org.centerline.center.streams;

import org.centerline.contracts.json.JsonSerde;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.centerline.center.queue.IndexRef;
import org.centerline.center.queue.Tally;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;
import org.centerline.center.CenterProperties;
import org.centerline.center.command.CenterCommand;
import org.centerline.center.command.CommandOutcome;
import org.centerline.center.queue.CenterQueueProcessor;
import org.centerline.center.queue.QueueInput;
import org.centerline.center.queue.WorkItem;
import org.centerline.contracts.center.Centers;
import org.centerline.contracts.event.CenterEntry;
import org.centerline.contracts.event.StaffingRoster;
import org.centerline.contracts.event.StatusChanged;
import org.centerline.contracts.topic.Topics;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;

/**
 * The Kafka Streams topology of center-service: the served Centers' topics, re-keyed by Center code
 * and merged with the staff's commands, into the queue processor whose stores (work items, command
 * outcomes; changelogged) are the service's whole state; rosters as a global table.
 */
@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
public class CenterTopology {

    @Bean
    KStream<String, StatusChanged> centerQueues(StreamsBuilder builder, CenterProperties properties, Clock clock,
                                                MeterRegistry registry) {
        return centerQueues(builder, properties, clock, registry, true);
    }

    /** The topology; {@code logged} false only for measurements (stores without changelog topics). */
    public KStream<String, StatusChanged> centerQueues(StreamsBuilder builder, CenterProperties properties, Clock clock,
                                                       MeterRegistry registry, boolean logged) {
        Set<String> served = properties.servedCenters();
        builder.globalTable(Topics.CENTER_STAFFING.name(), Consumed.with(Serdes.String(), new JsonSerde<>(StaffingRoster.class)),
                Materialized.as(CenterQueueProcessor.ROSTERS));
        addStores(builder, logged);

        JsonSerde<CenterEntry> entrySerde = new JsonSerde<>(CenterEntry.class);
        List<String> topics = served.stream().sorted().map(Topics::centerTopicName).toList();
        KStream<String, QueueInput> entries = builder.stream(topics, Consumed.with(Serdes.String(), entrySerde))
                .filter((entryNumber, entry) -> CenterTopology.isUsable(entry))
                .selectKey((entryNumber, entry) -> entry.centerCode())
                .repartition(Repartitioned.with(Serdes.String(), entrySerde).withName("by-center")
                        .withNumberOfPartitions(Topics.CENTER_COMMANDS.partitions())
                                .withStreamPartitioner(CenterPartitioner.of()))
                .mapValues(QueueInput.Routed::new);
        KStream<String, QueueInput> commands = builder.stream(Topics.CENTER_COMMANDS.name(),
                        Consumed.with(Serdes.String(), new JsonSerde<>(CenterCommand.class)))
                .filter((center, command) -> command != null && command.type() != null && command.commandId() != null
                        && (command.type().isRoster() || command.entryNumber() != null)
                        && command.centerCode() != null && Centers.find(command.centerCode()).isPresent())
                .mapValues(QueueInput.Command::new);

        CenterQueueProcessor.Settings settings = new CenterQueueProcessor.Settings(properties.closedRetention(),
                properties.pruneEvery(), properties.pruneBatch());
        KStream<String, Object> out = entries.merge(commands).process(
                () -> new CenterQueueProcessor(served, clock, action -> Counter.builder("centerline.center.decisions")
                        .description("Review decisions, by action").tag("action", action).register(registry).increment(),
                        settings),
                Named.as("center-queue"), STORES);
        KStream<String, StatusChanged> statuses = out.filter((k, v) -> v instanceof StatusChanged)
                .mapValues(v -> (StatusChanged) v);
        statuses.to(Topics.STATUS.name(), Produced.with(Serdes.String(), new JsonSerde<>(StatusChanged.class)));
        out.filter((k, v) -> v instanceof StaffingRoster).mapValues(v -> (StaffingRoster) v)
                .to(Topics.CENTER_STAFFING.name(), Produced.with(Serdes.String(), new JsonSerde<>(StaffingRoster.class)));
        return statuses;
    }

    /** The stores of the queue processor (the global rosters table is added with the topology). */
    static final String[] STORES = {CenterQueueProcessor.ITEMS, CenterQueueProcessor.INDEX, CenterQueueProcessor.CLOSED,
            CenterQueueProcessor.TALLIES, CenterQueueProcessor.OUTCOMES, CenterQueueProcessor.CENTER_ROSTERS};

    /** Persistent (RocksDB) stores, each with a changelog topic unless {@code logged} is false (measurements only). */
    public static void addStores(StreamsBuilder builder, boolean logged) {
        add(builder, CenterQueueProcessor.ITEMS, new JsonSerde<>(WorkItem.class), logged);
        add(builder, CenterQueueProcessor.INDEX, new JsonSerde<>(IndexRef.class), logged);
        add(builder, CenterQueueProcessor.CLOSED, Serdes.String(), logged);
        add(builder, CenterQueueProcessor.TALLIES, new JsonSerde<>(Tally.class), logged);
        add(builder, CenterQueueProcessor.OUTCOMES, new JsonSerde<>(CommandOutcome.class), logged);
        add(builder, CenterQueueProcessor.CENTER_ROSTERS, new JsonSerde<>(StaffingRoster.class), logged);
    }

    private static <V> void add(StreamsBuilder builder, String name, Serde<V> values, boolean logged) {
        StoreBuilder<KeyValueStore<String, V>> store = Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name),
                Serdes.String(), values);
        builder.addStateStore(logged ? store : store.withLoggingDisabled());
    }

    /** An entry the queue can act on: a known Center, and for a routed entry its filing and decision. */
    static boolean isUsable(CenterEntry entry) {
        return entry != null && entry.action() != null && entry.entryNumber() != null && entry.centerCode() != null
                && Centers.find(entry.centerCode()).isPresent()
                && (entry.action() == CenterEntry.Action.WITHDRAWN || (entry.entrySummary() != null && entry.decision() != null
                        && entry.decision().routedAt() != null));
    }

    /**
     * A graceful stop leaves the consumer group at once (static membership alone would keep this
     * instance's Centers unassigned until its session times out), so another instance takes them over
     * within seconds; {@code centerline.center.leave-group-on-close=false} keeps them waiting for a quick restart.
     */
    @Bean
    StreamsBuilderFactoryBeanConfigurer leaveGroupOnClose(
            @Value("${centerline.center.leave-group-on-close:true}") boolean leave) {
        return factory -> factory.setLeaveGroupOnClose(leave);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
