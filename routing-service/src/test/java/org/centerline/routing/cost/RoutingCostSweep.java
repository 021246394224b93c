package org.centerline.routing.cost;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.centerline.contracts.center.HtsCenterTable;
import org.centerline.contracts.reference.ReferenceData;
import org.centerline.contracts.event.EntryLine;
import org.centerline.contracts.event.EntrySummary;
import org.centerline.contracts.json.CenterlineJson;
import org.centerline.contracts.sample.FilingGenerator;
import org.centerline.contracts.workload.WorkloadModel;
import org.centerline.routing.assignment.ImporterAssignments;
import org.centerline.routing.classify.EntryClassifier;
import org.centerline.routing.route.EventWriter;
import org.centerline.routing.route.FilingRouter;
import org.centerline.routing.route.RoutingResult;
import org.centerline.routing.validate.FilingValidator;

/**
 * How routing's own CPU cost grows with lines per filing (docs/performance.md): validation,
 * classification and the JSON written, per filing, in one thread, without Kafka. A measurement tool,
 * not a test (no assertions, not run by the build). Run it from the repository root with
 * {@code ./mvnw -q -pl routing-service test-compile org.codehaus.mojo:exec-maven-plugin:3.6.4:java
 * -Dexec.classpathScope=test -Dexec.mainClass=org.centerline.routing.cost.RoutingCostSweep}.
 */
public final class RoutingCostSweep {

    private static final int[] LINES = {1, 2, 5, 10, 25, 50, 100, 250, 999};

    private RoutingCostSweep() {
    }

    public static void main(String[] args) {
        FilingValidator validator = new FilingValidator(HtsCenterTable.standard(), FilingValidator.DEFAULT_MAX_BYTES);
        FilingRouter router = new FilingRouter(validator, new EntryClassifier(HtsCenterTable.standard(),
                ReferenceData.standard(), WorkloadModel.standard()), new ImporterAssignments());
        EventWriter writer = new EventWriter();
        FilingGenerator generator = new FilingGenerator(7501, 0.0, 0.0, LocalDate.of(2026, 11, 20));
        // The first pass warms the JIT up on every size; the second is printed.
        for (int pass = 0; pass < 2; pass++) {
            if (pass == 1) {
                System.out.println("| lines | bytes | route (validate + classify) us | write us | total us | us per line |");
                System.out.println("|---|---|---|---|---|---|");
            }
            sweep(router, writer, generator, pass == 1);
        }
    }

    private static void sweep(FilingRouter router, EventWriter writer, FilingGenerator generator, boolean print) {
        for (int lines : LINES) {
            List<byte[]> filings = new ArrayList<>();
            int count = Math.max(200, 200_000 / lines);
            for (int i = 0; i < count; i++) {
                filings.add(filing(generator, lines));
            }
            double[] best = {Double.MAX_VALUE, Double.MAX_VALUE};
            for (int round = 0; round < 12; round++) {
                double[] t = time(router, writer, filings);
                best[0] = Math.min(best[0], t[0]);
                best[1] = Math.min(best[1], t[1]);
            }
            double total = best[0] + best[1];
            if (!print) {
                continue;
            }
            System.out.printf(Locale.ROOT, "| %d | %,d | %.1f | %.1f | %.1f | %.2f |%n", lines, filings.get(0).length, best[0],
                    best[1], total, total / lines);
        }
    }

    /** Microseconds per filing to route and to write, over the set. */
    private static double[] time(FilingRouter router, EventWriter writer, List<byte[]> filings) {
        Instant now = Instant.now();
        List<RoutingResult.Routed> routed = new ArrayList<>(filings.size());
        long t0 = System.nanoTime();
        for (byte[] f : filings) {
            routed.add((RoutingResult.Routed) router.route(null, f, now, now, entry -> null));
        }
        long t1 = System.nanoTime();
        long bytes = 0;
        for (RoutingResult.Routed r : routed) {
            byte[] decision = writer.decision(r.decision());
            bytes += writer.routed(r.summary(), r.decision(), decision).length;
        }
        long t2 = System.nanoTime();
        if (bytes == 0) {
            throw new IllegalStateException("nothing written");
        }
        return new double[] {(t1 - t0) / 1e3 / filings.size(), (t2 - t1) / 1e3 / filings.size()};
    }

    private static byte[] filing(FilingGenerator generator, int lines) {
        EntrySummary base = generator.summaryFor("ELE");
        List<EntryLine> all = new ArrayList<>(lines);
        while (all.size() < lines) {
            for (EntryLine l : generator.summaryFor(all.size() % 3 == 0 ? "MAC" : "ELE").lines()) {
                if (all.size() < lines) {
                    all.add(new EntryLine(all.size() + 1, l.htsNumber(), l.countryOfOrigin(), l.enteredValue(),
                            l.chapter99Numbers(), l.adcvdCaseNumber()));
                }
            }
        }
        EntrySummary s = new EntrySummary(1, base.entryNumber(), base.filerCode(), base.entryType(), base.importerNumber(),
                base.portOfEntry(), base.entryDate(), base.summaryDate(), base.modeOfTransport(), all);
        return new String(CenterlineJson.mapper().writeValueAsBytes(s), StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8);
    }
}
