package org.centerline.stackprocess;

import java.nio.file.Path;
import java.util.List;

/**
 * One row of the service table ({@link ServiceCatalog}): a service run as a child JVM, from which jar, on which port,
 * with which JVM options and arguments of its own.
 *
 * @param name       the service's name (its artifact id), also the value of the local stack's {@code --services}
 * @param jar        the Boot fat jar's file name in the services folder ({@code local-stack/target/services})
 * @param port       the HTTP port of its first instance; instance {@code i} listens on {@code port + 100 * i}
 * @param args       extra program arguments of this service only, after the common ones; {@value #WORK_DIR} in them
 *                   stands for the instance's state folder
 * @param jvmOptions the child JVM's options
 */
public record ServiceSpec(String name, String jar, int port, List<String> args, List<String> jvmOptions) {

    /** Placeholder in {@link #args()} for the instance's state folder (an absolute path). */
    public static final String WORK_DIR = "{workDir}";
    /** Instance {@code i} listens on the first instance's port plus this times {@code i} (8081, 8181, 8281, ...). */
    public static final int INSTANCE_PORT_STEP = 100;

    public ServiceSpec {
        args = List.copyOf(args);
        jvmOptions = List.copyOf(jvmOptions);
    }

    public ServiceSpec(String name, String jar, int port, List<String> args) {
        this(name, jar, port, args, ServiceCatalog.SMALL_JVM);
    }

    public ServiceSpec(String name, String jar, int port) {
        this(name, jar, port, List.of());
    }

    /** The port of instance {@code instance} (0-based): {@code port + 100 * instance}. */
    public int port(int instance) {
        return port + INSTANCE_PORT_STEP * instance;
    }

    /** The name of instance {@code instance}: {@code <service>-<i>}; its instance id, log file and state folder name. */
    public String instanceName(int instance) {
        return name + "-" + instance;
    }

    /** {@link #args()} with {@value #WORK_DIR} replaced by {@code workDir}. */
    public List<String> args(Path workDir) {
        String dir = workDir.toAbsolutePath().normalize().toString();
        return args.stream().map(a -> a.replace(WORK_DIR, dir)).toList();
    }

    /** The first instance's base URL on localhost. */
    public String baseUrl() {
        return baseUrl(0);
    }

    public String baseUrl(int instance) {
        return "http://localhost:" + port(instance);
    }
}
