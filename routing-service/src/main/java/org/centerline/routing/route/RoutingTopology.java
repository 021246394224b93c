package org.centerline.routing.route;

import io.micrometer.tracing.Span;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.centerline.routing.ledger.LedgerPruner;
import org.centerline.routing.ledger.RoutingLedger;
import org.centerline.routing.validate.ValidationResult;

/**
 * The routing topology, run by the Spring Cloud Stream Kafka Streams binder with exactly-once (v2):
 * every record's outputs, its ledger update (store + changelog) and its input offset commit in one
 * transaction. Steps, top to bottom:
 * <ol>
 *   <li>validate each filing once, with the key it was filed under;</li>
 *   <li>a filing whose key is not its entry number (none, or another) is re-keyed by its entry number
 *       through a repartition topic, so it meets its ledger entry: the ledger is partitioned by entry
 *       number exactly like {@code entry-summaries.filed}; it is validated again there with the key it
 *       was filed under (carried in a header), so it is routed or rejected exactly as if it had not moved;</li>
 *   <li>route it against the ledger (a re-filing that moves the entry is flagged and withdrawn from the
 *       earlier Center) and remember the outcome in the ledger;</li>
 *   <li>write every output record to its topic (Center topics, routed, rejected) through one sink.</li>
 * </ol>
 */
public final class RoutingTopology {

    /** On a re-keyed filing: the key it was filed with (no value: it was filed without one). */
    static final String FILED_KEY = "centerline-filed-key";

    private final FilingRouter router;
    private final RoutingPublisher publisher;
    private final FilingTrace trace;
    private final CommittedMetrics metrics;
    private final Clock clock;
    private final Duration retention;
    private final Duration pruneEvery;
    private final int pruneSlice;

    /**
     * @param retention how long the ledger remembers an entry number
     * @param pruneEvery how often each ledger partition deletes values past the retention (wall clock)
     * @param pruneSlice how many entry numbers of a partition each of those passes looks at
     */
    public RoutingTopology(FilingRouter router, RoutingPublisher publisher, FilingTrace trace, CommittedMetrics metrics,
                           Clock clock, Duration retention, Duration pruneEvery, int pruneSlice) {
        this.router = router;
        this.publisher = publisher;
        this.trace = trace;
        this.metrics = metrics;
        this.clock = clock;
        this.retention = retention;
        this.pruneEvery = pruneEvery;
        this.pruneSlice = pruneSlice;
    }

    /** One record to write: its topic and value (the sink's serializer writes the value alone). */
    public record Output(String topic, byte[] value) {
    }

    public void build(KStream<byte[], byte[]> filed) {
        // 1. Validate each filing once, with the key it was filed under.
        // The filed-key header is not read here: anyone who may write to the filed topic could set it.
        KStream<byte[], Filing> validated = filed.processValues(() -> new Validate(false), Named.as("validate"));

        // 2. Filings keyed by their entry number stay; the others are re-keyed by it through a repartition topic.
        Map<String, KStream<byte[], Filing>> placed = validated.split(Named.as("filing-"))
                .branch((key, filing) -> filing.misplaced(), Branched.as("misplaced"))
                .defaultBranch(Branched.as("placed"));
        KStream<byte[], Filing> rekeyed = placed.get("filing-misplaced")
                .process(Rekey::new, Named.as("rekey-by-entry-number"))
                .repartition(Repartitioned.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("filed-by-entry-number"))
                .processValues(() -> new Validate(true), Named.as("validate-rekeyed"));

        // 3. Route against the ledger and remember the outcome in it; now and then delete what is past the retention.
        KStream<byte[], Output> outputs = placed.get("filing-placed").merge(rekeyed, Named.as("by-entry-number"))
                .process(() -> new Route(), Named.as("route"), RoutingLedger.STORE);

        // 4. Every output record to its own topic, in the same transaction.
        outputs.to((key, output, context) -> output.topic(),
                Produced.with(Serdes.ByteArray(), outputSerde()).withName("routing-outputs"));
    }

    /**
     * Step 1: what the validator makes of the filing, with the key it was filed under: the record's key on the filed
     * topic, the {@value #FILED_KEY} header once re-keyed (only {@link Rekey} writes the repartition topic; on the
     * filed topic the header is ignored, so a filer cannot choose the key its filing is validated with).
     */
    private final class Validate implements FixedKeyProcessor<byte[], byte[], Filing> {

        private final boolean rekeyed;
        private FixedKeyProcessorContext<byte[], Filing> context;

        Validate(boolean rekeyed) {
            this.rekeyed = rekeyed;
        }

