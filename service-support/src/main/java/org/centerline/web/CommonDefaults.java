package org.centerline.web;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * The settings every Centerline service shares (graceful shutdown, problem details, the token audience, actuator
 * exposure, metrics tags and naming, tracing, the OpenAPI path and version), read from
 * {@code org/centerline/web/application-common.yml} as the lowest-precedence defaults: a service's
 * {@code application.yml}, the environment and the command line override any of them.
 */
public class CommonDefaults implements EnvironmentPostProcessor, Ordered {

    static final String LOCATION = "org/centerline/web/application-common.yml";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            for (PropertySource<?> source : new YamlPropertySourceLoader()
                    .load("centerlineCommonDefaults", new ClassPathResource(LOCATION, CommonDefaults.class.getClassLoader()))) {
                environment.getPropertySources().addLast(source);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + LOCATION, e);
        }
    }

    /** After the config files are read; the defaults go last whatever the order. */
    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER + 2;
    }
}
