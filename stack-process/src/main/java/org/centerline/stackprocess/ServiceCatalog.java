package org.centerline.stackprocess;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The services, as data, and their JVM options: the one place the local stack, the benchmark and the fault tests
 * take them from. A new service joins by adding a row here (and its {@code exec} jar as a dependency in
 * local-stack's pom, so it is copied to {@code local-stack/target/services}).
 */
public final class ServiceCatalog {

    public static final String ROUTING_SERVICE = "routing-service";
    public static final String CENTER_SERVICE = "center-service";
    public static final String WORKLOAD_SERVICE = "workload-service";
    public static final String NOTIFICATION_SERVICE = "notification-service";

    /** Small heaps and the serial collector: four services and a broker share two cores. */
    public static final List<String> SMALL_JVM = List.of("-Xmx384m", "-XX:+UseSerialGC");
    /**
     * routing-service's, as the benchmark (bench/) measures it: a bigger heap and the parallel collector (2 threads)
     * instead of 384 MB serial, whose full collections took 60-760 ms with the heap ledger (docs/performance.md).
     */
    public static final List<String> ROUTING_JVM = List.of("-Xmx640m", "-XX:+UseParallelGC");

    private static final List<ServiceSpec> ALL = List.of(
            new ServiceSpec(ROUTING_SERVICE, "routing-service-exec.jar", 8081, List.of(), ROUTING_JVM),
            // seed-roster: each Center without a roster gets the one from center-service's shipped data file.
            new ServiceSpec(CENTER_SERVICE, "center-service-exec.jar", 8082, List.of(
                    "--centerline.center.seed-roster=true")),
            // The simulator files about 12 times the national daily volume at its default rate onto rosters of
            // five: a one-hour demand window and simulation-scale standards keep utilization readable.
            new ServiceSpec(WORKLOAD_SERVICE, "workload-service-exec.jar", 8083, List.of(
                    "--centerline.workload.demand-window=1h",
                    "--centerline.workload.productivity.IMPORT_SPECIALIST=50000",
                    "--centerline.workload.productivity.ENTRY_SPECIALIST=30000",
                    "--centerline.workload.metrics-every=5s")),
            // Webhooks go to public addresses only; on this machine, receivers on loopback are allowed too.
            new ServiceSpec(NOTIFICATION_SERVICE, "notification-service-exec.jar", 8084, List.of(
                    "--centerline.notification.allowed-hosts=localhost,127.0.0.1")));

    private ServiceCatalog() {
    }

    /** Every known service, in start order. */
    public static List<ServiceSpec> all() {
        return ALL;
    }

    /** The row of a service by name. */
    public static ServiceSpec spec(String name) {
        return find(ALL, name).orElseThrow(() -> new IllegalArgumentException("unknown service '" + name + "'; known: "
                + names()));
    }

    /** The JVM options every launcher gives this service. */
    public static List<String> jvmOptionsOf(String service) {
        return find(ALL, service).map(ServiceSpec::jvmOptions).orElse(SMALL_JVM);
    }

    /** The service of that name among {@code specs}, if it is there. */
    public static Optional<ServiceSpec> find(List<ServiceSpec> specs, String name) {
        return specs.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public static List<String> names() {
        return ALL.stream().map(ServiceSpec::name).toList();
    }

    /**
     * The services a {@code --services} value names: {@code all}, {@code none}, or a comma-separated list of names;
     * always in start order, whatever order they were named in.
     *
     * @throws IllegalArgumentException for an unknown name
     */
    public static List<ServiceSpec> select(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (v.equals("all")) {
            return ALL;
        }
        if (v.equals("none") || v.isEmpty()) {
            return List.of();
        }
        List<ServiceSpec> chosen = new ArrayList<>();
        for (String name : v.split(",")) {
            String n = name.trim();
            if (n.isEmpty()) {
                continue;
            }
            ServiceSpec spec = find(ALL, n).orElseThrow(() -> new IllegalArgumentException("unknown service '" + n
                    + "'; known: " + names() + ", or all, none"));
            if (!chosen.contains(spec)) {
                chosen.add(spec);
            }
        }
        chosen.sort(Comparator.comparingInt(ALL::indexOf));
        return List.copyOf(chosen);
    }
}
