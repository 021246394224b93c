package org.centerline.routing.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.centerline.routing.config.RoutingProperties;
import org.centerline.routing.config.RoutingStreams;
import org.centerline.instance.InstanceForwarder;
import org.centerline.routing.ledger.RoutingLedger;
import org.centerline.web.Problems;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * Reads the routing ledger for the HTTP API: on this instance when it owns the entry number's partition
 * (an interactive query of its store), else by forwarding the request to the instance that does
 * ({@code application.server} from the Streams metadata), with the caller's {@code Authorization} and
 * {@code Centerline-Forwarded-By}; a request that was already forwarded once is never forwarded again.
 * While partitions move (rebalance, restoration) the answer is 503 with {@code Retry-After}.
 */
@Component
public class LedgerQueries {

    private final RoutingStreams streams;
    private final RoutingProperties properties;
    private final InstanceForwarder forwarder;

    public LedgerQueries(RoutingStreams streams, RoutingProperties properties) {
        this.streams = streams;
        this.properties = properties;
        this.forwarder = new InstanceForwarder(streams.instanceId());
    }

    /** Where an entry number's ledger lives: here (with its partition), or another instance. */
    public sealed interface Owner {
    }

    public record Here(int partition) implements Owner {
    }

    public record Elsewhere(HostInfo host) implements Owner {
    }

    public Owner owner(String entryNumber) {
        KafkaStreams kafkaStreams = running();
        KeyQueryMetadata metadata;
        try {
            metadata = kafkaStreams.queryMetadataForKey(RoutingLedger.STORE, entryNumber, Serdes.String().serializer());
        } catch (IllegalStateException | InvalidStateStoreException e) {
            throw notReady();
        }
        if (metadata == null || KeyQueryMetadata.NOT_AVAILABLE.equals(metadata) || metadata.activeHost() == null) {
            throw notReady();
        }
        return metadata.activeHost().equals(streams.self()) ? new Here(metadata.partition())
                : new Elsewhere(metadata.activeHost());
    }

    /** The latest outcome of the entry number in this instance's partition of the ledger, within the retention. */
    public Optional<RoutingLedger.Outcome> local(String entryNumber, int partition) {
        try {
            ReadOnlyKeyValueStore<String, ValueAndTimestamp<byte[]>> store = running().store(StoreQueryParameters
                    .fromNameAndType(RoutingLedger.STORE, QueryableStoreTypes.<String, byte[]>timestampedKeyValueStore())
                    .withPartition(partition));
            ValueAndTimestamp<byte[]> latest = RoutingLedger.latest(store, entryNumber, System.currentTimeMillis(),
                    properties.ledgerRetention());
            return latest == null ? Optional.empty() : Optional.of(RoutingLedger.Entry.decode(latest.value()).outcome());
        } catch (InvalidStateStoreException e) {
            throw notReady();
        }
    }

    /** The owner's answer to the same request, relayed as it is (status, content type, body). */
    public ResponseEntity<byte[]> forward(HostInfo owner, HttpServletRequest request) {
        return forwarder.forward(owner.host(), owner.port(), request, new byte[0], Duration.ofSeconds(10))
                .map(answer -> answer.toResponseEntity(forwarder.instanceId()))
                .orElseThrow(LedgerQueries::notReady);
    }

    private KafkaStreams running() {
        KafkaStreams kafkaStreams = streams.kafkaStreams();
        if (kafkaStreams == null || !(kafkaStreams.state() == KafkaStreams.State.RUNNING
                || kafkaStreams.state() == KafkaStreams.State.REBALANCING)) {
            throw notReady();
        }
        return kafkaStreams;
    }

    /** 503 with Retry-After: the ledger's partitions are moving between instances or being restored. */
    public static ErrorResponseException notReady() {
        return Problems.notReady("not-ready", "Routing ledger not ready",
                "The routing ledger is being restored or its partitions are moving between instances; try again shortly.");
    }
}
