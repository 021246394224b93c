package org.centerline.localstack.services;

import java.nio.file.Path;
import java.util.List;

/**
 * One row of the service table: what the local stack runs as a child JVM, from which jar, on which port.
 *
 * @param name the service's name, also its log file name and the value of {@code --services}
 * @param jar  the Boot fat jar's file name in the services folder ({@code local-stack/target/services})
 * @param port the HTTP port it is told to use ({@code --server.port})
 * @param args extra program arguments of this service only, after the common ones; {@value #WORK_DIR} in them
 *             stands for the service's working directory ({@code .centerline/services/<name>})
 * @param jvmOptions the child JVM's options
 */
public record ServiceSpec(String name, String jar, int port, List<String> args, List<String> jvmOptions) {

    /** Small heaps and the serial collector: four services and a broker share two cores. */
    public static final List<String> SMALL_JVM = List.of("-Xmx384m", "-XX:+UseSerialGC");

    /** Placeholder in {@link #args()} for the service's working directory (an absolute path). */
    public static final String WORK_DIR = "{workDir}";

    public ServiceSpec {
        args = List.copyOf(args);
        jvmOptions = List.copyOf(jvmOptions);
    }

    public ServiceSpec(String name, String jar, int port, List<String> args) {
        this(name, jar, port, args, SMALL_JVM);
    }

    public ServiceSpec(String name, String jar, int port) {
        this(name, jar, port, List.of());
    }

    /** {@link #args()} with {@value #WORK_DIR} replaced by {@code workDir}. */
    public List<String> args(Path workDir) {
        String dir = workDir.toAbsolutePath().normalize().toString();
        return args.stream().map(a -> a.replace(WORK_DIR, dir)).toList();
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public String healthUrl() {
        return baseUrl() + "/actuator/health";
    }

    public String readinessUrl() {
        return healthUrl() + "/readiness";
    }
}
