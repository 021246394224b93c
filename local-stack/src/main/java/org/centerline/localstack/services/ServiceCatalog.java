package org.centerline.localstack.services;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The services the local stack can run, as data: a new service joins by adding a row here (and its
 * {@code exec} jar as a dependency in local-stack's pom, so it is copied to target/services).
 */
public final class ServiceCatalog {

    private static final List<ServiceSpec> ALL = List.of(
            new ServiceSpec("routing-service", "routing-service-exec.jar", 8081));

    private ServiceCatalog() {
    }

    /** Every known service, in start order. */
    public static List<ServiceSpec> all() {
        return ALL;
    }

    /**
     * The services a {@code --services} value names: {@code all}, {@code none}, or a comma-separated list of names.
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
            ServiceSpec spec = ALL.stream().filter(s -> s.name().equals(n)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown service '" + n + "'; known: "
                            + ALL.stream().map(ServiceSpec::name).toList() + ", or all, none"));
            if (!chosen.contains(spec)) {
                chosen.add(spec);
            }
        }
        return List.copyOf(chosen);
    }
}
