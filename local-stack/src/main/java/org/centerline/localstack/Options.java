package org.centerline.localstack;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.centerline.stackprocess.ServiceCatalog;
import org.centerline.stackprocess.ServiceSpec;

/**
 * The command line of the local stack, parsed and checked, so {@link LocalStack} reads settings, not strings.
 */
public record Options(int kafkaPort, int controllerPort, double rate, List<ServiceSpec> services, Path dataDir,
                      Path servicesDir, double invalidShare, long seed, double decisionsPerMinute, boolean help,
                      Map<String, Integer> instances) {

    /** At most this many instances of one service (their ports step by 100 from the first's). */
    public static final int MAX_INSTANCES = 9;

    public Options {
        instances = Map.copyOf(instances);
    }

    public static final String USAGE = """
            Usage: start-local-stack.sh [options]
              --kafka-port N        Kafka client port on localhost (default 9092)
              --controller-port N   KRaft controller port (default kafka port + 1)
              --services LIST       services to run: all (default), none, or e.g. routing-service,center-service
              --instances N         instances of each service (default 1, at most 9): instance i of a service
                                    listens on its first port + 100*i (routing-service 8081, 8181, 8281...),
                                    with instance id <service>-<i> and state in <data-dir>/services/<service>-<i>
              --routing-instances N, --center-instances N, --workload-instances N, --notification-instances N
                                    the same for one service (wins over --instances)
              --rate R              simulated filings per second (default 20; 0 = no filings)
              --decisions-per-minute N
                                    simulated specialists' claim-and-decide steps per minute, over the ten
                                    Centers, when center-service runs (default 60; 0 = no specialists)
              --no-simulator        no filings and no specialists (--rate 0 --decisions-per-minute 0)
              --invalid-share X     share of invalid simulated filings, 0..1 (default 0.03)
              --seed N              seed of the simulated filings (default: random)
              --data-dir DIR        broker data and logs (default <repo>/.centerline)
              --services-dir DIR    where the services' exec jars are (default local-stack/target/services)
              --help                this text""";

    /** Whether the filing simulator runs. */
    public boolean simulator() {
        return rate > 0;
    }

    /** Whether the specialists work: a pace above 0 and center-service among the services. */
    public boolean specialists() {
        return decisionsPerMinute > 0 && ServiceCatalog.find(services, ServiceCatalog.CENTER_SERVICE).isPresent();
    }

    /** How many instances of this service run (1 unless told otherwise). */
    public int instancesOf(String service) {
        return instances.getOrDefault(service, 1);
    }

    public Path kafkaDataDir() {
        return dataDir.resolve("kafka-data");
    }

    /**
     * Parses {@code --name value} and {@code --name=value}.
     *
     * @throws IllegalArgumentException with a message fit for the user
     */
    public static Options parse(String[] args, Workspace workspace) {
        int kafkaPort = 9092;
        Integer controllerPort = null;
        double rate = 20;
        String services = "all";
        Path dataDir = workspace.defaultDataDir();
        Path servicesDir = workspace.servicesDir();
        double invalidShare = 0.03;
        long seed = System.nanoTime() ^ System.currentTimeMillis();
        Double decisionsPerMinute = null;
        boolean noSimulator = false;
        boolean help = false;
        Integer everyService = null;
        Map<String, Integer> perService = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            switch (name) {
                case "--help", "-h" -> help = true;
                case "--no-simulator" -> {
                    rate = 0;
                    noSimulator = true;
                }
                case "--kafka-port", "--controller-port", "--rate", "--services", "--data-dir", "--services-dir",
                        "--invalid-share", "--seed", "--decisions-per-minute", "--instances", "--routing-instances",
                        "--center-instances", "--workload-instances", "--notification-instances" -> {
                    if (value == null) {
                        if (i + 1 >= args.length) {
                            throw new IllegalArgumentException(name + " needs a value");
                        }
                        value = args[++i];
                    }
                    switch (name) {
                        case "--kafka-port" -> kafkaPort = port(name, value);
                        case "--controller-port" -> controllerPort = port(name, value);
                        case "--rate" -> rate = number(name, value, 0, 1_000_000);
                        case "--services" -> services = value;
                        case "--data-dir" -> dataDir = Path.of(value);
                        case "--services-dir" -> servicesDir = Path.of(value);
                        case "--invalid-share" -> invalidShare = number(name, value, 0, 1);
                        case "--seed" -> seed = parseLong(name, value);
                        case "--decisions-per-minute" -> decisionsPerMinute = number(name, value, 0, 100_000);
                        case "--instances" -> everyService = count(name, value);
                        case "--routing-instances" -> perService.put(ServiceCatalog.ROUTING_SERVICE, count(name, value));
                        case "--center-instances" -> perService.put(ServiceCatalog.CENTER_SERVICE, count(name, value));
                        case "--workload-instances" -> perService.put(ServiceCatalog.WORKLOAD_SERVICE, count(name, value));
                        case "--notification-instances" ->
                                perService.put(ServiceCatalog.NOTIFICATION_SERVICE, count(name, value));
                        default -> throw new IllegalStateException(name);
                    }
                }
                default -> throw new IllegalArgumentException("unknown option '" + arg + "'");
            }
        }
        int controller = controllerPort != null ? controllerPort : kafkaPort + 1;
        if (controller == kafkaPort) {
            throw new IllegalArgumentException("--controller-port must differ from --kafka-port");
        }
        // --no-simulator stops the specialists too, unless their pace is given explicitly
        double decisions = decisionsPerMinute != null ? decisionsPerMinute : noSimulator ? 0 : 60;
        Map<String, Integer> instances = new LinkedHashMap<>();
        for (String service : ServiceCatalog.names()) {
            Integer n = perService.getOrDefault(service, everyService);
            if (n != null) {
                instances.put(service, n);
            }
        }
        return new Options(kafkaPort, controller, rate, ServiceCatalog.select(services),
                dataDir.toAbsolutePath().normalize(), servicesDir.toAbsolutePath().normalize(), invalidShare, seed, decisions,
                help, instances);
    }

    private static int count(String name, String value) {
        double d = number(name, value, 1, MAX_INSTANCES);
        if (d != Math.rint(d)) {
            throw new IllegalArgumentException(name + " must be a whole number: " + value);
        }
        return (int) d;
    }

    private static int port(String name, String value) {
        int p = (int) number(name, value, 1, 65_535);
        if (p != Double.parseDouble(value)) {
            throw new IllegalArgumentException(name + " must be a whole number: " + value);
        }
        return p;
    }

    private static double number(String name, String value, double min, double max) {
        double d;
        try {
            d = Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number: '" + value + "'");
        }
        if (Double.isNaN(d) || d < min || d > max) {
            throw new IllegalArgumentException(name + " must be between " + fmt(min) + " and " + fmt(max) + ": " + value);
        }
        return d;
    }

    private static long parseLong(String name, String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number: '" + value + "'");
        }
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.format(Locale.ROOT, "%s", d);
    }
}
