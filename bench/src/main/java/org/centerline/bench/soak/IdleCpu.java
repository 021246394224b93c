package org.centerline.bench.soak;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.centerline.stackprocess.ServiceJvm;

/** CPU of each service, and of its Kafka Streams threads ({@code *StreamThread*}), while nothing arrives (Linux /proc). */
final class IdleCpu {

    /** Share of one core, process and stream threads. */
    record Use(double process, double streamThreads, int streamThreadCount) {
    }

    private IdleCpu() {
    }

    static Map<String, Use> measure(List<ServiceJvm> services, Duration window) {
        Map<String, long[]> before = new LinkedHashMap<>();
        for (ServiceJvm s : services) {
            before.put(s.name(), ticks(s.pid()));
        }
        Soak.sleep(window.toMillis());
        Map<String, Use> out = new LinkedHashMap<>();
        double hz = 100.0; // USER_HZ on Linux
        for (ServiceJvm s : services) {
            long[] a = before.get(s.name());
            long[] b = ticks(s.pid());
            double seconds = window.toMillis() / 1000.0;
            out.put(s.name(), new Use((b[0] - a[0]) / hz / seconds, (b[1] - a[1]) / hz / seconds, (int) b[2]));
        }
        return out;
    }

    /** {process ticks, stream-thread ticks, stream threads}. */
    private static long[] ticks(long pid) {
        long process = statTicks(Path.of("/proc", Long.toString(pid), "stat"));
        long streams = 0;
        long count = 0;
        for (long tid : streamThreadIds(pid)) {
            streams += statTicks(Path.of("/proc", Long.toString(pid), "task", Long.toString(tid), "stat"));
            count++;
        }
        return new long[] {process, streams, count};
    }

    /** Native ids of the threads named {@code ...StreamThread-N} (Linux shortens thread names: asked of jcmd Thread.print). */
    private static List<Long> streamThreadIds(long pid) {
        try {
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    Long.toString(pid), "Thread.print").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            p.waitFor();
            java.util.ArrayList<Long> ids = new java.util.ArrayList<>();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("^\"([^\"]*StreamThread[^\"]*)\".* nid=(0x[0-9a-f]+|[0-9]+)",
                    java.util.regex.Pattern.MULTILINE).matcher(out);
            while (m.find()) {
                String nid = m.group(2);
                ids.add(nid.startsWith("0x") ? Long.parseLong(nid.substring(2), 16) : Long.parseLong(nid));
            }
            return ids;
        } catch (IOException | RuntimeException e) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    private static long statTicks(Path stat) {
        String s = read(stat);
        int close = s.lastIndexOf(')');
        if (close < 0) {
            return 0;
        }
        String[] f = s.substring(close + 2).split(" ");
        // after "pid (comm) ": state=0 ... utime=11, stime=12
        return f.length > 12 ? Long.parseLong(f[11]) + Long.parseLong(f[12]) : 0;
    }

    private static String read(Path p) {
        try {
            return Files.readString(p).trim();
        } catch (IOException e) {
            return "";
        }
    }
}
