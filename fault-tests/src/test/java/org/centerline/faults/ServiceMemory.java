package org.centerline.faults;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.centerline.contracts.json.CenterlineJson;
import org.centerline.stackprocess.ServiceJvm;

/**
 * A service JVM's memory at one moment: heap in use right after a full GC (forced with {@code jcmd <pid> GC.run}, read
 * from {@code /actuator/metrics/jvm.memory.used}, which needs role ops), and resident set size now and at peak (/proc).
 */
record ServiceMemory(long heapAfterGcBytes, long rssBytes, long peakRssBytes) {

    static ServiceMemory of(ServiceJvm service, String opsToken) {
        fullGc(service.jvm().pid());
        ServiceJvm.Answer a = service.get("/actuator/metrics/jvm.memory.used?tag=area:heap", opsToken);
        if (!a.ok()) {
            throw new IllegalStateException("heap metric of " + service.name() + " answered " + a.status() + ": " + a.body());
        }
        long heap = (long) CenterlineJson.mapper().readTree(a.body()).path("measurements").path(0).path("value").asDouble();
        return new ServiceMemory(heap, service.jvm().rssBytes(), service.jvm().peakRssBytes());
    }

    private static void fullGc(long pid) {
        try {
            String jcmdPath = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
            Process jcmd = new ProcessBuilder(jcmdPath, Long.toString(pid), "GC.run").redirectErrorStream(true).start();
            jcmd.getInputStream().readAllBytes();
            if (!jcmd.waitFor(60, TimeUnit.SECONDS) || jcmd.exitValue() != 0) {
                throw new IllegalStateException("jcmd " + pid + " GC.run failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run jcmd", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public String toString() {
        return "heap after GC " + Measurements.mib(heapAfterGcBytes) + ", RSS " + Measurements.mib(rssBytes) + " (peak "
                + Measurements.mib(peakRssBytes) + ")";
    }
}
