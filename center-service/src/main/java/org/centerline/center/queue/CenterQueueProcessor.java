package org.centerline.center.queue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.centerline.center.command.CommandOutcome;

/**
 * The work queues of the Centers in one task (all of a Center's entries and commands come to one
 * task, keyed by Center code). Wiring only: the lifecycle is {@link QueueStateMachine}, the stores'
 * indexes and tallies {@link ItemIndex}, assignment {@link Assignment}, rosters {@link RosterBook},
 * retention {@link ClosedItemRetention}, what is published {@link StatusEvents}. Nothing here reads
 * every item: {@code init} reads nothing, the punctuations read only index heads.
 */
public final class CenterQueueProcessor implements Processor<String, QueueInput, String, Object> {

    public static final String ITEMS = "work-items";
    public static final String INDEX = "queue-index";
    public static final String CLOSED = "closed-items";
    public static final String TALLIES = "center-tallies";
    public static final String OUTCOMES = "command-outcomes";
    public static final String CENTER_ROSTERS = "center-rosters";
    /** The global table of {@code center-staffing}. */
    public static final String ROSTERS = "rosters";
    static final Duration ASSIGN_EVERY = Duration.ofSeconds(5);
    static final Duration KEEP_OUTCOMES = Duration.ofMinutes(15);
    /** Waiting items assigned per event or safety punctuation (the rest on the next). */
    static final int ASSIGN_BATCH = 500;
    /** Items written before the index existed are indexed this many per second (IndexMigration). */
    static final Duration MIGRATE_EVERY = Duration.ofSeconds(1);
    static final int MIGRATE_BATCH = 2000;

    /** How the processor is tuned: closed-item retention, how often and how much it prunes. */
    public record Settings(Duration closedRetention, Duration pruneEvery, int pruneBatch) {
        public static final Settings DEFAULT = new Settings(Duration.ofDays(400), Duration.ofMinutes(1), 1000);
    }

    private final Set<String> servedCenters;
    private final Clock clock;
    private final Consumer<String> decisionCounter;
    private final Settings settings;
    private KeyValueStore<String, CommandOutcome> outcomes;
    private StatusEvents events;
    private Assignment assignment;
    private QueueStateMachine queue;
    private ClosedItemRetention retention;

    public CenterQueueProcessor(Set<String> servedCenters, Clock clock, Consumer<String> decisionCounter, Settings settings) {
        this.servedCenters = servedCenters;
        this.clock = clock;
        this.decisionCounter = decisionCounter;
        this.settings = settings;
    }

    /** The store key of a work item: Center and entry number, so a moved entry can be open in its old Center until withdrawn. */
    public static String key(String centerCode, String entryNumber) {
        return QueueKeys.item(centerCode, entryNumber);
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        ItemIndex items = new ItemIndex(context.getStateStore(ITEMS), context.getStateStore(INDEX),
                context.getStateStore(CLOSED), context.getStateStore(TALLIES));
        RosterBook rosters = new RosterBook(context.getStateStore(CENTER_ROSTERS), context.getStateStore(ROSTERS));
        this.outcomes = context.getStateStore(OUTCOMES);
        this.events = new StatusEvents(context);
        this.assignment = new Assignment(items, rosters, events, ASSIGN_BATCH);
        this.queue = new QueueStateMachine(items, rosters, assignment, events, decisionCounter);
        this.retention = new ClosedItemRetention(items, settings.closedRetention(), settings.pruneBatch());
        context.schedule(ASSIGN_EVERY, PunctuationType.WALL_CLOCK_TIME, now -> {
            events.causedBy(null);
            // A safety net for rosters changed on center-staffing directly: the head of each QUEUED range.
            Instant at = clock.instant();
            for (String center : servedCenters) {
                assignment.assignWaiting(center, at);
            }
            pruneOutcomes();
        });
        context.schedule(settings.pruneEvery(), PunctuationType.WALL_CLOCK_TIME,
                now -> retention.prune(Instant.ofEpochMilli(now)));
        IndexMigration migration = new IndexMigration(items, MIGRATE_BATCH);
        context.schedule(MIGRATE_EVERY, PunctuationType.WALL_CLOCK_TIME, now -> migration.run());
    }

    @Override
    public void process(Record<String, QueueInput> record) {
        events.causedBy(record.headers());
        Instant now = clock.instant();
        if (record.value() instanceof QueueInput.Routed routed) {
            if (routed.entry() != null && servedCenters.contains(routed.entry().centerCode())) {
                queue.onEntry(routed.entry(), now);
            }
        } else if (record.value() instanceof QueueInput.Command input) {
            var command = input.command();
            if (servedCenters.contains(command.centerCode())) {
                String refusal = queue.onCommand(command, now);
                outcomes.put(command.commandId(), new CommandOutcome(command.commandId(), refusal == null,
                        command.entryNumber(), refusal, now));
            }
        }
    }

    private void pruneOutcomes() {
        Instant cutoff = clock.instant().minus(KEEP_OUTCOMES);
        List<String> old = new ArrayList<>();
        try (KeyValueIterator<String, CommandOutcome> all = outcomes.all()) {
            all.forEachRemaining(kv -> {
                if (kv.value.at().isBefore(cutoff)) {
                    old.add(kv.key);
                }
            });
        }
        old.forEach(outcomes::delete);
    }

    /** The HTS chapter with the most lines (ties: the lower chapter). */
    static int predominantChapter(List<org.centerline.contracts.event.EntryLine> lines) {
        return QueueStateMachine.predominantChapter(lines);
    }
}
