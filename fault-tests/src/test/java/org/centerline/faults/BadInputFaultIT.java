package org.centerline.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.centerline.contracts.sample.FilingGenerator;
import org.centerline.contracts.sample.FilingGenerator.Filing;
import org.centerline.contracts.topic.Topics;
import org.centerline.faults.MalformedFilings.Malformed;
import org.centerline.stackprocess.ServiceJvm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 7, bad input: the corpus of malformed filings (see {@link MalformedFilings}) on entry-summaries.filed, against
 * one routing-service. Every one must be rejected exactly once, with reasons, as a rejection the published schema
 * accepts; routing must go on (valid filings sent after them route) and its memory must stay bounded. Two kinds of
 * the corpus are tried apart, in tests of their own: they found two bugs, since fixed (see each test).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputFaultIT {

    /** Growth of the heap after a full GC allowed over the corpus: far above a leak-free service's, far below a leak. */
    static final long HEAP_GROWTH_LIMIT = 64L * 1024 * 1024;
    /** routing-service runs with -Xmx640m; its RSS stays well under this unless something off-heap keeps growing. */
    static final long RSS_LIMIT = 1024L * 1024 * 1024;
    static final Duration ROUTED_WITHIN = Duration.ofSeconds(180);

    /** Records without a value: they used to stop routing (see {@link #aRecordWithoutAValueIsRejected}). */
    static final Predicate<Malformed> NO_VALUE = m -> m.payload() == null;
    /** Bytes that are not UTF-8 but that Jackson decodes (see {@link #aFilingThatIsNotUtf8IsRejected}). */
    static final Predicate<Malformed> NOT_UTF8_YET_DECODED = m -> m.payload() != null
            && m.category().equals("invalid-utf8") && MalformedFilings.parse(m.payload()) != null;

    private final Measurements m = new Measurements("bad input");
    private final List<Malformed> corpus = MalformedFilings.corpus(MalformedFilings.SEED);
    private FaultStack stack;
    private CommittedLog log;
    private ServiceJvm routing;
    private long seed = 7_501_003;
    /** Rejections expected without a key, over every test of the class so far. */
    private long withoutKey;

    @BeforeAll
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void startRouting() {
        stack = FaultStack.start("bad-input");
        log = new CommittedLog(stack.bootstrap());
        routing = stack.launch("routing-service").awaitReady(FaultStack.READY_TIMEOUT);
        fileAndWait("warm-up", valid(200));
    }

    @AfterAll
    void stop() {
        if (log != null) {
            log.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void everyMalformedFilingIsRejectedWithReasonsAndRoutingGoesOn() {
        List<Malformed> items = corpus.stream().filter(NO_VALUE.negate().and(NOT_UTF8_YET_DECODED.negate())).toList();
        long bytes = items.stream().mapToLong(c -> c.payload().length).sum();
        ServiceMemory before = ServiceMemory.of(routing, stack.tokens().ops());
        long t0 = System.nanoTime();
        // The template every field fault starts from, valid as it is: so each fault is what makes its filing wrong.
        List<Filing> after = fileCorpusThenValid(items, MalformedFilings.validTemplates(20));
        m.say("%,d malformed filings (%s) and %,d valid ones after them routed or rejected in %.1f s", items.size(),
                Measurements.mib(bytes), after.size(), Measurements.seconds(t0));
        ServiceMemory afterCorpus = ServiceMemory.of(routing, stack.tokens().ops());
        m.say("routing-service before the corpus: %s; after: %s", before, afterCorpus);

        assertRejectedOnceAndValidRouted(items, after);
        assertThat(routing.jvm().alive()).as("routing-service alive").isTrue();
        assertThat(routing.jvm().log()).as("routing-service log").doesNotContain("OutOfMemoryError", "StackOverflowError");
        assertThat(afterCorpus.heapAfterGcBytes() - before.heapAfterGcBytes()).as("heap growth after GC")
                .isLessThan(HEAP_GROWTH_LIMIT);
        assertThat(afterCorpus.rssBytes()).as("RSS").isLessThan(RSS_LIMIT);
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aRecordWithoutAValueIsRejected() {
        List<Malformed> items = corpus.stream().filter(NO_VALUE).toList();
        assertRejectedOnceAndValidRouted(items, fileCorpusThenValid(items, List.of()));
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aFilingThatIsNotUtf8IsRejected() {
        List<Malformed> items = corpus.stream().filter(NOT_UTF8_YET_DECODED).toList();
        assertRejectedOnceAndValidRouted(items, fileCorpusThenValid(items, List.of()));
    }

    /**
     * Files the items, then 100 valid filings (and {@code controls}); returns once routing has consumed everything on
     * the topic.
     */
    private List<Filing> fileCorpusThenValid(List<Malformed> items, List<Filing> controls) {
        withoutKey += items.stream().filter(c -> c.rejectionKey() == null).count();
        List<Filing> after = new ArrayList<>(valid(100));
        after.addAll(controls);
        Filer.fileAll(stack.bootstrap(), "corpus", items.stream().map(Malformed::asFiling).toList(), Duration.ofSeconds(120));
        fileAndWait("after-corpus", after);
        return after;
    }

    private void fileAndWait(String name, List<Filing> filings) {
        Filer.fileAll(stack.bootstrap(), name, filings, Duration.ofSeconds(60));
        log.awaitRouted(RoutingCrashFaultIT.GROUP, log.endOffset(Topics.FILED.name()), ROUTED_WITHIN);
    }

    /** Each item rejected exactly once (with reasons, by the schema), none routed; the valid filings after them routed. */
    private void assertRejectedOnceAndValidRouted(List<Malformed> items, List<Filing> after) {
        RoutingAudit audit = RoutingAudit.read(log);
        List<String> problems = new ArrayList<>();
        for (Malformed item : items) {
            String key = item.rejectionKey();
            int times = audit.rejected.getOrDefault(key, 0);
            if (audit.routed.containsKey(key)) {
                problems.add("routed, not rejected: " + item);
            } else if (key != null && times != 1) {
                problems.add("rejected " + times + " times: " + item);
            }
        }
        m.say("%,d rejections on the topic (%,d without a key), reason codes %s; %,d problems", audit.rejectedTotal,
                audit.rejectedWithoutKey, audit.reasonCodes, problems.size());
        problems.stream().limit(20).forEach(p -> m.say("  %s", p));

        assertThat(problems).as("malformed filings not rejected exactly once").isEmpty();
        assertThat(audit.rejectedWithoutKey).as("rejections without a key (filed without one, no readable entry number)")
                .isEqualTo(withoutKey);
        assertThat(audit.rejectedNotBySchema).as("rejections the rejection schema refuses").isEmpty();
        assertThat(audit.rejectedWithoutReasons).as("rejections without reasons").isZero();
        for (Filing f : after) {
            assertThat(audit.routed.getOrDefault(f.key(), 0)).as("valid filing after the corpus routed once: " + f.key())
                    .isEqualTo(1);
        }
    }

    private List<Filing> valid(int n) {
        FilingGenerator generator = new FilingGenerator(seed++, 0.0, 0.0, LocalDate.of(2026, 11, 20));
        List<Filing> filings = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            filings.add(generator.next());
        }
        return filings;
    }
}