        @Override
        public void init(FixedKeyProcessorContext<byte[], Filing> context) {
            this.context = context;
        }

        @Override
        public void process(FixedKeyRecord<byte[], byte[]> record) {
            byte[] keyBytes;
            if (rekeyed) {
                Header filedKey = record.headers().lastHeader(FILED_KEY);
                keyBytes = filedKey != null ? filedKey.value() : record.key();
            } else {
                keyBytes = record.key();
            }
            String key = keyBytes == null ? null : new String(keyBytes, StandardCharsets.UTF_8);
            ValidationResult validation = router.validate(key, record.value());
            String ledgerKey = validation instanceof ValidationResult.Valid valid ? valid.summary().entryNumber()
                    : ((ValidationResult.Invalid) validation).entryNumber();
            Filing filing = new Filing(key, record.value(), validation, ledgerKey);
            context.forward(record.withValue(filing));
        }
    }

    /** Step 2: the filing as filed, keyed by its entry number, with the key it was filed under in a header. */
    private static final class Rekey implements Processor<byte[], Filing, byte[], byte[]> {

        private ProcessorContext<byte[], byte[]> context;

        @Override
        public void init(ProcessorContext<byte[], byte[]> context) {
            this.context = context;
        }

        @Override
        public void process(Record<byte[], Filing> record) {
            Filing filing = record.value();
            Headers headers = new RecordHeaders(record.headers().toArray());
            headers.remove(FILED_KEY);
            headers.add(FILED_KEY, filing.key() == null ? null : filing.key().getBytes(StandardCharsets.UTF_8));
            context.forward(new Record<>(filing.ledgerKey().getBytes(StandardCharsets.UTF_8), filing.payload(),
                    record.timestamp(), headers));
        }
    }

    /** Step 3: route against the ledger, remember the outcome, hand the output records on; prune the ledger. */
    private final class Route implements Processor<byte[], Filing, byte[], Output> {

        private ProcessorContext<byte[], Output> context;
        private TimestampedKeyValueStore<String, byte[]> ledger;
        private long nowMillis = -1;
        private Instant now;

        @Override
        public void init(ProcessorContext<byte[], Output> context) {
            this.context = context;
            this.ledger = context.getStateStore(RoutingLedger.STORE);
            LedgerPruner pruner = new LedgerPruner(ledger, retention, pruneSlice);
            context.schedule(pruneEvery, PunctuationType.WALL_CLOCK_TIME, at -> pruner.prune(clock.millis()));
        }

        @Override
        public void process(Record<byte[], Filing> record) {
            Filing filing = record.value();
            // Streams reads the wall clock once per loop: records of one poll share one decision time.
            if (context.currentSystemTimeMs() != nowMillis) {
                nowMillis = context.currentSystemTimeMs();
                now = clock.instant();
            }
            Instant filedAt = record.timestamp() >= 0 ? Instant.ofEpochMilli(record.timestamp()) : now;
            ValueAndTimestamp<byte[]> before = filing.ledgerKey() == null ? null
                    : RoutingLedger.latest(ledger, filing.ledgerKey(), now.toEpochMilli(), retention);
            String previous = before == null ? null : RoutingLedger.Entry.centerOf(before.value());
            Function<String, String> previousCenter = entry -> previous;
            Span span = trace.start(record.headers());
            RoutingResult result;
            byte[] written;
            try {
                result = router.route(filing.key(), filing.payload(), filing.validation(), filedAt, now, previousCenter);
                written = publisher.publish((topic, key, timestamp, value, headers) -> context.forward(
                        new Record<>(key, new Output(topic, value), timestamp, headers)), result, trace.headers(span));
            } finally {
                span.end();
            }
            // An entry's time only moves forward (a clock stepped back must not shorten its retention).
            long at = Math.max(now.toEpochMilli(), before == null ? 0 : before.timestamp());
            if (result instanceof RoutingResult.Routed routed) {
                ledger.put(routed.decision().entryNumber(), ValueAndTimestamp.make(
                        new RoutingLedger.Entry(routed.decision().centerCode(), false, written).encode(), at));
            } else if (((RoutingResult.Rejected) result).rejection().entryNumber() != null) {
                ledger.put(((RoutingResult.Rejected) result).rejection().entryNumber(), ValueAndTimestamp.make(
                        new RoutingLedger.Entry(previous, true, written).encode(), at));
            }
            metrics.pending(result);
        }
    }

    private static Serde<Output> outputSerde() {
        Serializer<Output> value = (topic, output) -> output == null ? null : output.value();
        return Serdes.serdeFrom(value, (topic, bytes) -> {
            throw new UnsupportedOperationException("routing outputs are only written");
        });
    }
}
