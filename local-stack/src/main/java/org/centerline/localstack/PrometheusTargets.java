package org.centerline.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.centerline.stackprocess.ServiceCatalog;
import org.centerline.stackprocess.ServiceSpec;

/**
 * Prometheus scrape targets of the instances beyond the first, as file_sd files {@code <data-dir>/prometheus/<service>.json}
 * that ops/prometheus/prometheus-local.yml reads (the first instance of each service is a static target there). Every
 * known service gets a file, an empty list when it runs one instance or none, so a smaller restart drops old targets.
 */
final class PrometheusTargets {

    private PrometheusTargets() {
    }

    static void write(Path dataDir, List<ServiceSpec> running, Map<String, Integer> instances) {
        Path dir = dataDir.resolve("prometheus");
        try {
            Files.createDirectories(dir);
            for (ServiceSpec spec : ServiceCatalog.all()) {
                int n = running.contains(spec) ? instances.getOrDefault(spec.name(), 1) : 0;
                Path file = dir.resolve(spec.name() + ".json");
                Path tmp = dir.resolve(spec.name() + ".json.tmp");
                Files.writeString(tmp, json(spec, n), StandardCharsets.UTF_8);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the Prometheus targets in " + dir, e);
        }
    }

    /** file_sd JSON: one group per instance 1..n-1, labelled with its instance id. */
    static String json(ServiceSpec spec, int instances) {
        StringJoiner groups = new StringJoiner(",\n  ", "[\n  ", "\n]\n").setEmptyValue("[]\n");
        for (int i = 1; i < instances; i++) {
            groups.add("{\"targets\": [\"localhost:" + spec.port(i) + "\"], \"labels\": {\"instance_id\": \""
                    + spec.instanceName(i) + "\"}}");
        }
        return groups.toString();
    }
}
