package org.centerline.instance;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives every instance an identity of its own when none is configured, so two instances started with
 * the same settings never share a transactional id or a {@code group.instance.id} (they would fence
 * each other in a loop).
 *
 * <p>{@code centerline.instance-id} defaults to {@code <host>-<server.port>}: unique on one machine
 * (ports differ) and across machines (host names differ), and stable across restarts, so static
 * membership takes a restarted instance's partitions back at once. With a random port ({@code 0}, as in
 * tests) a random suffix stands in for the port. {@code centerline.advertised-host} (how other instances
 * reach this one, for forwarded queries) defaults to {@code localhost}. Both are defaults only: a
 * setting anywhere (arguments, environment, a StatefulSet ordinal) wins.
 */
public class InstanceIdentityDefaults implements EnvironmentPostProcessor, Ordered {

    static final String INSTANCE_ID = "centerline.instance-id";
    static final String ADVERTISED_HOST = "centerline.advertised-host";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String port = environment.getProperty("server.port", "8080");
        String suffix = "0".equals(port.trim()) ? randomSuffix() : port.trim();
        environment.getPropertySources().addLast(new MapPropertySource("centerlineInstanceDefaults", Map.of(
                INSTANCE_ID, hostName() + "-" + suffix,
                ADVERTISED_HOST, "localhost")));
    }

    /** After the config files are read, so a configured port or id is seen. */
    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER + 1;
    }

    static String hostName() {
        String fromEnvironment = System.getenv("HOSTNAME");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return sanitize(fromEnvironment);
        }
        try {
            return sanitize(InetAddress.getLocalHost().getHostName());
        } catch (UnknownHostException e) {
            return "host";
        }
    }

    /** Kafka ids allow letters, digits, '.', '_' and '-'; a host name may carry more. */
    static String sanitize(String name) {
        String cleaned = name.trim().replaceAll("[^A-Za-z0-9._-]", "-");
        return cleaned.isEmpty() ? "host" : cleaned;
    }

    private static String randomSuffix() {
        byte[] bytes = new byte[4];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
