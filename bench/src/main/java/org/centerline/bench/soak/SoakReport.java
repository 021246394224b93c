package org.centerline.bench.soak;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What the soak run found, as the markdown it prints and writes. */
final class SoakReport {

    private final SoakOptions o;
    private final Instant started = Instant.now();
    private final Map<String, String> facts = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();
    private final Map<String, Map<String, Soak.Memory>> memory = new LinkedHashMap<>();
    private final Map<String, String> checkpointInfo = new LinkedHashMap<>();
    private final List<String[]> probes = new ArrayList<>();
    private Map<String, IdleCpu.Use> idle = Map.of();
    private Map<String, TopicSizes.Size> topics = Map.of();

    SoakReport(SoakOptions o) {
        this.o = o;
    }

    void fact(String what, String value) {
        facts.put(what, value);
    }

    void note(String note) {
        notes.add(note);
    }

    void memory(String label, Map<String, Soak.Memory> m) {
        memory.put(label, m);
    }

    void checkpoint(long filed, double seconds, long lag, Map<String, Soak.Memory> m) {
        String label = String.format(Locale.ROOT, "%,d", filed);
        memory.put(label, m);
        checkpointInfo.put(label, String.format(Locale.ROOT, "%.0f s, lag %,d", seconds, lag));
    }

    void probe(String service, String what, Soak.Timed t, String target) {
        String body = t.body() == null ? "" : t.body().replaceAll("\\s+", " ");
        String shown = t.status() == 200 && body.length() > 110 ? body.substring(0, 110) + "..." : body;
        if (t.status() != 200 && t.status() != 0 && body.length() > 160) {
            shown = body.substring(0, 160) + "...";
        }
        probes.add(new String[] {service, what, t.status() == 0 ? "-" : Integer.toString(t.status()),
                t.seconds() == 0 ? "" : String.format(Locale.ROOT, "%.0f ms", t.seconds() * 1000), target,
                shown.replace("|", "\\|")});
        Soak.say("%s: %s -> %s %s", service, what, t.status(), t.seconds() == 0 ? "" : String.format(Locale.ROOT, "%.3f s",
                t.seconds()));
    }

    void idle(Map<String, IdleCpu.Use> idle) {
        this.idle = idle;
    }

    void topics(Map<String, TopicSizes.Size> topics) {
        this.topics = topics;
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Soak run ").append(started).append("\n\n");
        md.append(String.format(Locale.ROOT, "`java -jar bench/target/bench.jar soak --records %d --instances %d --checkpoint %d "
                + "--seed %d`; %d cores, %s.%n%n", o.records(), o.instances(), o.checkpoint(), o.seed(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version")));
        facts.forEach((k, v) -> md.append("- ").append(k).append(": ").append(v).append('\n'));
        notes.forEach(n -> md.append("- **").append(n).append("**\n"));

        md.append("\n## Memory: heap after GC / RSS (MB)\n\n| instance |");
        memory.keySet().forEach(k -> md.append(' ').append(k).append(" |"));
        md.append("\n|---|");
        memory.keySet().forEach(k -> md.append("---|"));
        md.append('\n');
        List<String> names = new ArrayList<>();
        memory.values().forEach(m -> m.keySet().forEach(n -> {
            if (!names.contains(n)) {
                names.add(n);
            }
        }));
        for (String n : names) {
            md.append("| ").append(n).append(" |");
            for (Map<String, Soak.Memory> m : memory.values()) {
                Soak.Memory x = m.get(n);
                md.append(' ').append(x == null ? "" : mb(x.heapAfterGc()) + " / " + mb(x.rss())).append(" |");
            }
            md.append('\n');
        }
        if (!checkpointInfo.isEmpty()) {
            md.append("\nCheckpoints (filings published: time since the first, consumer lag when measured): ");
            checkpointInfo.forEach((k, v) -> md.append(k).append(" (").append(v).append("); "));
            md.append('\n');
        }

        md.append("\n## Questions asked of the stack\n\n| service | what | status | time | target | answer (start) |\n"
                + "|---|---|---|---|---|---|\n");
        for (String[] p : probes) {
            md.append("| ").append(String.join(" | ", p)).append(" |\n");
        }

        md.append("\n## Idle CPU (20 s, nothing arriving; share of one core)\n\n| instance | process | stream threads |\n|---|---|---|\n");
        idle.forEach((n, u) -> md.append(String.format(Locale.ROOT, "| %s | %.1f %% | %s |%n", n, u.process() * 100,
                u.streamThreadCount() == 0 ? "none" : String.format(Locale.ROOT, "%.1f %% (%d threads)", u.streamThreads() * 100,
                        u.streamThreadCount()))));

        md.append("\n## Topics on the broker's log dirs\n\n| topic | bytes | records (offsets) | bytes per record |\n|---|---|---|---|\n");
        topics.forEach((t, s) -> md.append(String.format(Locale.ROOT, "| %s | %,d | %,d | %.0f |%n", t, s.bytes(), s.offsets(),
                s.bytesPerRecord())));
        return md.toString();
    }

    private static String mb(long bytes) {
        return bytes < 0 ? "?" : String.format(Locale.ROOT, "%.0f", bytes / 1048576.0);
    }
}
